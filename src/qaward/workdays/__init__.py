"""Pure-Python working-day calculator (no Django): 公示期/异议期 deadlines and countdowns.

The module-level functions use a shared ``WorkCalendar()`` with no overrides, i.e. the
``chinese_calendar`` data only. Code that must honour an office's 节假日调整 entries builds its own
``WorkCalendar(overrides=..., covered_years=...)``.
"""

from __future__ import annotations

from datetime import date

from qaward.workdays.calendar import CalendarYearMissing, Mode, Override, WorkCalendar

__all__ = [
    "CalendarYearMissing",
    "Mode",
    "Override",
    "WorkCalendar",
    "add_workdays",
    "default_calendar",
    "is_workday",
    "workdays_between",
    "workdays_remaining",
]

_DEFAULT = WorkCalendar()


def default_calendar() -> WorkCalendar:
    """The shared library-only calendar behind the module-level functions."""
    return _DEFAULT


def is_workday(d: date) -> bool:
    """True if ``d`` is an official working day per the library data."""
    return _DEFAULT.is_workday(d)


def add_workdays(start: date, n: int, mode: Mode = "inclusive") -> date:
    """Date of the ``n``-th working day from ``start``; see ``WorkCalendar.add_workdays``."""
    return _DEFAULT.add_workdays(start, n, mode)


def workdays_between(start: date, end: date, mode: Mode = "inclusive") -> int:
    """Working days in the range; see ``WorkCalendar.workdays_between``."""
    return _DEFAULT.workdays_between(start, end, mode)


def workdays_remaining(today: date, end: date) -> int:
    """Working days from ``today`` to ``end``, both counted; 0 once ``today`` is past ``end``."""
    return _DEFAULT.workdays_remaining(today, end)
