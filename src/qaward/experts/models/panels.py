"""Panels (评审专家组) per stage of a cycle, their members and the solver runs that proposed them.

组长负责制: at most one leader among a panel's invited or accepted members (a constraint), and
exactly one before the panel starts work (checked by ``activate_panel``). A panel dissolves when
its stage closes; its members then lose access, and the record stays.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qaward.experts.enums import DeclineReason, MemberSource, MemberStatus, PanelStage, PanelStatus

SEATED = (MemberStatus.INVITED, MemberStatus.ACCEPTED)


class Panel(models.Model):
    cycle = models.ForeignKey("programs.Cycle", on_delete=models.PROTECT, related_name="panels")
    stage = models.CharField(_("stage"), max_length=32, choices=PanelStage.choices)
    name = models.CharField(_("panel name"), max_length=100)
    size = models.PositiveSmallIntegerField(_("seats"), default=3)
    require_exact_code = models.BooleanField(_("needs an expert of the exact industry code"), default=False)
    separate = models.BooleanField(_("separate from earlier panels"), default=False)
    article = models.CharField(_("article"), max_length=100, blank=True)
    starts = models.DateField(_("review from"), null=True, blank=True)
    ends = models.DateField(_("review until"), null=True, blank=True)
    status = models.CharField(
        _("panel status"), max_length=16, choices=PanelStatus.choices, default=PanelStatus.FORMING
    )
    applications = models.ManyToManyField(
        "applications.Application", through="experts.PanelApplication", related_name="expert_panels"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    dissolved_at = models.DateTimeField(_("dissolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel")
        verbose_name_plural = _("panels")
        ordering = ["cycle", "stage", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gte=1), name="experts_panel_has_seats"),
            models.CheckConstraint(
                condition=Q(ends__isnull=True) | Q(starts__isnull=True) | Q(ends__gte=models.F("starts")),
                name="experts_panel_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(status=PanelStatus.DISSOLVED, dissolved_at__isnull=False)
                | (~Q(status=PanelStatus.DISSOLVED) & Q(dissolved_at__isnull=True)),
                name="experts_panel_dissolved_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def program(self):
        return self.cycle.program

    @property
    def is_dissolved(self) -> bool:
        return self.status == PanelStatus.DISSOLVED

    def seated(self):
        return self.members.filter(status__in=SEATED)


class PanelApplication(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="panel_applications")
    application = models.ForeignKey("applications.Application", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["panel", "application"], name="experts_panel_application_once")
        ]

    def __str__(self) -> str:
        return f"{self.panel} · {self.application_id}"


class SolverRun(models.Model):
    """One run of the assignment solver: inputs (hash), parameters, outcome and explanations."""

    cycle = models.ForeignKey("programs.Cycle", on_delete=models.PROTECT, related_name="solver_runs")
    stage = models.CharField(_("stage"), max_length=32, choices=PanelStage.choices)
    panels = models.ManyToManyField(Panel, related_name="solver_runs")
    solver = models.CharField(_("solver"), max_length=32)
    status = models.CharField(_("solver status"), max_length=16)
    input_hash = models.CharField(_("input hash"), max_length=64)
    parameters = models.JSONField(_("parameters"), default=dict)
    objective = models.FloatField(_("objective"), null=True)
    bound = models.FloatField(_("bound"), null=True)
    gap = models.FloatField(_("gap"), null=True)
    result = models.JSONField(_("result"), default=dict)  # pairs, unfilled, issues, assignments
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(_("run at"), auto_now_add=True)

    class Meta:
        verbose_name = _("solver run")
        verbose_name_plural = _("solver runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.cycle} · {self.get_stage_display()} · {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def program(self):
        return self.cycle.program


class PanelMember(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="members")
    expert = models.ForeignKey("experts.Expert", on_delete=models.PROTECT, related_name="panel_seats")
    is_leader = models.BooleanField(_("panel leader (组长)"), default=False)
    status = models.CharField(
        _("invitation"), max_length=16, choices=MemberStatus.choices, default=MemberStatus.INVITED
    )
    source = models.CharField(_("chosen by"), max_length=16, choices=MemberSource.choices)
    locked = models.BooleanField(_("kept on re-runs"), default=False)
    affinity = models.FloatField(_("affinity"), null=True, blank=True)
    components = models.JSONField(_("why this expert"), default=dict, blank=True)
    solver_run = models.ForeignKey(
        SolverRun, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason for declining"), max_length=16, choices=DeclineReason.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        ordering = ["panel", "-is_leader", "expert__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "expert"],
                condition=Q(status__in=["invited", "accepted"]),
                name="experts_member_seated_once",
            ),
            models.UniqueConstraint(
                fields=["panel"],
                condition=Q(is_leader=True, status__in=["invited", "accepted"]),
                name="experts_panel_one_leader",
                violation_error_message=_("A panel has exactly one leader (组长负责制)."),
            ),
            models.CheckConstraint(
                condition=~Q(status=MemberStatus.DECLINED) | ~Q(decline_reason=""),
                name="experts_decline_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert.name} · {self.panel}"

    @property
    def program(self):
        return self.panel.cycle.program

    @property
    def is_seated(self) -> bool:
        return self.status in SEATED
