"""The credit record (信誉档案): discipline evaluations and sanctions. Past panels come from
panel memberships."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.experts.enums import EvaluationRating, SanctionKind


class DisciplineEvaluation(models.Model):
    """An applicant's evaluation of a reviewer's discipline (Jilin 第三十九条), passed on to the
    supervisors."""

    expert = models.ForeignKey("experts.Expert", on_delete=models.PROTECT, related_name="evaluations")
    program = models.ForeignKey("programs.AwardProgram", on_delete=models.PROTECT, related_name="+")
    panel = models.ForeignKey(
        "experts.Panel", on_delete=models.PROTECT, null=True, blank=True, related_name="evaluations"
    )
    evaluator = models.CharField(_("evaluated by"), max_length=100)
    rating = models.CharField(_("rating"), max_length=8, choices=EvaluationRating.choices)
    comment = models.TextField(_("comment"), blank=True)
    article = models.CharField(_("article"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("discipline evaluation")
        verbose_name_plural = _("discipline evaluations")
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return f"{self.expert} · {self.get_rating_display()}"


class Sanction(models.Model):
    """责令改正 / 取消资格 (Jilin 第四十条(一)); a disqualification also sets the expert's status."""

    expert = models.ForeignKey("experts.Expert", on_delete=models.PROTECT, related_name="sanctions")
    program = models.ForeignKey("programs.AwardProgram", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("sanction"), max_length=20, choices=SanctionKind.choices)
    reason = models.TextField(_("reason"))
    article = models.CharField(_("article"), max_length=100)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.expert} · {self.get_kind_display()}"
