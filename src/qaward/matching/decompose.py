"""Building blocks of the decomposition of large side-constrained instances (see ``colgen.py``).

The model is a network (panels ↔ experts with convex load costs) plus rules that each concern one
panel, so:

1. ``network_duals``: the network relaxation solved exactly by min-cost flow with the MILP's own
   penalised costs, and the expert prices λ_e (node potentials) read off the residual graph by
   Bellman–Ford — the starting point of the column generation.
2. ``lagrangian_bound``: dualising only the expert-load coupling, the problem splits into one small
   problem per panel (pick the best members by reduced score s − λ subject to leader, employer and
   exact-code rules, solved exactly by ``panel_best``) plus one per expert (best load given λ). Their
   sum bounds the side-constrained optimum from above for any λ. ``pricing.best_panels`` is the
   vectorised version used by the column generation; this scalar one is its reference in the tests.

Everything is integer (1/scale units) and deterministic: ties are broken by expert index.
"""

from __future__ import annotations

import numpy as np
from ortools.graph.python import min_cost_flow

from .affinity import Candidates
from .milp import cover_masks
from .model import Instance, Parameters


def _expert_arrays(inst: Instance, cands: Candidates):
    n_e = len(inst.experts)
    active = np.array([e.active for e in inst.experts], dtype=bool)
    lock_e = np.bincount(cands.exp[cands.locked], minlength=n_e)
    max_e = np.where(active, [e.max_load for e in inst.experts], lock_e).astype(np.int64)
    min_e = np.where(active, [e.min_load for e in inst.experts], 0).astype(np.int64)
    return lock_e, max_e, min_e


def network_duals(inst: Instance, params: Parameters, cands: Candidates, big: int):
    """Optimal network flow under the MILP's penalised costs and expert prices λ (int64 per expert).

    Returns (chosen edge mask, λ, penalised network optimum), or λ = None if the potentials could not
    be computed (then only the network optimum bounds the MILP).
    """
    n_a, n_e = len(inst.applications), len(inst.experts)
    sink = n_a + n_e
    pen = int(round(params.load_penalty * params.scale))
    lock_e, max_e, min_e = _expert_arrays(inst, cands)
    lock_a = np.bincount(cands.app[cands.locked], minlength=n_a)
    need = np.array([a.panel_size for a in inst.applications], dtype=np.int64) - lock_a
    free = np.nonzero(~cands.locked)[0]
    ea, ee, es = cands.app[free], cands.exp[free], cands.score[free]
    units = np.maximum(max_e - lock_e, 0)
    u_exp = np.repeat(np.arange(n_e, dtype=np.int64), units)
    u_k = np.arange(int(units.sum()), dtype=np.int64) - np.repeat(np.cumsum(units) - units, units)
    u_k += np.repeat(lock_e, units)
    u_cost = pen * (2 * u_k + 1) - big * (u_k < np.repeat(min_e, units))
    apps = np.arange(n_a, dtype=np.int64)
    tails = np.concatenate([ea, n_a + u_exp, apps])
    heads = np.concatenate([n_a + ee, np.full(len(u_exp) + n_a, sink, dtype=np.int64)])
    caps = np.concatenate([np.ones(len(ea) + len(u_exp), dtype=np.int64), np.maximum(need, 0)])
    costs = np.concatenate([-es, u_cost, np.full(n_a, big, dtype=np.int64)])
    smcf = min_cost_flow.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    seats = int(np.maximum(need, 0).sum())
    smcf.set_nodes_supplies(
        np.arange(n_a + n_e + 1, dtype=np.int64),
        np.concatenate([np.maximum(need, 0), np.zeros(n_e, np.int64), [-seats]]),
    )
    if seats > 0:
        if smcf.solve() != smcf.OPTIMAL:
            return None
        flows = smcf.flows(arcs)
    else:
        flows = np.zeros(len(arcs), dtype=np.int64)
    chosen = cands.locked.copy()
    chosen[free[flows[: len(ea)] > 0]] = True
    load = np.bincount(cands.exp[chosen], minlength=n_e)
    unfilled = flows[len(ea) + len(u_exp) :]  # seats sent straight to the sink
    phi = int(cands.score[chosen].sum()) - int((pen * load * load + big * np.maximum(min_e - load, 0)).sum())
    phi -= big * int(unfilled.sum())

    # residual graph: arcs with spare capacity forwards, arcs with flow backwards
    f = flows
    fwd = f < caps
    back = f > 0
    r_tail = np.concatenate([tails[fwd], heads[back]])
    r_head = np.concatenate([heads[fwd], tails[back]])
    r_cost = np.concatenate([costs[fwd], -costs[back]])
    dist = _bellman_ford(n_a + n_e + 1, r_tail, r_head, r_cost)
    if dist is None:
        return chosen, None, phi
    lam = dist[sink] - dist[n_a : n_a + n_e]
    return chosen, lam.astype(np.int64), phi


