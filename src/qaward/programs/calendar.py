"""Bridge from the office-edited holiday tables to the pure ``qaward.workdays`` calculator."""

from __future__ import annotations

from qaward.programs.models import CalendarOverride, CalendarYear
from qaward.workdays import Override, WorkCalendar


def current_work_calendar() -> WorkCalendar:
    """A ``WorkCalendar`` with every office override and the years the office marked complete.

    Built fresh on each call (two small queries) so a change in the admin applies at once and
    no process holds a stale copy.
    """
    overrides = [
        Override(date=day, is_workday=is_workday, note=note)
        for day, is_workday, note in CalendarOverride.objects.values_list("date", "is_workday", "note")
    ]
    covered_years = CalendarYear.objects.filter(complete=True).values_list("year", flat=True)
    return WorkCalendar(overrides=overrides, covered_years=list(covered_years))
