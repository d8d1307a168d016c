"""A department's opinion sought on an application (征求意见), e.g. 吉林 第二十条: 人社, 生态环境,
应急管理, 市场监管, 税务. The regulations set no answer deadline; the office chooses one
(``due_is_discretionary``) and the queue flags consultations past it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.vetting.enums import ConsultationOutcome, ConsultedBy


class Consultation(models.Model):
    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="consultations"
    )
    by = models.CharField(_("consulted by"), max_length=16, choices=ConsultedBy.choices)
    unit = models.ForeignKey(
        "programs.RecommendingUnit", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text=_("The recommending unit that asked (empty when the award office asked)."),
    )  # fmt: skip
    department = models.CharField(_("department"), max_length=100)
    citation = models.CharField(_("article"), max_length=200)
    requested_on = models.DateField(_("requested on"))
    due_on = models.DateField(_("answer due"))
    due_workdays = models.PositiveSmallIntegerField(_("working days to answer"))
    due_is_discretionary = models.BooleanField(
        _("deadline set by the office"),
        default=True,
        help_text=_("The regulation sets no deadline for the answer; the office chose it."),
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("opinion"), max_length=16, choices=ConsultationOutcome.choices, blank=True)
    response = models.TextField(_("response"), blank=True)
    responded_on = models.DateField(_("answered on"), null=True, blank=True)
    response_file = models.ForeignKey(
        "documents.StoredFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("written opinion"),
    )  # fmt: skip
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("department consultation")
        verbose_name_plural = _("department consultations")
        ordering = ["application", "by", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(by__in=ConsultedBy.values), name="vetting_consultation_by_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome__in=[*ConsultationOutcome.values, ""]),
                name="vetting_consultation_outcome_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(responded_on__isnull=True, outcome="")
                | (models.Q(responded_on__isnull=False) & ~models.Q(outcome="")),
                name="vetting_consultation_answer_complete",
            ),
            # One open request per department and asker: a department is asked again only
            # after it answered.
            models.UniqueConstraint(
                fields=["application", "by", "department"],
                condition=models.Q(responded_on__isnull=True),
                name="vetting_consultation_one_open_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} · {self.department}"

    @property
    def answered(self) -> bool:
        return self.responded_on is not None

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return not self.answered and today > self.due_on
