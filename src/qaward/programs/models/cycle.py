from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from qaward.programs.enums import CycleStatus

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; other values as Arabic digits."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


class Cycle(models.Model):
    """One cycle (届) of an award: a call for applications and everything that follows from it.

    The rulebook id and version are copied from the program when the cycle is created and never
    change afterwards, so a later rulebook revision cannot alter an award already under way.
    Never hard-deleted.
    """

    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        related_name="cycles",
        verbose_name=_("award program"),
    )
    number = models.PositiveIntegerField(
        _("cycle number"), validators=[MinValueValidator(1)], help_text=_("N in 第N届.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    call_opens = models.DateField(_("applications open"))
    call_closes = models.DateField(_("applications close"))
    status = models.CharField(
        _("status"), max_length=16, choices=CycleStatus.choices, default=CycleStatus.DRAFT
    )
    rulebook_id = models.CharField(_("rulebook"), max_length=64, editable=False)
    rulebook_version = models.PositiveIntegerField(_("rulebook version"), editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["program", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "number"],
                name="programs_cycle_unique_number",
                violation_error_message=_("This award already has a cycle with this number."),
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1),
                name="programs_cycle_number_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(call_closes__gte=models.F("call_opens")),
                name="programs_cycle_call_closes_after_opens",
                violation_error_message=_("Applications cannot close before they open."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=CycleStatus.values),
                name="programs_cycle_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program.name} {self.label}（{self.year}）"

    @property
    def label(self) -> str:
        """第二届 in Chinese, "Cycle 2" in English."""
        zh = (get_language() or "").startswith("zh")
        number = chinese_numeral(self.number) if zh else str(self.number)
        return gettext("Cycle %(number)s") % {"number": number}

    def clean(self) -> None:
        super().clean()
        if self.call_opens and self.call_closes and self.call_closes < self.call_opens:
            raise ValidationError(
                {"call_closes": _("The closing date cannot be earlier than the opening date.")}
            )
