"""Recommending units (推荐单位): the bodies that recommend applicants to an award program.

Each award program names its own recommending routes (Jilin 第十四条: the city (prefecture) market
supervision bureaus, the provincial industry departments, and direct application to the award office
for central organisations in the province), so a unit belongs to one program; the same bureau
recommending to two programs is two rows. Never hard-deleted: recommendations made by a unit stay on record after it
stops recommending, so a unit is switched off (``active``) instead.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.programs.validators import validate_gb2260_code


class RecommendingUnitKind(models.TextChoices):
    REGION = "region", _("Regional quality authority")
    INDUSTRY_DEPARTMENT = "industry_department", _("Industry department")
    INDUSTRY_ASSOCIATION = "industry_association", _("Industry association")
    # Applicants who apply to the award office directly (Jilin 第十四条: 驻吉中直组织).
    DIRECT_OFFICE = "direct_office", _("Award office (direct application)")


class RecommendingUnit(models.Model):
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        related_name="recommending_units",
        verbose_name=_("award program"),
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("E.g. 长春市市场监督管理局."))
    kind = models.CharField(_("kind"), max_length=32, choices=RecommendingUnitKind.choices)
    region_code = models.CharField(
        _("division code"),
        max_length=6,
        blank=True,
        validators=[validate_gb2260_code],
        help_text=_("GB/T 2260 code of the region a regional authority covers, e.g. 220100."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick when the unit no longer recommends.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("recommending unit")
        verbose_name_plural = _("recommending units")
        ordering = ["program", "kind", "region_code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "name"],
                name="programs_recommendingunit_unique_name",
                violation_error_message=_("This award already has a recommending unit with this name."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=RecommendingUnitKind.values),
                name="programs_recommendingunit_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name
