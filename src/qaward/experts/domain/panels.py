"""Writes about panels: create them per stage, seat experts by hand, choose the leader, lock
seats, answer invitations, start work and dissolve when the stage closes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.experts.domain.common import acting_role, check_actor, record_event, require_text
from qaward.experts.domain.conflicts import blocking_pairs, reviewable_applications
from qaward.experts.enums import DeclineReason, MemberSource, MemberStatus, PanelStage, PanelStatus
from qaward.experts.models import Expert, Panel, PanelApplication, PanelMember
from qaward.experts.models.panels import SEATED


def stage_rule(cycle, stage: str) -> tuple[bool, str]:
    """(separate, citation) for ``stage`` in the cycle's rulebook pipelines. Objection
    investigations are not pipeline stages: their experts must be unconflicted (objections rule)."""
    from qaward.rulebooks import registry

    book = registry.get(cycle.rulebook_id)
    if stage == PanelStage.OBJECTION_INVESTIGATION:
        rule = book.objections.experts_must_be_unconflicted or book.objections.expert_investigation
        return True, book.cite(rule.cite if rule else None)
    for pipeline in book.pipelines:
        for step in pipeline.stages:
            if step.stage == stage:
                return step.separate_panel, book.cite(step.cite)
    raise ValidationError(
        _("This award's regulation has no %(stage)s stage.") % {"stage": PanelStage(stage).label}
    )


def panel_facts(panel: Panel) -> dict:
    return {
        "name": panel.name,
        "stage": panel.stage,
        "size": panel.size,
        "status": panel.status,
        "separate": panel.separate,
        "article": panel.article,
        "applications": sorted(panel.applications.values_list("reference", flat=True)),
        "starts": panel.starts,
        "ends": panel.ends,
    }


@transaction.atomic
def create_panel(
    *, cycle, stage: str, name: str, applications, actor, size: int = 3, starts=None, ends=None,
    require_exact_code: bool = False,
) -> Panel:  # fmt: skip
    check_actor(actor, "experts.build_panels", cycle.program)
    if stage not in PanelStage.values:
        raise ValidationError({"stage": _("Choose the review stage.")})
    separate, article = stage_rule(cycle, stage)
    name = require_text(name, "name", _("Name the panel."))
    applications = list(applications)
    if not applications:
        raise ValidationError({"applications": _("Choose the applications the panel reviews.")})
    allowed = set(reviewable_applications(cycle).values_list("pk", flat=True))
    if any(a.pk not in allowed for a in applications):
        raise ValidationError(
            {"applications": _("Only applications of this cycle under review can be chosen.")}
        )
    if not 1 <= int(size) <= 15:
        raise ValidationError({"size": _("A panel has 1 to 15 seats.")})
    if starts and ends and ends < starts:
        raise ValidationError({"ends": _("The review cannot end before it starts.")})
    panel = Panel.objects.create(
        cycle=cycle, stage=stage, name=name, size=size, separate=separate, article=article,
        starts=starts, ends=ends, require_exact_code=require_exact_code, created_by=actor,
    )  # fmt: skip
    for application in applications:
        PanelApplication.objects.create(panel=panel, application=application)
    record_event(
        actor=actor,
        action="experts.panel_created",
        obj=panel,
        after=panel_facts(panel),
        verdict={"rule_id": f"pipeline.{stage}", "citation": article, "rulebook": cycle.rulebook_id},
        role=acting_role(actor, cycle.program),
        program=cycle.program,
    )
    return panel


def create_panels_per_application(
    *, cycle, stage: str, actor, size: int = 3, starts=None, ends=None
) -> list[Panel]:
    """One panel per application under review that has no working panel at this stage yet
    (the usual shape of material and on-site review)."""
    covered = set(
        PanelApplication.objects.filter(panel__cycle=cycle, panel__stage=stage)
        .exclude(panel__status=PanelStatus.DISSOLVED)
        .values_list("application_id", flat=True)
    )
    label = PanelStage(stage).label
    return [
        create_panel(
            cycle=cycle,
            stage=stage,
            name=f"{application.applicant.name} {label}",
            applications=[application],
            actor=actor,
            size=size,
            starts=starts,
            ends=ends,
        )  # fmt: skip
        for application in reviewable_applications(cycle)
        if application.pk not in covered
    ]


def _working(panel: Panel) -> Panel:
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    if panel.is_dissolved:
        raise ValidationError(_("This panel has been dissolved; its record can no longer change."))
    return panel


def why_not_seat(panel: Panel, expert: Expert) -> str | None:
    """The reason ``expert`` cannot sit on ``panel``, in Chinese, or None."""
    if not expert.memberships.filter(program=panel.cycle.program, ended_at__isnull=True).exists():
        return _("%(expert)s is not in this award's pool.") % {"expert": expert.name}
    if not expert.is_active:
        return _("%(expert)s is %(status)s: %(reason)s") % {
            "expert": expert.name,
            "status": expert.get_status_display(),
            "reason": expert.status_reason,
        }
    if any(e == expert.pk for _a, e in blocking_pairs(panel.applications.all())):
        return _("%(expert)s has a conflict of interest with an application of this panel.") % {
            "expert": expert.name
        }
    if panel.separate:
        from qaward.experts.domain.assignment import _earlier_stage_experts

        if expert.pk in _earlier_stage_experts(panel):
            return _(
                "%(expert)s sat on an earlier panel for these applications; this panel is formed separately (%(article)s)."
            ) % {"expert": expert.name, "article": panel.article}
    if panel.starts and panel.ends and expert.availability.exists():
        covered = expert.availability.filter(starts__lte=panel.starts, ends__gte=panel.ends).exists()
        if not covered:
            return _("%(expert)s is not available on the review dates.") % {"expert": expert.name}
    return None


@transaction.atomic
def add_member(*, panel: Panel, expert: Expert, actor, leader: bool = False) -> PanelMember:
    """Staff seat an expert by hand (locked: kept on re-runs)."""
    check_actor(actor, "experts.build_panels", panel.cycle.program)
    panel = _working(panel)
    why = why_not_seat(panel, expert)
    if why:
        raise ValidationError({"expert": why})
    if panel.members.filter(expert=expert, status__in=SEATED).exists():
        raise ValidationError(
            {"expert": _("%(expert)s already sits on this panel.") % {"expert": expert.name}}
        )
    if panel.seated().count() >= panel.size:
        raise ValidationError(_("Every seat of this panel is taken; remove a member first."))
    member = PanelMember.objects.create(panel=panel, expert=expert, source=MemberSource.MANUAL, locked=True)
    record_event(
        actor=actor,
        action="experts.member_added",
        obj=panel,
        after={"expert": expert.name, "locked": True},
        role=acting_role(actor, panel.program),
        program=panel.program,
    )
    if leader:
        set_leader(member=member, actor=actor)
    return member


@transaction.atomic
def remove_member(*, member: PanelMember, actor, reason: str) -> PanelMember:
    check_actor(actor, "experts.build_panels", member.panel.cycle.program)
    _working(member.panel)
    reason = require_text(reason, "reason", _("Say why the expert leaves the panel."))
    if not member.is_seated:
        raise ValidationError(_("This expert no longer sits on the panel."))
    member.status, member.is_leader, member.note = MemberStatus.REMOVED, False, reason
    member.save(update_fields=["status", "is_leader", "note"])
    record_event(
        actor=actor,
        action="experts.member_removed",
        obj=member.panel,
        after={"expert": member.expert.name, "reason": reason},
        role=acting_role(actor, member.panel.program),
        program=member.panel.program,
    )
    return member


@transaction.atomic
def set_leader(*, member: PanelMember, actor) -> PanelMember:
    """组长负责制: this member leads; whoever led before no longer does."""
    check_actor(actor, "experts.build_panels", member.panel.cycle.program)
    panel = _working(member.panel)
    member.refresh_from_db()
    if not member.is_seated:
        raise ValidationError(_("Only a member of the panel can lead it."))
    if not member.expert.may_lead:
        raise ValidationError(
            _("%(expert)s is not qualified to lead a panel (组长) in the pool.")
            % {"expert": member.expert.name}
        )
    previous = panel.members.filter(status__in=SEATED, is_leader=True).exclude(pk=member.pk).first()
    panel.members.filter(status__in=SEATED, is_leader=True).update(is_leader=False)
    member.is_leader, member.locked = True, True
    member.save(update_fields=["is_leader", "locked"])
    record_event(
        actor=actor,
        action="experts.leader_set",
        obj=panel,
        before={"leader": previous.expert.name if previous else None},
        after={"leader": member.expert.name},
        role=acting_role(actor, panel.program),
        program=panel.program,
    )
    return member


@transaction.atomic
def set_locked(*, member: PanelMember, locked: bool, actor) -> PanelMember:
    check_actor(actor, "experts.build_panels", member.panel.cycle.program)
    _working(member.panel)
    member.locked = bool(locked)
    member.save(update_fields=["locked"])
    record_event(
        actor=actor,
        action="experts.member_locked" if locked else "experts.member_unlocked",
        obj=member.panel,
        after={"expert": member.expert.name, "locked": member.locked},
        program=member.panel.program,
    )
    return member


@transaction.atomic
def respond(*, member: PanelMember, accept: bool, actor, reason: str = "", note: str = "") -> PanelMember:
    """The expert accepts or declines; a decline needs a reason and frees that seat only, which
    the solver re-fills around every other seat. Declining for a conflict records one."""
    check_actor(actor, "experts.respond", member)
    member = PanelMember.objects.select_for_update().select_related("panel", "expert").get(pk=member.pk)
    panel = _working(member.panel)
    if member.status != MemberStatus.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    if not accept and reason not in DeclineReason.values:
        raise ValidationError({"reason": _("Choose why you decline.")})
    note = (note or "").strip()
    if not accept and reason == DeclineReason.CONFLICT:
        require_text(note, "note", _("Describe the interest you have."))
    member.status = MemberStatus.ACCEPTED if accept else MemberStatus.DECLINED
    member.responded_at = timezone.now()
    member.decline_reason = "" if accept else reason
    member.note = note
    if not accept:
        member.is_leader = False
    member.save()
    record_event(
        actor=actor,
        action="experts.invitation_accepted" if accept else "experts.invitation_declined",
        obj=panel,
        after={"expert": member.expert.name, "reason": member.decline_reason, "note": note},
        role=acting_role(actor, panel.program) or "expert",
        program=panel.program,
    )
    if not accept:
        if reason == DeclineReason.CONFLICT:
            from qaward.experts.domain.conflicts import _open, recusal_verdict
            from qaward.experts.enums import ConflictKind, ConflictStatus

            for application in panel.applications.all():
                _open(
                    expert=member.expert, application=application, kind=ConflictKind.DECLARED, rule="declared",
                    status=ConflictStatus.UPHELD, reason=note, actor=actor, verdict=recusal_verdict(panel.program),
                )  # fmt: skip
        from qaward.experts.domain.assignment import refill_seat

        refill_seat(panel=panel, actor=actor)
    return member


@transaction.atomic
def activate_panel(*, panel: Panel, actor) -> Panel:
    """Start work: every seat accepted and exactly one leader (组长负责制)."""
    check_actor(actor, "experts.build_panels", panel.cycle.program)
    panel = _working(panel)
    accepted = panel.members.filter(status=MemberStatus.ACCEPTED)
    problems = []
    if panel.members.filter(status=MemberStatus.INVITED).exists():
        problems.append(_("Some invitations are still unanswered."))
    if accepted.count() < panel.size:
        problems.append(
            _("%(n)s of %(size)s seats are accepted.") % {"n": accepted.count(), "size": panel.size}
        )
    if accepted.filter(is_leader=True).count() != 1:
        problems.append(_("The panel needs exactly one leader who has accepted (组长负责制)."))
    if problems:
        raise ValidationError(problems)
    panel.status = PanelStatus.ACTIVE
    panel.save(update_fields=["status"])
    record_event(
        actor=actor, action="experts.panel_activated", obj=panel, after=panel_facts(panel),
        role=acting_role(actor, panel.program), program=panel.program,
    )  # fmt: skip
    return panel


@transaction.atomic
def close_stage(*, cycle, stage: str, actor) -> list[Panel]:
    """The stage is over: its panels dissolve (评审工作结束后自动解散, Jilin 第十二条). Members lose
    access to the applications; the panels, members and declarations stay on record. Called by
    the review workflow when it closes a stage, or by the office."""
    check_actor(actor, "experts.build_panels", cycle.program)
    panels = list(
        Panel.objects.select_for_update()
        .filter(cycle=cycle, stage=stage)
        .exclude(status=PanelStatus.DISSOLVED)
    )
    now = timezone.now()
    for panel in panels:
        panel.status, panel.dissolved_at = PanelStatus.DISSOLVED, now
        panel.save(update_fields=["status", "dissolved_at"])
        record_event(
            actor=actor, action="experts.panel_dissolved", obj=panel, after={"stage": stage, "dissolved_at": now},
            role=acting_role(actor, cycle.program), program=cycle.program,
        )  # fmt: skip
    return panels
