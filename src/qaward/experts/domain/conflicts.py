"""Writes about conflicts of interest (回避): detection from data, the experts' declarations,
applicants' written requests (decided by the office), staff pins and dismissals.

Whenever a conflict becomes blocking for an expert already seated on a panel that reviews the
application, the expert leaves that panel and the seat is re-filled (``assignment.refill_seat``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.experts.domain.common import acting_role, check_actor, record_event, require_text
from qaward.experts.domain.detection import find_conflicts
from qaward.experts.enums import ConflictKind, ConflictStatus, MemberStatus, PanelStatus
from qaward.experts.models import Conflict, ConflictPolicy, Declaration, Expert, PanelMember
from qaward.experts.models.conflicts import BLOCKING


def recusal_verdict(program, field: str = "recusal", rule: str = "") -> dict:
    """Rule id, citation and rulebook of ``supervision.<field>`` (the article a conflict relies on)."""
    from qaward.rulebooks import registry

    book = registry.get(program.rulebook_id)
    found = getattr(book.supervision, field, None)
    return {
        "rule_id": f"supervision.{field}" + (f".{rule}" if rule else ""),
        "citation": book.cite(found.cite if found is not None else None),
        "rulebook": f"{book.id}@{book.version}",
    }


def policy_for(program) -> ConflictPolicy:
    policy, _created = ConflictPolicy.objects.get_or_create(program=program)
    return policy


def conflict_facts(conflict: Conflict) -> dict:
    return {
        "expert": conflict.expert.name if conflict.expert_id else None,
        "application": conflict.application.reference,
        "kind": conflict.kind,
        "rule": conflict.rule,
        "status": conflict.status,
        "named_person": conflict.named_person,
        "reason": conflict.reason,
        "evidence": conflict.evidence,
        "details": conflict.details,
        "article": conflict.article,
        "decision_reason": conflict.decision_reason,
    }


def blocking_pairs(applications) -> set[tuple[int, int]]:
    """(application id, expert id) pairs with a pending or upheld conflict."""
    return set(
        Conflict.objects.filter(
            application__in=applications, status__in=BLOCKING, expert__isnull=False
        ).values_list("application_id", "expert_id")
    )


def has_blocking_conflict(expert, application) -> bool:
    return Conflict.objects.filter(expert=expert, application=application, status__in=BLOCKING).exists()


def _evict(expert: Expert, application, actor, reason: str) -> None:
    """Take ``expert`` off every working panel that reviews ``application``; re-fill the seats."""
    from qaward.experts.domain.assignment import refill_seat

    seats = PanelMember.objects.select_related("panel").filter(
        expert=expert,
        status__in=[MemberStatus.INVITED, MemberStatus.ACCEPTED],
        panel__applications=application,
        panel__status__in=[PanelStatus.FORMING, PanelStatus.ACTIVE],
    )
    for seat in seats:
        seat.status = MemberStatus.REMOVED
        seat.note = reason
        seat.is_leader = False
        seat.save(update_fields=["status", "note", "is_leader"])
        record_event(
            actor=actor,
            action="experts.member_removed",
            obj=seat.panel,
            after={"expert": expert.name, "reason": reason},
            program=seat.panel.program,
        )
        refill_seat(panel=seat.panel, actor=actor)


def _open(*, expert, application, kind, rule, status, reason, actor, verdict, **extra) -> Conflict:
    conflict = Conflict.objects.create(
        expert=expert,
        application=application,
        kind=kind,
        rule=rule,
        status=status,
        reason=reason,
        article=verdict["citation"],
        raised_by=actor,
        **extra,
    )
    record_event(
        actor=actor,
        action=f"experts.conflict_{kind}",
        obj=conflict,
        after=conflict_facts(conflict),
        verdict=verdict,
        role=acting_role(actor, application.cycle.program),
        program=application.cycle.program,
    )
    return conflict


def reviewable_applications(cycle):
    from qaward.applications.enums import ApplicationState
    from qaward.applications.models import Application

    closed = [
        ApplicationState.DRAFT,
        ApplicationState.SUBMITTED,
        ApplicationState.RETURNED,
        ApplicationState.NOT_RECOMMENDED,
        ApplicationState.FORMAL_REVIEW,
        ApplicationState.NOT_ACCEPTED,
        ApplicationState.DISQUALIFIED,
        ApplicationState.WITHDRAWN,
    ]
    return (
        Application.objects.filter(cycle=cycle)
        .exclude(state__in=closed)
        .select_related("applicant", "applicant__parent", "applicant__employer", "recommending_unit", "cycle")
        .order_by("reference")
    )


@transaction.atomic
def detect_conflicts(*, cycle, actor, today=None) -> list[Conflict]:
    """Compare every expert of the program's pool with every application under review; record
    each new finding as an upheld conflict (staff may dismiss one with a reason)."""
    from qaward.experts.domain.queries import pool_of

    program = cycle.program
    check_actor(actor, "experts.manage_conflicts", program)
    today = today or timezone.localdate()
    policy = policy_for(program)
    existing = set(
        Conflict.objects.filter(application__cycle=cycle, kind=ConflictKind.DETECTED).values_list(
            "expert_id", "application_id", "rule"
        )
    )
    experts = list(pool_of(program).prefetch_related("former_employments", "relationships"))
    created = []
    for application in reviewable_applications(cycle):
        for expert in experts:
            for finding in find_conflicts(expert, application, policy, today):
                if (expert.pk, application.pk, finding.rule) in existing:
                    continue
                verdict = recusal_verdict(program, rule=finding.rule)
                verdict["message"] = finding.reason
                created.append(
                    _open(
                        expert=expert,
                        application=application,
                        kind=ConflictKind.DETECTED,
                        rule=finding.rule,
                        status=ConflictStatus.UPHELD,
                        reason=finding.reason,
                        actor=actor,
                        verdict=verdict,
                        details=finding.details,
                    )
                )
                _evict(expert, application, actor, finding.reason)
    return created


@transaction.atomic
def declare(*, member: PanelMember, application, has_conflict: bool, statement: str, actor) -> Declaration:
    """The expert states, for one application of their panel, whether they have an interest
    (Jilin 第四十条(三)). Required before any of the application's files open to them."""
    check_actor(actor, "experts.declare", member)
    member = PanelMember.objects.select_related("panel", "expert").get(pk=member.pk)
    panel = member.panel
    if not member.is_seated or panel.is_dissolved:
        raise ValidationError(_("Only a current member of a working panel declares."))
    if not panel.applications.filter(pk=application.pk).exists():
        raise ValidationError(_("This application is not reviewed by your panel."))
    if Declaration.objects.filter(expert=member.expert, panel=panel, application=application).exists():
        raise ValidationError(_("You have already declared for this application."))
    statement = (statement or "").strip()
    if has_conflict:
        require_text(statement, "statement", _("Describe the interest you have."))
    declaration = Declaration.objects.create(
        expert=member.expert,
        panel=panel,
        application=application,
        has_conflict=has_conflict,
        statement=statement,
        declared_by=actor,
    )
    verdict = recusal_verdict(panel.program)
    record_event(
        actor=actor,
        action="experts.declared",
        obj=panel,
        after={
            "expert": member.expert.name,
            "application": application.reference,
            "has_conflict": has_conflict,
            "statement": statement,
        },
        verdict=verdict,
        role=acting_role(actor, panel.program) or "expert",
        program=panel.program,
    )
    if has_conflict:
        _open(
            expert=member.expert,
            application=application,
            kind=ConflictKind.DECLARED,
            rule="declared",
            status=ConflictStatus.UPHELD,
            reason=statement,
            actor=actor,
            verdict=verdict,
        )
        _evict(member.expert, application, actor, _("Declared a conflict of interest."))
    return declaration


