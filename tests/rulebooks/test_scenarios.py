"""Runs every scenario file of every rulebook (src/qaward/rulebooks/scenarios/<id>/*.yaml)."""

import pytest

from qaward.rulebooks import registry
from qaward.rulebooks.scenario_runner import load_scenarios, run_scenario

pytestmark = pytest.mark.unit

SCENARIOS = load_scenarios()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario):
    problems = run_scenario(scenario)
    assert not problems, f"{scenario.title} ({scenario.explains}):\n" + "\n".join(problems)


@pytest.mark.parametrize("rulebook_id", registry.list_ids())
def test_each_rulebook_has_at_least_twelve_scenarios(rulebook_id):
    mine = [s for s in SCENARIOS if s.rulebook_id == rulebook_id]
    assert len(mine) >= 12, f"{rulebook_id} has {len(mine)} scenarios"


def test_scenarios_only_for_known_rulebooks():
    assert {s.rulebook_id for s in SCENARIOS} <= set(registry.list_ids())
