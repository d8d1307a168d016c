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
