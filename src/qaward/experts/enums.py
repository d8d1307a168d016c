"""Choices of the expert pool, conflicts and panels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExpertStatus(models.TextChoices):
    ACTIVE = "active", _("Active expert")
    SUSPENDED = "suspended", _("Suspended expert")
    DISQUALIFIED = "disqualified", _("Disqualified expert")


class SanctionKind(models.TextChoices):
    """Jilin 第四十条(一): 责令改正 or 取消资格; other rulebooks name their own (expert_sanctions)."""

    CORRECTION = "correction", _("Ordered to correct (责令改正)")
    DISQUALIFICATION = "disqualification", _("Disqualified (取消资格)")


class EvaluationRating(models.TextChoices):
    """Two-way feedback (Jilin 第三十九条): an applicant rates a reviewer's discipline."""

    GOOD = "good", _("Kept discipline well")
    FAIR = "fair", _("Kept discipline acceptably")
    POOR = "poor", _("Breached discipline")


class RelationshipKind(models.TextChoices):
    COACHING = "coaching", _("Coached the application (申报辅导)")
    CONSULTING = "consulting", _("Consulting relationship")
    FAMILY = "family", _("Close relative works there")
    OTHER = "other", _("Other interest")


class ConflictKind(models.TextChoices):
    DECLARED = "declared", _("Declared by the expert")
    REQUESTED = "requested", _("Requested by the applicant")
    DETECTED = "detected", _("Detected from data")
    PINNED = "pinned", _("Pinned by staff")


class ConflictStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the office's decision")
    UPHELD = "upheld", _("Recusal upheld")
    DISMISSED = "dismissed", _("Recusal dismissed")


class PanelStage(models.TextChoices):
    MATERIAL_REVIEW = "material_review", _("Material review panel")
    ONSITE_REVIEW = "onsite_review", _("On-site review panel")
    DEFENSE = "defense", _("Defense panel")
    OBJECTION_INVESTIGATION = "objection_investigation", _("Objection investigation panel")


class PanelStatus(models.TextChoices):
    FORMING = "forming", _("Panel being formed")
    ACTIVE = "active", _("Panel at work")
    DISSOLVED = "dissolved", _("Panel dissolved")


class MemberStatus(models.TextChoices):
    INVITED = "invited", _("Invited, no answer yet")
    ACCEPTED = "accepted", _("Invitation accepted")
    DECLINED = "declined", _("Invitation declined")
    REMOVED = "removed", _("Removed from the panel")


class DeclineReason(models.TextChoices):
    CONFLICT = "conflict", _("Conflict of interest")
    NOT_MY_FIELD = "not_my_field", _("Not my field")
    WORKLOAD = "workload", _("Workload")


class MemberSource(models.TextChoices):
    SOLVER = "solver", _("Proposed by the solver")
    MANUAL = "manual", _("Chosen by staff")
