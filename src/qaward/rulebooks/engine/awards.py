"""Review pipelines, quota allocation, prizes and the cycle rule."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..schema import Pipeline, Rulebook, Tier
from ..schema_base import KIND_LABELS
from .verdict import FAIL, PASS, RuleRefusal, Verdict, verdict

NEEDS_REASON = "needs_reason"


def _tier(rulebook: Rulebook, tier_id: str) -> Tier:
    tier = rulebook.tiers.get(tier_id)  # type: ignore[call-overload]
    if tier is None:
        first = rulebook.tiers_by_rank()[0][1]
        names = "、".join(t.label for _, t in rulebook.tiers_by_rank())
        raise RuleRefusal(
            verdict(rulebook, first, "tier_exists", FAIL, f"本办法未设“{tier_id}”奖项，只设{names}")
        )
    return tier


def pipeline_for(rulebook: Rulebook, kind: str, tier_id: str) -> Pipeline:
    """The ordered review stages for an applicant kind competing for a tier."""
    tier = _tier(rulebook, tier_id)
    if kind not in tier.admits:
        message = f"{tier.label}不接受{KIND_LABELS.get(kind, kind)}申报"
        raise RuleRefusal(verdict(rulebook, tier, "kind_admitted", FAIL, message))
    return next(p for p in rulebook.pipelines if kind in p.kinds and tier_id in p.tiers)


@dataclass(frozen=True)
class Candidate:
    """One ranked candidate (best first in the list handed to :func:`allocate`)."""

    id: str
    kind: str
    tier: str
    rewinner: bool = False
    barred_tiers: Mapping[str, Verdict] = field(default_factory=dict)


@dataclass(frozen=True)
class Grant:
    candidate_id: str
    tier: str
    counted_in_quota: bool
    verdict: Verdict


@dataclass(frozen=True)
class Allocation:
    granted: tuple[Grant, ...]
    refused: tuple[tuple[str, Verdict], ...]
    vacancies: Mapping[str, int]
    vacancy_verdicts: tuple[Verdict, ...]

    def granted_ids(self, tier: str) -> list[str]:
        return [g.candidate_id for g in self.granted if g.tier == tier]

    def to_dict(self) -> dict[str, Any]:
        return {
            "granted": [
                {
                    "id": g.candidate_id,
                    "tier": g.tier,
                    "counted_in_quota": g.counted_in_quota,
                    **g.verdict.to_dict(),
                }
                for g in self.granted
            ],
            "refused": [{"id": cid, **v.to_dict()} for cid, v in self.refused],
            "vacancies": dict(self.vacancies),
        }


def _capacity(tier: Tier) -> dict[str, int]:
    if tier.quota.per_kind is not None:
        return dict(tier.quota.per_kind)
    assert tier.quota.combined is not None
    return {"*": tier.quota.combined}


def _limit_text(tier: Tier, kind: str) -> str:
    if tier.quota.per_kind is not None:
        return f"{tier.label}每届{KIND_LABELS[kind]}不超过{tier.quota.per_kind[kind]}个"  # type: ignore[index]
    return f"{tier.label}每届不超过{tier.quota.combined}个"


def allocate(rulebook: Rulebook, ranked_candidates: Iterable[Candidate]) -> Allocation:
    """Fill each tier's quota in rank order; re-winners may stand outside it; report vacancies."""
    left = {tier_id: _capacity(tier) for tier_id, tier in rulebook.tiers.items()}
    granted: list[Grant] = []
    refused: list[tuple[str, Verdict]] = []
    for cand in ranked_candidates:
        tier = rulebook.tiers.get(cand.tier)  # type: ignore[call-overload]
        if tier is None or cand.kind not in tier.admits:
            name = tier.label if tier else cand.tier
            rule = tier or rulebook.tiers_by_rank()[0][1]
            message = f"{name}不接受{KIND_LABELS.get(cand.kind, cand.kind)}"
            refused.append((cand.id, verdict(rulebook, rule, "not_admitted", FAIL, message)))
            continue
        if cand.tier in cand.barred_tiers:
            refused.append((cand.id, cand.barred_tiers[cand.tier]))
            continue
        if cand.rewinner and rulebook.rewinners.outside_quota and rulebook.rewinners.covers(cand.tier):
            v = verdict(
                rulebook,
                rulebook.rewinners,
                "rewinner_outside_quota",
                PASS,
                f"再次获得{tier.label}，不占名额",
            )
            granted.append(Grant(cand.id, cand.tier, False, v))
            continue
        bucket = cand.kind if tier.quota.per_kind is not None else "*"
        if left[cand.tier][bucket] <= 0:
            message = f"名额已满：{_limit_text(tier, cand.kind)}"
            refused.append((cand.id, verdict(rulebook, tier.quota, "quota_full", FAIL, message)))
            continue
        left[cand.tier][bucket] -= 1
        v = verdict(rulebook, tier.quota, "within_quota", PASS, f"在名额内：{_limit_text(tier, cand.kind)}")
        granted.append(Grant(cand.id, cand.tier, True, v))
    vacancies = {tier_id: sum(buckets.values()) for tier_id, buckets in left.items()}
    vacancy_verdicts = tuple(
        verdict(
            rulebook,
            rulebook.vacancies_allowed,
            "vacancy",
            PASS if rulebook.vacancies_allowed.value else FAIL,
            f"{rulebook.tiers[tier_id].label}空缺{n}个"
            + ("" if rulebook.vacancies_allowed.value else "，但本办法不允许空缺"),  # type: ignore[index]
        )
        for tier_id, n in vacancies.items()
        if n
    )
    return Allocation(tuple(granted), tuple(refused), vacancies, vacancy_verdicts)


