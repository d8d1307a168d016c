"""Concrete cases checked by hand against the 2026 arrangement (国办发明电〔2025〕7号).

2026: 元旦 1/1–1/3 (work Sun 1/4); 春节 2/15–2/23 (work Sat 2/14, Sat 2/28); 清明 4/4–4/6;
劳动节 5/1–5/5 (work Sat 5/9); 端午 6/19–6/21; 中秋 9/25–9/27; 国庆 10/1–10/7 (work Sun 9/20, Sat 10/10).
"""

from __future__ import annotations

import datetime
import pickle
from datetime import date

import pytest

import qaward.workdays as wd
import qaward.workdays.calendar as calmod
from qaward.workdays import (
    CalendarYearMissing,
    Override,
    WorkCalendar,
    add_workdays,
    is_workday,
    workdays_between,
    workdays_remaining,
)

pytestmark = pytest.mark.unit

D = date.fromisoformat


@pytest.mark.parametrize(
    "day",
    ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10", "2026-10-08"],
)
def test_2026_make_up_days_and_returns_are_workdays(day: str) -> None:
    assert is_workday(D(day)) is True


@pytest.mark.parametrize(
    "day",
    [
        "2026-01-01",
        "2026-01-02",
        "2026-02-16",
        "2026-02-20",
        "2026-02-23",
        "2026-04-06",
        "2026-05-04",
        "2026-05-05",
        "2026-06-19",
        "2026-09-25",
        "2026-10-01",
        "2026-10-07",
        "2026-10-11",
    ],
)
def test_2026_holidays_and_plain_weekends_are_rest_days(day: str) -> None:
    assert is_workday(D(day)) is False


def test_2026_has_248_workdays() -> None:
    # 261 weekdays − 19 holiday weekdays + 6 make-up weekend days.
    assert workdays_between(D("2026-01-01"), D("2026-12-31")) == 248


def test_plain_week_inclusive_vs_exclusive() -> None:
    assert add_workdays(D("2026-03-02"), 5, "inclusive") == D("2026-03-06")
    assert add_workdays(D("2026-03-02"), 5, "exclusive") == D("2026-03-09")
    assert add_workdays(D("2026-03-02"), 5) == D("2026-03-06")  # inclusive is the default


def test_national_day_counts_make_up_saturday() -> None:
    # 9/30, 10/8, 10/9, 10/10 (make-up Sat), 10/12.
    assert add_workdays(D("2026-09-30"), 5, "inclusive") == D("2026-10-12")
    # 10/8, 10/9, 10/10, 10/12, 10/13.
    assert add_workdays(D("2026-09-30"), 5, "exclusive") == D("2026-10-13")
    # Make-up Sunday 9/20 before the holiday: 9/19 Sat rest, 9/20, 9/21, 9/22.
    assert add_workdays(D("2026-09-19"), 3, "inclusive") == D("2026-09-22")


def test_period_ending_in_holiday_moves_to_next_workday() -> None:
    # 民法典 第二百零三条: 9/29, 9/30, then 10/1–10/7 are rest days, so day 3 is 10/8.
    assert add_workdays(D("2026-09-28"), 3, "exclusive") == D("2026-10-08")


def test_spring_festival() -> None:
    # 2/13 Fri, 2/14 make-up Sat, then 2/15–2/23 off, 2/24 Tue.
    assert add_workdays(D("2026-02-13"), 3, "inclusive") == D("2026-02-24")
    assert add_workdays(D("2026-02-13"), 1, "exclusive") == D("2026-02-14")
    assert add_workdays(D("2026-02-13"), 2, "exclusive") == D("2026-02-24")
    # A five-working-day 公示 opened after the holiday ends on make-up Saturday 2/28.
    assert add_workdays(D("2026-02-24"), 5, "inclusive") == D("2026-02-28")


def test_start_on_rest_day() -> None:
    assert add_workdays(D("2026-10-01"), 1, "inclusive") == D("2026-10-08")
    assert add_workdays(D("2026-10-03"), 1, "exclusive") == D("2026-10-08")
    assert add_workdays(D("2026-03-07"), 1, "inclusive") == D("2026-03-09")  # plain Saturday
    assert add_workdays(D("2026-03-07"), 5, "inclusive") == D("2026-03-13")


def test_workdays_between_and_remaining() -> None:
    assert workdays_between(D("2026-09-30"), D("2026-10-12"), "inclusive") == 5
    assert workdays_between(D("2026-09-30"), D("2026-10-12"), "exclusive") == 4
    assert workdays_between(D("2026-10-12"), D("2026-09-30")) == 0
    assert workdays_between(D("2026-10-12"), D("2026-10-12"), "exclusive") == 0
    assert workdays_remaining(D("2026-09-28"), D("2026-10-09")) == 5
    assert workdays_remaining(D("2026-10-09"), D("2026-10-09")) == 1
    assert workdays_remaining(D("2026-10-03"), D("2026-10-03")) == 0
    assert workdays_remaining(D("2026-10-10"), D("2026-10-09")) == 0


def test_long_deadline_spanning_years() -> None:
    # 2004 (first library year) through 2005: cross-checked against a day-by-day count.
    result = add_workdays(D("2004-01-01"), 300)
    assert result.year == 2005
    assert workdays_between(D("2004-01-01"), result) == 300
    assert is_workday(result)


