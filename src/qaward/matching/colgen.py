"""Column generation for large side-constrained instances (Dantzig–Wolfe over panels, price and branch).

The side rules (one leader, one expert per employer, one exact-code member) each concern one panel;
only the expert loads couple the panels. So the model is rewritten with one column per *panel
pattern* (a set of members that obeys the panel's rules, or pays ``big`` for each rule it breaks):

    max Σ_p value_p·θ_p − Σ_e (load cost_e + big·min-load shortfall_e)
    s.t. Σ_{p of a} θ_p = 1 for every application a      (convexity, dual μ_a)
         Σ_{p ∋ e} θ_p = load_e for every expert e        (dual λ_e: the expert's price)

Its LP relaxation is the Lagrangian dual of the load coupling, far tighter than the compact MILP's
LP. Pricing a new pattern for every application at prices λ is the exact per-panel problem
(``pricing.best_panels``), and the same call gives the Lagrangian upper bound L(λ), valid for any λ.

- Start: the min-cost-flow solution and its prices (``decompose.network_duals``); its panels that obey
  the employer rule and the flow repaired panel by panel (``repair.py``, the first incumbent, so an
  answer exists however early the time runs out) become the first patterns; a pattern of only the
  locked members keeps the master feasible.
- Stabilisation (boxstep): the prices are kept within ±Δ of the best prices so far by two artificial
  columns per load row; Δ grows when no column prices out while an artificial is used.
- Stop when the best bound and the master's integral LP solution agree within ``mip_rel_gap``. If the
  LP solution is fractional, the master over the generated patterns is solved as a MILP (price and
  branch) in the time left.

The master LP is kept in one HiGHS instance (SciPy's bundled binding) so each round re-solves from the
previous basis. The ``highspy`` package itself cannot be used: it ships its own libhighs, whose
symbols clash with the one inside OR-Tools in the same process (either import order fails).
"""

from __future__ import annotations

import time

import numpy as np

from .affinity import Candidates
from .decompose import _expert_arrays, network_duals
from .milp import MilpOutcome
from .model import Instance, Parameters
from .pricing import PanelData, best_panels, expert_part, panel_data
from .repair import repair

try:  # SciPy ≥ 1.15 bundles HiGHS' own Python binding; callers fall back to the compact MILP without it
    from scipy.optimize._highspy._core import HighsModelStatus, HighsVarType, _Highs, kHighsInf
except ImportError:  # pragma: no cover - depends on the SciPy version
    _Highs = None

_TOL = 1e-6  # reduced value (1/scale units) a pattern needs to enter the master


def available() -> bool:
    return _Highs is not None


