"""The expert demo: pools for the five programs, idempotent, and a real invitation for
jilin_expert once the Jilin demo cycle has applications under review."""

from __future__ import annotations

import pytest

from qaward.experts import demo as experts_demo
from qaward.experts.enums import ExpertStatus, MemberStatus
from qaward.experts.models import Expert, PanelMember
from qaward.programs.models import AwardProgram

from .helpers import make_application

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_demo_pools_and_panel_for_the_jilin_expert(demo):
    assert Expert.objects.count() >= 30
    for program in AwardProgram.objects.all():
        assert Expert.objects.filter(memberships__program=program).count() >= 6, program
    assert Expert.objects.get(name="钱卫东").status == ExpertStatus.DISQUALIFIED
    jilin = AwardProgram.objects.get(slug="jilin")
    cycle = jilin.cycles.order_by("-number").first()
    if not cycle.applications.exists():  # until the applications demo lands
        make_application(cycle, "长春某汽车零部件有限公司", industry="C3670", keywords="汽车零部件 精益生产")
        make_application(cycle, "吉林某人参食品有限公司", industry="C1491", keywords="人参 食品")
    lines = []
    experts_demo.load(lines.append)
    seat = PanelMember.objects.get(expert__user__username="jilin_expert", status=MemberStatus.INVITED)
    assert seat.panel.cycle == cycle
    before = PanelMember.objects.count()
    experts_demo.load(lines.append)
    assert PanelMember.objects.count() == before