def test_2027_missing_until_entered() -> None:
    with pytest.raises(CalendarYearMissing) as err:
        is_workday(D("2027-01-04"))
    assert err.value.year == 2027
    assert str(err.value) == (
        "2027 年的法定节假日安排尚未录入：请在“节假日调整”中录入国务院办公厅公布的 "
        "2027 年放假安排并标记该年已完整录入。"
    )
    # 12/30 and 12/31 are the last two 2026 workdays; the third needs 2027.
    assert add_workdays(D("2026-12-30"), 2) == D("2026-12-31")
    with pytest.raises(CalendarYearMissing, match="2027 年"):
        add_workdays(D("2026-12-30"), 3)
    with pytest.raises(CalendarYearMissing):
        workdays_remaining(D("2026-12-01"), D("2027-01-10"))

    # Overrides alone are a half-entered year: still refused.
    partial = WorkCalendar(overrides=[Override(D("2027-01-01"), False, "元旦")])
    assert not partial.covers(2027)
    with pytest.raises(CalendarYearMissing):
        partial.add_workdays(D("2026-12-30"), 3)

    # Hypothetical 2027 entries (the real arrangement is not published yet).
    entered = WorkCalendar(overrides=[Override(D("2027-01-01"), False, "元旦")], covered_years={2027})
    assert entered.covers(2027) and entered.covers(2026) and not entered.covers(2028)
    assert entered.is_workday(D("2027-01-01")) is False
    assert entered.is_workday(D("2027-01-04")) is True  # weekday rule
    assert entered.is_workday(D("2027-01-09")) is False  # plain Saturday
    assert entered.add_workdays(D("2026-12-30"), 3) == D("2027-01-04")
    assert entered.workdays_between(D("2026-12-30"), D("2027-01-08")) == 7


def test_override_corrects_single_2026_day() -> None:
    cal = WorkCalendar(overrides=[Override(D("2026-10-09"), False, "hypothetical correction")])
    assert cal.is_workday(D("2026-10-09")) is False
    assert cal.is_workday(D("2026-10-08")) is True
    # 9/30, 10/8, 10/10, 10/12, 10/13.
    assert cal.add_workdays(D("2026-09-30"), 5) == D("2026-10-13")
    assert add_workdays(D("2026-09-30"), 5) == D("2026-10-12")  # default calendar unaffected

    extra = WorkCalendar(overrides=[Override(D("2026-10-11"), True)])
    assert extra.add_workdays(D("2026-09-30"), 5) == D("2026-10-11")


def test_declaring_library_year_covered_keeps_library_data() -> None:
    cal = WorkCalendar(covered_years={2026})
    assert cal.is_workday(D("2026-10-01")) is False
    assert cal.is_workday(D("2026-10-10")) is True


def test_all_rest_year_terminates_with_missing_year() -> None:
    all_rest = [
        Override(date.fromordinal(o), False)
        for o in range(D("2027-01-01").toordinal(), D("2027-12-31").toordinal() + 1)
    ]
    cal = WorkCalendar(overrides=all_rest, covered_years={2027})
    assert cal.workdays_between(D("2027-01-01"), D("2027-12-31")) == 0
    with pytest.raises(CalendarYearMissing) as err:
        cal.add_workdays(D("2026-12-31"), 2)
    assert err.value.year == 2028


def test_year_before_library_is_missing() -> None:
    with pytest.raises(CalendarYearMissing) as err:
        add_workdays(D("2003-12-30"), 1)
    assert err.value.year == 2003
    assert not WorkCalendar().covers(2003)
    assert WorkCalendar().covers(2004)


@pytest.mark.parametrize("n", [0, -1, -30])
def test_n_must_be_positive(n: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        add_workdays(D("2026-03-02"), n)


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        add_workdays(D("2026-03-02"), True)
    with pytest.raises(TypeError):
        add_workdays(D("2026-03-02"), 2.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="mode"):
        add_workdays(D("2026-03-02"), 1, "calendar")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="mode"):
        workdays_between(D("2026-03-02"), D("2026-03-09"), "both")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="localdate"):
        is_workday(datetime.datetime(2026, 3, 2, 23, 30))
    with pytest.raises(TypeError):
        Override(datetime.datetime(2026, 3, 2), True)
    with pytest.raises(TypeError):
        Override(D("2026-03-02"), 1)  # type: ignore[arg-type]


def test_conflicting_overrides_rejected_duplicates_allowed() -> None:
    with pytest.raises(ValueError, match="2026-10-09"):
        WorkCalendar(overrides=[Override(D("2026-10-09"), False), Override(D("2026-10-09"), True)])
    cal = WorkCalendar(overrides=[Override(D("2026-10-09"), False), Override(D("2026-10-09"), False, "x")])
    assert cal.is_workday(D("2026-10-09")) is False


def test_exception_pickles() -> None:
    err = pickle.loads(pickle.dumps(CalendarYearMissing(2027)))
    assert err.year == 2027
    assert "2027" in str(err)


def test_library_is_queried_once_per_day(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[date] = []
    real = calmod.chinese_calendar.is_workday

    def counting(d: date) -> bool:
        calls.append(d)
        return real(d)

    calmod._library_year.cache_clear()
    monkeypatch.setattr(calmod.chinese_calendar, "is_workday", counting)
    try:
        cal = WorkCalendar()
        for offset in range(200):
            start = D("2025-01-01") + datetime.timedelta(days=offset)
            cal.add_workdays(start, 40)
            cal.workdays_between(start, D("2025-12-31"))
            cal.is_workday(start)
    finally:
        calmod._library_year.cache_clear()
    # One probe plus one call per day of 2025, nothing per query.
    assert len(calls) == 1 + 365


def test_module_functions_use_default_calendar() -> None:
    assert wd.default_calendar().is_workday(D("2026-10-10")) is True
    assert sorted(wd.__all__) == wd.__all__
