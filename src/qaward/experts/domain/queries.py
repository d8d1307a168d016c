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
