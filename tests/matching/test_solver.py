import dataclasses
from collections import Counter

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from qaward.matching import (
    Application,
    Expert,
    Instance,
    MatchingInputError,
    Parameters,
    pair_affinity,
    solve_flow,
    solve_milp,
)

from .helpers import allowed, random_instance

pytestmark = pytest.mark.unit

P = Parameters(top_k=None, time_limit=30, mip_rel_gap=0.0)


def independent_lp(inst: Instance, p: Parameters):
    """The network model as a plain dense LP (no code shared with the solver except pair_affinity).

    Returns the optimum in 1/scale units, or None when the hard model (all seats, all min loads) is infeasible.
    """
    pairs = [(a, e) for a in inst.applications for e in inst.experts if allowed(inst, a, e)]
    units = [(e, k) for e in inst.experts for k in range(e.max_load if e.active else 0)]
    pen = round(p.load_penalty * p.scale)
    n_x = len(pairs)
    c = [-pair_affinity(a, e, p)["score"] for a, e in pairs] + [pen * (2 * k + 1) for _, k in units]
    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for a in inst.applications:
        a_eq.append([1.0 if pa is a else 0.0 for pa, _ in pairs] + [0.0] * len(units))
        b_eq.append(a.panel_size)
    for e in inst.experts:
        xs = [1.0 if pe is e else 0.0 for _, pe in pairs]
        a_eq.append(xs + [-1.0 if ue is e else 0.0 for ue, _ in units])
        b_eq.append(0)
        if e.active and e.min_load:
            a_ub.append([-v for v in xs] + [0.0] * len(units))
            b_ub.append(-e.min_load)
    bounds = [(1, 1) if (a.id, e.id) in inst.locked else (0, 1) for a, e in pairs] + [(0, 1)] * len(units)
    # inactive experts with locked pairs carry their locked load without penalty units
    for i, e in enumerate(inst.experts):
        if not e.active:
            row = a_eq[len(inst.applications) + i]
            b_eq[len(inst.applications) + i] = sum(row[:n_x])
    c.append(0.0)  # a fixed dummy column keeps the LP non-empty
    a_eq = [row + [0.0] for row in a_eq]
    a_ub = [row + [0.0] for row in a_ub]
    bounds.append((0, 0))
    res = linprog(
        c, A_ub=a_ub or None, b_ub=b_ub or None, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs"
    )
    if res.status == 2:
        return None
    assert res.status == 0, res.message
    return round(-res.fun)


def check_feasible(inst: Instance, r, milp_mode=False):
    exps = {e.id: e for e in inst.experts}
    loads = Counter(e for v in r.assignments.values() for e in v)
    for e, n in loads.items():
        assert n <= exps[e].max_load
    for a in inst.applications:
        members = r.assignments[a.id]
        assert len(members) == len(set(members)) <= a.panel_size
        for e in members:
            assert allowed(inst, a, exps[e])
    for a, e in inst.locked:
        assert e in r.assignments[a]
    if milp_mode:
        for a in inst.applications:
            emps = [exps[e].employer_id for e in r.assignments[a.id] if exps[e].employer_id]
            assert len(emps) == len(set(emps)), a.id
            lead = r.leaders[a.id]
            if lead is not None:
                assert lead in r.assignments[a.id] and exps[lead].may_lead


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 10**6),
    st.integers(1, 6),
    st.integers(1, 8),
    st.integers(0, 3),
    st.sampled_from([0.0, 0.02, 0.3]),
)
def test_flow_is_optimal_against_independent_lp(seed, n_a, n_e, n_locked, penalty):
    inst = random_instance(seed, n_a, n_e, n_locked=n_locked, dated_rate=0.4)
    p = dataclasses.replace(P, load_penalty=penalty)
    r = solve_flow(inst, p)
    assert r.status == "optimal"
    check_feasible(inst, r)
    lp = independent_lp(inst, p)
    complete = not r.unfilled and not any(i.code == "min_load_unmet" for i in r.issues)
    assert complete == (lp is not None)
    if lp is not None:
        assert round(r.objective * p.scale) == lp
        assert r.bound == r.objective and r.gap == 0.0
    # the MILP without side constraints is the same network model
    m = solve_milp(inst, p, side_constraints=False)
    if complete:
        assert round(m.objective * p.scale) == round(r.objective * p.scale)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 6), st.integers(2, 8), st.integers(0, 2))