def _bellman_ford(n: int, tail: np.ndarray, head: np.ndarray, cost: np.ndarray) -> np.ndarray | None:
    """Shortest distances from a virtual root joined to every node by a zero arc (vectorised rounds)."""
    order = np.argsort(head, kind="stable")
    tail, head, cost = tail[order], head[order], cost[order]
    nodes, starts = np.unique(head, return_index=True)
    dist = np.zeros(n, dtype=np.int64)
    for _ in range(n + 1):
        best = np.minimum.reduceat(dist[tail] + cost, starts)
        new = dist.copy()
        new[nodes] = np.minimum(dist[nodes], best)
        if np.array_equal(new, dist):
            return dist
        dist = new
    return None  # a negative cycle: the flow was not optimal (should not happen)


def _employer_index(inst: Instance) -> np.ndarray:
    """Employer number per expert; experts without an employer get one of their own."""
    ids = {k: n for n, k in enumerate(sorted({e.employer_id for e in inst.experts if e.employer_id}))}
    return np.array(
        [ids[e.employer_id] if e.employer_id else len(ids) + j for j, e in enumerate(inst.experts)],
        dtype=np.int64,
    )


def panel_best(
    rows: list[tuple], m: int, need_lead: bool, need_exact: bool, big: int
) -> tuple[int, list[int]]:
    """Exact best panel of one application for given reduced scores.

    ``rows``: (reduced score, employer, may lead, exact code, locked, edge id); at most ``m`` members,
    locked ones included, at most one per employer; value = Σ reduced score − big·(empty seats + unmet
    leader rule + unmet exact-code rule). An optimal panel consists of at most two "witnesses" (a
    leader and an exact-code member, or one member that is both), each among the best few of its kind
    by employer, and the best other members by employer; every such choice is tried.
    """
    forced = [r for r in rows if r[4]]
    blocked = {r[1] for r in forced}
    m_free = m - len(forced)
    base = sum(r[0] for r in forced)
    has_lead = any(r[2] for r in forced)
    has_exact = any(r[3] for r in forced)
    pool = sorted((r for r in rows if not r[4] and r[1] not in blocked), key=lambda r: (-r[0], r[5]))

    def best_by_employer(pred, limit):
        seen, out = set(), []
        for r in pool:
            if pred(r) and r[1] not in seen:
                seen.add(r[1])
                out.append(r)
                if len(out) >= limit:
                    break
        return out

    fill_list = best_by_employer(lambda r: r[0] + big > 0, m_free + 2)
    width = m_free + 2
    leads = best_by_employer(lambda r: r[2], width) if need_lead and not has_lead else []
    exacts = best_by_employer(lambda r: r[3], width) if need_exact and not has_exact else []
    boths = best_by_employer(lambda r: r[2] and r[3], width) if leads and exacts else []
    configs: list[list[tuple]] = [[]] + [[r] for r in leads + exacts + boths]
    configs += [[lo, ex] for lo in leads for ex in exacts if lo[1] != ex[1]]
    best_value, best_set = None, []
    for w in configs:
        if len(w) > m_free:
            continue
        used = {r[1] for r in w}
        chosen = list(w)
        for r in fill_list:
            if len(chosen) >= m_free:
                break
            if r[1] not in used:
                used.add(r[1])
                chosen.append(r)
        value = base + sum(r[0] for r in chosen) - big * (m_free - len(chosen))
        if need_lead and not (has_lead or any(r[2] for r in chosen)):
            value -= big
        if need_exact and not (has_exact or any(r[3] for r in chosen)):
            value -= big
        if best_value is None or value > best_value:
            best_value, best_set = value, [r[5] for r in forced] + [r[5] for r in chosen]
    return best_value, best_set


