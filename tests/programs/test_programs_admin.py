"""The platform admin: programs and cycles cannot be deleted; new cycles get the pinned rulebook."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.urls import reverse

from qaward.programs.models import AwardProgram, CalendarOverride, CalendarYear, Cycle

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def jilin(demo) -> AwardProgram:
    return AwardProgram.objects.get(slug="jilin")


@pytest.mark.parametrize("model", [Cycle, AwardProgram])
def test_no_delete_permission(model, rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    assert site._registry[model].has_delete_permission(request) is False


def test_cycle_delete_page_is_forbidden(admin_client, jilin):
    cycle = jilin.cycles.first()
    url = reverse("admin:programs_cycle_delete", args=[cycle.pk])
    assert admin_client.get(url).status_code == 403
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Cycle.objects.filter(pk=cycle.pk).exists()


def test_cycle_changelist_offers_no_bulk_delete(admin_client, jilin):
    response = admin_client.get(reverse("admin:programs_cycle_changelist"))
    assert response.status_code == 200
    assert "delete_selected" not in response.content.decode()


def test_program_delete_page_is_forbidden(admin_client, jilin):
    url = reverse("admin:programs_awardprogram_delete", args=[jilin.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403


def test_adding_a_cycle_in_the_admin_pins_the_rulebook(admin_client, jilin):
    response = admin_client.post(
        reverse("admin:programs_cycle_add"),
        {
            "program": jilin.pk,
            "number": 3,
            "year": 2028,
            "call_opens": "2028-03-01",
            "call_closes": "2028-05-31",
            "status": "draft",
        },
    )
    assert response.status_code == 302, response.content.decode()
    cycle = Cycle.objects.get(program=jilin, number=3)
    assert (cycle.rulebook_id, cycle.rulebook_version) == (jilin.rulebook_id, jilin.rulebook_version)


def test_admin_form_shows_the_chinese_date_error(admin_client, jilin):
    response = admin_client.post(
        reverse("admin:programs_cycle_add"),
        {
            "program": jilin.pk,
            "number": 3,
            "year": 2028,
            "call_opens": "2028-05-31",
            "call_closes": "2028-03-01",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert "申报截止日期不得早于申报开始日期。" in response.content.decode()
    assert not Cycle.objects.filter(program=jilin, number=3).exists()


def test_overrides_filter_by_year(admin_client):
    CalendarOverride.objects.create(date=date(2026, 10, 10), is_workday=True, note="国庆调休上班")
    CalendarOverride.objects.create(date=date(2027, 1, 1), is_workday=False, note="元旦")
    url = reverse("admin:programs_calendaroverride_changelist")
    page = admin_client.get(url, {"year": "2027"}).content.decode()
    assert "元旦" in page
    assert "国庆调休上班" not in page


def test_calendar_year_records_who_entered_it(admin_client, admin_user):
    response = admin_client.post(
        reverse("admin:programs_calendaryear_add"),
        {"year": 2027, "complete": "on", "source": "国办发明电〔2026〕N号"},
    )
    assert response.status_code == 302
    assert CalendarYear.objects.get(year=2027).entered_by == admin_user
