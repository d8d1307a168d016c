"""The demo shows every vetting state in each demo program, and loading it twice changes nothing."""

from __future__ import annotations

import pytest

from qaward.applications.enums import ApplicationState as S
from qaward.applications.models import Application
from qaward.programs.models import AwardProgram
from qaward.publicity.models import PublicityWindow
from qaward.rulebooks import registry
from qaward.vetting.models import IssuedLetter

pytestmark = pytest.mark.django_db


def test_each_demo_program_shows_the_vetting_states(demo, load_demo):
    for program in AwardProgram.objects.all():
        states = set(Application.objects.filter(cycle__program=program).values_list("state", flat=True))
        assert {S.SUBMITTED, S.FORMAL_REVIEW, S.ACCEPTED, S.NOT_RECOMMENDED, S.NOT_ACCEPTED} <= states, (
            program
        )
        letter = IssuedLetter.objects.get(application__cycle__program=program)
        assert letter.file.size > 1000 and letter.doc_no.endswith("1号")
        book = registry.get(program.rulebook_id)
        acceptance = book.intake.formal_review.acceptance_window
        if acceptance:
            window = PublicityWindow.objects.get(program=program, rule_window_id=acceptance)
            assert window.entries.count() >= 2
    assert "nothing changed" in load_demo()
