"""The side-constrained assignment model as a MILP (scipy ``milp``, HiGHS) over a set of candidate edges.

Penalised objective (maximised, in 1/scale units):

    Σ score·x − load_penalty·Σ_e load_e² − big·(unfilled seats + min-load shortfall
                                               + panels without leader + panels without exact-code expert)

``big`` dominates every affinity/load trade-off, so seats are filled first. The same objective is used
by the decomposition (``decompose.py``), which is why ``big`` and the cover masks can be passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from .affinity import Candidates
from .model import Instance, Parameters


def big_penalty(inst: Instance, params: Parameters, cands: Candidates) -> int:
    """Weight of one unmet requirement, in 1/scale units: larger than any affinity/penalty trade-off."""
    pen = int(round(params.load_penalty * params.scale))
    max_aff = int(np.abs(cands.score).max()) if len(cands.score) else 0
    max_load = max((max(e.max_load, 1) for e in inst.experts), default=1)
    return (2 * min(len(inst.applications), len(inst.experts)) + 2) * (max_aff + pen * (2 * max_load - 1)) + 1


def cover_masks(inst: Instance, cands: Candidates) -> tuple[np.ndarray, np.ndarray]:
    """Per application: must have a leader (some candidate may lead) / an exact-code expert (required and
    some candidate has the exact code). Panels with no such candidate were reported by the pre-check."""
    n_a = len(inst.applications)
    may_lead = np.array([e.may_lead for e in inst.experts], dtype=bool)
    need_lead = np.bincount(cands.app[may_lead[cands.exp]], minlength=n_a) > 0
    need_exact = np.array(
        [a.require_exact_code and bool(a.industry_codes) for a in inst.applications], dtype=bool
    )
    need_exact &= np.bincount(cands.app[cands.exact], minlength=n_a) > 0
    return need_lead, need_exact


@dataclass
class MilpOutcome:
    chosen: np.ndarray  # edge indices (into the candidates passed in)
    leaders: np.ndarray
    status: str  # optimal / feasible / infeasible / not_solved
    message: str
    objective: float | None  # penalised objective of the solution (1/scale units)
    bound: float | None  # proven upper bound on the penalised objective (1/scale units)
    gap: float | None
    stats: dict = field(default_factory=dict)


class _Rows:
    """Accumulates sparse constraint blocks (vectorised COO pieces)."""

    def __init__(self):
        self.r, self.c, self.v, self.lo, self.hi = [], [], [], [], []
        self.n = 0

    def add(self, rows, cols, vals, lo, hi, count):
        self.r.append(np.asarray(rows, dtype=np.int64) + self.n)
        self.c.append(np.asarray(cols, dtype=np.int64))
        self.v.append(np.broadcast_to(np.asarray(vals, dtype=np.float64), np.shape(rows)))
        self.lo.append(np.broadcast_to(np.asarray(lo, dtype=np.float64), (count,)))
        self.hi.append(np.broadcast_to(np.asarray(hi, dtype=np.float64), (count,)))
        self.n += count

    def constraint(self, n_vars):
        m = sp.csr_matrix(
            (np.concatenate(self.v), (np.concatenate(self.r), np.concatenate(self.c))), shape=(self.n, n_vars)
        )
        return LinearConstraint(m, np.concatenate(self.lo), np.concatenate(self.hi))


def solve_model(
    inst: Instance,
    params: Parameters,
    cands: Candidates,
    *,
    side_constraints: bool,
    relax: bool,
    time_limit: float,
    big: int | None = None,
    masks: tuple[np.ndarray, np.ndarray] | None = None,
    want_duals: bool = False,
) -> MilpOutcome:
    """Build and solve the model over ``cands`` (all of them: pass a subset to restrict it)."""
    apps, exps = inst.applications, inst.experts
    n_a, n_e = len(apps), len(exps)
    n_x = len(cands.app)
    scale = params.scale
    active = np.array([e.active for e in exps], dtype=bool)
    lock_e = np.bincount(cands.exp[cands.locked], minlength=n_e)
    max_e = np.where(active, [e.max_load for e in exps], lock_e).astype(np.int64)
    min_e = np.where(active, [e.min_load for e in exps], 0).astype(np.int64)
    panel = np.array([a.panel_size for a in apps], dtype=np.int64)
    pen = int(round(params.load_penalty * scale))
    big = big_penalty(inst, params, cands) if big is None else big
    need_lead, need_exact = cover_masks(inst, cands) if masks is None else masks

    # variable layout: x | y (leader, may_lead edges) | z (load units) | u (unfilled) | s (min short) | w | v
    may_lead = np.array([e.may_lead for e in exps], dtype=bool)
    lead_edges = np.nonzero(may_lead[cands.exp])[0] if side_constraints else np.zeros(0, dtype=np.int64)
    n_y = len(lead_edges)
    z_exp = np.repeat(np.arange(n_e, dtype=np.int64), max_e)
    z_k = np.arange(int(max_e.sum()), dtype=np.int64) - np.repeat(np.cumsum(max_e) - max_e, max_e)
    n_z = len(z_exp)
    req_apps = np.nonzero(need_exact)[0] if side_constraints else np.zeros(0, dtype=np.int64)
    w_apps = np.nonzero(need_lead)[0] if side_constraints else np.zeros(0, dtype=np.int64)
    n_w, n_v = len(w_apps), len(req_apps)
    ox, oy, oz = 0, n_x, n_x + n_y
    ou = oz + n_z
    os_ = ou + n_a
    ow = os_ + n_e
    ov = ow + n_w
    n_vars = ov + n_v

    c = np.concatenate([
        -cands.score / scale, np.zeros(n_y), pen * (2 * z_k + 1) / scale,
        np.full(n_a + n_e + n_w + n_v, big / scale),
    ])  # fmt: skip
    lb = np.zeros(n_vars)
    ub = np.concatenate(
        [np.ones(n_x + n_y + n_z), panel.astype(float), min_e.astype(float), np.ones(n_w + n_v)]
    )
    lb[ox + np.nonzero(cands.locked)[0]] = 1.0
    if side_constraints and inst.locked_leaders:
        pos = {(apps[cands.app[k]].id, exps[cands.exp[k]].id): t for t, k in enumerate(lead_edges)}
        for pr in inst.locked_leaders:
            lb[oy + pos[pr]] = 1.0
    integrality = np.zeros(n_vars, dtype=np.int64)
    if not relax:
        integrality[: n_x + n_y] = 1
        integrality[ou : ou + n_a] = 1
        integrality[ow:] = 1

    rows = _Rows()
    ex = np.arange(n_x)
    # panel seats: Σ_e x_ae + u_a = panel_a
    rows.add(np.concatenate([cands.app, np.arange(n_a)]), np.concatenate([ox + ex, ou + np.arange(n_a)]), 1.0,
             panel, panel, n_a)  # fmt: skip
    # load: Σ_a x_ae − Σ_k z_ek = 0
    rows.add(np.concatenate([cands.exp, z_exp]), np.concatenate([ox + ex, oz + np.arange(n_z)]),
             np.concatenate([np.ones(n_x), -np.ones(n_z)]), 0.0, 0.0, n_e)  # fmt: skip
    # min load: Σ_k z_ek + s_e ≥ min_e (on the load units, so the load row's dual is the expert's whole
    # price, as the Lagrangian bound in decompose.py needs)
    rows.add(np.concatenate([z_exp, np.arange(n_e)]), np.concatenate([oz + np.arange(n_z), os_ + np.arange(n_e)]),
             1.0, min_e, np.inf, n_e)  # fmt: skip
    n_emp_rows = 0
    if side_constraints:
        t = np.arange(n_y)
        # y_ae ≤ x_ae
        rows.add(np.concatenate([t, t]), np.concatenate([oy + t, ox + lead_edges]),
                 np.concatenate([np.ones(n_y), -np.ones(n_y)]), -np.inf, 0.0, n_y)  # fmt: skip
        # Σ_e y_ae + w_a = 1 for panels that need a leader; at most one leader elsewhere
        slot = np.full(n_a, -1, dtype=np.int64)
        slot[w_apps] = np.arange(n_w)
        in_w = slot[cands.app[lead_edges]] >= 0
        if n_w:
            rows.add(np.concatenate([slot[cands.app[lead_edges[in_w]]], np.arange(n_w)]),
                     np.concatenate([oy + t[in_w], ow + np.arange(n_w)]), 1.0, 1.0, 1.0, n_w)  # fmt: skip
        if not in_w.all():  # restricted edge sets: leader candidates of panels not needing one
            rest_apps, rest_row = np.unique(cands.app[lead_edges[~in_w]], return_inverse=True)
            rows.add(rest_row, oy + t[~in_w], 1.0, -np.inf, 1.0, len(rest_apps))
        # at most one expert per employer per panel
        emp_ids = {k: n for n, k in enumerate(sorted({e.employer_id for e in exps if e.employer_id}))}
        emp = np.array([emp_ids.get(e.employer_id, -1) for e in exps], dtype=np.int64)[cands.exp]
        has = np.nonzero(emp >= 0)[0]
        key = cands.app[has] * (len(emp_ids) + 1) + emp[has]
        _, inv, counts = np.unique(key, return_inverse=True, return_counts=True)
        multi = counts[inv] > 1
        grp_rows = np.unique(inv[multi], return_inverse=True)[1]
        n_emp_rows = int(grp_rows.max()) + 1 if len(grp_rows) else 0
        if n_emp_rows:
            rows.add(grp_rows, ox + has[multi], 1.0, -np.inf, 1.0, n_emp_rows)
        # at least one exact-code expert: Σ_{exact} x_ae + v_a ≥ 1
        if n_v:
            slot = np.full(n_a, -1, dtype=np.int64)
            slot[req_apps] = np.arange(n_v)
            sel = np.nonzero(cands.exact & (slot[cands.app] >= 0))[0]
            rows.add(np.concatenate([slot[cands.app[sel]], np.arange(n_v)]),
                     np.concatenate([ox + sel, ov + np.arange(n_v)]), 1.0, 1.0, np.inf, n_v)  # fmt: skip
    cons = rows.constraint(n_vars)
    if relax and want_duals:
        return _solve_lp(c, cons, lb, ub, n_a, n_e, scale, time_limit, n_x)
    res = milp(c, constraints=cons, integrality=integrality, bounds=Bounds(lb, ub),
               options={"time_limit": time_limit, "mip_rel_gap": params.mip_rel_gap, "disp": False})  # fmt: skip
    stats = {"edges": n_x, "variables": n_vars, "constraints": rows.n, "employer_rows": n_emp_rows,
             "message": res.message}  # fmt: skip
    if res.x is None:
        status = {2: "infeasible", 1: "not_solved"}.get(res.status, "not_solved")
        empty = np.zeros(0, dtype=np.int64)
        return MilpOutcome(empty, empty, status, res.message, None, None, None, stats)
    x = res.x
    chosen = np.nonzero(x[ox : ox + n_x] > 0.5)[0]
    leaders = lead_edges[x[oy : oy + n_y] > 0.5] if n_y else np.zeros(0, dtype=np.int64)
    dual = res.fun if relax else getattr(res, "mip_dual_bound", None)
    bound = -float(dual) * scale if dual is not None and np.isfinite(dual) else None
    gap = None if relax else getattr(res, "mip_gap", None)
    if gap is None and bound is not None and not relax:
        gap = abs(bound + res.fun * scale) / max(abs(res.fun * scale), 1e-9)
    stats["slack_unfilled"] = int(round(x[ou : ou + n_a].sum()))
    stats["slack_no_leader"] = int(round(x[ow : ow + n_w].sum()))
    stats["slack_no_exact"] = int(round(x[ov : ov + n_v].sum()))
    status = "optimal" if res.status == 0 else "feasible"
    return MilpOutcome(chosen, leaders, status, res.message, -float(res.fun) * scale, bound,
                       None if gap is None else float(gap), stats)  # fmt: skip


def _solve_lp(c, cons, lb, ub, n_a, n_e, scale, time_limit, n_x) -> MilpOutcome:
    """LP relaxation by ``linprog`` (HiGHS), keeping the load rows' duals: the expert prices λ."""
    m = cons.A.tocsr()
    eq = cons.lb == cons.ub
    up = ~eq & np.isfinite(cons.ub)
    down = ~eq & np.isfinite(cons.lb)
    a_ub = sp.vstack([m[up], -m[down]]).tocsr()
    b_ub = np.concatenate([cons.ub[up], -cons.lb[down]])
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=m[eq], b_eq=cons.ub[eq], bounds=np.column_stack([lb, ub]),
                  method="highs", options={"time_limit": time_limit})  # fmt: skip
    empty = np.zeros(0, dtype=np.int64)
    stats = {"edges": n_x, "variables": len(c), "constraints": m.shape[0], "message": res.message}
    if res.status != 0:
        return MilpOutcome(empty, empty, "not_solved", res.message, None, None, None, stats)
    eq_rows = np.cumsum(eq) - 1  # position of each equality row among the equalities
    load_rows = eq_rows[n_a : n_a + n_e]  # panel rows come first, then the load rows (all equalities)
    stats["load_duals"] = -res.eqlin.marginals[load_rows] * scale
    x = res.x
    return MilpOutcome(np.nonzero(x[:n_x] > 0.5)[0], empty, "optimal", res.message, -res.fun * scale,
                       -res.fun * scale, None, stats)  # fmt: skip
