"""Conflicts of interest (回避) and the experts' per-application declarations.

Every conflict records who raised it, when, why, the evidence, the office's decision and the
article. A conflict that is pending or upheld keeps the expert away from the application: not
assigned, and no access to its files, scores or discussion.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qaward.experts.enums import ConflictKind, ConflictStatus

BLOCKING = (ConflictStatus.PENDING, ConflictStatus.UPHELD)


class ConflictPolicy(models.Model):
    """What the conflict detection compares, per program. The regulations say only that people
    with an interest must withdraw (e.g. Jilin 第四十条(三)); the thresholds are the office's."""

    program = models.OneToOneField(
        "programs.AwardProgram", on_delete=models.PROTECT, related_name="conflict_policy"
    )
    former_employer_years = models.PositiveSmallIntegerField(
        _("former employers count for (years)"), default=3
    )
    same_recommending_unit = models.BooleanField(
        _("experts working at the recommending unit withdraw"), default=False
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("conflict policy")
        verbose_name_plural = _("conflict policies")

    def __str__(self) -> str:
        return str(self.program)


class Conflict(models.Model):
    # Empty only while an applicant's request names a person the office has not matched yet.
    expert = models.ForeignKey(
        "experts.Expert", on_delete=models.PROTECT, null=True, blank=True, related_name="conflicts"
    )
    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="expert_conflicts"
    )
    kind = models.CharField(_("kind of conflict"), max_length=16, choices=ConflictKind.choices)
    # What matched (detected) or was claimed: same_employer, group, former_employer,
    # recommending_unit, relationship, declared, requested, pinned.
    rule = models.CharField(_("ground"), max_length=32)
    status = models.CharField(_("decision"), max_length=16, choices=ConflictStatus.choices)
    named_person = models.CharField(_("expert named by the applicant"), max_length=100, blank=True)
    reason = models.TextField(_("reason"))
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = models.ForeignKey(
        "documents.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    details = models.JSONField(_("what matched"), default=dict, blank=True)
    article = models.CharField(_("article"), max_length=100, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    raised_at = models.DateTimeField(_("raised at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["-raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expert__isnull=False)
                | Q(kind=ConflictKind.REQUESTED, status__in=["pending", "dismissed"]),
                name="experts_conflict_expert_known_when_upheld",
            ),
            models.UniqueConstraint(
                fields=["expert", "application", "rule"],
                condition=Q(status__in=["pending", "upheld"], expert__isnull=False),
                name="experts_conflict_one_open_per_ground",
            ),
        ]

    def __str__(self) -> str:
        who = self.expert.name if self.expert_id else self.named_person
        return f"{who} · {self.application.reference} · {self.get_kind_display()}"

    @property
    def program(self):
        return self.application.cycle.program

    @property
    def blocks(self) -> bool:
        return self.status in BLOCKING


class Declaration(models.Model):
    """The expert's own statement, per assigned application and panel, before opening its files."""

    expert = models.ForeignKey("experts.Expert", on_delete=models.PROTECT, related_name="declarations")
    panel = models.ForeignKey("experts.Panel", on_delete=models.PROTECT, related_name="declarations")
    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="+")
    has_conflict = models.BooleanField(_("has a conflict of interest"))
    statement = models.TextField(_("statement"), blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict declaration")
        verbose_name_plural = _("conflict declarations")
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "panel", "application"], name="experts_one_declaration_per_application"
            )
        ]

    def __str__(self) -> str:
        return f"{self.expert} · {self.application.reference}"
