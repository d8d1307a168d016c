"""Reads for the applicant pages."""

from __future__ import annotations

from django.db.models import QuerySet

from qaward.accounts.domain.queries import programs_where
from qaward.accounts.models import Role
from qaward.applications.models import Applicant, Application, StateChange
from qaward.programs.enums import CycleStatus
from qaward.programs.models import Cycle


def applicants_of(user) -> QuerySet[Applicant]:
    if not getattr(user, "is_authenticated", False):
        return Applicant.objects.none()
    return Applicant.objects.filter(contacts=user).select_related("parent", "person").order_by("name")


def applications_of(user) -> QuerySet[Application]:
    return (
        Application.objects.filter(applicant__in=applicants_of(user))
        .select_related("cycle__program", "applicant", "recommending_unit")
        .order_by("-created_at")
    )


def open_cycles_for(user, today) -> QuerySet[Cycle]:
    """Cycles open today in the programs where ``user`` is an applicant contact."""
    return (
        Cycle.objects.filter(
            program__in=programs_where(user, Role.APPLICANT),
            status=CycleStatus.OPEN,
            call_opens__lte=today,
            call_closes__gte=today,
        )
        .select_related("program")
        .order_by("program__name", "-number")
    )


def last_return(application) -> StateChange | None:
    """The latest return for correction (its reason is shown in the banner)."""
    return (
        StateChange.objects.filter(application=application, transition="return_for_correction")
        .order_by("-at", "-pk")
        .first()
    )


def history(application) -> QuerySet[StateChange]:
    return StateChange.objects.filter(application=application).select_related("actor").order_by("at", "pk")