@dataclass(frozen=True)
class PrizeDecision:
    amount_yuan: int | None
    items: tuple[str, ...]
    discretionary: bool
    verdict: Verdict


def prize_for(rulebook: Rulebook, tier_id: str, kind: str, is_rewin: bool = False) -> PrizeDecision:
    """What a winner receives: money (``None`` when the office sets it), plaque, certificate…"""
    pipeline_for(rulebook, kind, tier_id)  # refuses kinds the tier does not admit
    prize = next((p for p in rulebook.prizes if p.tier == tier_id and p.kind == kind), None)
    label = f"{rulebook.tiers[tier_id].label}（{KIND_LABELS[kind]}）"  # type: ignore[index]
    if prize is None:
        v = verdict(rulebook, None, "prize", PASS, f"{label}：本办法未规定奖励")
        return PrizeDecision(None, (), True, v)
    if is_rewin and not rulebook.rewinners.prize_money and rulebook.rewinners.covers(tier_id):
        items = rulebook.rewinners.items or ("证书",)
        v = verdict(
            rulebook,
            rulebook.rewinners,
            "rewinner_prize",
            PASS,
            f"{label}再次获奖：只授予{'、'.join(items)}，不授予奖金",
        )
        return PrizeDecision(0, tuple(items), False, v)
    discretionary = prize.is_discretionary("amount_yuan")
    money = (
        "奖金由评委办确定"
        if discretionary
        else (f"奖金{prize.amount_yuan}元" if prize.amount_yuan else "无奖金")
    )
    v = verdict(rulebook, prize, "prize", PASS, f"{label}：{'、'.join(prize.items)}；{money}")
    return PrizeDecision(None if discretionary else prize.amount_yuan, prize.items, discretionary, v)


def may_open_cycle(rulebook: Rulebook, year: int, previous_cycle_years: Iterable[int]) -> Verdict:
    """Whether a cycle (届) may open in ``year`` given the years earlier cycles opened."""
    rule = rulebook.cycle
    earlier = sorted(y for y in previous_cycle_years if y < year)
    if year in previous_cycle_years:
        return verdict(rulebook, rule, "cycle_rule", FAIL, f"{year}年已有一届评选")
    reference = earlier[-1] if earlier else rule.anchor_year
    if reference is None or (year - reference) % rule.years == 0:
        return verdict(rulebook, rule, "cycle_rule", PASS, f"评选周期为{rule.years}年，{year}年可以开展评选")
    expected = year + (rule.years - (year - reference) % rule.years)
    outcome = NEEDS_REASON if rule.in_principle else FAIL
    extra = "；办法规定“原则上”，如确需调整须记录理由" if rule.in_principle else ""
    message = f"评选周期为{rule.years}年，下一届应在{expected}年开展，{year}年不能开展{extra}"
    return verdict(rulebook, rule, "cycle_rule", outcome, message, expected_year=expected)
