"""Each demo program is run by the office its regulation names."""

from __future__ import annotations

import pytest

from qaward.rulebooks import registry
from qaward.staff.demo_programs import DEMO_PROGRAMS

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("demo", DEMO_PROGRAMS, ids=lambda d: d.slug)
def test_the_demo_office_is_the_rulebooks_office(demo):
    office = registry.get(demo.rulebook_id).office.split("（")[0]
    # 塔城's regulation says 地区…; the demo adds the place name the regulation leaves implicit.
    assert demo.office_name.endswith(office.removeprefix("地区"))
