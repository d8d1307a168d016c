"""Publicity windows (公示): what was published, under which article, for how long.

A window is opened by a domain function (``publicity.domain.windows.open_window``) that copies
everything the regulation decides into the row — the rule's label, article, minimum length,
counting mode and channel — so a later rulebook revision never changes a window already
published. Never hard-deleted: a 公示 is part of the award's record (10-year retention).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """Where the rulebook says the window is published (``PublicityWindow.channel``)."""

    INTERNAL = "internal", _("Inside the applicant's unit")
    PORTAL = "portal", _("Public website")
    MEDIA = "media", _("News media or website")


class Counting(models.TextChoices):
    INCLUSIVE = "inclusive", _("Publication day counts as day 1")
    EXCLUSIVE = "exclusive", _("Counted from the day after publication")


class PublicityWindow(models.Model):
    program = models.ForeignKey(
        "programs.AwardProgram", on_delete=models.PROTECT, related_name="publicity_windows",
        verbose_name=_("award program"),
    )  # fmt: skip
    cycle = models.ForeignKey(
        "programs.Cycle", on_delete=models.PROTECT, related_name="publicity_windows", verbose_name=_("cycle")
    )
    rule_window_id = models.CharField(_("rulebook publicity id"), max_length=64)
    label = models.CharField(_("kind of publicity"), max_length=100)
    title = models.CharField(_("notice title"), max_length=200)
    subject = models.CharField(_("what is published"), max_length=300)
    body = models.TextField(_("notice text"), blank=True)
    citation = models.CharField(_("article requiring it"), max_length=200)
    rulebook = models.CharField(_("rulebook version"), max_length=80, help_text=_("id@version"))
    min_workdays = models.PositiveSmallIntegerField(
        _("minimum working days"), validators=[MinValueValidator(1)]
    )
    exact = models.BooleanField(_("length fixed by the regulation"), default=False)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    workdays = models.PositiveSmallIntegerField(
        _("length in working days"), validators=[MinValueValidator(1)]
    )
    counting = models.CharField(_("counting"), max_length=16, choices=Counting.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    run_by = models.CharField(_("run by"), max_length=200, blank=True)
    recommending_unit = models.ForeignKey(
        "programs.RecommendingUnit", on_delete=models.PROTECT, null=True, blank=True,
        related_name="publicity_windows", verbose_name=_("run by recommending unit"),
    )  # fmt: skip
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("opened by"),
    )  # fmt: skip
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    media_name = models.CharField(_("media outlet"), max_length=200, blank=True)
    media_published_on = models.DateField(_("media publication date"), null=True, blank=True)
    media_link = models.URLField(_("media link"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("publicity window")
        verbose_name_plural = _("publicity windows")
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["ends_on", "channel"], name="publicity_window_ends_channel")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="publicity_window_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(workdays__gte=models.F("min_workdays")),
                name="publicity_window_not_below_minimum",
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=Channel.values), name="publicity_window_channel_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(counting__in=Counting.values), name="publicity_window_counting_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def opens_at(self) -> datetime:
        """00:00 Beijing time on the first day."""
        return datetime.combine(self.starts_on, time.min, tzinfo=timezone.get_default_timezone())

    @property
    def closes_at(self) -> datetime:
        """24:00 Beijing time on the last day (00:00 of the day after): objections until then count."""
        return datetime.combine(
            self.ends_on + timedelta(days=1), time.min, tzinfo=timezone.get_default_timezone()
        )

    @property
    def is_public(self) -> bool:
        """Shown on the public portal: everything but a unit's internal publicity."""
        return self.channel != Channel.INTERNAL


class PublicityEntry(models.Model):
    """One published line: an application with only the fields the public may see (masked)."""

    window = models.ForeignKey(PublicityWindow, on_delete=models.PROTECT, related_name="entries")
    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="publicity_entries",
        verbose_name=_("application"),
    )  # fmt: skip
    position = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    public_fields = models.JSONField(_("published fields"), default=dict)

    class Meta:
        verbose_name = _("publicity entry")
        verbose_name_plural = _("publicity entries")
        ordering = ["window", "position"]
        constraints = [
            models.UniqueConstraint(fields=["window", "position"], name="publicity_entry_unique_position"),
            models.UniqueConstraint(
                fields=["window", "application"], name="publicity_entry_unique_application"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.window} #{self.position} {self.public_fields.get('name', '')}"

    @property
    def program(self):
        return self.window.program


class WindowChange(models.Model):
    """A change of a window's length by the office (extension), kept beside the audit event."""

    window = models.ForeignKey(PublicityWindow, on_delete=models.PROTECT, related_name="changes")
    old_workdays = models.PositiveSmallIntegerField(_("previous length"))
    new_workdays = models.PositiveSmallIntegerField(_("new length"))
    old_ends_on = models.DateField(_("previous last day"))
    new_ends_on = models.DateField(_("new last day"))
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("publicity window change")
        verbose_name_plural = _("publicity window changes")
        ordering = ["window", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.window}: {self.old_workdays} → {self.new_workdays}"

    @property
    def program(self):
        return self.window.program
