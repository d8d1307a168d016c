import dataclasses
import json
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qaward.matching import Parameters, build_candidates, solve_milp
from qaward.matching.decompose import lagrangian_bound, network_duals, panel_best
from qaward.matching.milp import big_penalty, cover_masks
from qaward.matching.pricing import best_panels, panel_data
from qaward.matching.repair import repair

from .helpers import random_instance
from .test_solver import check_feasible

pytestmark = pytest.mark.unit

P = Parameters(top_k=None, time_limit=30, mip_rel_gap=0.0)
BIG = 10_000


def brute_panel(rows, m, need_lead, need_exact, big):
    best = None
    forced = [r for r in rows if r[4]]
    free = [r for r in rows if not r[4]]
    for n in range(0, m - len(forced) + 1):
        for extra in combinations(free, n):
            s = forced + list(extra)
            if len({r[1] for r in s}) < len(s):
                continue
            v = sum(r[0] for r in s) - big * (m - len(s))
            v -= big * (need_lead and not any(r[2] for r in s))
            v -= big * (need_exact and not any(r[3] for r in s))
            best = v if best is None else max(best, v)
    return best


ROW = st.tuples(st.integers(-BIG - 50, 300), st.integers(0, 3), st.booleans(), st.booleans(), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW, max_size=8), st.integers(1, 4), st.booleans(), st.booleans())
def test_panel_best_is_exact(raw, m, need_lead, need_exact):
    rows = [(*r, k) for k, r in enumerate(raw)]
    locked, seen = [], set()
    for r in rows:  # locked members: distinct employers, at most m
        if r[4] and r[1] not in seen and len(locked) < m:
            seen.add(r[1])
            locked.append(r)
    rows = [r if r in locked else (*r[:4], False, r[5]) for r in rows]
    value, chosen = panel_best(rows, m, need_lead, need_exact, BIG)
    assert value == brute_panel(rows, m, need_lead, need_exact, BIG)
    picked = [rows[k] for k in chosen]
    assert len({r[1] for r in picked}) == len(picked) <= m
    assert all(r in picked for r in locked)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 6), st.integers(2, 8), st.integers(0, 2))
def test_lagrangian_bounds_the_milp_optimum(seed, n_a, n_e, n_locked):
    inst = random_instance(seed, n_a, n_e, n_locked=n_locked, employers=3)
    try:
        full = solve_milp(inst, dataclasses.replace(P, method="full"))
    except Exception:  # locked same-employer pairs are refused before solving
        return
    cands = build_candidates(inst, P, None)
    big = big_penalty(inst, P, cands)
    duals = network_duals(inst, P, cands, big)
    chosen, lam, phi = duals
    optimum = full.stats["solver_objective"] * P.scale
    assert phi >= optimum - 1e-6
    assert lam is not None
    for prices in (lam, lam + 7.5, np.zeros_like(lam)):  # any prices give an upper bound
        bound, _, _ = lagrangian_bound(inst, P, cands, prices, big)
        assert bound >= optimum - 1e-6


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 7), st.integers(2, 9), st.integers(0, 2))
def test_decomposed_matches_full_milp(seed, n_a, n_e, n_locked):
    inst = random_instance(seed, n_a, n_e, n_locked=n_locked, employers=3, dated_rate=0.3)
    try:
        full = solve_milp(inst, dataclasses.replace(P, method="full"))
    except Exception:
        return
    dec = solve_milp(inst, dataclasses.replace(P, method="decomposed"))
    check_feasible(inst, dec, milp_mode=True)
    assert dec.stats["method"] == "decomposed"
    assert dec.stats["solver_objective"] == pytest.approx(full.stats["solver_objective"])
    assert dec.status == "optimal" and dec.gap <= 1e-9
    assert dec.bound >= dec.stats["solver_objective"] - 1e-9


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 8), st.integers(2, 10), st.integers(0, 2), st.integers(0, 40))
def test_vectorised_pricing_equals_scalar_panel_best(seed, n_a, n_e, n_locked, spread):
    """``pricing.best_panels`` (all panels at once) = ``panel_best`` (one panel) for any prices, ties included."""
    inst = random_instance(seed, n_a, n_e, n_locked=n_locked, employers=3, panel=(1, 4))
    cands = build_candidates(inst, P, None)
    big = big_penalty(inst, P, cands)
    pd = panel_data(inst, cands, big, cover_masks(inst, cands))
    rng = np.random.default_rng(seed)
    lam = rng.integers(-spread, spread + 1, len(inst.experts)) * 10  # coarse prices: many ties
    r = (cands.score - lam[cands.exp]).astype(float)
    values, app, edge = best_panels(pd, r)
    for i in range(n_a):
        rows = [
            (
                float(r[k]),
                int(pd.emp[k]),
                bool(pd.lead[k]),
                bool(cands.exact[k]),
                bool(cands.locked[k]),
                int(k),
            )
            for k in np.nonzero(cands.app == i)[0]
        ]
        want, _ = panel_best(rows, int(pd.panel[i]), bool(pd.need_lead[i]), bool(pd.need_exact[i]), big)
        assert values[i] == pytest.approx(want)
        members = edge[app == i]
        assert len(set(pd.emp[members].tolist())) == len(members) <= pd.panel[i]
        assert set(np.nonzero(cands.locked & (cands.app == i))[0].tolist()) <= set(members.tolist())
        got = r[members].sum() - big * (pd.panel[i] - len(members))
        got -= big * (pd.need_lead[i] and not pd.lead[members].any())
        got -= big * (pd.need_exact[i] and not cands.exact[members].any())
        assert got == pytest.approx(values[i])  # the returned members achieve the value


