"""Pre-checks, the exact min-cost-flow model and the side-constrained MILP."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, replace

import numpy as np
from ortools.graph.python import min_cost_flow

from . import colgen
from .affinity import Candidates, build_candidates, pair_affinity
from .availability import unavailable_reason
from .milp import big_penalty, cover_masks, solve_model
from .model import Instance, Issue, MatchingInputError, Pair, Parameters, Result, Unfilled

FLOW_SOLVER = "ortools.SimpleMinCostFlow (max flow, min cost)"
MILP_SOLVER = "scipy.optimize.milp (HiGHS)"
DEFAULT = Parameters()
_FINISH_S_PER_SEAT = 1.5e-4  # time kept back per seat for explaining every pair (pair_affinity)


def validate(inst: Instance) -> None:
    """Raise ``MatchingInputError`` for input the office must fix before any run."""
    msgs: list[str] = []
    for kind, ids in (("申报", [a.id for a in inst.applications]), ("专家", [e.id for e in inst.experts])):
        dup = sorted(k for k, n in Counter(ids).items() if n > 1)
        if dup:
            msgs.append(f"{kind}编号重复：{'、'.join(dup)}")
    apps = {a.id: a for a in inst.applications}
    exps = {e.id: e for e in inst.experts}
    for a in inst.applications:
        if a.panel_size < 1:
            msgs.append(f"申报「{a.id}」的评审组人数为 {a.panel_size}，应至少为 1")
    for e in inst.experts:
        if e.min_load < 0 or e.max_load < e.min_load:
            msgs.append(
                f"专家「{e.id}」的工作量范围 [{e.min_load}, {e.max_load}] 无效：应满足 0 ≤ 最低 ≤ 最高"
            )
    per_app: Counter[str] = Counter()
    per_exp: Counter[str] = Counter()
    for a, e in sorted(inst.locked):
        if a not in apps or e not in exps:
            msgs.append(f"锁定的分配（申报「{a}」—专家「{e}」）引用了不存在的申报或专家，请先解除锁定")
            continue
        if (a, e) in inst.conflicts:
            msgs.append(f"锁定的分配（申报「{a}」—专家「{e}」）存在回避关系，请先解除锁定")
        if not exps[e].active:
            msgs.append(f"锁定的专家「{e}」已停用或取消资格，请先解除其在申报「{a}」的锁定")
        why = unavailable_reason(apps[a], exps[e])
        if why:
            msgs.append(f"锁定的分配不可行：{why}，请先解除锁定或调整日期")
        per_app[a] += 1
        per_exp[e] += 1
    for a, n in sorted(per_app.items()):
        if n > apps[a].panel_size:
            msgs.append(
                f"申报「{a}」锁定了 {n} 名专家，超过评审组人数 {apps[a].panel_size}，请解除多余的锁定"
            )
    for e, n in sorted(per_exp.items()):
        if n > exps[e].max_load:
            msgs.append(
                f"专家「{e}」锁定了 {n} 个申报，超过其工作量上限 {exps[e].max_load}，请解除锁定或提高上限"
            )
    lead_per_app: Counter[str] = Counter()
    for a, e in sorted(inst.locked_leaders):
        if (a, e) not in inst.locked:
            msgs.append(f"组长锁定（申报「{a}」—专家「{e}」）必须同时锁定该专家为评审组成员")
        elif not exps[e].may_lead:
            msgs.append(f"专家「{e}」不具备组长资格，不能锁定为申报「{a}」的组长")
        lead_per_app[a] += 1
    for a, n in sorted(lead_per_app.items()):
        if n > 1:
            msgs.append(f"申报「{a}」锁定了 {n} 名组长，每个评审组只能有一名组长")
    if msgs:
        raise MatchingInputError(msgs)


def _excluded(cands: Candidates, i: int) -> str:
    """The "排除回避（n 名）[、评审日期不可用（m 名）]和停用专家后" clause for application index i."""
    away = int(cands.n_unavailable[i]) if len(cands.n_unavailable) else 0
    dates = f"、评审日期不可用（{away} 名）" if away else ""
    return f"排除回避（{int(cands.n_conflicts[i])} 名）{dates}和停用专家后"


def precheck(inst: Instance, params: Parameters, cands: Candidates, side_constraints: bool) -> list[Issue]:
    """Capacity and candidate checks run before solving; the solver still runs and reports unfilled seats."""
    issues: list[Issue] = []
    apps, exps = inst.applications, inst.experts
    demand = sum(a.panel_size for a in apps)
    capacity = sum(e.max_load for e in exps if e.active)
    if capacity < demand:
        issues.append(Issue("capacity", "warning",
            f"在册可用专家的工作量上限合计 {capacity} 席，少于全部评审组需要的 {demand} 席（缺 {demand - capacity} 席）："
            "请补充专家或提高专家工作量上限。"))  # fmt: skip
    for i, a in enumerate(apps):
        n = int(cands.n_feasible[i])
        if n < a.panel_size:
            issues.append(Issue("candidates", "warning",
                f"申报「{a.id}」{_excluded(cands, i)}仅有 {n} 名可选专家，"
                f"少于评审组人数 {a.panel_size}：请补充相关行业专家或减少该评审组人数。", a.id))  # fmt: skip
    min_total = sum(e.min_load for e in exps if e.active)
    if min_total > demand:
        issues.append(Issue("min_load", "warning",
            f"专家最低工作量合计 {min_total} 席，超过评审席位总数 {demand} 席，最低工作量无法全部满足："
            "请降低最低工作量。"))  # fmt: skip
    for j, e in enumerate(exps):
        if e.active and e.min_load > int(cands.exp_feasible[j]):
            issues.append(Issue("min_load", "warning",
                f"专家「{e.id}」排除回避和不可用日期后只能评审 {int(cands.exp_feasible[j])} 个申报，"
                f"达不到其最低工作量 {e.min_load}："
                "请降低该专家的最低工作量。", e.id))  # fmt: skip
    if side_constraints:
        lead_cap = sum(e.max_load for e in exps if e.active and e.may_lead)
        if lead_cap < len(apps):
            issues.append(Issue("leaders", "warning",
                f"具备组长资格的专家工作量上限合计 {lead_cap}，少于评审组数 {len(apps)}：请增加组长人选或提高其工作量上限。"))  # fmt: skip
        may_lead = np.array([e.may_lead for e in exps], dtype=bool)
        has_lead = np.zeros(len(apps), dtype=bool)
        has_lead[cands.app[may_lead[cands.exp]]] = True
        has_exact = np.zeros(len(apps), dtype=bool)
        has_exact[cands.app[cands.exact]] = True
        for i, a in enumerate(apps):
            if not has_lead[i]:
                issues.append(Issue("leaders", "warning",
                    f"申报「{a.id}」的候选专家（前 {params.top_k} 名）中没有具备组长资格的专家：请指定组长人选或扩大候选范围。", a.id))  # fmt: skip
            if a.require_exact_code and not a.industry_codes:
                issues.append(Issue("exact_code", "warning",
                    f"申报「{a.id}」要求同行业代码专家，但没有填写行业代码：该要求将被忽略。", a.id))  # fmt: skip
            elif a.require_exact_code and not has_exact[i]:
                issues.append(Issue("exact_code", "warning",
                    f"申报「{a.id}」（行业 {'、'.join(a.industry_codes)}）的候选专家中没有相同行业代码的专家：请补充该行业专家。", a.id))  # fmt: skip
        lock_emp: Counter[tuple[str, str]] = Counter()
        emp = {e.id: e.employer_id for e in exps}
        for a, e in inst.locked:
            if emp.get(e):
                lock_emp[(a, emp[e])] += 1
        for (a, em), n in sorted(lock_emp.items()):
            if n > 1:
                issues.append(Issue("employer", "error",
                    f"申报「{a}」锁定了同一单位（{em}）的 {n} 名专家，违反“同一单位至多一人”：请解除其中的锁定。", a))  # fmt: skip
    return issues


def _unfilled_reason(
    inst: Instance, cands: Candidates, i: int, top_k: int | None, employers: bool = False
) -> str:
    a = inst.applications[i]
    n = int(cands.n_feasible[i])
    if n < a.panel_size:
        return f"{_excluded(cands, i)}仅有 {n} 名可选专家，评审组需要 {a.panel_size} 名"
    rows = np.arange(*np.searchsorted(cands.app, [i, i + 1]))  # candidates are sorted by application
    if top_k is not None and len(rows) < a.panel_size:
        return f"候选名单只取前 {top_k} 名，不足以组成评审组：请扩大候选范围"
    if employers:
        units = {inst.experts[j].employer_id or f"#{j}" for j in cands.exp[rows].tolist()}
        if len(units) < a.panel_size:
            return (
                f"候选专家只来自 {len(units)} 个单位，按“同一单位至多一人”无法组成 {a.panel_size} 人评审组："
                "请补充其他单位的专家"
            )
    return "可选专家的工作量上限已被其他申报用满：请提高这些专家的工作量上限或补充专家"


def _finish(
    inst, params, cands, chosen, leaders, issues, solver, status, bound, gap, stats, top_k, employers=False
) -> Result:
    """Build the result from chosen edge indices (into cands)."""
    apps, exps = inst.applications, inst.experts
    assign: dict[str, list[str]] = {a.id: [] for a in apps}
    pairs: list[Pair] = []
    lead_ids = {(apps[cands.app[k]].id, exps[cands.exp[k]].id) for k in leaders}
    affinity = 0
    for k in sorted(chosen, key=lambda k: (cands.app[k], cands.exp[k])):
        a, e = apps[cands.app[k]], exps[cands.exp[k]]
        comp = pair_affinity(a, e, params)
        affinity += comp["score"]
        assign[a.id].append(e.id)
        pairs.append(Pair(a.id, e.id, bool(cands.locked[k]), (a.id, e.id) in lead_ids, comp))
    loads = Counter(e for v in assign.values() for e in v)
    pen = int(round(params.load_penalty * params.scale))
    penalty = pen * sum(n * n for n in loads.values())
    unfilled = []
    for i, a in enumerate(apps):
        short = a.panel_size - len(assign[a.id])
        if short > 0:
            unfilled.append(Unfilled(a.id, short, _unfilled_reason(inst, cands, i, top_k, employers)))
    lead_map: dict[str, str | None] = {a.id: None for a in apps}
    for a, e in lead_ids:
        lead_map[a] = e
    for e in exps:
        if e.active and loads.get(e.id, 0) < e.min_load:
            issues.append(Issue("min_load_unmet", "warning",
                f"专家「{e.id}」只分配到 {loads.get(e.id, 0)} 个申报，低于最低工作量 {e.min_load}。", e.id))  # fmt: skip
    return Result(
        solver=solver,
        status=status,
        assignments={k: tuple(v) for k, v in assign.items()},
        leaders=lead_map,
        pairs=pairs,
        unfilled=unfilled,
        issues=issues,
        objective=(affinity - penalty) / params.scale,
        affinity_total=affinity / params.scale,
        penalty_total=penalty / params.scale,
        bound=bound,
        gap=gap,
        parameters=asdict(params),
        input_hash=inst.input_hash(params),
        stats=stats,
    )


def solve_flow(inst: Instance, params: Parameters = DEFAULT) -> Result:
    """Exact network model: fill as many seats as possible, then meet min loads, then maximise
    Σ affinity − load_penalty · Σ load², with locked pairs kept. No leader/employer/exact-code rules."""
    t0 = time.perf_counter()
    validate(inst)
    cands = build_candidates(inst, params, params.flow_top_k)
    t_cand = time.perf_counter() - t0
    issues = precheck(inst, params, cands, side_constraints=False)
    apps, exps = inst.applications, inst.experts
    n_a, n_e = len(apps), len(exps)
    sink = n_a + n_e

    lock_a = np.bincount(cands.app[cands.locked], minlength=n_a)
    lock_e = np.bincount(cands.exp[cands.locked], minlength=n_e)
    need = np.array([a.panel_size for a in apps], dtype=np.int64) - lock_a
    active = np.array([e.active for e in exps], dtype=bool)
    max_e = np.where(active, [e.max_load for e in exps], lock_e).astype(np.int64)
    min_e = np.where(active, [e.min_load for e in exps], 0).astype(np.int64)
    pen = int(round(params.load_penalty * params.scale))

    free = ~cands.locked
    ea, ee, es = cands.app[free], cands.exp[free], cands.score[free]
    # expert → sink: one unit arc per load level k = locked .. max−1, marginal cost pen·(2k+1)
    units = np.maximum(max_e - lock_e, 0)
    u_exp = np.repeat(np.arange(n_e, dtype=np.int64), units)
    starts = np.cumsum(units) - units
    u_k = np.arange(int(units.sum()), dtype=np.int64) - np.repeat(starts, units) + np.repeat(lock_e, units)
    u_cost = pen * (2 * u_k + 1)
    max_aff = int(np.abs(es).max()) if len(es) else 0
    max_marg = int(u_cost.max()) if len(u_cost) else 0
    seats = int(need.sum())
    bonus = seats * 2 * (max_aff + max_marg) + 1  # min-load units dominate any affinity/penalty trade-off
    u_cost = u_cost - np.where(u_k < np.repeat(min_e, units), bonus, 0)

    smcf = min_cost_flow.SimpleMinCostFlow()
    arcs = smcf.add_arcs_with_capacity_and_unit_cost(
        np.concatenate([ea, n_a + u_exp]),
        np.concatenate([n_a + ee, np.full(len(u_exp), sink, dtype=np.int64)]),
        np.ones(len(ea) + len(u_exp), dtype=np.int64),
        np.concatenate([-es, u_cost]),
    )
    smcf.set_nodes_supplies(
        np.arange(n_a + n_e + 1, dtype=np.int64),
        np.concatenate([need, np.zeros(n_e, dtype=np.int64), [-seats]]),
    )
    t1 = time.perf_counter()
    st = smcf.solve_max_flow_with_min_cost() if seats > 0 else smcf.OPTIMAL
    t_solve = time.perf_counter() - t1
    if st != smcf.OPTIMAL:
        issues.append(Issue("solver", "error", f"最小费用流求解失败（状态 {st}）。"))
        chosen = np.nonzero(cands.locked)[0]
        status = "not_solved"
    else:
        # never query an unsolved graph (OR-Tools crashes): with no free seat nothing flows
        flows = smcf.flows(arcs[: len(ea)]) if len(ea) and seats > 0 else np.zeros(len(ea), dtype=np.int64)
        chosen = np.sort(np.concatenate([np.nonzero(free)[0][flows > 0], np.nonzero(cands.locked)[0]]))
        status = "optimal"
    stats = {"edges": int(len(ea)), "load_arcs": int(len(u_exp)), "candidates_s": t_cand, "solve_s": t_solve}
    res = _finish(inst, params, cands, chosen.tolist(), [], issues, FLOW_SOLVER, status, None, None, stats,
                  params.flow_top_k)  # fmt: skip
    if status == "optimal":
        res.bound, res.gap = res.objective, 0.0
    res.stats["total_s"] = time.perf_counter() - t0
    return res


def _merge(cg, full):
    """Column generation's answer and the compact MILP's (small instances whose patterns did not close
    the gap): the better solution, the lower of the two valid bounds."""
    if full.objective is None:
        return cg
    best = full if full.objective > cg.objective else cg
    bounds = [b for b in (cg.bound, full.bound) if b is not None]
    bound = min(bounds)
    gap = max((bound - best.objective) / max(abs(best.objective), 1.0), 0.0)
    status = "optimal" if full.status == "optimal" or gap <= 1e-9 else "feasible"
    stats = {
        **cg.stats,
        "compact_milp": {"status": full.status, "objective": full.objective, "bound": full.bound},
    }
    return replace(best, bound=max(bound, best.objective), gap=gap, status=status, stats=stats)


def solve_milp(
    inst: Instance, params: Parameters = DEFAULT, *, side_constraints: bool = True, relax: bool = False
) -> Result:
    """Side-constrained model over the top-K candidates per application (``params.top_k``).

    Adds to the network model: exactly one leader per panel among may_lead experts, at most one expert
    per employer per panel, at least one exact-code expert where required. Unfilled seats, missing
    leaders/exact-code experts and unmet min loads are slack variables with a heavy penalty, so the
    model is always feasible and the result says what could not be met. ``relax=True`` solves the LP
    relaxation (for the bound only; its assignment is the rounded-down LP solution).

    ``params.method``: "full" gives HiGHS the whole model; "decomposed" solves it by column generation
    over panel patterns started from the min-cost flow, with a Lagrangian bound (see ``colgen.py``);
    "auto" uses the full model up to ``params.full_milp_max_edges`` candidate edges. The whole call,
    scoring included, returns within about ``params.time_limit`` seconds.
    """
    t0 = time.perf_counter()
    validate(inst)
    cands = build_candidates(inst, params, params.top_k)
    t_cand = time.perf_counter() - t0
    issues = precheck(inst, params, cands, side_constraints=side_constraints)
    if any(i.level == "error" for i in issues):
        raise MatchingInputError([i.message for i in issues if i.level == "error"])
    apps = inst.applications
    method = params.method
    if method == "auto":
        method = "full" if len(cands.app) <= params.full_milp_max_edges else "decomposed"
    if method not in ("full", "decomposed"):
        raise MatchingInputError([f"未知的求解方法「{params.method}」：应为 auto、full 或 decomposed"])
    t1 = time.perf_counter()
    # the whole call honours time_limit: scoring is already spent, and building the result is reserved
    deadline = t0 + params.time_limit - _FINISH_S_PER_SEAT * sum(a.panel_size for a in apps)
    out = None
    if method == "decomposed" and side_constraints and not relax and colgen.available():
        big = big_penalty(inst, params, cands)
        out = colgen.solve_colgen(
            inst, params, cands, deadline=deadline, big=big, masks=cover_masks(inst, cands)
        )
        solver = MILP_SOLVER + ", column generation (min-cost flow start, Lagrangian bound, price and branch)"
        left = deadline - time.perf_counter()
        if (
            out is not None
            and out.status != "optimal"
            and len(cands.app) <= params.full_milp_max_edges
            and left > 0
        ):
            out = _merge(
                out, solve_model(inst, params, cands, side_constraints=True, relax=False, time_limit=left)
            )
    if out is None:
        out = solve_model(inst, params, cands, side_constraints=side_constraints, relax=relax,
                          time_limit=max(deadline - time.perf_counter(), 0.1))  # fmt: skip
        solver = (
            MILP_SOLVER
            + (" LP relaxation" if relax else "")
            + ("" if side_constraints else ", network model")
        )
    t_solve = time.perf_counter() - t1
    stats = {**out.stats, "candidates_s": t_cand, "solve_s": t_solve, "method": method}
    scale = params.scale
    if out.objective is None:
        issues.append(Issue("solver", "error", f"MILP 未得到可行解：{out.message}"))
        res = _finish(inst, params, cands, np.nonzero(cands.locked)[0].tolist(), [], issues, solver, out.status,
                      None, None, stats, params.top_k, side_constraints)  # fmt: skip
    else:
        stats["solver_objective"] = out.objective / scale
        bound = None if out.bound is None else out.bound / scale
        res = _finish(inst, params, cands, out.chosen.tolist(), out.leaders.tolist(), issues, solver, out.status,
                      bound, out.gap, stats, params.top_k, side_constraints)  # fmt: skip
        if relax:
            res.gap = None
        if side_constraints and not relax:
            need_lead, need_exact = cover_masks(inst, cands)
            with_exact = {p.application_id for p in res.pairs if p.components["exact_code"]}
            for i, a in enumerate(apps):
                if res.leaders[a.id] is None:
                    res.issues.append(Issue("no_leader", "warning",
                        f"申报「{a.id}」的评审组没有可担任组长的成员：请指定组长人选。", a.id))  # fmt: skip
                if need_exact[i] and a.id not in with_exact:
                    res.issues.append(Issue("no_exact_code", "warning",
                        f"申报「{a.id}」的评审组没有相同行业代码的专家：请补充该行业专家。", a.id))  # fmt: skip
    res.stats["total_s"] = time.perf_counter() - t0
    return res
