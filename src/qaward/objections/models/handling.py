"""Handling an objection: the recommending unit's verification, investigating experts, letters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.objections.enums import LetterKind


class VerificationRequest(models.Model):
    """The office asks the recommending unit to verify the objection by ``due_on``
    (吉林 第三十七条(三)); a missed deadline may fail the applicant (第三十七条(四))."""

    objection = models.ForeignKey(
        "objections.Objection", on_delete=models.PROTECT, related_name="verifications"
    )
    recommending_unit = models.ForeignKey(
        "programs.RecommendingUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recommending unit"),
    )
    message = models.TextField(_("what to verify"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    sent_on = models.DateField(_("sent on"))
    workdays = models.PositiveSmallIntegerField(_("working days allowed"))
    counting = models.CharField(_("counting"), max_length=16)
    due_on = models.DateField(_("report due"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    report = models.TextField(_("verification report"), blank=True)
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    missed_at = models.DateTimeField(_("deadline missed, recorded at"), null=True, blank=True)
    consequence = models.TextField(_("consequence applied"), blank=True)
    consequence_rule = models.CharField(max_length=100, blank=True)
    consequence_citation = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("verification request")
        verbose_name_plural = _("verification requests")
        ordering = ["sent_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(reported_at__isnull=False) & Q(missed_at__isnull=False)),
                name="objections_verification_reported_or_missed",
            )
        ]

    def __str__(self) -> str:
        return f"{self.objection} · {self.recommending_unit}"

    @property
    def is_pending(self) -> bool:
        return self.reported_at is None and self.missed_at is None


class ExpertAppointment(models.Model):
    """An expert the office appointed to investigate (吉林 第三十七条(三), 塔城 第二十五条)."""

    objection = models.ForeignKey("objections.Objection", on_delete=models.PROTECT, related_name="experts")
    expert = models.ForeignKey(
        "experts.Expert", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("expert from the pool"),
    )  # fmt: skip
    # The name as appointed: an expert from outside the pool has no ``expert`` row.
    expert_name = models.CharField(_("expert"), max_length=100)
    conflict_checked = models.BooleanField(_("checked against the conflict register"), default=False)
    no_conflict_declared = models.BooleanField(_("declared no interest in the case"), default=False)
    appointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    appointed_at = models.DateTimeField(_("appointed at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("investigating expert")
        verbose_name_plural = _("investigating experts")
        ordering = ["appointed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.objection} · {self.expert_name}"


class ObjectionLetter(models.Model):
    """A written receipt, notice or result (PDF), kept with the objection. ``issued_by`` is empty
    for a letter the system issued by itself."""

    objection = models.ForeignKey("objections.Objection", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("letter"), max_length=24, choices=LetterKind.choices)
    addressee = models.CharField(_("to"), max_length=200)
    # What the PDF is rendered from, after the decision commits or on first download (see
    # objections.domain.letters.render_letter); the objector's name is never kept here.
    template = models.CharField(_("letter template"), max_length=200, blank=True)
    context = models.JSONField(_("letter content"), default=dict, blank=True)
    file = models.OneToOneField(
        "documents.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("objection letter")
        verbose_name_plural = _("objection letters")
        ordering = ["issued_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=LetterKind.values), name="objections_letter_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.objection} · {self.get_kind_display()}"