def test_milp_side_constraints_hold_and_bounded_by_flow(seed, n_a, n_e, n_locked):
    inst = random_instance(seed, n_a, n_e, n_locked=n_locked, employers=3, dated_rate=0.4)
    try:
        m = solve_milp(inst, P)
    except MatchingInputError:  # locked pairs from one employer on one panel: reported, not solved
        return
    f = solve_flow(inst, P)
    assert m.status == "optimal"
    check_feasible(inst, m, milp_mode=True)
    assert m.gap is not None and m.gap <= 1e-6
    full = lambda r: not r.unfilled and not any(i.code == "min_load_unmet" for i in r.issues)  # noqa: E731
    if full(m) and full(f):
        assert m.objective <= f.objective + 1e-9
    for a in inst.applications:
        ok = [e for e in inst.experts if allowed(inst, a, e)]
        if m.stats["slack_no_leader"] == 0 and any(e.may_lead for e in ok):
            assert m.leaders[a.id] is not None
        needs_exact = m.stats["slack_no_exact"] == 0 and a.require_exact_code and a.industry_codes
        if needs_exact and any(pair_affinity(a, e, P)["exact_code"] for e in ok):
            assert any(p.components["exact_code"] for p in m.pairs if p.application_id == a.id)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 5), st.integers(3, 8))
def test_milp_meets_side_constraints_whenever_possible(seed, n_a, n_e):
    # unique employers and generous loads: a leader / an exact-code member is missing only if no candidate has it
    inst = random_instance(
        seed, n_a, n_e, employers=0, loads=(5, 6), min_load_rate=0.0, panel=(2, 3), dated_rate=0.4
    )
    m = solve_milp(inst, P)
    check_feasible(inst, m, milp_mode=True)
    for a in inst.applications:
        ok = [e for e in inst.experts if allowed(inst, a, e)]
        if len(ok) >= a.panel_size:
            assert len(m.assignments[a.id]) == a.panel_size
        assert (m.leaders[a.id] is not None) == any(e.may_lead for e in ok)
        if a.require_exact_code and a.industry_codes and len(ok) >= 2:
            has_exact = any(pair_affinity(a, e, P)["exact_code"] for e in ok)
            assert has_exact == any(p.components["exact_code"] for p in m.pairs if p.application_id == a.id)


def test_locked_pairs_kept_even_against_affinity():
    apps = (Application("A", ("C2614",), panel_size=2),)
    exps = (
        Expert("good1", "U1", ("C2614",), may_lead=True),
        Expert("good2", "U2", ("C2614",)),
        Expert("poor", "U3", ("F51",), may_lead=True),
    )
    inst = Instance(apps, exps, locked=frozenset({("A", "poor")}))
    for r in (solve_flow(inst, P), solve_milp(inst, P)):
        assert set(r.assignments["A"]) == {"poor", "good1"}
        assert [p.locked for p in r.pairs if p.expert_id == "poor"] == [True]
    free = solve_flow(dataclasses.replace(inst, locked=frozenset()), P)
    assert set(free.assignments["A"]) == {"good1", "good2"}
    led = solve_milp(dataclasses.replace(inst, locked_leaders=frozenset({("A", "poor")})), P)
    assert led.leaders["A"] == "poor"


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6))
@example(804)  # equal optima may leave different applications short: compare seats, not entries
def test_rerun_around_locked_result_is_stable(seed):
    inst = random_instance(seed, 5, 8)
    first = solve_flow(inst, P)
    keep = frozenset((a, e) for a, es in first.assignments.items() for e in es[:1])
    again = solve_flow(dataclasses.replace(inst, locked=keep), P)
    check_feasible(dataclasses.replace(inst, locked=keep), again)
    # locking part of an optimal solution cannot lose optimality
    assert again.objective == pytest.approx(first.objective)
    assert sum(u.seats for u in again.unfilled) == sum(u.seats for u in first.unfilled)


def _strip(d):
    d = dict(d)
    d.pop("stats")
    return d


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6))
def test_deterministic_and_order_independent(seed):
    inst = random_instance(seed, 6, 8, n_locked=1)
    shuffled = Instance(
        tuple(reversed(inst.applications)), tuple(reversed(inst.experts)), inst.conflicts, inst.locked
    )
    for solve in (solve_flow, solve_milp):
        a, b, c = solve(inst, P), solve(inst, P), solve(shuffled, P)
        assert _strip(a.to_dict()) == _strip(b.to_dict()) == _strip(c.to_dict())


def test_input_hash_tracks_inputs_and_parameters():
    inst = random_instance(1, 3, 4)
    h = inst.input_hash(P)
    assert h == random_instance(1, 3, 4).input_hash(P) and len(h) == 64
    assert h != inst.input_hash(dataclasses.replace(P, load_penalty=0.5))
    assert h != dataclasses.replace(inst, conflicts=frozenset()).input_hash(P)
    assert solve_flow(inst, P).input_hash == h


def test_precheck_messages_are_actionable():
    apps = (Application("甲公司", ("C26",), panel_size=3), Application("乙公司", ("F51",), panel_size=3))
    exps = (
        Expert("E1", "U1", ("C26",), max_load=2, min_load=2),
        Expert("E2", "U2", ("C26",), max_load=1, min_load=1),
        Expert("E3", "U3", ("F51",), max_load=1, active=False),
    )
    inst = Instance(apps, exps, conflicts=frozenset({("甲公司", "E2"), ("乙公司", "E2")}))
    r = solve_flow(inst, P)
    text = "\n".join(i.message for i in r.issues)
    assert "工作量上限合计 3 席，少于全部评审组需要的 6 席（缺 3 席）" in text
    assert "申报「甲公司」排除回避（1 名）和停用专家后仅有 1 名可选专家，少于评审组人数 3" in text
    assert "专家「E2」排除回避和不可用日期后只能评审 0 个申报，达不到其最低工作量 1" in text
    assert {u.application_id: u.seats for u in r.unfilled} == {"甲公司": 2, "乙公司": 2}
    assert all("可选专家" in u.reason for u in r.unfilled)
    m = solve_milp(inst, P)
    assert any(i.code == "leaders" and "评审组数 2" in i.message for i in m.issues)
    assert any(i.code == "no_leader" and "甲公司" in i.message for i in m.issues)


