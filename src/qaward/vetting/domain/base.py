"""What every vetting step needs: the application's rulebook, today on the office calendar,
checklists as data, and the audited refusal of a rule-driven "no"."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.audit.domain import refuse
from qaward.programs.calendar import current_work_calendar
from qaward.rulebooks import registry
from qaward.rulebooks.engine.verdict import FAIL, verdict
from qaward.workdays import CalendarYearMissing

# The regulations give the recommending unit and the office no deadline for a department's
# answer or for an applicant's correction; these are the office's defaults (办法未规定，由评委办确定).
DEFAULT_CONSULTATION_WORKDAYS = 10
DEFAULT_CORRECTION_WORKDAYS = 5
MAX_WORKDAYS = 60


def rulebook_of(application):
    return registry.get(application.cycle.rulebook_id)


def today() -> date:
    return timezone.localdate()


def workday_deadline(start: date, workdays: int) -> date:
    """The ``workdays``-th working day after ``start`` (the start day not counted, 民法典
    第二百零一条) on the office calendar."""
    if isinstance(workdays, bool) or not isinstance(workdays, int) or not 1 <= workdays <= MAX_WORKDAYS:
        raise ValidationError(
            {"workdays": _("Give a number of working days between 1 and %(max)s.") % {"max": MAX_WORKDAYS}}
        )
    try:
        return current_work_calendar().add_workdays(start, workdays, "exclusive")
    except CalendarYearMissing as missing:
        raise ValidationError(str(missing), code="calendar_year_missing") from None


def workdays_left(due: date, on: date | None = None) -> int:
    """Working days from today to ``due``, both counted; 0 once past (for the queues)."""
    try:
        return current_work_calendar().workdays_remaining(on or today(), due)
    except CalendarYearMissing:
        return max((due - (on or today())).days, 0)


def checklist(labels, marked) -> list[dict]:
    """The rulebook's ``labels`` with what the reviewer marked (``marked``: list of dicts)."""
    by_label = {item.get("label"): item for item in marked or []}
    return [
        {
            "label": label,
            "ok": bool(by_label.get(label, {}).get("ok")),
            "note": by_label.get(label, {}).get("note", ""),
        }
        for label in labels
    ]


def clean_checks(labels, submitted: dict[str, tuple[bool, str]]) -> list[dict]:
    """``submitted``: label → (ok, note). Labels outside the rulebook's list are ignored; a
    failed item needs a note saying what is wrong."""
    items, errors = [], []
    for label in labels:
        ok, note = submitted.get(label, (False, ""))
        note = (note or "").strip()[:1000]
        if not ok and not note and label in submitted:
            errors.append(label)
        items.append({"label": label, "ok": bool(ok), "note": note})
    if errors:
        raise ValidationError(
            {"checks": _("Say what is wrong for each item not marked as passed: %(items)s.")
             % {"items": "、".join(errors)}}
        )  # fmt: skip
    return items


def refuse_by_rule(*, actor, action: str, book, rule, rule_id: str, message: str, application, field=None):
    """Record the refusal with the rule and its article, then raise it (outside any atomic block)."""
    refuse(
        actor=actor,
        action=action,
        verdict=verdict(book, rule, rule_id, FAIL, message),
        obj=application,
        program=application.cycle.program,
        field=field,
    )
