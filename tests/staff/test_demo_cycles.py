"""The demo must not contradict the regulations it shows: cycle years follow each cycle rule."""

import pytest

from qaward.rulebooks import registry
from qaward.rulebooks.engine import may_open_cycle
from qaward.staff.demo_programs import DEMO_PROGRAMS

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("demo", DEMO_PROGRAMS, ids=[d.slug for d in DEMO_PROGRAMS])
def test_demo_cycle_years_follow_the_rulebook(demo):
    book = registry.get(demo.rulebook_id)
    years = [c.year for c in sorted(demo.cycles, key=lambda c: c.number)]
    for i, year in enumerate(years):
        verdict = may_open_cycle(book, year, years[:i])
        assert verdict.outcome == "pass", verdict.message
