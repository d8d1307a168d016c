"""The demo shows every vetting state in each demo program, and loading it twice changes nothing.
Its letters are recorded in the demo's transactions and rendered only once those commit: inside
a test's transaction (the ``demo`` fixture) no PDF is rendered, a real commit renders them all."""

from __future__ import annotations

import pytest

from qaward.applications.enums import ApplicationState as S
from qaward.applications.models import Application
from qaward.documents.models import StoredFile
from qaward.objections.models import ObjectionLetter
from qaward.programs.models import AwardProgram
from qaward.publicity.models import PublicityWindow
from qaward.rulebooks import registry
from qaward.vetting.domain.letters import render_letter
from qaward.vetting.models import IssuedLetter

pytestmark = pytest.mark.django_db


def test_each_demo_program_shows_the_vetting_states(demo, load_demo):
    for program in AwardProgram.objects.all():
        states = set(Application.objects.filter(cycle__program=program).values_list("state", flat=True))
        assert {S.SUBMITTED, S.FORMAL_REVIEW, S.ACCEPTED, S.NOT_RECOMMENDED, S.NOT_ACCEPTED} <= states, (
            program
        )
        letter = IssuedLetter.objects.get(application__cycle__program=program)
        assert letter.file is None and letter.template and letter.doc_no.endswith("1号")
        book = registry.get(program.rulebook_id)
        acceptance = book.intake.formal_review.acceptance_window
        if acceptance:
            window = PublicityWindow.objects.get(program=program, rule_window_id=acceptance)
            assert window.entries.count() >= 2
    assert "nothing changed" in load_demo()


def test_the_demo_renders_no_pdf_inside_a_test_transaction(demo):
    assert IssuedLetter.objects.count() == 5 and ObjectionLetter.objects.exists()
    assert not StoredFile.objects.filter(slot="official_letter").exists()
    # …and a letter is there all the same when somebody opens it.
    letter = IssuedLetter.objects.order_by("pk").first()
    assert render_letter(letter).size > 1000


@pytest.mark.django_db(transaction=True)
def test_a_committed_demo_load_renders_every_letter(load_demo):
    load_demo()
    letters = [*IssuedLetter.objects.all(), *ObjectionLetter.objects.all()]
    assert len(letters) >= 10 and all(letter.file_id for letter in letters)
    assert StoredFile.objects.filter(slot="official_letter").count() == len(letters)
