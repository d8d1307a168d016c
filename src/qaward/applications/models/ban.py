from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApplicantBan(models.Model):
    """A bar on applying to a program, decided under a rulebook ban rule (e.g. false materials:
    吉林 第四十一条, five years). Written by the objection, revocation and discipline workflows;
    read at submission (``rulebooks.engine.may_apply`` / ``ban_until``). ``ends_on`` is the last
    barred day; a ban counted in cycles sets ``cycles`` instead. Lifting a ban is a state (``lifted_at``), never a deletion.
    """

    applicant = models.ForeignKey(
        "applications.Applicant", on_delete=models.PROTECT, related_name="bans", verbose_name=_("applicant")
    )
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        related_name="bans",
        verbose_name=_("award program"),
    )
    ground = models.CharField(_("ground"), max_length=64, help_text=_("The rulebook's ban ground id."))
    starts_on = models.DateField(_("banned from"))
    ends_on = models.DateField(_("banned until"), null=True, blank=True)
    cycles = models.PositiveSmallIntegerField(
        _("cycles barred"), null=True, blank=True, help_text=_("For bans counted in award cycles (评选周期).")
    )
    reason = models.TextField(_("reason"))
    rule_id = models.CharField(_("rule"), max_length=100)
    citation = models.CharField(_("article"), max_length=200)
    rulebook = models.CharField(_("rulebook version"), max_length=64)
    source_application = models.ForeignKey(
        "applications.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("application concerned"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lift_reason = models.TextField(_("reason for lifting"), blank=True)

    class Meta:
        verbose_name = _("ban on applying")
        verbose_name_plural = _("bans on applying")
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        until = self.ends_on.isoformat() if self.ends_on else "—"
        return f"{self.applicant} {self.starts_on.isoformat()}–{until}"

    def in_force_on(self, day) -> bool:
        return (
            self.lifted_at is None and self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)
        )
