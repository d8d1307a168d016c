"""Reads of the vetting app: the work queues per role, with counts and deadlines."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from qaward.accounts.domain.queries import active_roles, is_platform_admin
from qaward.accounts.models import Role
from qaward.applications.enums import ApplicationState
from qaward.applications.models import Application
from qaward.programs.models import AwardProgram
from qaward.vetting.domain.base import today, workdays_left
from qaward.vetting.models import Consultation, IssuedLetter


def recommender_units(user):
    """The recommending units ``user`` acts for (active recommender roles)."""
    from qaward.programs.models import RecommendingUnit

    ids = active_roles(user).filter(role=Role.RECOMMENDER).values("recommending_unit_id")
    return RecommendingUnit.objects.filter(pk__in=ids)


def office_programs(user) -> QuerySet[AwardProgram]:
    if is_platform_admin(user):
        return AwardProgram.objects.all()
    ids = active_roles(user).filter(role=Role.OFFICE_STAFF).values("program_id")
    return AwardProgram.objects.filter(pk__in=ids)


def _base():
    return Application.objects.select_related("applicant", "cycle__program", "recommending_unit")


def recommender_queue(user) -> QuerySet[Application]:
    """Applications routed to the user's units that wait for the unit (with it), oldest first."""
    units = recommender_units(user)
    return (
        _base()
        .filter(recommending_unit__in=units, state=ApplicationState.SUBMITTED)
        .order_by("submitted_at", "reference")
    )


def recommender_returned(user) -> QuerySet[Application]:
    units = recommender_units(user)
    return (
        _base()
        .filter(recommending_unit__in=units, state=ApplicationState.RETURNED)
        .order_by("correction_due")
    )


def recommender_history(user) -> QuerySet[Application]:
    units = recommender_units(user)
    return (
        _base()
        .filter(recommending_unit__in=units)
        .exclude(state__in=[ApplicationState.DRAFT, ApplicationState.SUBMITTED, ApplicationState.RETURNED])
        .order_by("-state_changed_at")
    )


def office_queue(user, program=None) -> QuerySet[Application]:
    programs = office_programs(user)
    if program is not None:
        programs = programs.filter(pk=program.pk)
    return (
        _base()
        .filter(cycle__program__in=programs, state=ApplicationState.FORMAL_REVIEW)
        .order_by("submitted_at", "reference")
    )


def consultations_for(application, by=None) -> QuerySet[Consultation]:
    rows = Consultation.objects.filter(application=application)
    return rows.filter(by=by) if by else rows


def open_consultations(user) -> QuerySet[Consultation]:
    """Unanswered consultations the user's office or units asked for, earliest due first."""
    programs = office_programs(user)
    units = recommender_units(user)
    from django.db.models import Q

    return (
        Consultation.objects.filter(responded_on__isnull=True)
        .filter(
            Q(by="office", application__cycle__program__in=programs) | Q(by="recommender", unit__in=units)
        )
        .select_related("application__applicant", "application__cycle__program")
        .order_by("due_on", "pk")
    )


@dataclass
class QueueCounts:
    recommender_waiting: int
    recommender_returned: int
    office_waiting: int
    consultations_open: int
    consultations_overdue: int


def queue_counts(user) -> QueueCounts:
    day = today()
    consultations = open_consultations(user)
    return QueueCounts(
        recommender_waiting=recommender_queue(user).count(),
        recommender_returned=recommender_returned(user).count(),
        office_waiting=office_queue(user).count(),
        consultations_open=consultations.count(),
        consultations_overdue=consultations.filter(due_on__lt=day).count(),
    )


def consultation_rows(consultations) -> list[dict]:
    """Each consultation with its working days left (0 once due) and its overdue flag."""
    day = today()
    return [
        {
            "c": c,
            "left": workdays_left(c.due_on, day) if not c.answered else None,
            "overdue": c.is_overdue(day),
        }
        for c in consultations
    ]


def letters_for(application) -> QuerySet[IssuedLetter]:
    """Letters issued to the applicant about ``application`` (for its page: a notice and a link
    to ``vetting:letter``)."""
    return IssuedLetter.objects.filter(application=application).select_related("file")
