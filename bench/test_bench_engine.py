"""Benchmarks of the pure cores (figures only; run with `make bench`, never asserted on time)."""

import datetime as dt

from qaward.rulebooks import registry
from qaward.rulebooks.engine import Candidate, allocate, check_eligibility
from qaward.rulebooks.loader import BOOKS_DIR, parse_rulebook
from qaward.workdays import WorkCalendar

FACTS = {
    "registered_in_jurisdiction": True,
    "legal_person": True,
    "years_operating": 7,
    "major_incident_dates": ["2019-05-01", "2015-01-02"],
}


def test_parse_and_validate_one_rulebook(benchmark):
    text = (BOOKS_DIR / "jilin-2023.yaml").read_text(encoding="utf-8")
    benchmark(parse_rulebook, text, "jilin-2023.yaml")


def test_eligibility_check_one_organisation(benchmark):
    book = registry.get("jilin-2023")
    benchmark(check_eligibility, book, "organization", FACTS, dt.date(2026, 3, 1))


def test_allocate_1000_ranked_candidates(benchmark):
    book = registry.get("jian-2023")
    cands = [
        Candidate(f"c{i}", ("organization", "individual")[i % 2], ("award", "nominee")[i % 3 == 0])
        for i in range(1000)
    ]
    benchmark(allocate, book, cands)


def test_add_250_workdays_fresh_calendar(benchmark):
    def run():
        return WorkCalendar().add_workdays(dt.date(2025, 1, 2), 250, "inclusive")

    benchmark(run)