@transaction.atomic
def request_recusal(
    *, application, named_person: str, reason: str, evidence: str, actor, evidence_file=None
) -> Conflict:
    """An applicant asks in writing, with reasons and evidence, that a named expert withdraw
    (Jilin 第四十条(四)). The office decides; until then the request already keeps the expert
    away from the application."""
    check_actor(actor, "experts.request_recusal", application)
    named = require_text(named_person, "named_person", _("Name the expert who should withdraw."))
    reason = require_text(reason, "reason", _("Give the reasons in writing."))
    evidence = (evidence or "").strip()
    if not evidence and evidence_file is None:
        raise ValidationError({"evidence": _("Describe or attach the supporting evidence.")})
    program = application.cycle.program
    matches = list(
        Expert.objects.filter(
            name=named, memberships__program=program, memberships__ended_at__isnull=True
        ).distinct()
    )
    return _open(
        expert=matches[0] if len(matches) == 1 else None,
        application=application,
        kind=ConflictKind.REQUESTED,
        rule="requested",
        status=ConflictStatus.PENDING,
        reason=reason,
        actor=actor,
        verdict=recusal_verdict(program, "applicant_may_request_recusal"),
        named_person=named,
        evidence=evidence,
        evidence_file=evidence_file,
    )


@transaction.atomic
def decide_conflict(*, conflict: Conflict, uphold: bool, reason: str, actor, expert=None) -> Conflict:
    """The office upholds or dismisses a pending request (or dismisses a detected or pinned
    conflict it judges immaterial). Upholding needs the pool's expert the request names."""
    check_actor(actor, "experts.manage_conflicts", conflict)
    conflict = (
        Conflict.objects.select_for_update().select_related("application__cycle__program").get(pk=conflict.pk)
    )
    reason = require_text(reason, "decision_reason", _("Give the reason for the decision."))
    if conflict.kind == ConflictKind.DECLARED:
        raise ValidationError(_("An expert's own declaration of interest stands; it cannot be dismissed."))
    if uphold and conflict.status != ConflictStatus.PENDING:
        raise ValidationError(_("Only a pending request is upheld."))
    if not uphold and conflict.status == ConflictStatus.DISMISSED:
        raise ValidationError(_("This conflict has already been dismissed."))
    program = conflict.application.cycle.program
    expert = expert or conflict.expert
    if uphold:
        if expert is None:
            raise ValidationError({"expert": _("Choose the expert of the pool the request names.")})
        if not expert.memberships.filter(program=program, ended_at__isnull=True).exists():
            raise ValidationError({"expert": _("This expert is not in the award's pool.")})
        if has_blocking_conflict(expert, conflict.application) and expert != conflict.expert:
            conflict.details = {**conflict.details, "also_blocked_by": "existing"}
    before = conflict_facts(conflict)
    conflict.expert = expert
    conflict.status = ConflictStatus.UPHELD if uphold else ConflictStatus.DISMISSED
    conflict.decided_by, conflict.decided_at, conflict.decision_reason = actor, timezone.now(), reason
    conflict.save()
    field = "applicant_may_request_recusal" if conflict.kind == ConflictKind.REQUESTED else "recusal"
    record_event(
        actor=actor,
        action="experts.conflict_decided",
        obj=conflict,
        before=before,
        after=conflict_facts(conflict),
        verdict=recusal_verdict(program, field),
        role=acting_role(actor, program),
        program=program,
    )
    if uphold:
        _evict(expert, conflict.application, actor, reason)
    return conflict


@transaction.atomic
def pin_conflict(*, expert: Expert, application, reason: str, actor) -> Conflict:
    """Staff keep an expert away from an application on facts the data does not show."""
    program = application.cycle.program
    check_actor(actor, "experts.manage_conflicts", program)
    reason = require_text(reason, "reason", _("Say why the expert must withdraw."))
    if not expert.memberships.filter(program=program, ended_at__isnull=True).exists():
        raise ValidationError({"expert": _("This expert is not in the award's pool.")})
    if Conflict.objects.filter(
        expert=expert, application=application, rule="pinned", status__in=BLOCKING
    ).exists():
        raise ValidationError(_("This conflict is already recorded."))
    conflict = _open(
        expert=expert,
        application=application,
        kind=ConflictKind.PINNED,
        rule="pinned",
        status=ConflictStatus.UPHELD,
        reason=reason,
        actor=actor,
        verdict=recusal_verdict(program),
    )
    _evict(expert, application, actor, reason)
    return conflict
