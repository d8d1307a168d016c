"""Choices of the vetting app (recommendation and formal review)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CreditResult(models.TextChoices):
    """Result of the credit check (信用核查) a recommending unit records (e.g. 塔城 第十四条)."""

    CLEAR = "clear", _("Not listed")
    ABNORMAL_OPERATIONS = "abnormal_operations", _("Listed as operating abnormally (经营异常名录)")
    SERIOUS_VIOLATION = "serious_violation", _("Listed for serious violations (严重违法失信名单)")


class ConsultedBy(models.TextChoices):
    """Who asks a department for its opinion (the rulebook's ``consultations[].by``)."""

    RECOMMENDER = "recommender", _("Recommending unit")
    OFFICE = "office", _("Award office")


class ConsultationOutcome(models.TextChoices):
    NO_OBJECTION = "no_objection", _("No objection")
    CONCERNS = "concerns", _("Concerns raised")


class RecommenderDecision(models.TextChoices):
    RECOMMEND = "recommend", _("Recommended")
    DECLINE = "decline", _("Not recommended")
    RETURN = "return", _("Returned for correction")


class FormalDecision(models.TextChoices):
    ACCEPT = "accept", _("Accepted")
    REJECT = "reject", _("Not accepted")
    RETURN = "return", _("Returned for correction")
