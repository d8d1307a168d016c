"""Staff pages for windows and cycles: who sees them, the extend and media forms, Chinese refusals."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.applications.makers import make_application, make_user
from tests.publicity.makers import make_cycle, make_office_staff, make_program

from qaward.applications.enums import ApplicationState as S
from qaward.programs.enums import CycleStatus
from qaward.programs.models import CalendarYear, Cycle
from qaward.publicity.domain.windows import open_window

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    CalendarYear.objects.get_or_create(
        year=timezone.localdate().year + 1, defaults={"complete": True, "source": "测试"}
    )
    program = make_program("jilin-2023")
    cycle = make_cycle(program, number=1, year=2026)
    staff = make_office_staff(program)
    window = open_window(
        cycle=cycle, rule_window_id="proposal", applications=[make_application(cycle, state=S.ACCEPTED)],
        starts_on=timezone.localdate(), actor=staff,
    )  # fmt: skip
    acceptance = open_window(
        cycle=cycle, rule_window_id="acceptance", applications=[make_application(cycle, state=S.ACCEPTED)],
        starts_on=timezone.localdate(), actor=staff,
    )  # fmt: skip
    return program, cycle, staff, window, acceptance


def test_office_staff_see_lists_and_detail_outsiders_get_404(client, setup):
    program, cycle, staff, window, _acceptance = setup
    client.force_login(staff)
    for url in (
        reverse("publicity:index"),
        reverse("publicity:cycle_windows", args=[program.slug, cycle.number]),
        reverse("publicity:window", args=[window.pk]),
        reverse("programs:cycles", args=[program.slug]),
        reverse("programs:cycle_open", args=[program.slug]),
    ):
        assert client.get(url).status_code == 200, url
    client.force_login(make_user())
    assert client.get(reverse("publicity:window", args=[window.pk])).status_code == 404
    assert client.get(reverse("programs:cycle_open", args=[program.slug])).status_code == 404


def test_shortening_below_minimum_is_shown_with_the_article_and_typed_data_kept(client, setup):
    _program, _cycle, staff, _window, acceptance = setup
    client.force_login(staff)
    response = client.post(
        reverse("publicity:window_extend", args=[acceptance.pk]), {"workdays": "3", "reason": "想缩短"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and "第二十条" in html and "想缩短" in html
    response = client.post(
        reverse("publicity:window_extend", args=[acceptance.pk]), {"workdays": "7", "reason": "延长两天"}
    )
    assert response.status_code == 302
    acceptance.refresh_from_db()
    assert acceptance.workdays == 7


def test_media_publication_form(client, setup):
    _program, _cycle, staff, window, _acceptance = setup
    client.force_login(staff)
    html = client.get(reverse("publicity:window", args=[window.pk])).content.decode()
    assert "媒体刊登情况" in html and "不能延长" in html  # Jilin 第二十七条: exactly 5 days, media
    response = client.post(
        reverse("publicity:window_media", args=[window.pk]),
        {
            "media_name": "吉林日报",
            "published_on": timezone.localdate().isoformat(),
            "link": "https://example.org/a",
        },
    )
    assert response.status_code == 302
    window.refresh_from_db()
    assert window.media_name == "吉林日报"


def test_cycle_open_page_refuses_with_article_then_accepts_override(client):
    program = make_program("jinzhong-2023")
    make_cycle(program, number=1, year=2024, status=CycleStatus.AWARDED)
    staff = make_office_staff(program)
    client.force_login(staff)
    data = {
        "year": "2026", "call_opens": "2026-03-02", "call_closes": "2026-05-29", "published_on": "2026-02-20",
        "title": "关于开展晋中市质量奖评选工作的通知", "doc_no": "晋质强办〔2026〕2号", "body": "各县（市、区）：……",
        "materials": "申报表", "contact": "联系人：赵老师", "override_reason": "",
    }  # fmt: skip
    response = client.post(reverse("programs:cycle_open", args=[program.slug]), data)
    html = response.content.decode()
    assert (
        response.status_code == 200
        and "第五条第一款" in html
        and "关于开展晋中市质量奖评选工作的通知" in html
    )
    data["override_reason"] = "市领导小组决定提前开展"
    response = client.post(reverse("programs:cycle_open", args=[program.slug]), data)
    assert response.status_code == 302
    assert Cycle.objects.get(program=program, number=2).year == 2026


def test_bad_doc_no_is_a_field_error(client):
    program = make_program("jilin-2023")
    client.force_login(make_office_staff(program))
    data = {
        "year": "2026", "call_opens": "2026-03-02", "call_closes": "2026-05-29", "published_on": "2026-02-20",
        "title": "通知", "doc_no": "吉质奖办[2026]1号", "body": "正文", "materials": "申报表", "contact": "联系人",
    }  # fmt: skip
    html = client.post(reverse("programs:cycle_open", args=[program.slug]), data).content.decode()
    assert "六角括号" in html and "is-invalid" in html
    assert not Cycle.objects.filter(program=program).exists()
