"""Rulebook sections about decisions after intake: committee, prizes, bans, objections, supervision."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .schema_base import ApplicantKindId, Period, Rule, Strict, TierId, WorkdayLimit


class Consultation(Rule):
    """Departments whose written opinion is sought (征求意见) before a list is formed."""

    by: Literal["office", "recommender"]
    departments: tuple[str, ...]


class Composite(Rule):
    """How stage results combine into the composite ranking (综合评价)."""

    weights: dict[str, float]
    ranking: Literal["composite_desc"] = "composite_desc"

    @model_validator(mode="after")
    def _weights_sum_to_one(self) -> Composite:
        total = sum(self.weights.values())
        if abs(total - 1.0) > 1e-9:
            raise ValueError(f"综合评价权重之和必须为 1，现为 {total:g}")
        return self


class Committee(Rule):
    """The body that decides the proposal list; quorum and threshold are fractions."""

    body: str
    decision: Literal["vote", "deliberation"]
    quorum: float = Field(gt=0, le=1)
    threshold: float = Field(gt=0, le=1)
    threshold_of: Literal["present", "members"] = "present"


class Prize(Rule):
    tier: TierId
    kind: ApplicantKindId
    amount_yuan: int | None = Field(default=None, ge=0)
    items: tuple[str, ...]


class ReapplicationRule(Rule):
    """After winning ``after_tier``, the tiers in ``blocks_tiers`` are barred for ``bar``."""

    id: str
    label: str
    after_tier: TierId
    bar: Period
    blocks_tiers: tuple[TierId, ...]
    blocks: Literal["application", "grant"] = "application"
    # same_achievement (塔城 第十条): only the achievement that won is barred; a new one needs review
    scope: Literal["any", "same_achievement"] = "any"


BanGround = Literal["false_materials", "fraudulent_award", "revocation"]


class Ban(Rule):
    """不予受理: applications refused for a period after a finding or decision."""

    id: str
    ground: BanGround
    label: str
    period: Period
    revokes_award: bool = False
    published: bool = False
    kinds: tuple[ApplicantKindId, ...] | None = None  # None: every applicant kind


class RevocationGround(Rule):
    id: str
    label: str
    kinds: tuple[ApplicantKindId, ...] | None = None
    time_limited: bool = True  # False: revocable whenever found (e.g. 吉安 第二十二条第一款 fraud)


class Revocation(Rule):
    window: Period | None = None
    within_validity: bool = False
    decided_by: str
    grounds: tuple[RevocationGround, ...]
    consequences: tuple[str, ...] = ()


class Objections(Rule):
    """异议: who may object, what makes an objection admissible, and how it is handled."""

    submitted_to: str
    windows: tuple[str, ...] | Literal["all"] = "all"
    real_name_required: Rule | None = None
    evidence_required: Rule | None = None
    late_refused: Rule | None = None
    anonymous_refused: Rule | None = None
    identity_individual: tuple[str, ...] = ()
    identity_unit: tuple[str, ...] = ()
    admissibility_review: WorkdayLimit
    written_receipt: Rule | None = None
    recommender_verification: RecommenderVerification | None = None
    expert_investigation: Rule | None = None
    experts_must_be_unconflicted: Rule | None = None
    defence_security_routed_out: Rule | None = None
    objector_confidentiality: Rule | None = None
    disclosure_needs_consent: Rule | None = None
    decided_by: str
    result_notified_to: tuple[str, ...] = ()
    upheld_consequence: Rule | None = None
    not_upheld_continues: Rule | None = None


class RecommenderVerification(WorkdayLimit):
    on_miss: Literal["applicant_fails", "none"]


class Supervision(Strict):
    change_report: ChangeReport | None = None
    revisits: Rule | None = None
    promotion_records: Rule | None = None
    honor_usage: Rule | None = None
    complaints_to: ComplaintsRoute | None = None
    two_way_feedback: Rule | None = None
    recusal: Rule | None = None
    applicant_may_request_recusal: Rule | None = None
    trade_secrets_protected: Rule | None = None
    expert_sanctions: tuple[str, ...] = ()
    expert_sanctions_rule: Rule | None = None
    recommender_sanction: Rule | None = None


class ChangeReport(Rule):
    within_months: int = Field(ge=1)


class ComplaintsRoute(Rule):
    body: str


class Transitional(Rule):
    """Awards made under a superseded regulation and how they are managed now (Jilin 第四十五条)."""

    id: str
    label: str
    superseded_doc_no: str
    validity: Period
    managed_as_tier: TierId


Objections.model_rebuild()
Supervision.model_rebuild()

__all__ = [
    "Ban",
    "BanGround",
    "Committee",
    "Composite",
    "Consultation",
    "Objections",
    "Prize",
    "ReapplicationRule",
    "Revocation",
    "Supervision",
    "Transitional",
]
