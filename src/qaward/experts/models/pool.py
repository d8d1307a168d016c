"""The expert pool (专家库): profiles, former employers, declared relationships, availability
and the programs whose pool an expert belongs to.

Written only by ``qaward.experts.domain``; never hard-deleted (a disqualified expert stays, with
the reason and the article, as part of the record).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qaward.experts.enums import ExpertStatus, RelationshipKind
from qaward.programs.validators import validate_gb2260_code


class Expert(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expert_profile",
        verbose_name=_("user account"),
    )
    name = models.CharField(_("expert's name"), max_length=50)
    employer_name = models.CharField(_("employer"), max_length=100, blank=True)
    employer_uscc = models.CharField(
        _("employer's unified social credit code"), max_length=18, blank=True, db_index=True
    )
    region_code = models.CharField(
        _("division code"), max_length=6, blank=True, validators=[validate_gb2260_code]
    )
    title = models.CharField(_("title or qualification"), max_length=100, blank=True)
    # GB/T 4754 codes normalised by qaward.matching.normalise_code (C, C26, C2614 …).
    industry_codes = models.JSONField(_("specialties (GB/T 4754)"), default=list, blank=True)
    keywords = models.JSONField(_("specialty keywords"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    may_lead = models.BooleanField(_("may lead a panel (组长)"), default=False)
    max_load = models.PositiveSmallIntegerField(_("most applications per stage"), default=5)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    status = models.CharField(
        _("expert status"), max_length=16, choices=ExpertStatus.choices, default=ExpertStatus.ACTIVE
    )
    status_reason = models.CharField(_("reason for the status"), max_length=500, blank=True)
    status_article = models.CharField(_("article"), max_length=100, blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ExpertStatus.values), name="experts_expert_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ExpertStatus.ACTIVE) | ~Q(status_reason=""),
                name="experts_expert_status_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.employer_name}）" if self.employer_name else self.name

    @property
    def code(self) -> str:
        """The pool number used in the Excel workbook (专家编号)."""
        return f"E{self.pk:05d}" if self.pk else ""

    @property
    def is_active(self) -> bool:
        return self.status == ExpertStatus.ACTIVE


class FormerEmployment(models.Model):
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="former_employments")
    employer_name = models.CharField(_("former employer"), max_length=100)
    employer_uscc = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    started = models.DateField(_("from"), null=True, blank=True)
    ended = models.DateField(_("until"))

    class Meta:
        verbose_name = _("former employment")
        verbose_name_plural = _("former employments")
        ordering = ["-ended"]

    def __str__(self) -> str:
        return f"{self.employer_name}（–{self.ended:%Y-%m}）"


class DeclaredRelationship(models.Model):
    """An interest the expert declared ahead of any assignment: coaching an applicant (申报辅导),
    consulting, a close relative; matched against applicants when conflicts are detected."""

    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="relationships")
    kind = models.CharField(_("kind of relationship"), max_length=16, choices=RelationshipKind.choices)
    counterparty_name = models.CharField(_("organisation or person"), max_length=100)
    counterparty_uscc = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    started = models.DateField(_("from"), null=True, blank=True)
    ended = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        verbose_name = _("declared relationship")
        verbose_name_plural = _("declared relationships")
        ordering = ["-declared_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.counterparty_name}"


class AvailabilityWindow(models.Model):
    """A period in which the expert can serve. An expert without windows is taken as available."""

    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="availability")
    starts = models.DateField(_("available from"))
    ends = models.DateField(_("available until"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("availability window")
        verbose_name_plural = _("availability windows")
        ordering = ["starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gte=models.F("starts")), name="experts_availability_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts} – {self.ends}"


class PoolMembership(models.Model):
    """The expert belongs to ``program``'s pool. Ended, not deleted."""

    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="memberships")
    program = models.ForeignKey(
        "programs.AwardProgram", on_delete=models.PROTECT, related_name="expert_memberships"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(_("left the pool at"), null=True, blank=True)
    end_reason = models.CharField(_("reason for leaving"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pool membership")
        verbose_name_plural = _("pool memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "program"],
                condition=Q(ended_at__isnull=True),
                name="experts_one_active_membership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.expert} · {self.program}"
