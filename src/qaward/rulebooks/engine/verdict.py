"""Verdicts: every automated decision names its rule, its article and the rulebook version."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..schema import Rulebook
from ..schema_base import Rule

PASS, FAIL, NEEDS_EVIDENCE, NOT_APPLICABLE = "pass", "fail", "needs_evidence", "not_applicable"


@dataclass(frozen=True)
class Verdict:
    rule_id: str
    outcome: str
    message: str
    cite: str | None
    citation: str
    rulebook: str
    office_discretion: bool = False
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class RuleRefusal(Exception):
    """A request the rulebook forbids; carries the verdict that explains why."""

    def __init__(self, verdict: Verdict):
        self.verdict = verdict
        super().__init__(verdict.message)


def verdict(
    rulebook: Rulebook,
    rule: Rule | None,
    rule_id: str,
    outcome: str,
    message: str,
    **details: Any,
) -> Verdict:
    """Build a verdict whose message ends with the full citation, e.g. （吉政办规〔2023〕3号 第二十条）."""
    cite = rule.cite if rule else None
    citation = rulebook.cite(cite)
    return Verdict(
        rule_id=rule_id,
        outcome=outcome,
        message=f"{message}（{citation}）",
        cite=cite,
        citation=citation,
        rulebook=f"{rulebook.id}@{rulebook.version}",
        office_discretion=bool(rule and rule.office_discretion),
        details=details,
    )


def combine(outcomes: list[str]) -> str:
    """Overall outcome: any failure fails; else anything unproven needs evidence; else pass."""
    if FAIL in outcomes:
        return FAIL
    if NEEDS_EVIDENCE in outcomes:
        return NEEDS_EVIDENCE
    return PASS
