"""Bans (不予受理), re-application bars and validity: may this applicant apply in this cycle?"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..schema import Period, Rulebook
from ..schema_base import Rule
from .verdict import FAIL, NEEDS_EVIDENCE, PASS, Verdict, verdict

_GROUND_LABELS = {
    "false_materials": "隐瞒有关情况或者提供虚假材料进行申报",
    "fraudulent_award": "以欺骗、贿赂等不正当手段获奖",
    "revocation": "被撤销荣誉",
}


def period_end(period: Period, event_date: dt.date) -> dt.date:
    """First day after a year-based period that starts at ``event_date``."""
    assert period.years is not None
    if period.counted_from == "after_event_year":
        return dt.date(event_date.year + 1 + period.years, 1, 1)
    try:
        return event_date.replace(year=event_date.year + period.years)
    except ValueError:  # 29 February
        return dt.date(event_date.year + period.years, 3, 1)


@dataclass(frozen=True)
class BanDecision:
    applies: bool
    ends: dt.date | None
    cycles: int | None
    verdict: Verdict


def _ban_rule(rulebook: Rulebook, ground: str, kind: str | None):
    return next(
        (
            b
            for b in rulebook.bans
            if b.ground == ground and (b.kinds is None or kind is None or kind in b.kinds)
        ),
        None,
    )


def ban_until(rulebook: Rulebook, ground: str, event_date: dt.date, kind: str | None = None) -> BanDecision:
    """The ban a finding or decision triggers; ``ends`` is the first day applications are accepted again."""
    ban = _ban_rule(rulebook, ground, kind)
    label = _GROUND_LABELS.get(ground, ground)
    if ban is None:
        v = verdict(rulebook, None, f"ban:{ground}", PASS, f"本办法未对“{label}”规定不予受理期限")
        return BanDecision(False, None, None, v)
    if ban.period.cycles is not None:
        message = f"{ban.label}：自{event_date.isoformat()}起{ban.period.cycles}个评选周期内不得申报"
        return BanDecision(True, None, ban.period.cycles, verdict(rulebook, ban, ban.id, FAIL, message))
    ends = period_end(ban.period, event_date)
    message = f"{ban.label}：{event_date.isoformat()}起至{(ends - dt.timedelta(days=1)).isoformat()}不予受理"
    return BanDecision(True, ends, None, verdict(rulebook, ban, ban.id, FAIL, message, ends=ends.isoformat()))


@dataclass(frozen=True)
class CycleRef:
    number: int
    year: int
    opens: dt.date


@dataclass(frozen=True)
class HistoryEvent:
    """Something in an applicant's past: an award, a sanction (finding) or a revocation."""

    event: Literal["award", "sanction", "revocation"]
    date: dt.date
    tier: str | None = None
    ground: str | None = None
    cycle_number: int | None = None
    under: str | None = None  # 文号 of a superseded regulation the award was made under

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HistoryEvent:
        return cls(
            event=data["event"],
            date=_as_date(data["date"]),
            tier=data.get("tier"),
            ground=data.get("ground"),
            cycle_number=data.get("cycle_number"),
            under=data.get("under"),
        )


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class MayApply:
    outcome: Literal["allowed", "barred", "partly", "needs_review"]
    allowed_tiers: tuple[str, ...]
    verdicts: tuple[Verdict, ...]
    grant_bars: dict[str, Verdict] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "allowed_tiers": list(self.allowed_tiers),
            "verdicts": [v.to_dict() for v in self.verdicts],
            "grant_bars": {tier: v.to_dict() for tier, v in self.grant_bars.items()},
        }


def _in_period(period: Period, event: HistoryEvent, cycle: CycleRef) -> bool:
    if period.cycles is not None:
        if event.cycle_number is None:
            raise ValueError("按评选周期计算的限制需要知道事件所在的届次（cycle_number）")
        return 0 < cycle.number - event.cycle_number <= period.cycles
    return cycle.opens < period_end(period, event.date)


def may_apply(
    rulebook: Rulebook, history: Iterable[HistoryEvent], cycle: CycleRef, kind: str | None = None
) -> MayApply:
    """Which tiers an applicant may apply for in ``cycle``, given its history, with reasons."""
    tiers = [tier_id for tier_id, _ in rulebook.tiers_by_rank()]
    blocked: set[str] = set()
    verdicts: list[Verdict] = []
    grant_bars: dict[str, Verdict] = {}

    review = False

    def bar(
        rule: Rule, rule_id: str, tiers_hit: Iterable[str], message: str, effect: str = "application"
    ) -> None:
        nonlocal review
        v = verdict(rulebook, rule, rule_id, NEEDS_EVIDENCE if effect == "review" else FAIL, message)
        verdicts.append(v)
        review = review or effect == "review"
        for tier in tiers_hit:
            if effect == "grant":
                grant_bars[tier] = v
            elif effect == "application":
                blocked.add(tier)

    for event in history:
        if event.event == "award":
            _award_bars(rulebook, event, cycle, bar)
        else:
            ground = event.ground or ("revocation" if event.event == "revocation" else "false_materials")
            decision = ban_until(rulebook, ground, event.date, kind)
            ban = _ban_rule(rulebook, ground, kind)
            if ban is None:
                continue
            if _in_period(ban.period, event, cycle):
                verdicts.append(decision.verdict)
                blocked.update(tiers)
    allowed = tuple(t for t in tiers if t not in blocked)
    outcome = "allowed" if len(allowed) == len(tiers) else ("barred" if not allowed else "partly")
    if outcome == "allowed" and review:
        outcome = "needs_review"
    if outcome == "allowed" and not verdicts:
        verdicts.append(
            verdict(rulebook, rulebook.validity, "history_clear", PASS, "无获奖有效期、禁止申报期限制")
        )
    return MayApply(outcome, allowed, tuple(verdicts), grant_bars)


def _award_bars(rulebook: Rulebook, event: HistoryEvent, cycle: CycleRef, bar: Any) -> None:
    if event.under is not None:
        rule = next((t for t in rulebook.transitional if t.superseded_doc_no == event.under), None)
        if rule is None:
            return
        if not _in_period(rule.validity, event, cycle):
            return
        tier_id = rule.managed_as_tier
    else:
        tier_id = event.tier or ""
    for rule in rulebook.reapplication:
        if rule.after_tier != tier_id or not _in_period(rule.bar, event, cycle):
            continue
        names = "、".join(rulebook.tiers[t].label for t in rule.blocks_tiers)  # type: ignore[index]
        when = f"{event.date.isoformat()}获奖，{rule.bar.describe()}内"
        if rule.blocks == "grant":
            bar(rule, rule.id, rule.blocks_tiers, f"{rule.label}：{when}不再授予{names}", effect="grant")
        elif rule.scope == "same_achievement":
            message = f"{rule.label}：{when}只能以新的成果申报{names}，须经审查核实"
            bar(rule, rule.id, rule.blocks_tiers, message, effect="review")
        else:
            bar(rule, rule.id, rule.blocks_tiers, f"{rule.label}：{when}不得申报{names}")
