"""Eligibility (申报条件): evaluate a rulebook's conditions over an applicant's facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..facts import FACTS, coerce
from ..schema import Condition, EligibilityCondition, Rulebook
from ..schema_base import KIND_LABELS
from .verdict import FAIL, NEEDS_EVIDENCE, NOT_APPLICABLE, PASS, Verdict, combine, verdict


@dataclass(frozen=True)
class EligibilityReport:
    rulebook: str
    kind: str
    outcome: str
    verdicts: tuple[Verdict, ...]

    def by_rule(self) -> dict[str, str]:
        return {v.rule_id: v.outcome for v in self.verdicts}

    def to_dict(self) -> dict[str, Any]:
        return {
            "rulebook": self.rulebook,
            "kind": self.kind,
            "outcome": self.outcome,
            "verdicts": [v.to_dict() for v in self.verdicts],
        }


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap target year
        return day.replace(year=day.year - years, day=28)


def _fact_label(name: str) -> str:
    fact = FACTS.get(name)
    return fact.label if fact else name


def _evaluate(cond: Condition, facts: Mapping[str, Any], as_of: dt.date) -> tuple[str, str]:
    """Return (outcome, explanation) for one condition tree."""
    if cond.judgement:
        return NEEDS_EVIDENCE, "需经审查或评审判定"
    if cond.any_of is not None or cond.all_of is not None:
        parts = [_evaluate(c, facts, as_of) for c in (cond.any_of or cond.all_of or ())]
        outcomes = [o for o, _ in parts]
        if cond.any_of is not None:
            if PASS in outcomes:  # one satisfied alternative is the whole explanation
                return PASS, parts[outcomes.index(PASS)][1]
            outcome = FAIL if all(o == FAIL for o in outcomes) else NEEDS_EVIDENCE
            joiner = "；或"
        else:
            outcome = combine(outcomes)
            joiner = "；且"
        return outcome, joiner.join(e for _, e in parts)
    assert cond.fact is not None
    label = _fact_label(cond.fact)
    if cond.fact not in facts or facts[cond.fact] is None:
        return NEEDS_EVIDENCE, f"未提供“{label}”"
    value = coerce(cond.fact, facts[cond.fact])
    if cond.none_within_years is not None:
        since = years_before(as_of, cond.none_within_years)
        hits = sorted(d for d in value if since < d <= as_of)
        if hits:
            return FAIL, f"{label}：{hits[-1].isoformat()} 在近{cond.none_within_years}年内"
        return PASS, f"近{cond.none_within_years}年内无{label}记录"
    if cond.equals is not None:
        ok = value == cond.equals
        shown = {True: "是", False: "否"}.get(value, value) if isinstance(value, bool) else value
        return (PASS if ok else FAIL), f"{label}：{shown}"
    if cond.at_least is not None:
        ok = value >= cond.at_least
        return (PASS if ok else FAIL), f"{label}为 {value:g}，要求不少于 {cond.at_least:g}"
    if cond.at_most is not None:
        ok = value <= cond.at_most
        return (PASS if ok else FAIL), f"{label}为 {value:g}，要求不超过 {cond.at_most:g}"
    assert cond.one_of is not None
    return (PASS if value in cond.one_of else FAIL), f"{label}：{value}"


_WORDS = {PASS: "符合", FAIL: "不符合", NEEDS_EVIDENCE: "待核实", NOT_APPLICABLE: "不适用"}


def _check_condition(
    rulebook: Rulebook, cond: EligibilityCondition, facts: Mapping[str, Any], as_of: dt.date
) -> Verdict:
    if cond.encouraged_only:
        return verdict(rulebook, cond, cond.id, NOT_APPLICABLE, f"鼓励性条款，不作为申报条件：{cond.label}")
    if cond.applies_if is not None:
        gate, why = _evaluate(cond.applies_if, facts, as_of)
        if gate == FAIL:
            return verdict(rulebook, cond, cond.id, NOT_APPLICABLE, f"不适用：{cond.label}（{why}）")
        if gate == NEEDS_EVIDENCE:
            return verdict(rulebook, cond, cond.id, NEEDS_EVIDENCE, f"待核实是否适用：{cond.label}（{why}）")
    judged = (facts.get("judged") or {}).get(cond.id)
    if cond.judgement and judged is not None:
        outcome, why = (PASS, "经审查判定符合") if judged else (FAIL, "经审查判定不符合")
    else:
        outcome, why = _evaluate(cond, facts, as_of)
    return verdict(rulebook, cond, cond.id, outcome, f"{_WORDS[outcome]}：{cond.label}（{why}）")


def check_eligibility(
    rulebook: Rulebook,
    kind: str,
    facts: Mapping[str, Any],
    as_of: dt.date | None = None,
    track: str | None = None,
) -> EligibilityReport:
    """Check every 申报条件 of ``kind``; the report's outcome is pass, fail or needs_evidence."""
    as_of = as_of or dt.date.today()
    found = rulebook.applicant_kinds.get(kind)  # type: ignore[call-overload]
    verdicts: list[Verdict] = []
    label = KIND_LABELS.get(kind, kind)
    if found is None:
        admitted = "、".join(KIND_LABELS[k] for k in rulebook.applicant_kinds)
        verdicts.append(
            verdict(
                rulebook,
                rulebook.tiers_by_rank()[0][1],
                "kind_admitted",
                FAIL,
                f"本奖项不接受{label}申报，只接受{admitted}",
            )
        )
        return EligibilityReport(rulebook.id, kind, FAIL, tuple(verdicts))
    verdicts.append(verdict(rulebook, found, "kind_admitted", PASS, f"本奖项接受{label}申报"))
    if track is not None and found.tracks:
        verdicts.append(_track(rulebook, found, label, track))
    if found.min_members is not None or found.max_members is not None:
        verdicts.append(_team_size(rulebook, found, facts))
    verdicts.extend(_check_condition(rulebook, c, facts, as_of) for c in rulebook.eligibility[kind])  # type: ignore[index]
    outcome = combine([v.outcome for v in verdicts])
    return EligibilityReport(rulebook.id, kind, outcome, tuple(verdicts))


def _team_size(rulebook: Rulebook, kind: Any, facts: Mapping[str, Any]) -> Verdict:
    low, high = kind.min_members or 1, kind.max_members
    limits = f"{low}至{high}人" if high else f"不少于{low}人"
    size = facts.get("team_size")
    if size is None:
        return verdict(
            rulebook, kind, "team_size", NEEDS_EVIDENCE, f"待核实：团队人数须为{limits}（未提供团队人数）"
        )
    size = coerce("team_size", size)
    ok = size >= low and (high is None or size <= high)
    word = "符合" if ok else "不符合"
    return verdict(
        rulebook, kind, "team_size", PASS if ok else FAIL, f"{word}：团队人数须为{limits}，现为{size}人"
    )


def _track(rulebook: Rulebook, kind: Any, label: str, track: str) -> Verdict:
    match = next((t for t in kind.tracks if t.id == track), None)
    if match is not None:
        return verdict(rulebook, match, "track_admitted", PASS, f"{label}可按“{match.label}”申报")
    names = "、".join(t.label for t in kind.tracks)
    return verdict(rulebook, kind, "track_admitted", FAIL, f"{label}只能按以下类别申报：{names}")
