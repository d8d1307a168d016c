"""Reads of the objections app, including the question publicity asks before a window's
dependent step may go on (``admissible_pending_for_window``) and who may see an objector."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from qaward.accounts.domain.queries import active_roles, holds_role_in
from qaward.accounts.models import Role
from qaward.identifiers import mask_phone, mask_resident_id
from qaward.objections.domain.common import CONFIDENTIAL, tokens_match, work_calendar
from qaward.objections.enums import ObjectorKind
from qaward.objections.models import OPEN_STATES, Complaint, Objection, VerificationRequest
from qaward.workdays import CalendarYearMissing


def admissible_pending_for_window(window) -> bool:
    """True while an objection on ``window`` may still change the outcome: received and not yet
    judged, admitted and not decided, or referred out without a decision."""
    return Objection.objects.filter(window=window, state__in=OPEN_STATES).exists()


def may_see_objector(user, objection: Objection) -> bool:
    """Only the office handling the case (its program's office staff) and people the office put
    on the case see who objected (吉林 第三十七条(七)); everyone else sees "异议人（保密）"."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if holds_role_in(user, objection.program, [Role.OFFICE_STAFF]):
        return True
    return objection.handlers.filter(pk=user.pk).exists()


@dataclass(frozen=True)
class ObjectorView:
    visible: bool
    label: str  # the name, or 异议人（保密）
    kind: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""


def objector_view(objection: Objection, user, *, full: bool = False) -> ObjectorView:
    """What ``user`` may see of the objector. ``full``: the ID number and phone unmasked (the
    case page of the office); otherwise masked even for the office (lists, exports)."""
    if not may_see_objector(user, objection):
        return ObjectorView(visible=False, label=CONFIDENTIAL)
    person = objection.objector_person
    if objection.objector_kind == ObjectorKind.ANONYMOUS:
        return ObjectorView(
            visible=True, label=str(ObjectorKind.ANONYMOUS.label), kind=objection.objector_kind
        )
    name = person.name if person else objection.objector_name
    id_number = person.id_number if person else ""
    phone = person.phone if person else objection.objector_phone
    return ObjectorView(
        visible=True,
        label=name,
        kind=objection.objector_kind,
        id_number=id_number if full else mask_resident_id(id_number) if id_number else "",
        phone=phone if full else mask_phone(phone) if phone else "",
        address=objection.objector_address,
    )


@dataclass(frozen=True)
class Deadline:
    due: dt.date | None
    left: int | None  # working days left, today counted; None when the calendar is missing
    overdue: bool
    done: bool = False


def deadline(
    due: dt.date | None, *, done: bool = False, today: dt.date | None = None, calendar=None
) -> Deadline:
    if due is None:
        return Deadline(None, None, False, done)
    today = today or timezone.localdate()
    if done:
        return Deadline(due, None, False, True)
    calendar = calendar or work_calendar()
    try:
        left = calendar.workdays_remaining(today, due)
    except CalendarYearMissing:
        left = None
    return Deadline(due, left, today > due)


def admissibility_deadline(objection: Objection, **kwargs) -> Deadline:
    return deadline(
        objection.admissibility_due, done=objection.admissibility_decided_at is not None, **kwargs
    )


def objections_of_program(program) -> QuerySet[Objection]:
    return (
        Objection.objects.filter(program=program)
        .select_related("application", "application__applicant", "window", "entry", "objector_person")
        .prefetch_related("verifications", "handlers")
        .order_by("-received_at", "-pk")
    )


def queue_rows(program, user, *, state: str = "", today: dt.date | None = None) -> list[dict]:
    """The office's queue: each objection with its deadlines (admissibility, verification)."""
    calendar = work_calendar()
    today = today or timezone.localdate()
    rows = []
    objections = objections_of_program(program)
    if state:
        objections = objections.filter(state=state)
    for objection in objections:
        pending = [v for v in objection.verifications.all() if v.is_pending]
        rows.append(
            {
                "objection": objection,
                "objector": objector_view(objection, user),
                "admissibility": admissibility_deadline(objection, today=today, calendar=calendar),
                "verification": deadline(pending[0].due_on, today=today, calendar=calendar)
                if pending
                else None,
            }
        )
    return rows


def find_by_receipt(model, number: str, token: str):
    """The objection or complaint with this receipt number, if the secret matches; else None."""
    row = model.objects.filter(number=(number or "").strip().upper()).first()
    if row is None or not tokens_match(row.token_hash, token):
        return None
    return row


def find_objection(number: str, token: str) -> Objection | None:
    return find_by_receipt(Objection, number, token)


def find_complaint(number: str, token: str) -> Complaint | None:
    return find_by_receipt(Complaint, number, token)


def verifications_for_recommender(user) -> QuerySet[VerificationRequest]:
    units = active_roles(user).filter(role=Role.RECOMMENDER).values_list("recommending_unit_id", flat=True)
    return (
        VerificationRequest.objects.filter(recommending_unit_id__in=list(units))
        .select_related("objection", "objection__application", "objection__window", "recommending_unit")
        .order_by("-sent_at")
    )


def objections_about_applicant(user) -> QuerySet[Objection]:
    """Decided objections about applications ``user`` is a contact of (their written results)."""
    return (
        Objection.objects.filter(application__applicant__contacts=user, letters__kind="result_subject")
        .select_related("application", "window")
        .distinct()
        .order_by("-decided_at")
    )


def complaints_of_program(program) -> QuerySet[Complaint]:
    return Complaint.objects.filter(program=program).order_by("-received_at", "-pk")