def test_min_loads_exceeding_demand_reported():
    apps = (Application("A", panel_size=1),)
    exps = (Expert("E1", min_load=1), Expert("E2", min_load=1))
    r = solve_flow(Instance(apps, exps), P)
    assert any("最低工作量合计 2 席，超过评审席位总数 1 席" in i.message for i in r.issues)
    assert sum(i.code == "min_load_unmet" for i in r.issues) == 1


def test_capacity_used_elsewhere_reason():
    apps = (Application("A", ("C26",), panel_size=1), Application("B", ("F51",), panel_size=1))
    inst = Instance(apps, (Expert("E1", max_load=1), Expert("E2", max_load=0)))
    r = solve_flow(inst, P)
    assert len(r.unfilled) == 1 and "工作量上限已被其他申报用满" in r.unfilled[0].reason


@pytest.mark.parametrize(
    ("locked", "expect"),
    [
        ({("A", "E1")}, "存在回避关系"),
        ({("A", "E2")}, "已停用"),
        ({("A", "ZZ")}, "不存在"),
    ],
)
def test_invalid_locks_raise_chinese_errors(locked, expect):
    inst = Instance(
        (Application("A"),),
        (Expert("E1"), Expert("E2", active=False)),
        frozenset({("A", "E1")}),
        frozenset(locked),
    )
    with pytest.raises(MatchingInputError) as err:
        solve_flow(inst, P)
    assert any(expect in m for m in err.value.messages)


def test_milp_rejects_locked_same_employer():
    inst = Instance(
        (Application("A", panel_size=2),),
        (Expert("E1", "U"), Expert("E2", "U")),
        locked=frozenset({("A", "E1"), ("A", "E2")}),
    )
    assert solve_flow(inst, P).assignments["A"] == ("E1", "E2")
    with pytest.raises(MatchingInputError, match="同一单位"):
        solve_milp(inst, P)


def test_time_limited_milp_reports_gap_and_bound():
    inst = random_instance(7, 6, 8)
    r = solve_milp(inst, dataclasses.replace(P, mip_rel_gap=1e-4))
    assert r.bound is not None and r.bound >= r.stats["solver_objective"] - 1e-6
    assert 0.0 <= r.gap <= 1e-4
    lp = solve_milp(inst, P, relax=True)
    assert lp.bound >= r.stats["solver_objective"] - 1e-6
    assert np.isfinite(lp.bound)


@pytest.mark.parametrize(("penalty", "split"), [(0.1, False), (0.2, True)])
def test_convex_load_penalty_balances(penalty, split):
    # both to E1: 2·1.0 − penalty·2², split: 1.0 + 0.75 − penalty·(1² + 1²)
    apps = (Application("A", ("C2614",), panel_size=1), Application("B", ("C2614",), panel_size=1))
    exps = (Expert("E1", "U1", ("C2614",), may_lead=True), Expert("E2", "U2", ("C2619",), may_lead=True))
    p = dataclasses.replace(P, load_penalty=penalty)
    for r in (solve_flow(Instance(apps, exps), p), solve_milp(Instance(apps, exps), p)):
        assert (len(set(r.assignments.values())) == 2) == split
        assert r.objective == pytest.approx(max(2 - 4 * penalty, 1.75 - 2 * penalty))
        assert r.penalty_total == pytest.approx(penalty * (2 if split else 4))


def test_result_is_json_ready_for_the_audit_log():
    import json

    inst = random_instance(3, 4, 6, n_locked=1)
    for r in (solve_flow(inst, P), solve_milp(inst, P)):
        d = json.loads(json.dumps(r.to_dict(), ensure_ascii=False))
        assert d["input_hash"] == inst.input_hash(P)
        assert d["parameters"]["load_penalty"] == P.load_penalty
        assert {p["application_id"] for p in d["pairs"]} <= {a.id for a in inst.applications}
        assert all("industry_depth" in p["components"] for p in d["pairs"])


def test_employer_rule_explains_unfilled_seat():
    apps = (Application("A", panel_size=2),)
    exps = (Expert("E1", "同一公司", may_lead=True), Expert("E2", "同一公司"))
    r = solve_milp(Instance(apps, exps), P)
    assert len(r.assignments["A"]) == 1 and r.leaders["A"] == "E1"
    assert "同一单位至多一人" in r.unfilled[0].reason
    assert not solve_flow(Instance(apps, exps), P).unfilled
