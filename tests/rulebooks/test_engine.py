"""Engine behaviour beyond the scenario files: invariants (hypothesis) and verdict contents."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qaward.rulebooks import registry
from qaward.rulebooks.engine import (
    Candidate,
    CycleRef,
    HistoryEvent,
    RuleRefusal,
    allocate,
    ban_until,
    check_eligibility,
    may_apply,
    pipeline_for,
    prize_for,
)
from qaward.rulebooks.facts import FactError
from qaward.rulebooks.scenario_runner import load_scenarios, run_scenario

pytestmark = pytest.mark.unit

IDS = registry.list_ids()


def candidates_for(book):
    pairs = [(k, t) for t, tier in book.tiers.items() for k in tier.admits] + [
        ("team", "award"),
        ("organization", "nominee"),
    ]
    return st.lists(
        st.tuples(st.sampled_from(pairs), st.booleans()).map(lambda x: (x[0][0], x[0][1], x[1])),
        max_size=30,
    )


@pytest.mark.parametrize("rulebook_id", IDS)
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_allocation_never_exceeds_quota_and_respects_rank(rulebook_id, data):
    book = registry.get(rulebook_id)
    raw = data.draw(candidates_for(book))
    cands = [Candidate(f"c{i}", kind, tier, rewinner=rew) for i, (kind, tier, rew) in enumerate(raw)]
    result = allocate(book, cands)
    granted = {g.candidate_id for g in result.granted}
    refused = {cid for cid, _ in result.refused}
    assert granted | refused == {c.id for c in cands} and not granted & refused
    for tier_id, tier in book.tiers.items():
        counted = [g for g in result.granted if g.tier == tier_id and g.counted_in_quota]
        if tier.quota.per_kind is not None:
            for kind, cap in tier.quota.per_kind.items():
                assert (
                    sum(1 for g in counted if next(c for c in cands if c.id == g.candidate_id).kind == kind)
                    <= cap
                )
        else:
            assert len(counted) <= tier.quota.combined
    # rank order: a candidate refused for a full quota never outranks a granted one of the same bucket
    for cid, v in result.refused:
        if v.rule_id != "quota_full":
            continue
        c = next(x for x in cands if x.id == cid)
        later = [x for x in cands[cands.index(c) + 1 :] if x.tier == c.tier and x.id in granted]
        same_bucket = [x for x in later if book.tiers[c.tier].quota.per_kind is None or x.kind == c.kind]
        assert all(
            next(g for g in result.granted if g.candidate_id == x.id).counted_in_quota is False
            for x in same_bucket
        )
        assert v.citation.startswith(book.citation_prefix)


@pytest.mark.parametrize("rulebook_id", IDS)
def test_every_verdict_names_rulebook_version_and_article(rulebook_id):
    book = registry.get(rulebook_id)
    kind = next(iter(book.applicant_kinds))
    report = check_eligibility(book, kind, {}, dt.date(2026, 3, 1))
    for v in report.verdicts:
        assert v.rulebook == f"{book.id}@{book.version}"
        assert v.citation in v.message
        assert v.cite or v.office_discretion


def test_wrong_fact_type_is_a_clear_error():
    book = registry.get("jilin-2023")
    with pytest.raises(FactError, match="正常经营（运行）年数"):
        check_eligibility(book, "organization", {"years_operating": "five"}, dt.date(2026, 3, 1))
    with pytest.raises(FactError, match="不是有效日期"):
        check_eligibility(book, "organization", {"major_incident_dates": ["2024-13-01"]}, dt.date(2026, 3, 1))


def test_reviewer_judgement_turns_needs_evidence_into_a_decision():
    book = registry.get("jilin-2023")
    facts = {"years_quality_work": 9, "years_quality_work_in_region": 9, "is_legal_representative": False}
    judged = {c.id: True for c in book.eligibility["individual"] if c.judgement}
    assert check_eligibility(book, "individual", facts, dt.date(2026, 3, 1)).outcome == "needs_evidence"
    assert (
        check_eligibility(book, "individual", {**facts, "judged": judged}, dt.date(2026, 3, 1)).outcome
        == "pass"
    )
    judged["conduct"] = False
    report = check_eligibility(book, "individual", {**facts, "judged": judged}, dt.date(2026, 3, 1))
    assert report.outcome == "fail" and report.by_rule()["conduct"] == "fail"


def test_incident_exactly_five_years_ago_is_outside_the_window():
    book = registry.get("jilin-2023")
    facts = {"major_incident_dates": ["2021-03-01"]}
    assert (
        check_eligibility(book, "organization", facts, dt.date(2026, 3, 1)).by_rule()["no_major_incident"]
        == "pass"
    )
    facts = {"major_incident_dates": ["2021-03-02"]}
    assert (
        check_eligibility(book, "organization", facts, dt.date(2026, 3, 1)).by_rule()["no_major_incident"]
        == "fail"
    )


def test_order_of_stages_differs_between_regulations():
    jilin = [s.stage for s in pipeline_for(registry.get("jilin-2023"), "organization", "award").stages]
    tacheng = [s.stage for s in pipeline_for(registry.get("tacheng-2023"), "organization", "award").stages]
    assert jilin.index("onsite_review") < jilin.index("defense")
    assert tacheng.index("defense") < tacheng.index("onsite_review")


def test_tier_that_does_not_exist_is_refused_with_article():
    with pytest.raises(RuleRefusal) as info:
        pipeline_for(registry.get("tacheng-2023"), "organization", "nominee")
    assert "塔行办规〔2023〕1号" in str(info.value)


def test_prize_for_individual_at_changchun_is_refused():
    with pytest.raises(RuleRefusal):
        prize_for(registry.get("changchun-2018"), "award", "individual")


def test_ban_counted_in_cycles_blocks_the_next_three_cycles_only():
    book = registry.get("jinzhong-2023")
    decision = ban_until(book, "fraudulent_award", dt.date(2024, 5, 1))
    assert decision.applies and decision.cycles == 3 and decision.ends is None
    history = [HistoryEvent("sanction", dt.date(2024, 5, 1), ground="fraudulent_award", cycle_number=2)]
    for number, expected in [(3, "barred"), (5, "barred"), (6, "allowed")]:
        cycle = CycleRef(number, 2020 + 3 * number, dt.date(2020 + 3 * number, 3, 1))
        assert may_apply(book, history, cycle).outcome == expected, number


def test_scenario_runner_reports_a_wrong_expectation():
    scenario = next(s for s in load_scenarios() if s.rulebook_id == "jilin-2023" and s.check == "allocate")
    wrong = type(scenario)(**{**scenario.__dict__, "expect": {"granted": {"award": ["nobody"]}}})
    assert run_scenario(wrong)
    untitled = type(scenario)(**{**scenario.__dict__, "title": ""})
    assert run_scenario(untitled)