def test_column_generation_on_a_mid_size_instance_is_deterministic_and_json_ready():
    inst = random_instance(7, 60, 45, n_locked=5, employers=12, panel=(2, 3), loads=(0, 5))
    params = Parameters(top_k=20, time_limit=60, method="decomposed")
    one, two = solve_milp(inst, params), solve_milp(inst, params)
    assert "column generation" in one.solver
    check_feasible(inst, one, milp_mode=True)
    assert one.assignments == two.assignments and one.leaders == two.leaders
    assert one.objective == two.objective and one.bound == two.bound
    assert one.bound >= one.stats["solver_objective"] - 1e-9
    json.dumps(one.to_dict(), ensure_ascii=False)
    full = solve_milp(inst, dataclasses.replace(params, method="full", mip_rel_gap=0.0))
    assert (
        one.stats["solver_objective"] >= full.stats["solver_objective"] - abs(full.bound) * params.mip_rel_gap
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 8), st.integers(2, 10), st.integers(0, 2))
def test_repaired_flow_obeys_loads_employers_and_locks(seed, n_a, n_e, n_locked):
    inst = random_instance(seed, n_a, n_e, n_locked=n_locked, employers=3)
    try:
        solve_milp(inst, P)  # refuses locked same-employer pairs, as the repair may assume
    except Exception:
        return
    cands = build_candidates(inst, P, None)
    big = big_penalty(inst, P, cands)
    masks = cover_masks(inst, cands)
    chosen, _, _ = network_duals(inst, P, cands, big)
    pd = panel_data(inst, cands, big, masks)
    max_e = np.array([e.max_load if e.active else 0 for e in inst.experts])
    min_e = np.array([e.min_load if e.active else 0 for e in inst.experts])
    max_e = np.maximum(max_e, np.bincount(cands.exp[cands.locked], minlength=len(max_e)))
    got = repair(pd, np.nonzero(chosen)[0], max_e, min_e)
    assert set(np.nonzero(cands.locked)[0].tolist()) <= set(got.tolist())
    assert (np.bincount(cands.exp[got], minlength=len(max_e)) <= max_e).all()
    for i in range(n_a):
        members = got[cands.app[got] == i]
        assert len(members) <= pd.panel[i]
        assert len(set(pd.emp[members].tolist())) == len(members)


def test_out_of_time_column_generation_still_answers_with_an_honest_bound():
    inst = random_instance(11, 40, 30, n_locked=3, employers=10, panel=(2, 3), loads=(0, 5))
    params = Parameters(top_k=15, time_limit=0.0, method="decomposed")
    res = solve_milp(inst, params)  # no time at all: the repaired flow, bounded by the Lagrangian
    check_feasible(inst, res, milp_mode=True)
    assert res.status in ("optimal", "feasible")
    assert res.bound >= res.stats["solver_objective"] - 1e-9
    full = solve_milp(inst, dataclasses.replace(params, time_limit=60, method="full", mip_rel_gap=0.0))
    assert res.bound >= full.stats["solver_objective"] - 1e-9
    assert res.stats["solver_objective"] <= full.stats["solver_objective"] + 1e-9
