from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.programs.enums import JurisdictionLevel
from qaward.programs.validators import validate_gb2260_code


class Jurisdiction(models.Model):
    """An administrative division that runs a quality award (吉林省, 长春市, 塔城地区 …)."""

    code = models.CharField(
        _("division code"),
        max_length=6,
        unique=True,
        validators=[validate_gb2260_code],
        help_text=_("Six-digit GB/T 2260 code, e.g. 220000 for Jilin Province."),
    )
    name = models.CharField(_("name"), max_length=64)
    level = models.CharField(_("level"), max_length=16, choices=JurisdictionLevel.choices)

    class Meta:
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=JurisdictionLevel.values),
                name="programs_jurisdiction_level_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"

    def clean(self) -> None:
        super().clean()
        # GB/T 2260 encodes the tier in the code: xx0000 province, xxxx00 prefecture level,
        # anything else county level (county-level cities count as "city" too).
        code, level = self.code or "", self.level
        if len(code) != 6 or not level:
            return  # the field validators already report these
        if level == JurisdictionLevel.PROVINCE:
            ok = code.endswith("0000")
        elif level == JurisdictionLevel.PREFECTURE:
            ok = code.endswith("00") and not code.endswith("0000")
        elif level == JurisdictionLevel.CITY:
            ok = not code.endswith("0000")
        else:
            ok = not code.endswith("00")
        if not ok:
            raise ValidationError(
                {
                    "code": _(
                        "Code %(code)s does not fit the level “%(level)s”: province codes end "
                        "in 0000, prefecture-level codes in 00, county-level codes do not end in 00."
                    )
                    % {"code": code, "level": JurisdictionLevel(level).label}
                }
            )