def lagrangian_bound(inst: Instance, params: Parameters, cands: Candidates, lam: np.ndarray, big: int):
    """Upper bound on the penalised side-constrained optimum for expert prices ``lam``.

    Returns (bound, per-application values, mask of applications whose unconstrained best panel breaks
    a side rule — where the rules bind).
    """
    n_a = len(inst.applications)
    pen = int(round(params.load_penalty * params.scale))
    _, max_e, min_e = _expert_arrays(inst, cands)
    need_lead, need_exact = cover_masks(inst, cands)
    emp = _employer_index(inst)
    may_lead = np.array([e.may_lead for e in inst.experts], dtype=bool)
    panel = np.array([a.panel_size for a in inst.applications], dtype=np.int64)
    r = cands.score - lam[cands.exp]  # float prices give float reduced scores; the bound is valid either way

    # per expert: max over loads of λ·L − pen·L² − big·shortfall
    loads = np.arange(int(max_e.max(initial=0)) + 1, dtype=np.int64)
    val = (
        lam[:, None] * loads[None, :]
        - pen * loads[None, :] ** 2
        - big * np.maximum(min_e[:, None] - loads, 0)
    )
    val = np.where(loads[None, :] <= max_e[:, None], val, -np.inf)
    expert_part = float(val.max(axis=1).sum())

    # per application, vectorised greedy: best member of each employer, best m of those
    order = np.lexsort((cands.exp, -r, cands.app))
    a_s, e_s, r_s = cands.app[order], cands.exp[order], r[order]
    key = a_s * (int(emp.max(initial=0)) + 1) + emp[e_s]
    _, first = np.unique(key, return_index=True)
    first = np.sort(first)
    a_f, r_f = a_s[first], r_s[first]
    start = np.searchsorted(a_f, np.arange(n_a))
    rank = np.arange(len(a_f)) - start[a_f]
    take = (rank < panel[a_f]) & (r_f + big > 0)
    idx = first[take]
    count = np.bincount(a_f[take], minlength=n_a)
    values = np.bincount(a_f[take], weights=r_f[take], minlength=n_a) - big * (panel - count)
    got_lead = np.bincount(a_s[idx], weights=may_lead[e_s[idx]], minlength=n_a) > 0
    got_exact = np.bincount(a_s[idx], weights=cands.exact[order][idx], minlength=n_a) > 0
    hard = (need_lead & ~got_lead) | (need_exact & ~got_exact)
    hard |= np.bincount(cands.app[cands.locked], minlength=n_a) > 0
    if hard.any():
        bounds_a = np.searchsorted(cands.app, np.arange(n_a + 1))  # candidates are sorted by application
        for i in np.nonzero(hard)[0]:
            lo, hi = bounds_a[i], bounds_a[i + 1]
            rows = [
                (float(r[k]), int(emp[cands.exp[k]]), bool(may_lead[cands.exp[k]]), bool(cands.exact[k]),
                 bool(cands.locked[k]), int(k))
                for k in range(lo, hi)
            ]  # fmt: skip
            values[i], _ = panel_best(rows, int(panel[i]), bool(need_lead[i]), bool(need_exact[i]), big)
    binding = hard & ~(np.bincount(cands.app[cands.locked], minlength=n_a) > 0)
    return float(values.sum()) + expert_part, values, binding
