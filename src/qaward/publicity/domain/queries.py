"""Reads of the publicity app, including the questions other steps ask before they proceed:

- ``unfinished_window(application, rule_window_id)``: a window on this application that has not
  closed yet (scheduled or running) — a step depending on it must refuse while it exists;
- ``window_closed_for(application, rule_window_id)``: such a window ran and has closed;
- ``pending_objections_block(window)``: the objections app says an admissible objection on the
  window is still pending (no block while that app offers no answer);
- ``blocking_reason(application, rule_window_id)``: the Chinese reason a dependent step must wait,
  or None.
"""

from __future__ import annotations

from datetime import datetime
from importlib import import_module

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.publicity.models import PublicityEntry, PublicityWindow
from qaward.publicity.models.window import Channel
from qaward.workdays import CalendarYearMissing


def _now(at: datetime | None) -> datetime:
    return at if at is not None else timezone.now()


def window_is_open(window: PublicityWindow, at: datetime | None = None) -> bool:
    """True from 00:00 of the first day until 24:00 of the last day (Beijing time)."""
    now = _now(at)
    return window.opens_at <= now < window.closes_at


def window_has_closed(window: PublicityWindow, at: datetime | None = None) -> bool:
    return _now(at) >= window.closes_at


def windows_for(application, rule_window_id: str | None = None) -> QuerySet[PublicityWindow]:
    """Windows that publish ``application`` (optionally only those of one rulebook window id)."""
    windows = PublicityWindow.objects.filter(entries__application=application)
    if rule_window_id is not None:
        windows = windows.filter(rule_window_id=rule_window_id)
    return windows.order_by("starts_on", "pk").distinct()


def unfinished_window(application, rule_window_id: str, at: datetime | None = None) -> PublicityWindow | None:
    """A window of this kind on ``application`` that has not closed yet, or None."""
    for window in windows_for(application, rule_window_id):
        if not window_has_closed(window, at):
            return window
    return None


def window_closed_for(application, rule_window_id: str, at: datetime | None = None) -> bool:
    """True when a window of this kind published ``application`` and has closed."""
    return any(window_has_closed(w, at) for w in windows_for(application, rule_window_id))


def pending_objections_block(window: PublicityWindow) -> bool:
    """True while the objections app reports an admissible objection on ``window`` still pending.

    Imported lazily so publicity works (and no step blocks) before the objections app offers
    ``admissible_pending_for_window``.
    """
    try:
        queries = import_module("qaward.objections.domain.queries")
    except ImportError:
        return False
    ask = getattr(queries, "admissible_pending_for_window", None)
    if ask is None:
        return False
    return bool(ask(window))


def blocking_reason(application, rule_window_id: str, at: datetime | None = None) -> str | None:
    """Why a step that depends on the ``rule_window_id`` window must wait, or None if it may go on."""
    window = unfinished_window(application, rule_window_id, at)
    if window is not None:
        return _(
            "The publicity window “%(title)s” runs until %(end)s; this step must wait until it closes."
        ) % {
            "title": window.title,
            "end": window.ends_on.isoformat(),
        }
    for window in windows_for(application, rule_window_id):
        if pending_objections_block(window):
            return _("An admissible objection to “%(title)s” is still being handled.") % {
                "title": window.title
            }
    return None


def entries_of(window: PublicityWindow) -> QuerySet[PublicityEntry]:
    return window.entries.select_related("application").order_by("position")


def public_windows() -> QuerySet[PublicityWindow]:
    """Windows shown on the portal (not a unit's internal publicity), with program and cycle."""
    return PublicityWindow.objects.exclude(channel=Channel.INTERNAL).select_related(
        "program", "program__jurisdiction", "cycle", "recommending_unit"
    )


def current_public_windows(at: datetime | None = None) -> QuerySet[PublicityWindow]:
    """Running (or about to start today or later) public windows, soonest closing first."""
    today = timezone.localdate(_now(at))
    return public_windows().filter(ends_on__gte=today).order_by("ends_on", "pk")


def past_public_windows(at: datetime | None = None) -> QuerySet[PublicityWindow]:
    today = timezone.localdate(_now(at))
    return public_windows().filter(ends_on__lt=today).order_by("-ends_on", "-pk")


def windows_of_cycle(cycle) -> QuerySet[PublicityWindow]:
    return (
        PublicityWindow.objects.filter(cycle=cycle)
        .select_related("program", "cycle", "recommending_unit")
        .order_by("-starts_on", "-pk")
    )


def countdown(window: PublicityWindow, at: datetime | None = None, calendar=None) -> dict:
    """Time left, computed on the server: state, working days left (today counted while the window
    runs), seconds to closing, and a readable calendar remainder. A calendar year nobody entered
    gives ``workdays_left`` None and the reason in ``calendar_error``. Pass ``calendar`` (one
    ``current_work_calendar()``) when counting down many windows on one page."""
    from qaward.programs.calendar import current_work_calendar

    now = _now(at)
    today = timezone.localdate(now)
    seconds = max(0, int((window.closes_at - now).total_seconds()))
    if now >= window.closes_at:
        state = "closed"
    elif now < window.opens_at:
        state = "scheduled"
    else:
        state = "open"
    result = {"state": state, "seconds_left": seconds, "workdays_left": 0, "calendar_error": ""}
    if state != "closed":
        start = max(today, window.starts_on)
        try:
            calendar = calendar or current_work_calendar()
            result["workdays_left"] = calendar.workdays_between(start, window.ends_on, "inclusive")
        except CalendarYearMissing as missing:
            result["workdays_left"] = None
            result["calendar_error"] = str(missing)
    days, rest = divmod(seconds, 86400)
    result["days_left"] = days
    result["hours_left"] = rest // 3600
    result["minutes_left"] = (rest % 3600) // 60
    return result
