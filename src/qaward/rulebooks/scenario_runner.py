"""Scenario files: plain-language cases with inputs and expected verdicts (OpenFisca style).

Each YAML file under ``scenarios/<rulebook-id>/`` is one case; :func:`run_scenario` returns the
list of mismatches (empty when the rulebook behaves as the scenario says). The test suite and
``qaward rulebook scenarios`` both use it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import registry
from .engine import (
    Candidate,
    CycleRef,
    HistoryEvent,
    RuleRefusal,
    allocate,
    ban_until,
    check_eligibility,
    may_apply,
    may_open_cycle,
    pipeline_for,
    prize_for,
)
from .schema import Rulebook

SCENARIOS_DIR = Path(__file__).parent / "scenarios"


@dataclass(frozen=True)
class Scenario:
    path: Path
    rulebook_id: str
    title: str
    explains: str | None
    check: str
    given: dict[str, Any]
    expect: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.rulebook_id}/{self.path.stem}"


def load_scenarios(directory: Path = SCENARIOS_DIR) -> list[Scenario]:
    scenarios = []
    for path in sorted(directory.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        scenarios.append(
            Scenario(
                path=path,
                rulebook_id=path.parent.name,
                title=data.get("title", ""),
                explains=data.get("explains"),
                check=data.get("check", ""),
                given=data.get("given") or {},
                expect=data.get("expect") or {},
            )
        )
    return scenarios


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _compare(label: str, expected: Any, actual: Any, problems: list[str]) -> None:
    if expected != actual:
        problems.append(f"{label}: expected {expected!r}, got {actual!r}")


def _eligibility(book: Rulebook, given: dict, expect: dict, problems: list[str]) -> None:
    report = check_eligibility(
        book, given["kind"], given.get("facts") or {}, _date(given["as_of"]), track=given.get("track")
    )
    _compare("outcome", expect["outcome"], report.outcome, problems)
    outcomes = report.by_rule()
    for rule_id, wanted in (expect.get("conditions") or {}).items():
        _compare(f"condition {rule_id}", wanted, outcomes.get(rule_id, "<missing>"), problems)


def _pipeline(book: Rulebook, given: dict, expect: dict, problems: list[str]) -> None:
    try:
        pipeline = pipeline_for(book, given["kind"], given["tier"])
    except RuleRefusal:
        _compare("refused", expect.get("refused", False), True, problems)
        return
    _compare("refused", expect.get("refused", False), False, problems)
    if "stages" in expect:
        _compare("stages", expect["stages"], [s.stage for s in pipeline.stages], problems)
    for stage, days in (expect.get("max_days") or {}).items():
        found = next((s.max_days for s in pipeline.stages if s.stage == stage), "<no stage>")
        _compare(f"max_days {stage}", days, found, problems)
    if "public_broadcast" in expect:
        actual = [s.stage for s in pipeline.stages if s.public_broadcast]
        _compare("public_broadcast", expect["public_broadcast"], actual, problems)


def _allocate(book: Rulebook, given: dict, expect: dict, problems: list[str]) -> None:
    candidates = [
        Candidate(id=str(c["id"]), kind=c["kind"], tier=c["tier"], rewinner=bool(c.get("rewinner")))
        for c in given["candidates"]
    ]
    result = allocate(book, candidates)
    for tier, ids in (expect.get("granted") or {}).items():
        _compare(f"granted {tier}", [str(i) for i in ids], result.granted_ids(tier), problems)
    refused = {cid: v.rule_id for cid, v in result.refused}
    for cid, reason in (expect.get("refused") or {}).items():
        _compare(f"refused {cid}", reason, refused.get(str(cid), "<granted>"), problems)
    if "outside_quota" in expect:
        outside = [g.candidate_id for g in result.granted if not g.counted_in_quota]
        _compare("outside_quota", [str(i) for i in expect["outside_quota"]], outside, problems)
    for tier, n in (expect.get("vacancies") or {}).items():
        _compare(f"vacancies {tier}", n, result.vacancies.get(tier), problems)


def _ban(book: Rulebook, given: dict, expect: dict, problems: list[str]) -> None:
    decision = ban_until(book, given["ground"], _date(given["event_date"]), given.get("kind"))
    _compare("applies", expect["applies"], decision.applies, problems)
    if "ends" in expect:
        _compare("ends", _date(expect["ends"]) if expect["ends"] else None, decision.ends, problems)
    if "cycles" in expect:
        _compare("cycles", expect["cycles"], decision.cycles, problems)


def _may_apply(book: Rulebook, given: dict, expect: dict, problems: list[str]) -> None:
    c = given["cycle"]
    cycle = CycleRef(number=int(c["number"]), year=int(c["year"]), opens=_date(c["opens"]))
    history = [HistoryEvent.from_dict(e) for e in given.get("history") or []]
    result = may_apply(book, history, cycle, given.get("kind"))
    _compare("outcome", expect["outcome"], result.outcome, problems)
    if "allowed_tiers" in expect:
        _compare("allowed_tiers", list(expect["allowed_tiers"]), list(result.allowed_tiers), problems)
    if "grant_barred_tiers" in expect:
        _compare(
            "grant_barred_tiers", list(expect["grant_barred_tiers"]), sorted(result.grant_bars), problems
        )


def _prize(book: Rulebook, given: dict, expect: dict, problems: list[str]) -> None:
    decision = prize_for(book, given["tier"], given["kind"], bool(given.get("rewin")))
    _compare("amount_yuan", expect.get("amount_yuan"), decision.amount_yuan, problems)
    if "items" in expect:
        _compare("items", list(expect["items"]), list(decision.items), problems)
    if "discretionary" in expect:
        _compare("discretionary", expect["discretionary"], decision.discretionary, problems)


def _publicity(book: Rulebook, given: dict, expect: dict, problems: list[str]) -> None:
    window = book.window(given["window"])
    _compare("min_workdays", expect["min_workdays"], window.min_workdays, problems)
    if "exact" in expect:
        _compare("exact", expect["exact"], window.exact, problems)
    if "channel" in expect:
        _compare("channel", expect["channel"], window.channel, problems)
    if "end" in expect:
        from qaward.workdays import add_workdays

        end = add_workdays(_date(given["start"]), window.min_workdays, window.counting)
        _compare("end", _date(expect["end"]), end, problems)


def _cycle(book: Rulebook, given: dict, expect: dict, problems: list[str]) -> None:
    v = may_open_cycle(book, int(given["year"]), [int(y) for y in given.get("previous_cycle_years") or []])
    wanted = {"allowed": "pass", "refused": "fail", "needs_reason": "needs_reason"}[expect["outcome"]]
    _compare("outcome", wanted, v.outcome, problems)


CHECKS = {
    "eligibility": _eligibility,
    "pipeline": _pipeline,
    "allocate": _allocate,
    "ban": _ban,
    "may_apply": _may_apply,
    "prize": _prize,
    "publicity": _publicity,
    "cycle": _cycle,
}


def run_scenario(scenario: Scenario, book: Rulebook | None = None) -> list[str]:
    """Run one scenario; return what differs from its expectation (empty list = as expected)."""
    if scenario.check not in CHECKS:
        return [f"unknown check {scenario.check!r}; known: {', '.join(CHECKS)}"]
    if not scenario.title or not scenario.explains:
        return ["a scenario needs a plain-language title and the article it explains"]
    book = book or registry.get(scenario.rulebook_id)
    problems: list[str] = []
    CHECKS[scenario.check](book, scenario.given, scenario.expect, problems)
    return problems
