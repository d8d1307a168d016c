"""Choices of the objections app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ObjectorKind(models.TextChoices):
    INDIVIDUAL = "individual", _("An individual")
    UNIT = "unit", _("A unit (organisation)")
    # Only a paper objection can be anonymous: the online form always asks who objects.
    ANONYMOUS = "anonymous", _("Anonymous")


class Channel(models.TextChoices):
    ONLINE = "online", _("Filed online")
    PAPER = "paper", _("Received on paper")


class ObjectionState(models.TextChoices):
    RECEIVED = "received", _("Received, admissibility under review")
    NOT_ADMITTED = "not_admitted", _("Not admitted")
    ADMITTED = "admitted", _("Admitted, under investigation")
    ROUTED_OUT = "routed_out", _("Referred to the competent authority (defence or security)")
    DECIDED = "decided", _("Decided")


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Objection upheld")
    NOT_UPHELD = "not_upheld", _("Objection not upheld")
    # 吉林 第三十七条(四): the recommending unit did not report in time; the applicant fails.
    RECOMMENDER_MISSED = "recommender_missed", _("Recommending unit missed its verification deadline")


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("Written receipt of an admitted objection")
    NOT_ADMITTED = "not_admitted", _("Notice of non-admission")
    RESULT_OBJECTOR = "result_objector", _("Written result to the objector")
    RESULT_SUBJECT = "result_subject", _("Written result to the applicant objected to")
    RESULT_RECOMMENDER = "result_recommender", _("Written result to the recommending unit")


class ComplaintState(models.TextChoices):
    RECEIVED = "received", _("Received")
    INVESTIGATING = "investigating", _("Under investigation")
    CLOSED = "closed", _("Closed")


class ComplaintConcern(models.TextChoices):
    ACCEPTANCE = "acceptance", _("Acceptance of applications")
    REVIEW = "review", _("Review and evaluation")
    OTHER = "other", _("Other stages of the award")
