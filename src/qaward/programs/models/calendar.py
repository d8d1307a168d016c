from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CalendarYear(models.Model):
    """Whether the office has entered a year's official holiday arrangement (放假安排).

    The workdays library knows the years it ships; for a later year, deadlines may only be
    computed once the office has entered every holiday and make-up day and set ``complete``.
    """

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    complete = models.BooleanField(
        _("complete"),
        default=False,
        help_text=_("Tick once every holiday and make-up workday of this year has been entered."),
    )
    source = models.CharField(
        _("source document"),
        max_length=200,
        blank=True,
        help_text=_("The State Council notice, e.g. 国办发明电〔2026〕N号."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)

    def clean(self) -> None:
        super().clean()
        # A year declared complete drives real deadlines; it must say where the dates came from.
        if self.complete and not self.source.strip():
            raise ValidationError(
                {"source": _("Give the notice the arrangement comes from before marking the year complete.")}
            )


class CalendarOverride(models.Model):
    """One office-entered day that overrides the library: a holiday or a make-up workday (调休)."""

    date = models.DateField(_("date"), unique=True)
    is_workday = models.BooleanField(
        _("working day"), help_text=_("Ticked: a make-up working day. Unticked: a day off.")
    )
    note = models.CharField(_("note"), max_length=100, help_text=_("E.g. 春节 or 春节调休上班."))

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["date"]

    def __str__(self) -> str:
        kind = _("working day") if self.is_workday else _("day off")
        return f"{self.date.isoformat()} {kind}（{self.note}）"