class _Master:
    """The restricted master LP/MILP: rows = convexity (n_a), load (n_e), min load (n_e)."""

    def __init__(self, pd: PanelData, max_e, min_e, pen: int, big: int):
        n_a, n_e = pd.n_a, len(max_e)
        self.pd, self.n_a, self.n_e, self.big = pd, n_a, n_e, big
        h = self.h = _Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("random_seed", 0)
        lo = np.concatenate([np.ones(n_a), np.zeros(n_e), min_e.astype(float)])
        up = np.concatenate([np.ones(n_a), np.zeros(n_e), np.full(n_e, kHighsInf)])
        h.addRows(len(lo), lo, up, 0, np.zeros(1, np.int32), np.zeros(0, np.int32), np.zeros(0))
        z_exp = np.repeat(np.arange(n_e), max_e)
        z_k = np.arange(int(max_e.sum())) - np.repeat(np.cumsum(max_e) - max_e, max_e)
        n_z = len(z_exp)
        idx = np.column_stack([n_a + z_exp, n_a + n_e + z_exp]).ravel()
        self._add(pen * (2 * z_k + 1), np.ones(n_z), np.arange(n_z) * 2, idx, np.tile([-1.0, 1.0], n_z))
        rows = np.arange(n_e)
        self._add(np.full(n_e, big), min_e, rows, n_a + n_e + rows, np.ones(n_e))  # min-load shortfall
        self.art = np.arange(n_z + n_e, n_z + 3 * n_e, dtype=np.int32)  # box artificials ±1 per load row
        self._add(np.zeros(2 * n_e), np.full(2 * n_e, kHighsInf), np.arange(2 * n_e), np.tile(n_a + rows, 2),
                  np.repeat([1.0, -1.0], n_e))  # fmt: skip
        self.first_pattern = n_z + 3 * n_e
        self.col_app: list[np.ndarray] = []  # per batch: application of each pattern column
        self.col_edges: list[tuple[np.ndarray, np.ndarray]] = []  # per batch: (starts, edges)
        self.values: list[np.ndarray] = []

    def _add(self, cost, upper, starts, index, values):
        n = len(cost)
        self.h.addCols(n, np.asarray(cost, dtype=float), np.zeros(n), np.asarray(upper, dtype=float),
                       len(index), np.asarray(starts, dtype=np.int32), np.asarray(index, dtype=np.int32),
                       np.asarray(values, dtype=float))  # fmt: skip

    def pattern_values(self, app: np.ndarray, edge: np.ndarray) -> np.ndarray:
        """Penalised value of each application's pattern (members given by sorted (app, edge))."""
        pd, c = self.pd, self.pd.cands
        cnt = np.bincount(app, minlength=pd.n_a)
        got_lead = np.bincount(app, weights=pd.lead[edge], minlength=pd.n_a) > 0
        got_exact = np.bincount(app, weights=c.exact[edge], minlength=pd.n_a) > 0
        score = np.bincount(app, weights=c.score[edge], minlength=pd.n_a)
        short = (pd.panel - cnt) + (pd.need_lead & ~got_lead) + (pd.need_exact & ~got_exact)
        return score - self.big * short

    def add_patterns(self, app: np.ndarray, edge: np.ndarray, which: np.ndarray) -> None:
        """Add the pattern of each application in ``which`` (sorted); (app, edge) sorted by app."""
        if not len(which):
            return
        sel = np.isin(app, which)
        app, edge = app[sel], edge[sel]
        value = self.pattern_values(app, edge)[which]
        cnt = np.bincount(app, minlength=self.n_a)[which]
        starts = np.concatenate([[0], np.cumsum(cnt + 1)[:-1]])
        index = np.empty(int((cnt + 1).sum()), dtype=np.int64)
        index[starts] = which
        slot = np.searchsorted(which, app)
        k = np.arange(len(app)) - np.searchsorted(app, which)[slot]
        index[starts[slot] + 1 + k] = self.n_a + self.pd.cands.exp[edge]
        self._add(-value, np.full(len(which), kHighsInf), starts, index, np.ones(len(index)))
        e_starts = np.concatenate([[0], np.cumsum(cnt)])
        self.col_app.append(which.copy())
        self.col_edges.append((e_starts, edge.copy()))
        self.values.append(value)

    def objective(self, chosen: np.ndarray, max_e: np.ndarray, min_e: np.ndarray, pen: int) -> int:
        """Exact penalised objective (1/scale units) of an assignment given as edge indices."""
        c = self.pd.cands
        app, edge = c.app[chosen], chosen
        load = np.bincount(c.exp[chosen], minlength=self.n_e)
        panels = int(self.pattern_values(app, edge).sum())
        return panels - int((pen * load * load + self.big * np.maximum(min_e - load, 0)).sum())

    def set_box(self, center: np.ndarray, delta: float) -> None:
        # artificial +1 costs (Δ − λc), −1 costs (λc + Δ): the LP's prices λ stay in [λc − Δ, λc + Δ]
        cost = np.concatenate([delta - center, center + delta]).astype(float)
        self.h.changeColsCost(len(self.art), self.art, cost)

    def solve(self, time_limit: float) -> bool:
        # HiGHS compares its time limit with the instance's run time accumulated over every run
        self.h.setOptionValue("time_limit", self.h.getRunTime() + max(time_limit, 0.01))
        self.h.run()
        return self.h.getModelStatus() == HighsModelStatus.kOptimal

    def solution(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Chosen pattern columns (θ > 0.5) → (edge indices, integral?)."""
        theta = x[self.first_pattern :]
        integral = bool(np.all(np.minimum(theta, 1 - theta) < 1e-6)) and x[self.art].sum() < 1e-6
        chosen, base = [], 0
        for (starts, edges), apps in zip(self.col_edges, self.col_app, strict=True):
            on = np.nonzero(theta[base : base + len(apps)] > 0.5)[0]
            for k in on.tolist():
                chosen.append(edges[starts[k] : starts[k + 1]])
            base += len(apps)
        return (np.sort(np.concatenate(chosen)) if chosen else np.zeros(0, dtype=np.int64)), integral

    def rounded(self, theta: np.ndarray) -> np.ndarray:
        """Edges of each panel's pattern with the largest θ (ties: the first generated)."""
        apps = np.concatenate(self.col_app)[: len(theta)]
        order = np.lexsort((np.arange(len(theta)), -theta, apps))
        first = order[np.r_[True, apps[order][1:] != apps[order][:-1]]]
        chosen, base = [], 0
        for (starts, edges), batch in zip(self.col_edges, self.col_app, strict=True):
            for k in first[(first >= base) & (first < base + len(batch))].tolist():
                chosen.append(edges[starts[k - base] : starts[k - base + 1]])
            base += len(batch)
        return np.sort(np.concatenate(chosen)) if chosen else np.zeros(0, dtype=np.int64)

    def as_mip(self, gap: float) -> None:
        n = self.h.getNumCol() - self.first_pattern
        cols = np.arange(self.first_pattern, self.first_pattern + n, dtype=np.int32)
        self.h.changeColsIntegrality(n, cols, np.full(n, HighsVarType.kInteger))
        zero = np.zeros(len(self.art))
        self.h.changeColsBounds(len(self.art), self.art, zero, zero)
        self.h.setOptionValue("mip_rel_gap", gap)

    def fix(self, patterns: np.ndarray, lower: float) -> None:
        """Set the lower bound of some pattern columns (1: chosen for sure, 0: free again)."""
        cols = (self.first_pattern + patterns).astype(np.int32)
        n = len(cols)
        self.h.changeColsBounds(n, cols, np.full(n, lower), np.full(n, kHighsInf))


def solve_colgen(
    inst: Instance, params: Parameters, cands: Candidates, *, deadline: float, big: int, masks
) -> MilpOutcome | None:
    """Best solution and bound by column generation before ``deadline`` (``time.perf_counter()``);
    None if the flow's prices could not be computed (the caller then uses the compact MILP)."""
    t0 = time.perf_counter()
    n_a = len(inst.applications)
    pen = int(round(params.load_penalty * params.scale))
    _, max_e, min_e = _expert_arrays(inst, cands)
    duals = network_duals(inst, params, cands, big)
    if duals is None or duals[1] is None:
        return None
    flow_chosen, lam, phi = duals
    stats: dict = {"flow_s": time.perf_counter() - t0, "network_bound": phi / params.scale,
                   "edges_total": int(len(cands.app))}  # fmt: skip
    pd = panel_data(inst, cands, big, masks)
    master = _Master(pd, max_e, min_e, pen, big)
    locked = np.nonzero(cands.locked)[0]
    master.add_patterns(cands.app[locked], locked, np.arange(n_a))  # always feasible (penalised)
    fe = np.nonzero(flow_chosen)[0]
    fa = cands.app[fe]
    key = fa * (int(pd.emp.max(initial=0)) + 1) + pd.emp[fe]
    uniq, cnt = np.unique(key, return_counts=True)
    clash = np.zeros(n_a, dtype=bool)
    clash[uniq[cnt > 1] // (int(pd.emp.max(initial=0)) + 1)] = True
    master.add_patterns(fa, fe, np.nonzero(~clash)[0])
    best_chosen = repair(pd, fe, max_e, min_e)  # first incumbent: the flow with its panels repaired
    best_obj = master.objective(best_chosen, max_e, min_e, pen)
    master.add_patterns(cands.app[best_chosen], best_chosen, np.arange(n_a))
    stats["repaired_flow"] = best_obj / params.scale

    center = lam.astype(float)
    delta = 30.0 * params.scale / 1000  # prices move at most 0.03 affinity units per round at first
    master.set_box(center, delta)
    best_bound = float(phi)
    rounds: list[dict] = []
    lam_now, mu, art, theta = center, None, 0.0, np.zeros(0)
    # keep a share of the time for price and branch, should the LP solutions stay fractional
    cg_deadline = deadline - 0.25 * max(deadline - time.perf_counter(), 0.0)
    while True:
        values, p_app, p_edge = best_panels(pd, cands.score - lam_now[cands.exp])
        bound = float(values.sum()) + expert_part(lam_now, max_e, min_e, pen, big)
        if bound < best_bound:
            best_bound, center = bound, lam_now.copy()
            master.set_box(center, delta)
        if _gap(best_bound, best_obj) <= params.mip_rel_gap:
            break
        new = np.arange(n_a) if mu is None else np.nonzero(values - mu > _TOL)[0]
        if len(new):
            master.add_patterns(p_app, p_edge, new)
        elif art < 1e-6:
            break  # the LP is optimal over all patterns: only branching can close the gap
        else:
            delta *= 4  # no pattern prices out but the box binds: widen it
            master.set_box(center, delta)
        left = cg_deadline - time.perf_counter()
        if left <= 0 or not master.solve(left):
            break
        sol = master.h.getSolution()
        x, dual = np.asarray(sol.col_value), np.asarray(sol.row_dual)
        theta = x[master.first_pattern :]
        lp = -master.h.getInfo().objective_function_value
        art = float(x[master.art].sum())
        chosen, integral = master.solution(x)
        obj = master.objective(chosen, max_e, min_e, pen) if integral else None
        if obj is not None and obj > best_obj:
            best_obj, best_chosen = obj, chosen
        rounds.append({"bound": best_bound / params.scale, "lp": lp / params.scale, "added": int(len(new)),
                       "columns": int(master.h.getNumCol() - master.first_pattern), "integral": bool(integral),
                       "s": time.perf_counter() - t0})  # fmt: skip
        lam_now, mu = -dual[n_a : n_a + len(max_e)], -dual[:n_a]
    stats["rounds"] = rounds
    t_mip = time.perf_counter()
    if _gap(best_bound, best_obj) > params.mip_rel_gap and len(theta):
        rounded = repair(pd, master.rounded(theta), max_e, min_e)
        obj = master.objective(rounded, max_e, min_e, pen)
        stats["rounded_lp"] = obj / params.scale
        if obj > best_obj:
            best_obj, best_chosen = obj, rounded
    left = deadline - time.perf_counter()
    if _gap(best_bound, best_obj) > params.mip_rel_gap and left > 0:
        # price and branch over the generated patterns: first with the panels the LP already decided fixed
        # (a small MILP, quick to solve), then, if time remains, over all of them
        master.as_mip(params.mip_rel_gap)
        settled = np.nonzero(theta > 1 - 1e-6)[0] if art < 1e-6 else np.zeros(0, dtype=np.int64)
        for lower in (1.0, 0.0):
            master.fix(settled, lower)
            left = deadline - time.perf_counter()
            if left <= 0 or (lower == 0.0 and not len(settled)):
                break
            master.solve(left)
            sol = master.h.getSolution()
            if sol.value_valid:
                chosen = master.solution(np.asarray(sol.col_value))[0]
                obj = master.objective(chosen, max_e, min_e, pen)
                if obj > best_obj:
                    best_obj, best_chosen = obj, chosen
            if _gap(best_bound, best_obj) <= params.mip_rel_gap:
                break
        stats["mip_s"] = time.perf_counter() - t_mip
    leaders = _leaders(inst, cands, pd, best_chosen)
    gap = _gap(best_bound, best_obj)
    status = "optimal" if gap <= params.mip_rel_gap else "feasible"
    stats.update(
        lagrangian_bound=best_bound / params.scale, columns=int(master.h.getNumCol() - master.first_pattern)
    )
    return MilpOutcome(best_chosen, leaders, status, "column generation", best_obj, best_bound, gap, stats)


def _leaders(inst: Instance, cands: Candidates, pd: PanelData, chosen: np.ndarray) -> np.ndarray:
    """One leader per panel: the locked leader, else the leader-eligible member with the best score."""
    locked = {(inst.applications[a].id, inst.experts[e].id) for a, e in zip(
        cands.app[chosen].tolist(), cands.exp[chosen].tolist(), strict=True)} & inst.locked_leaders  # fmt: skip
    out: dict[int, int] = {}
    for k in chosen[np.lexsort((cands.exp[chosen], -cands.score[chosen]))].tolist():
        a = int(cands.app[k])
        pair = (inst.applications[a].id, inst.experts[cands.exp[k]].id)
        if pair in locked or (pd.lead[k] and a not in out):
            out[a] = k
    return np.array(sorted(out.values(), key=lambda k: cands.app[k]), dtype=np.int64)


def _gap(bound: float, objective: float) -> float:
    gap = (bound - objective) / max(abs(objective), 1.0)
    return 0.0 if gap < 1e-9 else gap
