import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qaward.matching import Application, Expert, Parameters, build_candidates, normalise_code, pair_affinity

from .helpers import allowed, random_instance

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("C", "C"),
        ("c26", "C26"),
        ("C261", "C261"),
        ("C 2614", "C2614"),
        ("2614", "C2614"),
        ("51", "F51"),
        ("A01", "A01"),
    ],
)
def test_normalise_code(raw, norm):
    assert normalise_code(raw) == norm


@pytest.mark.parametrize("raw", ["", "X12", "C5", "F2614", "C26145", "99"])
def test_normalise_code_rejects(raw):
    with pytest.raises(ValueError):
        normalise_code(raw)


def test_depth_order_and_components():
    p = Parameters(keyword_weight=0.0, penalty_same_province=0.0, penalty_same_city=0.0)
    app = Application("A", ("C2614",))
    scores = [
        pair_affinity(app, Expert("E", industry_codes=(c,)), p)["score"]
        for c in ("C2614", "C2619", "C2610", "C27", "F51")
    ]
    # 4-digit > 3-digit (C261x) > 2-digit (C26) > section (C) > none
    assert scores == [1000, 750, 750, 250, 0]
    assert pair_affinity(app, Expert("E", industry_codes=("C26",)), p)["score"] == 500
    best = pair_affinity(app, Expert("E", industry_codes=("F51", "C2614")), p)
    assert best["industry_match"] == ["C2614", "C2614"] and best["exact_code"]


def test_keywords_and_region_penalty():
    p = Parameters(penalty_same_province=0.05, penalty_same_city=0.1)
    app = Application("A", (), ("质量", "管理"), region="220102")
    same_prov = pair_affinity(app, Expert("E", keywords=("质量", "精益"), region="220203"), p)
    assert same_prov["keyword"] == pytest.approx(1 / 3)
    assert same_prov["region_penalty"] == 0.05 and same_prov["region_reason"] == "same_province"
    assert pair_affinity(app, Expert("E", region="220104"), p)["region_penalty"] == 0.1
    assert pair_affinity(app, Expert("E", region="110101"), p)["region_penalty"] == 0.0
    assert pair_affinity(app, Expert("E"), p)["score"] == 0


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 7), st.integers(1, 9), st.integers(1, 5))
def test_vectorised_scores_equal_explanations(seed, n_a, n_e, block):
    inst = random_instance(seed, n_a, n_e, n_locked=2, dated_rate=0.5)
    p = Parameters()
    c = build_candidates(inst, p, None, block=block)
    got = {
        (int(a), int(e)): (int(s), bool(x)) for a, e, s, x in zip(c.app, c.exp, c.score, c.exact, strict=True)
    }
    want = {}
    for i, a in enumerate(inst.applications):
        for j, e in enumerate(inst.experts):
            if allowed(inst, a, e):
                comp = pair_affinity(a, e, p)
                want[(i, j)] = (comp["score"], comp["exact_code"])
    assert got == want
    assert list(zip(c.app, c.exp, strict=True)) == sorted(zip(c.app, c.exp, strict=True))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 5))
def test_top_k_keeps_best_and_locked(seed, k):
    inst = random_instance(seed, 5, 9, n_locked=3, min_load_rate=0.0)
    p = Parameters()
    full = build_candidates(inst, p, None)
    top = build_candidates(inst, p, k)
    for i, a in enumerate(inst.applications):
        allrows = np.nonzero(full.app == i)[0]
        rows = np.nonzero(top.app == i)[0]
        locked = {inst.experts[j].id for j in top.exp[rows][top.locked[rows]]}
        assert locked == {e for aa, e in inst.locked if aa == a.id}
        free_all = sorted((-int(full.score[r]), int(full.exp[r])) for r in allrows if not full.locked[r])
        free_top = sorted((-int(top.score[r]), int(top.exp[r])) for r in rows if not top.locked[r])
        assert free_top == free_all[: max(0, min(k, len(allrows)) - len(locked))]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 3))
def test_top_k_keeps_best_applications_of_min_load_experts(seed, k):
    inst = random_instance(seed, 8, 6, min_load_rate=1.0, loads=(1, 3))
    p = Parameters(expert_top_k=2)
    full = build_candidates(inst, p, None)
    top = build_candidates(inst, p, k)
    kept = set(zip(top.exp.tolist(), top.app.tolist(), strict=True))
    for j, e in enumerate(inst.experts):
        if not e.active or not e.min_load:
            continue
        rows = np.nonzero(full.exp == j)[0]
        ranked = sorted((-int(full.score[r]), int(full.app[r])) for r in rows)
        want = {(j, a) for _, a in ranked[: max(p.expert_top_k, e.min_load)]}
        assert want <= kept
