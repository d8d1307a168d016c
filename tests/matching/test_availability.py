from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qaward.matching import (
    Application,
    Expert,
    Instance,
    MatchingInputError,
    Parameters,
    build_candidates,
    exclusion_reasons,
    solve_flow,
    solve_milp,
    unavailable_reason,
)

from .helpers import available, random_instance

pytestmark = pytest.mark.unit

P = Parameters(top_k=None, time_limit=30, mip_rel_gap=0.0)
VISIT = Application("甲公司", ("C2614",), panel_size=2, review_dates=("2025-06-10", "2025-06-12"))


@pytest.mark.parametrize(
    ("available_ranges", "unavailable_ranges", "ok"),
    [
        ((), (), True),
        ((("2025-06-01", "2025-06-30"),), (), True),
        ((("2025-06-01", "2025-06-10"), ("2025-06-11", "2025-06-12")), (), True),  # adjacent ranges join
        ((("2025-06-01", "2025-06-10"), ("2025-06-12", "2025-06-20")), (), False),  # 11 June missing
        ((("2025-06-11", "2025-06-30"),), (), False),
        ((), (("2025-06-12", "2025-06-15"),), False),
        ((), (("2025-06-01", "2025-06-09"), ("2025-06-13", "2025-06-20")), True),
        ((("2025-06-01", "2025-06-30"),), (("2025-06-11", "2025-06-11"),), False),
    ],
)
def test_availability_rules(available_ranges, unavailable_ranges, ok):
    e = Expert("E1", available=available_ranges, unavailable=unavailable_ranges)
    assert (unavailable_reason(VISIT, e) is None) == ok
    assert available(VISIT, e) == ok  # the independent day-by-day check agrees


def test_no_review_dates_means_no_date_filter():
    e = Expert("E1", unavailable=(("2025-06-01", "2025-06-30"),))
    assert unavailable_reason(Application("A"), e) is None


def test_ranges_are_validated_and_normalised():
    e = Expert("E1", available=((date(2025, 6, 1), "2025-06-05"),))
    assert e.available == ((date(2025, 6, 1), date(2025, 6, 5)),)
    with pytest.raises(ValueError, match="结束日期早于开始日期"):
        Expert("E1", unavailable=(("2025-06-05", "2025-06-01"),))
    with pytest.raises(ValueError):
        Application("A", review_dates=("2025-06-05",))


def test_unavailable_expert_is_filtered_with_reasons():
    exps = (
        Expert("在岗", "U1", ("C2614",), may_lead=True),
        Expert("出差", "U2", ("C2614",), may_lead=True, unavailable=(("2025-06-12", "2025-06-20"),)),
        Expert("只在月初", "U3", ("C2614",), available=(("2025-06-01", "2025-06-05"),)),
    )
    inst = Instance((VISIT,), exps)
    why = exclusion_reasons(inst, "甲公司", "出差")
    assert why == [
        "专家「出差」2025-06-12 至 2025-06-20不可用，与申报「甲公司」的评审日期（2025-06-10 至 2025-06-12）重叠"
    ]
    assert "可评审时段（2025-06-01 至 2025-06-05）未覆盖" in exclusion_reasons(inst, "甲公司", "只在月初")[0]
    assert exclusion_reasons(inst, "甲公司", "在岗") == []
    for r in (solve_flow(inst, P), solve_milp(inst, P)):
        assert r.assignments["甲公司"] == ("在岗",)
        text = "\n".join(i.message for i in r.issues)
        assert "申报「甲公司」排除回避（0 名）、评审日期不可用（2 名）和停用专家后仅有 1 名可选专家" in text
        assert [(u.seats, "评审日期不可用（2 名）" in u.reason) for u in r.unfilled] == [(1, True)]
    assert build_candidates(inst, P, None).n_unavailable.tolist() == [2]


def test_locking_an_unavailable_expert_is_refused():
    e = Expert("出差", unavailable=(("2025-06-11", "2025-06-11"),))
    inst = Instance((VISIT,), (e, Expert("E2")), locked=frozenset({("甲公司", "出差")}))
    with pytest.raises(MatchingInputError) as err:
        solve_flow(inst, P)
    assert any("锁定的分配不可行" in m and "请先解除锁定" in m for m in err.value.messages)


def test_conflict_and_status_reasons():
    inst = Instance((VISIT,), (Expert("E1", active=False),), conflicts=frozenset({("甲公司", "E1")}))
    assert exclusion_reasons(inst, "甲公司", "E1") == [
        "专家「E1」与申报「甲公司」存在回避关系",
        "专家「E1」已停用或取消资格",
    ]


def test_dates_enter_the_input_hash():
    a = Instance((VISIT,), (Expert("E1"),))
    b = Instance((VISIT,), (Expert("E1", unavailable=(("2025-07-01", "2025-07-02"),)),))
    assert a.input_hash(P) != b.input_hash(P)
    assert solve_flow(b, P).to_dict()["input_hash"] == b.input_hash(P)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6))
def test_dated_instances_never_assign_unavailable_experts(seed):
    inst = random_instance(seed, 6, 8, dated_rate=0.8, n_locked=2)
    exps = {e.id: e for e in inst.experts}
    apps = {a.id: a for a in inst.applications}
    for r in (solve_flow(inst, P), solve_milp(inst, P)):
        for a, members in r.assignments.items():
            assert all(available(apps[a], exps[e]) for e in members)
