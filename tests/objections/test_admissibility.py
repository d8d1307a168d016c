"""Admissibility by rule, for every shipped rulebook (pure: no database)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qaward.objections.admissibility import (
    IDENTITY_ITEMS,
    OFFICE_TZ,
    Filing,
    admissibility_due,
    check_admissibility,
    covers_window,
    identity_items,
    verification_due,
)
from qaward.rulebooks import registry
from qaward.workdays import Override, WorkCalendar

pytestmark = pytest.mark.unit

BOOKS = registry.list_ids()
ENDS = dt.date(2026, 4, 17)  # a Friday
CLOSES = dt.datetime(2026, 4, 18, 0, 0, tzinfo=OFFICE_TZ)


def _full(kind: str, book) -> frozenset[str]:
    return frozenset(f for _, f in identity_items(book, kind)) | {
        "name" if kind == "individual" else "unit_name"
    }


def _window(book) -> str:
    """A window the book takes objections on."""
    return next(w.id for w in book.publicity if covers_window(book, w.id))


def _filing(book, **changes) -> Filing:
    base = dict(
        rule_window_id=_window(book),
        window_ends_on=ENDS,
        received_on=ENDS,
        objector_kind="individual",
        provided=_full("individual", book),
        evidence_count=1,
        received_at=CLOSES - dt.timedelta(hours=1),
        window_closes_at=CLOSES,
    )
    base.update(changes)
    return Filing(**base)


def _rules(result) -> list[str]:
    return [r.verdict.rule_id for r in result.refusals]


@pytest.mark.parametrize("book_id", BOOKS)
def test_every_identity_item_of_every_rulebook_is_a_form_field(book_id):
    book = registry.get(book_id)
    for label in book.objections.identity_individual + book.objections.identity_unit:
        assert label in IDENTITY_ITEMS, f"{book_id}: the objection form has no field for “{label}”"


@pytest.mark.parametrize("book_id", BOOKS)
@pytest.mark.parametrize("kind", ["individual", "unit"])
def test_a_complete_timely_objection_is_admissible_by_rule(book_id, kind):
    book = registry.get(book_id)
    result = check_admissibility(book, _filing(book, objector_kind=kind, provided=_full(kind, book)))
    assert result.admissible, [r.verdict.message for r in result.refusals]


@pytest.mark.parametrize("book_id", BOOKS)
def test_one_minute_late(book_id):
    book = registry.get(book_id)
    result = check_admissibility(book, _filing(book, received_at=CLOSES + dt.timedelta(minutes=1)))
    if book.objections.late_refused is None:
        assert result.admissible  # 长春, 晋中: the regulation sets no objection period
    else:
        assert _rules(result) == ["objections.late_refused"]
        message = result.refusals[0].verdict.message
        assert "2026-04-18 00:01" in message and "2026-04-18 00:00" in message
        assert book.cite(book.objections.late_refused.cite) in message


def test_jilin_late_objection_cites_article_37_1():
    book = registry.get("jilin-2023")
    result = check_admissibility(book, _filing(book, received_at=CLOSES + dt.timedelta(minutes=1)))
    assert result.refusals[0].verdict.message.endswith("（吉政办规〔2023〕3号 第三十七条(一)）")
    # One minute before the end is in time.
    assert check_admissibility(book, _filing(book, received_at=CLOSES - dt.timedelta(minutes=1))).admissible


@pytest.mark.parametrize("book_id", BOOKS)
def test_paper_objection_is_judged_on_its_receipt_date(book_id):
    book = registry.get(book_id)
    on_time = _filing(book, received_at=None, window_closes_at=None, received_on=ENDS)
    late = _filing(book, received_at=None, window_closes_at=None, received_on=ENDS + dt.timedelta(days=1))
    assert check_admissibility(book, on_time).admissible
    assert _rules(check_admissibility(book, late)) == (
        ["objections.late_refused"] if book.objections.late_refused else []
    )


@pytest.mark.parametrize("book_id", BOOKS)
def test_anonymous(book_id):
    book = registry.get(book_id)
    result = check_admissibility(book, _filing(book, objector_kind="anonymous", provided=frozenset()))
    expected = ["objections.anonymous_refused"] if book.objections.anonymous_refused else []
    assert _rules(result) == expected


@pytest.mark.parametrize("book_id", BOOKS)
@pytest.mark.parametrize("kind", ["individual", "unit"])
def test_each_missing_identity_item_is_refused_with_its_article(book_id, kind):
    book = registry.get(book_id)
    items = identity_items(book, kind)
    if book.objections.real_name_required is None:
        assert items == () or book.objections.anonymous_refused is not None
        return
    name_field = "name" if kind == "individual" else "unit_name"
    for label, field in items:
        if field == name_field:
            continue  # without a name the objection is anonymous (tested above)
        result = check_admissibility(
            book, _filing(book, objector_kind=kind, provided=_full(kind, book) - {field})
        )
        assert _rules(result) == ["objections.real_name_required"], (label, field)
        assert result.refusals[0].field == field
        assert label in result.refusals[0].verdict.message
        assert book.cite(book.objections.real_name_required.cite) in result.refusals[0].verdict.message


def test_jilin_individual_items_are_the_articles_list():
    book = registry.get("jilin-2023")
    assert [f for _, f in identity_items(book, "individual")] == [
        "name",
        "id_number",
        "phone",
        "address",
        "id_proof",
    ]
    assert [f for _, f in identity_items(book, "unit")] == ["unit_name", "address", "phone", "sealed_letter"]


def test_tacheng_unit_must_still_name_itself():
    book = registry.get("tacheng-2023")
    assert "unit_name" in [f for _, f in identity_items(book, "unit")]


@pytest.mark.parametrize("book_id", BOOKS)
def test_no_evidence(book_id):
    book = registry.get(book_id)
    result = check_admissibility(book, _filing(book, evidence_count=0))
    expected = ["objections.evidence_required"] if book.objections.evidence_required else []
    assert _rules(result) == expected
    if expected:
        assert result.refusals[0].field == "evidence"


@pytest.mark.parametrize("book_id", ["tacheng-2023", "jian-2023"])
def test_windows_the_office_does_not_take_objections_on(book_id):
    book = registry.get(book_id)
    result = check_admissibility(book, _filing(book, rule_window_id="recommender"))
    assert _rules(result) == ["objections.window"]
    assert "推荐单位公示" in result.refusals[0].verdict.message or "审核单位社会公示" in (
        result.refusals[0].verdict.message
    )


def test_several_failures_are_all_reported():
    book = registry.get("jilin-2023")
    result = check_admissibility(
        book,
        _filing(
            book, received_at=CLOSES + dt.timedelta(days=1), evidence_count=0, provided=frozenset({"name"})
        ),
    )
    rules = _rules(result)
    assert rules[0] == "objections.late_refused" and rules[-1] == "objections.evidence_required"
    assert rules.count("objections.real_name_required") == 4


# --- deadlines ---------------------------------------------------------------------------------


def test_tacheng_admissibility_review_is_five_working_days_not_counting_the_day_of_receipt():
    book = registry.get("tacheng-2023")
    calendar = WorkCalendar()
    # Received Monday 2026-04-13: Tue..Mon → Monday 2026-04-20.
    assert admissibility_due(book, dt.date(2026, 4, 13), calendar) == dt.date(2026, 4, 20)


def test_admissibility_deadline_across_the_national_day_holiday():
    book = registry.get("tacheng-2023")
    calendar = WorkCalendar()
    # Received Tuesday 2025-09-30. 2025 National Day + Mid-Autumn: 1–8 October off, Saturday
    # 11 October a make-up working day. Working days after receipt: 9, 10, 11 (Sat), 13, 14.
    assert admissibility_due(book, dt.date(2025, 9, 30), calendar) == dt.date(2025, 10, 14)


def test_office_overrides_move_the_deadline():
    book = registry.get("tacheng-2023")
    closed = WorkCalendar(overrides=[Override(date=dt.date(2026, 4, 14), is_workday=False, note="停电")])
    assert admissibility_due(book, dt.date(2026, 4, 13), closed) == dt.date(2026, 4, 21)


def test_jilin_verification_deadline_defaults_to_the_rulebook_and_can_be_set():
    book = registry.get("jilin-2023")
    calendar = WorkCalendar()
    assert verification_due(book, dt.date(2026, 4, 13), calendar) == dt.date(2026, 4, 27)
    assert verification_due(book, dt.date(2026, 4, 13), calendar, workdays=3) == dt.date(2026, 4, 16)


@given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 20)))
def test_the_due_date_is_a_working_day_after_receipt(received_on):
    book = registry.get("tacheng-2023")
    calendar = WorkCalendar()
    due = admissibility_due(book, received_on, calendar)
    assert due > received_on and calendar.is_workday(due)
    assert calendar.workdays_between(received_on, due, "exclusive") == 5
