"""Choices of the applications app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantKind(models.TextChoices):
    """The rulebooks' applicant kinds (``ApplicantKindId``)."""

    ORGANIZATION = "organization", _("Organisation")
    INDIVIDUAL = "individual", _("Individual")
    TEAM = "team", _("Team")


class OrganizationSize(models.TextChoices):
    """Enterprise size per 国统字〔2017〕213号 (大中小微型企业划分办法)."""

    LARGE = "large", _("Large enterprise")
    MEDIUM = "medium", _("Medium-sized enterprise")
    SMALL = "small", _("Small enterprise")
    MICRO = "micro", _("Micro enterprise")


class OrganizationType(models.TextChoices):
    """What kind of body an organisation is (the rulebooks ask whether it is an enterprise)."""

    ENTERPRISE = "enterprise", _("Enterprise")
    PUBLIC_INSTITUTION = "public_institution", _("Public institution")
    SOCIAL_ORGANIZATION = "social_organization", _("Social organisation")
    GOVERNMENT = "government", _("Government body")
    OTHER = "other", _("Other organisation")


class SafetyLevel(models.TextChoices):
    """Work-safety standardisation grade (安全生产标准化等级); grade 1 is the highest."""

    LEVEL_1 = "1", _("Grade 1 work-safety standardisation")
    LEVEL_2 = "2", _("Grade 2 work-safety standardisation")
    LEVEL_3 = "3", _("Grade 3 work-safety standardisation")
    # No grade at all: given to the engine as grade 4, which fails "grade 3 or better".
    NONE = "none", _("No work-safety standardisation grade")


class PublicityOutcome(models.TextChoices):
    """How an internal publicity (单位内部公示) ended."""

    NO_OBJECTION = "no_objection", _("No objection was raised")
    RESOLVED = "resolved", _("Objections were raised and resolved")


class ApplicationState(models.TextChoices):
    """Where an application stands, from the draft to the acceptance list.

    Later stages (material review, on-site review, defense, vote, award) extend this list; the
    allowed moves are in ``qaward.applications.transitions``.
    """

    DRAFT = "draft", _("Draft application")
    SUBMITTED = "submitted", _("With the recommending unit")
    RETURNED = "returned", _("Returned for correction")
    NOT_RECOMMENDED = "not_recommended", _("Not recommended")
    FORMAL_REVIEW = "formal_review", _("Under formal review by the award office")
    ACCEPTED = "accepted", _("Accepted for review")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    DISQUALIFIED = "disqualified", _("Disqualified")
    WITHDRAWN = "withdrawn", _("Withdrawn")
