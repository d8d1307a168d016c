"""Reads about the expert pool, conflicts and panels."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from qaward.experts.models import Expert


def pool_of(program, *, include_former: bool = False) -> QuerySet[Expert]:
    memberships = Q(memberships__program=program)
    if not include_former:
        memberships &= Q(memberships__ended_at__isnull=True)
    return Expert.objects.filter(memberships).distinct().order_by("name", "pk")


def search_pool(program, *, text: str = "", code: str = "", status: str = "") -> QuerySet[Expert]:
    experts = pool_of(program)
    if text:
        experts = experts.filter(
            Q(name__icontains=text) | Q(employer_name__icontains=text) | Q(title__icontains=text)
        )
    if status:
        experts = experts.filter(status=status)
    if code:
        code = code.strip().upper()
        experts = [
            e for e in experts if any(c.startswith(code) or code.startswith(c) for c in e.industry_codes)
        ]
    return experts


def expert_of(user) -> Expert | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Expert.objects.filter(user=user).first()


def programs_of_expert(expert: Expert):
    from qaward.programs.models import AwardProgram

    return AwardProgram.objects.filter(
        expert_memberships__expert=expert, expert_memberships__ended_at__isnull=True
    ).distinct()


def credit_record(expert: Expert, programs) -> dict:
    """The 信誉档案 as seen by the office of ``programs``: evaluations and sanctions there."""
    return {
        "evaluations": expert.evaluations.filter(program__in=programs).select_related("program"),
        "sanctions": expert.sanctions.filter(program__in=programs).select_related("program", "decided_by"),
    }


def expert_may_see_application(user, application) -> bool:
    """The one access rule for an expert and an application (its files, scores, discussion):
    an active expert seated and accepted on a panel that reviews it and is not dissolved, who has
    declared no conflict for it on that panel, with no pending or upheld conflict about it."""
    from qaward.experts.enums import ExpertStatus, MemberStatus, PanelStatus
    from qaward.experts.models import Conflict, Declaration, PanelMember
    from qaward.experts.models.conflicts import BLOCKING

    expert = expert_of(user)
    if expert is None or application is None or expert.status != ExpertStatus.ACTIVE:
        return False
    if Conflict.objects.filter(expert=expert, application=application, status__in=BLOCKING).exists():
        return False
    panels = PanelMember.objects.filter(
        expert=expert,
        status=MemberStatus.ACCEPTED,
        panel__applications=application,
        panel__status__in=[PanelStatus.FORMING, PanelStatus.ACTIVE],
    ).values("panel_id")
    return Declaration.objects.filter(
        expert=expert, application=application, panel_id__in=panels, has_conflict=False
    ).exists()


def application_of_file(stored_file):
    """The application a stored file belongs to (directly or through its owner), or None."""
    from qaward.applications.models import Application

    owner = stored_file.owner if stored_file.owner_content_type_id else None
    if isinstance(owner, Application):
        return owner
    candidate = getattr(owner, "application", None)
    return candidate if isinstance(candidate, Application) else None


def seats_of(expert):
    """The expert's panel seats, newest first (all statuses: the record of past panels)."""
    from qaward.experts.models import PanelMember

    return (
        PanelMember.objects.filter(expert=expert)
        .select_related("panel", "panel__cycle", "panel__cycle__program")
        .prefetch_related("panel__applications__applicant")
        .order_by("-invited_at")
    )


def panels_of_cycle(cycle, stage: str = ""):
    from qaward.experts.models import Panel

    panels = Panel.objects.filter(cycle=cycle).prefetch_related("applications__applicant", "members__expert")
    if stage:
        panels = panels.filter(stage=stage)
    return panels.order_by("stage", "name")


def conflicts_of_program(program, *, status: str = ""):
    from qaward.experts.models import Conflict

    conflicts = Conflict.objects.filter(application__cycle__program=program).select_related(
        "expert", "application", "application__applicant", "raised_by", "decided_by"
    )
    if status:
        conflicts = conflicts.filter(status=status)
    return conflicts.order_by("status", "-raised_at")
