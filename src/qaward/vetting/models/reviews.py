"""The recommending unit's review (推荐单位审核) and the award office's formal review (形式审查).

One row per application for each: a returned and resubmitted application is reviewed again on
the same row (its history is in the audit log and in ``StateChange``). ``checks`` holds the
rulebook's checklist as the reviewer marked it: ``[{"label": "完整性", "ok": true, "note": ""}]``.
Never hard-deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.vetting.enums import CreditResult, FormalDecision, RecommenderDecision


class RecommenderReview(models.Model):
    application = models.OneToOneField(
        "applications.Application", on_delete=models.PROTECT, related_name="recommender_review"
    )
    unit = models.ForeignKey(
        "programs.RecommendingUnit", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("recommending unit"),
    )  # fmt: skip
    checks = models.JSONField(_("review checklist"), default=list, blank=True)
    credit_checked_on = models.DateField(_("credit check date"), null=True, blank=True)
    credit_result = models.CharField(
        _("credit check result"), max_length=24, choices=CreditResult.choices, blank=True
    )
    credit_note = models.CharField(_("credit check note"), max_length=500, blank=True)
    credit_evidence = models.ForeignKey(
        "documents.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("credit check evidence"),
    )  # fmt: skip
    opinion = models.TextField(_("review opinion"), blank=True)
    decision = models.CharField(_("decision"), max_length=16, choices=RecommenderDecision.choices, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        verbose_name = _("recommending unit review")
        verbose_name_plural = _("recommending unit reviews")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(credit_result__in=[*CreditResult.values, ""]),
                name="vetting_recreview_credit_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(decision__in=[*RecommenderDecision.values, ""]),
                name="vetting_recreview_decision_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} · {self.unit}"

    @property
    def credit_recorded(self) -> bool:
        return bool(self.credit_checked_on and self.credit_result)


class FormalReview(models.Model):
    application = models.OneToOneField(
        "applications.Application", on_delete=models.PROTECT, related_name="formal_review"
    )
    checks = models.JSONField(_("formal review checklist"), default=list, blank=True)
    # The eligibility re-run from the application's facts when the office last looked
    # (EligibilityReport.to_dict(), with as_of).
    eligibility = models.JSONField(_("eligibility re-check"), default=dict, blank=True)
    decision = models.CharField(_("decision"), max_length=16, choices=FormalDecision.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    override_reason = models.TextField(_("reason for accepting with consultations unanswered"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        verbose_name = _("formal review")
        verbose_name_plural = _("formal reviews")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision__in=[*FormalDecision.values, ""]),
                name="vetting_formalreview_decision_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} · {_('formal review')}"
