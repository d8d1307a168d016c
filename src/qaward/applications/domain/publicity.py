"""The internal publicity (单位内部公示) and the recommendation opinion, as the applicant records them.

Dates are stored as typed; the working days are counted with the office calendar and the
rulebook window's counting mode. Whether they are enough is a rule check of the self-check and
of submission (``domain.checks``), so an incomplete record can be saved and finished later.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qaward.applications.domain.editing import _editable, book_of
from qaward.applications.models import Application, InternalPublicity
from qaward.applications.spec.requirements import internal_publicity
from qaward.audit.domain import record
from qaward.documents.domain.uploads import store_upload
from qaward.documents.domain.withdrawal import withdraw_file
from qaward.programs.calendar import current_work_calendar
from qaward.workdays import CalendarYearMissing

FIELDS = (
    "starts_on",
    "ends_on",
    "place",
    "outcome",
    "outcome_note",
    "opinion_unit",
    "opinion_recommends",
    "opinion_text",
    "opinion_date",
)


def requirement_of(application: Application):
    return internal_publicity(book_of(application), application.kind, application.applicant.is_branch)


def count_workdays(starts_on, ends_on, counting: str) -> int | None:
    """Working days of the publicity, or None when a date is missing or a year has no calendar data."""
    if not starts_on or not ends_on or ends_on < starts_on:
        return None
    try:
        return current_work_calendar().workdays_between(starts_on, ends_on, counting)
    except CalendarYearMissing:
        return None


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def save_internal_publicity(*, application: Application, actor, values: dict, proof=None, letter=None):
    """Create or update the record; ``proof`` / ``letter`` are uploads replacing earlier files."""
    with transaction.atomic():
        application = _editable(application, actor)
    requirement = requirement_of(application)
    if requirement is None:
        raise ValidationError(_("This award does not ask for an internal publicity."))
    program = application.cycle.program
    stored = {}
    for key, upload, slot in (
        ("proof", proof, "publicity_proof"),
        ("opinion_letter", letter, "sealed_letter"),
    ):
        if upload is not None:
            stored[key] = store_upload(
                uploaded_file=upload, slot=slot, actor=actor, program=program, owner=application
            )
    with transaction.atomic():
        application = _editable(application, actor)
        record_row, created = InternalPublicity.objects.select_for_update().get_or_create(
            application=application, defaults={"rule_window_id": requirement.window.id}
        )
        before = {k: _plain(getattr(record_row, k)) for k in FIELDS}
        for key in FIELDS:
            if key in values:
                setattr(record_row, key, values[key])
        for key, file in stored.items():
            old = getattr(record_row, key)
            if old is not None and not old.is_withdrawn:
                withdraw_file(stored_file=old, actor=actor, reason=_("Replaced by a new upload."))
            setattr(record_row, key, file)
        record_row.rule_window_id = requirement.window.id
        record_row.counting = requirement.window.counting
        record_row.workdays = count_workdays(record_row.starts_on, record_row.ends_on, record_row.counting)
        record_row.updated_by = actor
        record_row.full_clean()
        record_row.save()
        after = {k: _plain(getattr(record_row, k)) for k in FIELDS}
        after.update(workdays=record_row.workdays, files={k: str(f.pk) for k, f in stored.items()})
        record(
            actor=actor,
            action="application.internal_publicity_saved",
            obj=application,
            before=None if created else before,
            after=after,
            program=program,
        )
    return record_row
