"""Exact best panel of every application for given expert prices, vectorised over applications.

For prices λ (one per expert) the reduced score of an edge is r = score − λ_expert. The best panel of an
application picks at most ``panel_size`` members, at most one per employer, maximising
Σ r − big·(empty seats + missing leader + missing exact-code member) — the per-panel problem of the
Lagrangian relaxation and the pricing problem of the column generation (``colgen.py``).

An optimal panel consists of at most two "witnesses" (a leader and an exact-code member, or one member
that is both), each among the best ``m + 2`` of its kind with distinct employers, and then the best other
members with distinct employers (see ``decompose.panel_best``, the scalar version this one is tested
against). Here every such choice ("configuration") is evaluated for all applications at once with numpy;
applications with locked members use the scalar version.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .affinity import Candidates
from .decompose import _employer_index, panel_best
from .model import Instance


@dataclass
class PanelData:
    cands: Candidates
    n_a: int
    emp: np.ndarray  # per edge: employer number (experts without one have their own)
    lead: np.ndarray  # per edge: the expert may lead
    panel: np.ndarray  # per application
    need_lead: np.ndarray
    need_exact: np.ndarray
    locked_app: np.ndarray  # per application: has locked members (scalar path)
    starts: np.ndarray  # candidate rows of application i: starts[i]:starts[i + 1]
    big: int


def panel_data(
    inst: Instance, cands: Candidates, big: int, masks: tuple[np.ndarray, np.ndarray]
) -> PanelData:
    n_a = len(inst.applications)
    may_lead = np.array([e.may_lead for e in inst.experts], dtype=bool)
    return PanelData(
        cands=cands,
        n_a=n_a,
        emp=_employer_index(inst)[cands.exp],
        lead=may_lead[cands.exp],
        panel=np.array([a.panel_size for a in inst.applications], dtype=np.int64),
        need_lead=masks[0],
        need_exact=masks[1],
        locked_app=np.bincount(cands.app[cands.locked], minlength=n_a) > 0,
        starts=np.searchsorted(cands.app, np.arange(n_a + 1)),
        big=big,
    )


def _table(pd: PanelData, order: np.ndarray, mask: np.ndarray, width: int) -> np.ndarray:
    """Per application: the best ``width`` edges satisfying ``mask`` with distinct employers (−1 padded)."""
    sub = order[mask[order]]
    app = pd.cands.app[sub]
    key = app * (int(pd.emp.max(initial=0)) + 1) + pd.emp[sub]
    _, first = np.unique(key, return_index=True)
    sub = sub[np.sort(first)]  # first (best) of each employer, still sorted by (application, −r, expert)
    app = pd.cands.app[sub]
    rank = np.arange(len(sub)) - np.searchsorted(app, np.arange(pd.n_a))[app]
    keep = rank < width
    out = np.full((pd.n_a, width), -1, dtype=np.int64)
    out[app[keep], rank[keep]] = sub[keep]
    return out


def best_panels(pd: PanelData, r: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best panel per application for reduced scores ``r`` (per edge).

    Returns (value per application, application and edge of every chosen member, sorted by both).
    """
    c, big, n_a = pd.cands, pd.big, pd.n_a
    width = int(pd.panel.max(initial=1)) + 2
    order = np.lexsort((c.exp, -r, c.app))
    fill = _table(pd, order, r + big > 0, width)
    witnesses = {
        "lead": (_table(pd, order, pd.lead, width), pd.need_lead),
        "exact": (_table(pd, order, c.exact, width), pd.need_exact),
        "both": (_table(pd, order, pd.lead & c.exact, width), pd.need_lead & pd.need_exact),
    }
    r_pad = np.append(r, -np.inf)  # index −1 → padding
    emp_pad = np.append(pd.emp, -1)
    lead_pad = np.append(pd.lead, False)
    exact_pad = np.append(c.exact, False)
    f_r, f_emp, f_lead, f_exact = r_pad[fill], emp_pad[fill], lead_pad[fill], exact_pad[fill]
    none = np.full(n_a, -1, dtype=np.int64)

    configs: list[tuple[np.ndarray, np.ndarray]] = [(none, none)]
    for table, needed in witnesses.values():
        for k in range(width):
            configs.append((np.where(needed, table[:, k], -1), none))
    lead_t, exact_t = witnesses["lead"][0], witnesses["exact"][0]
    both_needed = pd.need_lead & pd.need_exact
    for i in range(width):
        for j in range(width):
            configs.append(
                (np.where(both_needed, lead_t[:, i], -1), np.where(both_needed, exact_t[:, j], -1))
            )

    best_value = np.full(n_a, -np.inf)
    best_cfg = np.zeros(n_a, dtype=np.int64)
    best_take = np.zeros((n_a, width), dtype=bool)
    for n, (w1, w2) in enumerate(configs):
        n_w = (w1 >= 0).astype(np.int64) + (w2 >= 0)
        valid = (n_w > 0) if n else np.ones(n_a, dtype=bool)  # a configuration with a missing witness is void
        if n and n > 3 * width:
            valid &= (w1 >= 0) & (w2 >= 0) & (emp_pad[w1] != emp_pad[w2])
        valid &= n_w <= pd.panel
        if not valid.any():
            continue
        e1, e2 = emp_pad[w1], emp_pad[w2]
        eligible = (fill >= 0) & (f_emp != e1[:, None]) & (f_emp != e2[:, None])
        take = eligible & (np.cumsum(eligible, axis=1) <= (pd.panel - n_w)[:, None])
        count = n_w + take.sum(axis=1)
        value = np.where(w1 >= 0, r_pad[w1], 0.0) + np.where(w2 >= 0, r_pad[w2], 0.0)
        value = value + np.where(take, f_r, 0.0).sum(axis=1) - big * (pd.panel - count)
        has_lead = lead_pad[w1] | lead_pad[w2] | (take & f_lead).any(axis=1)
        has_exact = exact_pad[w1] | exact_pad[w2] | (take & f_exact).any(axis=1)
        value = value - big * (pd.need_lead & ~has_lead) - big * (pd.need_exact & ~has_exact)
        better = valid & (value > best_value)  # ties keep the earlier configuration: deterministic
        best_value = np.where(better, value, best_value)
        best_cfg[better] = n
        best_take[better] = take[better]

    pick = (best_cfg, np.arange(n_a))
    w1 = np.stack([w for w, _ in configs])[pick]
    w2 = np.stack([w for _, w in configs])[pick]
    rows, cols = np.nonzero(best_take)
    app = np.concatenate([rows, np.nonzero(w1 >= 0)[0], np.nonzero(w2 >= 0)[0]])
    edge = np.concatenate([fill[rows, cols], w1[w1 >= 0], w2[w2 >= 0]])

    scalar = np.nonzero(pd.locked_app)[0]
    if len(scalar):
        keep = ~pd.locked_app[app]
        app, edge = [app[keep]], [edge[keep]]
        for i in scalar.tolist():
            lo, hi = pd.starts[i], pd.starts[i + 1]
            rows_i = [
                (float(r[k]), int(pd.emp[k]), bool(pd.lead[k]), bool(c.exact[k]), bool(c.locked[k]), int(k))
                for k in range(lo, hi)
            ]
            best_value[i], chosen = panel_best(
                rows_i, int(pd.panel[i]), bool(pd.need_lead[i]), bool(pd.need_exact[i]), big
            )
            app.append(np.full(len(chosen), i, dtype=np.int64))
            edge.append(np.array(chosen, dtype=np.int64))
        app, edge = np.concatenate(app), np.concatenate(edge)
    o = np.lexsort((edge, app))
    return best_value, app[o], edge[o]


def expert_part(lam: np.ndarray, max_e: np.ndarray, min_e: np.ndarray, pen: int, big: int) -> float:
    """Σ_e max over loads L of λ_e·L − pen·L² − big·max(min_e − L, 0)."""
    loads = np.arange(int(max_e.max(initial=0)) + 1, dtype=np.int64)
    val = (
        lam[:, None] * loads[None, :]
        - pen * loads[None, :] ** 2
        - big * np.maximum(min_e[:, None] - loads, 0)
    )
    return float(np.where(loads[None, :] <= max_e[:, None], val, -np.inf).max(axis=1).sum())
