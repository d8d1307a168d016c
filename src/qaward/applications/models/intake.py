"""What an application carries besides its form: evidentiary materials, the internal publicity
(单位内部公示) with the recommendation opinion, and the program's record of past awards that the
re-application bars are computed from."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.applications.enums import PublicityOutcome


class ApplicationMaterial(models.Model):
    """One uploaded file answering one material item of the application (``item`` is an id from
    ``applications.materials.material_items``, e.g. ``application_form`` or
    ``cond_management_system_certified_1``). The file itself is a ``StoredFile`` whose owner is
    the application; removing it withdraws the file (kept for the retention period)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="materials"
    )
    item = models.CharField(_("material item"), max_length=80)
    label = models.CharField(_("material"), max_length=200)
    file = models.OneToOneField(
        "documents.StoredFile", on_delete=models.PROTECT, related_name="application_material"
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("application material")
        verbose_name_plural = _("application materials")
        ordering = ["application", "item", "added_at"]

    def __str__(self) -> str:
        return f"{self.application.reference} {self.label}"


class InternalPublicity(models.Model):
    """The applicant's internal publicity (单位内部公示) and, where the rulebook asks for one, the
    employer's or parent organisation's recommendation opinion (申报推荐意见)."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.PROTECT, related_name="internal_publicity"
    )
    rule_window_id = models.CharField(_("publicity rule"), max_length=32)
    starts_on = models.DateField(_("publicity starts"), null=True, blank=True)
    ends_on = models.DateField(_("publicity ends"), null=True, blank=True)
    workdays = models.PositiveSmallIntegerField(_("working days"), null=True, blank=True)
    counting = models.CharField(_("counting"), max_length=16, blank=True)
    place = models.CharField(
        _("where it was posted"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the notice board or intranet."),
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=PublicityOutcome.choices, blank=True)
    outcome_note = models.TextField(_("objections and how they were resolved"), blank=True)
    proof = models.ForeignKey(
        "documents.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proof of publicity"),
    )
    opinion_unit = models.CharField(_("unit giving the opinion"), max_length=200, blank=True)
    opinion_recommends = models.BooleanField(_("recommends the application"), null=True, blank=True)
    opinion_text = models.TextField(_("recommendation opinion"), blank=True)
    opinion_date = models.DateField(_("opinion dated"), null=True, blank=True)
    opinion_letter = models.ForeignKey(
        "documents.StoredFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed and sealed opinion"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        verbose_name = _("internal publicity")
        verbose_name_plural = _("internal publicities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="applications_internalpublicity_ends_after_start",
                violation_error_message=_("The publicity cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} {self.starts_on}–{self.ends_on}"


class AwardRecord(models.Model):
    """A past award of an applicant in a program (also awards made before this system, e.g. under
    a superseded regulation: ``under`` holds its 文号). Read by ``rulebooks.engine.may_apply`` for
    the re-application bars; a revocation is a date on the record, never a deletion."""

    applicant = models.ForeignKey(
        "applications.Applicant", on_delete=models.PROTECT, related_name="awards", verbose_name=_("applicant")
    )
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        related_name="award_records",
        verbose_name=_("award program"),
    )
    tier = models.CharField(_("tier"), max_length=16)
    awarded_on = models.DateField(_("awarded on"))
    cycle_number = models.PositiveIntegerField(_("cycle number"), null=True, blank=True)
    under = models.CharField(
        _("under regulation"),
        max_length=100,
        blank=True,
        help_text=_("文号 of a superseded regulation, if any."),
    )
    achievement = models.CharField(_("achievement awarded"), max_length=200, blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("award record")
        verbose_name_plural = _("award records")
        ordering = ["-awarded_on"]

    def __str__(self) -> str:
        return f"{self.applicant} {self.tier} {self.awarded_on.isoformat()}"
