"""The public portal: anonymous pages, cache headers, masking, objection links, feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.applications.makers import make_application
from tests.publicity.makers import make_cycle, make_office_staff, make_program

from qaward.applications.enums import ApplicationState as S
from qaward.applications.models import Applicant
from qaward.privacy.models import PersonIdentity
from qaward.programs.domain.calls import open_cycle
from qaward.programs.enums import CycleStatus
from qaward.programs.models import CalendarYear
from qaward.publicity.domain.windows import open_window

pytestmark = pytest.mark.django_db
ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"


@pytest.fixture
def world():
    today = timezone.localdate()
    CalendarYear.objects.get_or_create(year=today.year + 1, defaults={"complete": True, "source": "测试"})
    program = make_program("jilin-2023")
    make_cycle(program, number=1, year=2024, status=CycleStatus.AWARDED)
    staff = make_office_staff(program)
    notice = open_cycle(
        program=program, actor=staff, year=2026, call_opens=date(2026, 3, 2), call_closes=date(2026, 5, 29),
        published_on=date(2026, 2, 20), title="关于开展第二届吉林省质量奖评选工作的通知", doc_no="吉质奖办〔2026〕1号",
        body="各市（州）市场监督管理局：现开展申报工作。", materials="申报表\n自我评价报告", contact="联系人：李老师",
    )  # fmt: skip
    cycle = notice.cycle
    person = PersonIdentity.objects.create(name="王小明", id_number=ID_NUMBER, phone=PHONE)
    individual = Applicant.objects.create(
        kind="individual", name="王小明", person=person, employer_name="一汽集团"
    )
    apps = [
        make_application(cycle, state=S.ACCEPTED),
        make_application(cycle, state=S.ACCEPTED, applicant=individual),
    ]
    current = open_window(
        cycle=cycle, rule_window_id="acceptance", applications=apps, starts_on=today, actor=staff
    )
    past = open_window(
        cycle=cycle,
        rule_window_id="recommender",
        applications=apps[:1],
        starts_on=date(2026, 6, 1),
        actor=staff,
    )
    internal = open_window(
        cycle=cycle,
        rule_window_id="internal",
        applications=apps[:1],
        starts_on=today,
        actor=staff,
        title="内部公示X",
    )
    return {"program": program, "notice": notice, "current": current, "past": past, "internal": internal}


def _pages(world):
    program = world["program"]
    return [
        reverse("portal:home"),
        reverse("portal:program", args=[program.slug]),
        reverse("portal:past", args=[program.slug]),
        reverse("portal:results", args=[program.slug]),
        reverse("portal:window", args=[world["current"].pk]),
        reverse("portal:window", args=[world["past"].pk]),
        reverse("portal:notice", args=[world["notice"].pk]),
    ]


def test_every_page_is_public_cacheable_and_never_shows_an_id_number(client, world):
    for url in _pages(world):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"], url
        assert response.has_header("ETag") and response.has_header("Last-Modified"), url
        html = response.content.decode()
        for secret in (ID_NUMBER, PHONE, "王小明"):
            assert secret not in html, (url, secret)
        assert "Set-Cookie" not in response.headers or "sessionid" not in response["Set-Cookie"]


def test_conditional_request_gets_304(client, world):
    url = reverse("portal:notice", args=[world["notice"].pk])
    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_current_window_shows_countdown_entries_and_masked_names(client, world):
    html = client.get(reverse("portal:window", args=[world["current"].pk])).content.decode()
    assert "王*明" in html and "一汽集团" in html
    assert "data-seconds-left" in html and "个工作日" in html
    assert "第二十条" in html  # the notice text names the article


def test_home_lists_current_windows_and_notices_but_not_internal_publicity(client, world):
    html = client.get(reverse("portal:home")).content.decode()
    assert world["current"].title in html and world["notice"].title in html
    assert "内部公示X" not in html
    assert client.get(reverse("portal:window", args=[world["internal"].pk])).status_code == 404
    past_html = client.get(reverse("portal:past", args=[world["program"].slug])).content.decode()
    assert world["past"].title in past_html and world["current"].title not in past_html


def test_objection_link_only_when_the_objections_app_serves_it(client, world, monkeypatch):
    from qaward.portal import queries

    url = reverse("portal:window", args=[world["current"].pk])
    monkeypatch.setattr(queries, "reverse", lambda name, kwargs: f"/objections/file/{kwargs['entry_id']}/")
    entry = world["current"].entries.first()
    html = client.get(url, HTTP_CACHE_CONTROL="no-cache").content.decode()
    assert f"/objections/file/{entry.pk}/" in html and "提出异议" in html
    # A closed window offers no objection link.
    past_html = client.get(reverse("portal:window", args=[world["past"].pk])).content.decode()
    assert "data-objection-link" not in past_html


def test_objection_url_is_none_until_the_url_exists():
    from django.urls import NoReverseMatch, reverse

    from qaward.portal.queries import objection_url

    try:
        expected = reverse("objections:file", kwargs={"entry_id": 1})
    except NoReverseMatch:
        expected = None
    assert objection_url(1) == expected


def test_results_empty_state(client, world):
    html = client.get(reverse("portal:results", args=[world["program"].slug])).content.decode()
    assert "data-empty-results" in html


def test_unknown_program_is_404(client, world):
    assert client.get(reverse("portal:program", args=["nowhere"])).status_code == 404


@pytest.mark.parametrize("name", ["portal:feed_rss", "portal:feed_atom"])
def test_feeds_are_valid_xml_with_notices_and_windows(client, world, name):
    response = client.get(reverse(name, args=[world["program"].slug]))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = response.content.decode()
    assert world["notice"].title in text and world["current"].title in text and "内部公示X" not in text
    if name.endswith("rss"):
        assert root.tag == "rss" and len(root.findall("./channel/item")) == 3
    else:
        ns = {"a": "http://www.w3.org/2005/Atom"}
        assert root.tag == "{http://www.w3.org/2005/Atom}feed" and len(root.findall("a:entry", ns)) == 3
    assert ID_NUMBER not in text


def test_portal_pages_need_few_queries(client, world, django_assert_max_num_queries):
    for i in range(3):
        open_window(
            cycle=world["notice"].cycle, rule_window_id="acceptance",
            applications=[make_application(world["notice"].cycle, state=S.ACCEPTED)],
            starts_on=timezone.localdate() - timedelta(days=i), actor=None,
        )  # fmt: skip
    with django_assert_max_num_queries(15):
        client.get(reverse("portal:home"))
    with django_assert_max_num_queries(15):
        client.get(reverse("portal:program", args=[world["program"].slug]))
