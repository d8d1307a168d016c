"""Shared lookups of the expert pages (each raises 404 for an unknown object)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from qaward.experts.models import Conflict, Expert, Panel, PanelMember
from qaward.programs.models import AwardProgram, Cycle


def program_from_slug(request, slug: str, **kwargs) -> AwardProgram:
    return get_object_or_404(AwardProgram, slug=slug)


def cycle_from_url(request, slug: str, number: int, **kwargs) -> Cycle:
    return get_object_or_404(Cycle.objects.select_related("program"), program__slug=slug, number=number)


def expert_from_url(request, slug: str, pk: int, **kwargs) -> Expert:
    """The expert, only through a program whose pool holds it."""
    return get_object_or_404(
        Expert, pk=pk, memberships__program__slug=slug, memberships__ended_at__isnull=True
    )


def conflict_from_pk(request, pk: int, **kwargs) -> Conflict:
    return get_object_or_404(Conflict.objects.select_related("application__cycle__program", "expert"), pk=pk)


def panel_from_pk(request, pk: int, **kwargs) -> Panel:
    return get_object_or_404(Panel.objects.select_related("cycle__program"), pk=pk)


def member_from_pk(request, pk: int, **kwargs) -> PanelMember:
    return get_object_or_404(PanelMember.objects.select_related("panel__cycle__program", "expert"), pk=pk)


def application_from_pk(request, pk: int, **kwargs):
    from qaward.applications.models import Application

    return get_object_or_404(Application.objects.select_related("cycle__program", "applicant"), pk=pk)


def add_errors(form, error: ValidationError) -> None:
    """A domain refusal on the form: per field when the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
