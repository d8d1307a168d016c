"""A complaint (举报) about a violation in acceptance or review, to the supervisory body
(吉林 第三十八条: 监督分委会). Anyone may complain; a name is optional and kept confidential."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.objections.enums import ComplaintConcern, ComplaintState
from qaward.privacy.fields import EncryptedTextField


class Complaint(models.Model):
    number = models.CharField(_("receipt number"), max_length=32, unique=True, null=True, blank=True)
    token_hash = models.CharField(max_length=64, editable=False)
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("award program"),
    )
    addressed_to = models.CharField(_("addressed to"), max_length=200)
    citation = models.CharField(_("article"), max_length=200, blank=True)
    concerns = models.CharField(_("stage concerned"), max_length=16, choices=ComplaintConcern.choices)
    content = models.TextField(_("what happened"))
    reporter_name = EncryptedTextField(_("complainant's name"), blank=True)
    reporter_contact = EncryptedTextField(_("complainant's phone or e-mail"), blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    state = models.CharField(
        _("state"), max_length=16, choices=ComplaintState.choices, default=ComplaintState.RECEIVED
    )
    outcome = models.TextField(_("outcome"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=ComplaintState.values), name="objections_complaint_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(concerns__in=ComplaintConcern.values), name="objections_complaint_concerns_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Complaint')} {self.number or self.pk}"


class ComplaintNote(models.Model):
    """An investigation note of the supervisors; notes are added, never edited."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("note"))
    written_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("investigation note")
        verbose_name_plural = _("investigation notes")
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return f"{self.complaint} · {self.written_at:%Y-%m-%d}"
