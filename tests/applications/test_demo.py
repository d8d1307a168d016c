"""The applicant demo: every demo program has applications, none accepted; the demo account has a
draft; a returned application carries its reason and deadline; loading twice changes nothing."""

from __future__ import annotations

import pytest

from qaward.applications.domain.queries import last_return
from qaward.applications.enums import ApplicationState as S
from qaward.applications.models import Application

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_demo_applications(demo, load_demo):
    by_program = {}
    for application in Application.objects.select_related("cycle__program"):
        by_program.setdefault(application.cycle.program.slug, set()).add(application.state)
    assert set(by_program) == {"jilin", "changchun", "tacheng", "jinzhong", "jian"}
    assert S.SUBMITTED in by_program["jilin"] and S.DRAFT in by_program["jilin"]
    mine = Application.objects.get(applicant__contacts__username="jilin_applicant")
    assert mine.state == S.DRAFT and mine.applicant.name == "长春北辰精密机械有限公司"
    returned = Application.objects.filter(state=S.RETURNED).first()
    if returned is not None:  # later demos may move it on
        assert returned.correction_due and last_return(returned).reason
    assert "nothing changed" in load_demo()
