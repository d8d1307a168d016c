"""Property tests: the fast bisect-based calendar against its own laws and a brute-force count."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qaward.workdays import CalendarYearMissing, Mode, Override, WorkCalendar, add_workdays

pytestmark = pytest.mark.unit

ONE_DAY = timedelta(days=1)
modes: st.SearchStrategy[Mode] = st.sampled_from(["inclusive", "exclusive"])

# The library-only calendar: starts end early enough that n ≤ 100 stays inside 2026.
_DEFAULT = WorkCalendar()
_default_case = st.tuples(
    st.just(_DEFAULT),
    st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 6, 30)),
)


@st.composite
def _office_case(draw: st.DrawFn) -> tuple[WorkCalendar, date]:
    """A calendar with random corrections and office-entered 2027–2028, plus a start date."""
    overrides = draw(
        st.lists(
            st.builds(
                Override,
                st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
                st.booleans(),
            ),
            max_size=40,
            unique_by=lambda o: o.date,
        )
    )
    cal = WorkCalendar(overrides=overrides, covered_years={2027, 2028})
    start = draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)))
    return cal, start


cases = st.one_of(_default_case, _office_case())
counts = st.integers(min_value=1, max_value=100)


@settings(max_examples=200, deadline=None)
@given(case=cases, n=counts, mode=modes)
def test_result_is_a_workday(case: tuple[WorkCalendar, date], n: int, mode: Mode) -> None:
    cal, start = case
    assert cal.is_workday(cal.add_workdays(start, n, mode))


@settings(max_examples=200, deadline=None)
@given(case=cases, n=counts)
def test_result_not_before_start(case: tuple[WorkCalendar, date], n: int) -> None:
    cal, start = case
    assert cal.add_workdays(start, n, "inclusive") >= start
    assert cal.add_workdays(start, n, "exclusive") > start


@settings(max_examples=200, deadline=None)
@given(case=cases, n=st.integers(min_value=1, max_value=99), mode=modes)
def test_monotonic_in_n(case: tuple[WorkCalendar, date], n: int, mode: Mode) -> None:
    cal, start = case
    assert cal.add_workdays(start, n, mode) < cal.add_workdays(start, n + 1, mode)


@settings(max_examples=200, deadline=None)
@given(case=cases, n=counts, mode=modes)
def test_between_inverts_add(case: tuple[WorkCalendar, date], n: int, mode: Mode) -> None:
    cal, start = case
    end = cal.add_workdays(start, n, mode)
    assert cal.workdays_between(start, end, mode) == n
    # One day earlier there is one working day fewer: ``end`` is the first date reaching n.
    assert cal.workdays_between(start, end - ONE_DAY, mode) == n - 1
    if mode == "inclusive":
        assert cal.workdays_remaining(start, end) == n


@settings(max_examples=200, deadline=None)
@given(case=cases, n=counts)
def test_exclusive_is_inclusive_from_next_day(case: tuple[WorkCalendar, date], n: int) -> None:
    cal, start = case
    assert cal.add_workdays(start, n, "exclusive") == cal.add_workdays(start + ONE_DAY, n, "inclusive")


def _reference_add(start: date, n: int, mode: Mode) -> date:
    """Day-by-day count straight on chinese_calendar (raises NotImplementedError past 2026)."""
    day = start if mode == "inclusive" else start + ONE_DAY
    seen = 0
    while True:
        if chinese_calendar.is_workday(day):
            seen += 1
            if seen == n:
                return day
        day += ONE_DAY


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 11, 30)),
    n=st.integers(min_value=1, max_value=40),
    mode=modes,
)
def test_agrees_with_brute_force(start: date, n: int, mode: Mode) -> None:
    try:
        expected = _reference_add(start, n, mode)
    except NotImplementedError:
        # The count runs past the library's last year: we must refuse, naming 2027.
        with pytest.raises(CalendarYearMissing) as err:
            add_workdays(start, n, mode)
        assert err.value.year == 2027
    else:
        assert add_workdays(start, n, mode) == expected
