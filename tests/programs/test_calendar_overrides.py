"""Office-entered holiday data reaches the working-day calculator."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from qaward.programs.calendar import current_work_calendar
from qaward.programs.models import CalendarOverride, CalendarYear
from qaward.workdays import CalendarYearMissing, default_calendar

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SATURDAY = date(2026, 3, 7)  # a rest day in the library data
WEDNESDAY = date(2026, 3, 11)  # a working day in the library data


def test_without_overrides_it_matches_the_library():
    calendar = current_work_calendar()
    assert calendar.is_workday(WEDNESDAY) is True
    assert calendar.is_workday(SATURDAY) is False


def test_overrides_from_the_database_win():
    assert default_calendar().is_workday(SATURDAY) is False
    CalendarOverride.objects.create(date=SATURDAY, is_workday=True, note="调休上班")
    CalendarOverride.objects.create(date=WEDNESDAY, is_workday=False, note="临时放假")

    calendar = current_work_calendar()
    assert calendar.is_workday(SATURDAY) is True
    assert calendar.is_workday(WEDNESDAY) is False


def test_a_year_counts_only_once_marked_complete():
    CalendarOverride.objects.create(date=date(2027, 1, 1), is_workday=False, note="元旦")
    with pytest.raises(CalendarYearMissing):
        current_work_calendar().is_workday(date(2027, 1, 4))

    year = CalendarYear.objects.create(year=2027, complete=False, source="")
    with pytest.raises(CalendarYearMissing):
        current_work_calendar().is_workday(date(2027, 1, 4))

    year.complete = True
    year.source = "国办发明电〔2026〕N号"
    year.save()
    calendar = current_work_calendar()
    assert calendar.covers(2027)
    assert calendar.is_workday(date(2027, 1, 4)) is True  # Monday
    assert calendar.is_workday(date(2027, 1, 1)) is False  # the override


def test_complete_year_needs_its_source():
    year = CalendarYear(year=2027, complete=True, source=" ")
    with pytest.raises(ValidationError) as exc:
        year.full_clean()
    assert exc.value.message_dict == {"source": ["标记为已完整录入前，请填写放假安排所依据的通知文号。"]}


def test_one_override_per_date():
    CalendarOverride.objects.create(date=SATURDAY, is_workday=True, note="调休上班")
    with pytest.raises(IntegrityError), transaction.atomic():
        CalendarOverride.objects.create(date=SATURDAY, is_workday=False, note="重复")


def test_override_needs_a_note():
    with pytest.raises(ValidationError) as exc:
        CalendarOverride(date=SATURDAY, is_workday=True, note="").full_clean()
    assert list(exc.value.message_dict) == ["note"]


def test_cli_workdays_uses_the_office_calendar(capsys):
    from qaward.__main__ import main

    assert main(["workdays", "add", "2027-02-08", "5"]) == 2
    assert "2027" in capsys.readouterr().err
    # the office enters 2027: 春节 rest days 2/10–2/12 (illustrative) and marks the year complete
    CalendarYear.objects.create(year=2027, complete=True, source="测试用安排")
    for day in (10, 11, 12):
        CalendarOverride.objects.create(date=date(2027, 2, day), is_workday=False, note="春节")
    assert main(["workdays", "add", "2027-02-08", "5"]) == 0
    # Mon 2/8, Tue 2/9, (2/10–2/12 rest), Mon 2/15, Tue 2/16, Wed 2/17 → the fifth is 2/17
    assert capsys.readouterr().out.strip() == "2027-02-17"
