"""The rulebook schema: one regulation (质量奖管理办法) as validated, cited data.

The top-level model is :class:`Rulebook`; the authoring guide is ``docs/rulebooks.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .schema_base import (
    KIND_LABELS,
    ApplicantKindId,
    Citation,
    CountingMode,
    Period,
    Rule,
    Strict,
    TierId,
    WorkdayLimit,
)
from .schema_rules import (
    Ban,
    Committee,
    Composite,
    Consultation,
    Objections,
    Prize,
    ReapplicationRule,
    Revocation,
    Supervision,
    Transitional,
)

StageKind = Literal["material_review", "onsite_review", "defense", "composite", "committee_vote"]
STAGE_LABELS: dict[str, str] = {
    "material_review": "资料评审",
    "onsite_review": "现场评审",
    "defense": "陈述答辩",
    "composite": "综合评价",
    "committee_vote": "评委会审定",
}


class Jurisdiction(Strict):
    level: Literal["province", "prefecture", "city", "county"]
    name: str
    code: str = Field(pattern=r"^\d{6}$")


class SupersededDocument(Strict):
    title: str
    doc_no: str | None = None


class CycleRule(Rule):
    """How often a cycle (届) runs; ``in_principle`` (原则上) lets staff deviate with a recorded reason."""

    years: int = Field(ge=1)
    in_principle: bool = False
    alternates_with: str | None = None
    anchor_year: int | None = None


class Track(Rule):
    """A sub-route of a kind with its own rubric (e.g. Jilin's 专精特新 specification)."""

    id: str
    label: str
    rubric: str


class BranchRule(Rule):
    """Branches (分支、内设、派出机构) and what their parent organisation must do for them."""

    allowed: bool
    parent_recommendation_required: bool = False


class ApplicantKind(Rule):
    label: str
    min_members: int | None = Field(default=None, ge=1)
    max_members: int | None = Field(default=None, ge=1)
    tracks: tuple[Track, ...] = ()
    branches: BranchRule | None = None


class Quota(Rule):
    """Per cycle: either one combined cap over all kinds, or one cap per kind."""

    combined: int | None = Field(default=None, ge=0)
    per_kind: dict[ApplicantKindId, int] | None = None

    @model_validator(mode="after")
    def _one_shape(self) -> Quota:
        if (self.combined is None) == (self.per_kind is None):
            raise ValueError("名额必须且只能写 combined（合计）或 per_kind（按类别）之一")
        return self


class Tier(Rule):
    label: str
    rank: int = Field(ge=1, description="1 is the highest tier")
    admits: tuple[ApplicantKindId, ...]
    quota: Quota


class RewinnerRule(Rule):
    """A former winner winning the same tier again (Ji'an 第五条: title only, outside the quota)."""

    outside_quota: bool
    prize_money: bool
    items: tuple[str, ...] | None = None
    tiers: tuple[TierId, ...] | None = None  # None: every tier

    def covers(self, tier: str) -> bool:
        return self.tiers is None or tier in self.tiers


class Condition(Strict):
    """One test over applicant facts; ``any_of``/``all_of`` nest, ``judgement`` needs a reviewer."""

    label: str | None = None
    fact: str | None = None
    equals: bool | int | str | None = None
    at_least: float | None = None
    at_most: float | None = None
    one_of: tuple[str | int, ...] | None = None
    none_within_years: int | None = Field(default=None, ge=1)
    any_of: tuple[Condition, ...] | None = None
    all_of: tuple[Condition, ...] | None = None
    judgement: bool = False

    @model_validator(mode="after")
    def _one_shape(self) -> Condition:
        ops = [self.equals, self.at_least, self.at_most, self.one_of, self.none_within_years]
        n_ops = sum(op is not None for op in ops)
        shapes = [self.fact is not None, self.any_of is not None, self.all_of is not None, self.judgement]
        if sum(shapes) != 1:
            raise ValueError("条件必须且只能是以下之一：fact 比较、any_of、all_of、judgement: true")
        if self.fact is not None and n_ops != 1:
            raise ValueError(
                f"事实“{self.fact}”必须且只能有一个比较：equals/at_least/at_most/one_of/none_within_years"
            )
        if self.fact is None and n_ops:
            raise ValueError("比较运算只能和 fact 一起使用")
        return self


class EligibilityCondition(Condition, Rule):
    """A top-level 申报条件 with its id, its article and, optionally, when it applies."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    applies_if: Condition | None = None
    evidence: tuple[str, ...] = ()
    encouraged_only: bool = False


class PublicityWindow(Rule):
    """A 公示: its minimum length in working days and how the days are counted."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    subject: str
    min_workdays: int = Field(ge=1)
    exact: bool = False
    counting: CountingMode = "inclusive"
    channel: Literal["internal", "portal", "media"]
    run_by: str
    kinds: tuple[ApplicantKindId, ...] | None = None


class Route(Rule):
    """A way into the competition: who receives and recommends the application."""

    id: str
    via: Literal["region", "industry_department", "industry_association", "direct"]
    label: str


class InternalPublicity(Rule):
    window: str
    opinion_by: dict[str, str] = Field(default_factory=dict)


class RecommenderReview(Rule):
    checks: tuple[str, ...]
    credit_check: bool = False
    consult_departments: bool = False
    publicity_window: str | None = None
    opinion_required: bool = True


class FormalReview(Rule):
    checks: tuple[str, ...]
    acceptance_window: str | None = None
    written_reason_on_rejection: bool = True


class Intake(Strict):
    # The article under which the office announces the application period (申报通知): refusals
    # of submissions outside the cycle's dates cite it. None in books written before it existed.
    call: Rule | None = None
    routes: tuple[Route, ...]
    self_evaluation: Rule | None = None
    declarations: tuple[Rule, ...] = ()
    internal_publicity: InternalPublicity | None = None
    recommender_review: RecommenderReview | None = None
    formal_review: FormalReview
    consultations: tuple[Consultation, ...] = ()


class Stage(Rule):
    stage: StageKind
    label: str | None = None
    run_by: str | None = None
    max_days: int | None = Field(default=None, ge=1)
    public_broadcast: bool = False
    separate_panel: bool = False
    advances: str | None = None
    gate: bool = False  # pass/fail: only those who pass go on (e.g. 塔城 第二十一条 通过陈述答辩的)
    notify_eliminated_in_writing: bool = False
    publicity_after: str | None = None

    @property
    def display_label(self) -> str:
        return self.label or STAGE_LABELS[self.stage]


class Pipeline(Rule):
    kinds: tuple[ApplicantKindId, ...]
    tiers: tuple[TierId, ...]
    stages: tuple[Stage, ...]


class RubricRef(Rule):
    kind: ApplicantKindId
    track: str | None = None
    rubric: str
    standard: str


class Approval(Rule):
    authority: str
    publicity_window: str | None = None


class Validity(Rule):
    years: int | None = Field(default=None, ge=1)


class Retention(Rule):
    years: int = Field(ge=1)


class Flag(Rule):
    value: bool


class Rulebook(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9]*-\d{4}$")
    version: int = Field(ge=1)
    title: str
    award_name: str
    issuer: str
    doc_no: str | None = None
    issued: dt.date | None = None
    effective: dt.date | None = None
    effective_note: str | None = None
    status: Literal["in_force", "draft", "superseded"]
    supersedes: tuple[SupersededDocument, ...] = ()
    source_file: str
    jurisdiction: Jurisdiction
    office: str
    committee_body: str

    cycle: CycleRule
    fees_charged: Flag | None = None
    entrustment_allowed: Flag | None = None
    applicant_kinds: dict[ApplicantKindId, ApplicantKind]
    tiers: dict[TierId, Tier]
    vacancies_allowed: Flag
    rewinners: RewinnerRule
    eligibility: dict[ApplicantKindId, tuple[EligibilityCondition, ...]]
    intake: Intake
    publicity: tuple[PublicityWindow, ...]
    pipelines: tuple[Pipeline, ...]
    rubrics: tuple[RubricRef, ...]
    composite: Composite
    committee: Committee
    approval: Approval
    prizes: tuple[Prize, ...]
    validity: Validity
    reapplication: tuple[ReapplicationRule, ...] = ()
    bans: tuple[Ban, ...] = ()
    revocation: Revocation
    objections: Objections
    supervision: Supervision
    retention: Retention
    transitional: tuple[Transitional, ...] = ()

    @property
    def citation_prefix(self) -> str:
        """How an article of this rulebook is named in messages: 文号, or 《标题》 for a draft."""
        return self.doc_no or f"《{self.title}》"

    def cite(self, article: str | None) -> str:
        if not article:
            return f"{self.citation_prefix}（办法未规定，由评委办确定）"
        return f"{self.citation_prefix} {article}"

    def window(self, window_id: str) -> PublicityWindow:
        for window in self.publicity:
            if window.id == window_id:
                return window
        raise KeyError(window_id)

    @model_validator(mode="after")
    def _consistent(self) -> Rulebook:
        problems: list[str] = []
        kinds = set(self.applicant_kinds)
        window_ids = [w.id for w in self.publicity]
        if len(window_ids) != len(set(window_ids)):
            problems.append("publicity 中有重复的公示 id")
        referenced = [
            self.intake.internal_publicity and self.intake.internal_publicity.window,
            self.intake.recommender_review and self.intake.recommender_review.publicity_window,
            self.intake.formal_review.acceptance_window,
            self.approval.publicity_window,
            *(s.publicity_after for p in self.pipelines for s in p.stages),
        ]
        for ref in referenced:
            if ref and ref not in window_ids:
                problems.append(f"引用了未定义的公示“{ref}”")
        for tier_id, tier in self.tiers.items():
            for kind in tier.admits:
                if kind not in kinds:
                    problems.append(f"奖项 {tier_id} 接受未定义的申报类别 {kind}")
                covering = [p for p in self.pipelines if kind in p.kinds and tier_id in p.tiers]
                if len(covering) != 1:
                    problems.append(
                        f"{KIND_LABELS[kind]}·{tier.label} 必须恰好有一条评审流程，现有 {len(covering)} 条"
                    )
            if tier.quota.per_kind is not None and set(tier.quota.per_kind) != set(tier.admits):
                problems.append(f"奖项 {tier_id} 的按类别名额必须恰好列出该奖项接受的每个类别")
        if set(self.eligibility) != kinds:
            problems.append("eligibility 必须为每个申报类别列出申报条件")
        ranks = sorted(t.rank for t in self.tiers.values())
        if ranks != list(range(1, len(ranks) + 1)):
            problems.append("奖项等次 rank 必须从 1 开始连续编号")
        if problems:
            raise ValueError("；".join(problems))
        return self

    def tiers_by_rank(self) -> list[tuple[TierId, Tier]]:
        return sorted(self.tiers.items(), key=lambda item: item[1].rank)


__all__ = [
    "Citation",
    "Period",
    "Rulebook",
    "STAGE_LABELS",
    "WorkdayLimit",
]
