"""Every rubric a rulebook track names exists, and GB/T 19580's items add up to 1000 points."""

import pytest

from qaward.rulebooks import registry
from qaward.scoring import RUBRICS, rubric

pytestmark = pytest.mark.unit


def test_every_track_of_every_rulebook_has_its_rubric():
    named = {track.rubric for book in registry.all_rulebooks() for kind in book.applicant_kinds.values()
             for track in kind.tracks}  # fmt: skip
    assert named <= set(RUBRICS), named - set(RUBRICS)


def test_gbt_19580_totals_1000_points():
    assert rubric("jilin-organization").total_points == 1000
