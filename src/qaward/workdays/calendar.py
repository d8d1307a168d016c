"""Working-day arithmetic on the official Chinese holiday arrangement.

Deadlines in award notices (公示期, 异议期, 材料补正期) are counted in working days, and the
arrangement changes every year with 调休 make-up days. ``chinese_calendar`` ships the published
arrangements; offices enter next year's arrangement themselves as overrides before the library
catches up. We never guess: a date in a year nobody has entered raises ``CalendarYearMissing``.

Deliberately no Django imports: the calendar is fed plain ``Override`` values by the caller.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal, get_args

import chinese_calendar

Mode = Literal["inclusive", "exclusive"]
_MODES: frozenset[str] = frozenset(get_args(Mode))


class CalendarYearMissing(Exception):
    """Raised when a date falls in a year whose holiday arrangement nobody has entered.

    The message is shown to office staff as is, so it is plain Chinese and says how to fix it.
    """

    def __init__(self, year: int) -> None:
        # Pass ``year`` as the only arg so the exception pickles and compares by args.
        super().__init__(year)
        self.year = year

    def __str__(self) -> str:
        return (
            f"{self.year} 年的法定节假日安排尚未录入：请在“节假日调整”中录入国务院办公厅公布的 "
            f"{self.year} 年放假安排并标记该年已完整录入。"
        )


@dataclass(frozen=True)
class Override:
    """One office-entered day: a correction to the library, or part of a year the library lacks."""

    date: datetime.date
    is_workday: bool
    note: str = ""

    def __post_init__(self) -> None:
        _check_date(self.date, "Override.date")
        if not isinstance(self.is_workday, bool):
            raise TypeError(f"Override.is_workday must be a bool, got {type(self.is_workday).__name__}")


def _check_date(value: object, what: str) -> None:
    """Reject datetimes: silently dropping the time (and timezone) could shift a deadline by a day."""
    if isinstance(value, datetime.datetime) or not isinstance(value, date):
        raise TypeError(
            f"{what} must be a datetime.date (not {type(value).__name__}); "
            "convert aware datetimes with django.utils.timezone.localdate() first"
        )


def _check_mode(mode: str) -> None:
    if mode not in _MODES:
        raise ValueError(f"mode must be 'inclusive' or 'exclusive', got {mode!r}")


def _days_of_year(year: int) -> list[date]:
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    return [date.fromordinal(o) for o in range(first, last + 1)]


@cache
def _library_year(year: int) -> tuple[bool, ...] | None:
    """Per-day workday flags from chinese_calendar, or None if the library has no data for ``year``.

    Cached process-wide: the library data is immutable, and a Django app builds a fresh
    ``WorkCalendar`` (with the office's overrides) for every request.
    """
    if not date.min.year <= year <= date.max.year:
        return None
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return None
    return tuple(bool(chinese_calendar.is_workday(d)) for d in _days_of_year(year))


class _YearTable:
    """Sorted ordinals of one year's workdays, so lookups and counts are a bisect away."""

    __slots__ = ("flags", "jan1", "ordinals")

    def __init__(self, year: int, flags: list[bool]) -> None:
        self.jan1 = date(year, 1, 1).toordinal()
        self.flags = flags
        self.ordinals = [self.jan1 + i for i, is_work in enumerate(flags) if is_work]


class WorkCalendar:
    """Answers "is this a working day" and deadline questions for one office's overrides.

    Precedence for a day: an override for that date; else the library's data if it covers the
    year; else, if the office declared the year fully entered (``covered_years``), Mon–Fri are
    working days; else ``CalendarYearMissing``. Overrides in a year neither source covers are
    never used on their own: a half-entered year must not produce a deadline.
    """

    def __init__(self, overrides: Iterable[Override] = (), covered_years: Iterable[int] = ()) -> None:
        by_date: dict[date, Override] = {}
        for override in overrides:
            if not isinstance(override, Override):
                raise TypeError(f"overrides must be Override instances, got {type(override).__name__}")
            previous = by_date.get(override.date)
            if previous is not None and previous.is_workday != override.is_workday:
                raise ValueError(f"conflicting overrides for {override.date.isoformat()}")
            by_date[override.date] = override
        self._overrides = by_date
        self._overrides_by_year: dict[int, list[Override]] = {}
        for override in by_date.values():
            self._overrides_by_year.setdefault(override.date.year, []).append(override)
        self._covered_years = frozenset(int(y) for y in covered_years)
        self._tables: dict[int, _YearTable] = {}

    def __repr__(self) -> str:
        years = sorted(self._covered_years)
        return f"WorkCalendar(overrides={len(self._overrides)}, covered_years={years})"

    def covers(self, year: int) -> bool:
        """True if dates in ``year`` can be answered (library data or office-declared year)."""
        return year in self._covered_years or _library_year(year) is not None

    def is_workday(self, d: date) -> bool:
        """True if ``d`` is an official working day (调休 make-up weekend days included)."""
        _check_date(d, "d")
        table = self._table(d.year)
        return table.flags[d.toordinal() - table.jan1]

    def add_workdays(self, start: date, n: int, mode: Mode = "inclusive") -> date:
        """Date of the ``n``-th working day counted from ``start``.

        ``inclusive`` (公示 convention): ``start`` is day 1 if it is a working day.
        ``exclusive`` (民法典 第二百零一条/第二百零三条): the first day is not counted, and a
        period ending on a rest day ends on the next working day — i.e. the n-th working
        day strictly after ``start``.
        """
        _check_date(start, "start")
        _check_mode(mode)
        _check_n(n)
        pos = start.toordinal() + (1 if mode == "exclusive" else 0)
        if pos > date.max.toordinal():
            raise OverflowError("no working days after date.max")
        year = date.fromordinal(pos).year
        remaining = n
        # Each pass consumes one year and every year is finite, so this ends either with a
        # result or with CalendarYearMissing / OverflowError (even for all-rest-day years).
        while True:
            ordinals = self._table(year).ordinals
            i = bisect_left(ordinals, pos)
            available = len(ordinals) - i
            if remaining <= available:
                return date.fromordinal(ordinals[i + remaining - 1])
            remaining -= available
            year += 1
            if year > date.max.year:
                raise OverflowError("deadline falls after date.max")
            pos = date(year, 1, 1).toordinal()

    def workdays_between(self, start: date, end: date, mode: Mode = "inclusive") -> int:
        """Working days in [start, end] (inclusive) or (start, end] (exclusive); 0 if empty.

        The inverse of ``add_workdays``: for n ≥ 1,
        ``workdays_between(s, add_workdays(s, n, m), m) == n``.
        """
        _check_date(start, "start")
        _check_date(end, "end")
        _check_mode(mode)
        lo = start.toordinal() + (1 if mode == "exclusive" else 0)
        hi = end.toordinal()
        if lo > hi:
            return 0
        total = 0
        for year in range(date.fromordinal(lo).year, end.year + 1):
            ordinals = self._table(year).ordinals
            total += bisect_right(ordinals, hi) - bisect_left(ordinals, lo)
        return total

    def workdays_remaining(self, today: date, end: date) -> int:
        """Working days left for a countdown, counting both ``today`` and ``end``; 0 once past."""
        return self.workdays_between(today, end, "inclusive")

    def _table(self, year: int) -> _YearTable:
        """Build (once per instance) the merged workday table for ``year``."""
        table = self._tables.get(year)
        if table is not None:
            return table
        library = _library_year(year)
        if library is not None:
            flags = list(library)
        elif year in self._covered_years:
            flags = [d.weekday() < 5 for d in _days_of_year(year)]
        else:
            raise CalendarYearMissing(year)
        jan1 = date(year, 1, 1).toordinal()
        for override in self._overrides_by_year.get(year, ()):
            flags[override.date.toordinal() - jan1] = override.is_workday
        table = _YearTable(year, flags)
        self._tables[year] = table
        return table


def _check_n(n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an int, got {type(n).__name__}")
    if n < 1:
        raise ValueError(
            f"n must be at least 1 (got {n}): a period of {n} working days has no last day; "
            "use is_workday() to test a single date"
        )
