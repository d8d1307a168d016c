"""The applicant pages: every tab renders, autosave keeps invalid input with Chinese field errors,
uploads and submission work through the views, outsiders get 404."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.applications import scenario as sc

from qaward.applications.enums import ApplicationState
from qaward.applications.models import Application, ApplicationMaterial
from qaward.audit.models import AuditEvent

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def jilin():
    return sc.program_for("jilin-2023")


@pytest.fixture
def draft(jilin):
    return sc.start(jilin, sc.make_profile(jilin), track="general")


def test_every_tab_renders_for_the_contact(client, jilin, draft):
    client.force_login(jilin.contact)
    for name in ("detail", "form", "self_evaluation", "materials", "publicity", "check", "submit"):
        response = client.get(reverse(f"applications:{name}", args=[draft.reference]))
        assert response.status_code == 200, name
        assert "吉林省质量奖" in response.content.decode()
    for name in ("mine", "profiles"):
        assert client.get(reverse(f"applications:{name}")).status_code == 200
    page = client.get(reverse("applications:profile_edit", args=[draft.applicant_id])).content.decode()
    assert draft.applicant.uscc in page


def test_autosave_keeps_invalid_input_and_answers_with_field_errors(client, jilin, draft):
    client.force_login(jilin.contact)
    url = reverse("applications:autosave", args=[draft.reference, "form"])
    response = client.post(url, {"contact_phone": "电话abc", "employees": "很多", "summary": "我们的简介"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "自动保存" in body and 'id="err-contact_phone"' in body and "请填写有效的电话号码" in body
    assert "输入整数" in body  # Django's Chinese message for the employees field
    draft.refresh_from_db()
    assert draft.form_data["contact_phone"] == "电话abc" and draft.form_data["employees"] == "很多"
    page = client.get(reverse("applications:form", args=[draft.reference])).content.decode()
    assert "电话abc" in page and "请填写有效的电话号码" in page
    assert AuditEvent.objects.filter(action="application.form_saved", object_id=str(draft.pk)).exists()


def test_upload_marks_trade_secret_and_submission_routes_to_the_unit(client, jilin, draft):
    sc.fill(jilin, draft, skip=("materials",))
    client.force_login(jilin.contact)
    url = reverse("applications:materials", args=[draft.reference])
    client.post(url, {"item": "application_form", "file": sc.pdf("申报表.pdf")})
    client.post(url, {"item": "licence", "file": sc.pdf("执照.pdf"), "trade_secret": "on"})
    secrets = ApplicationMaterial.objects.filter(application=draft, file__trade_secret=True)
    assert [m.item for m in secrets] == ["licence"]
    route, unit = sc.route_for(jilin, "region")
    response = client.post(
        reverse("applications:submit", args=[draft.reference]),
        {"action": "submit", "route": route, "unit": unit.pk, "declaration": ["d1", "d2"]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == ApplicationState.SUBMITTED and draft.recommending_unit == unit
    assert draft.self_check["outcome"] == "needs_evidence" and draft.facts["legal_person"] is True


def test_refused_submission_shows_the_article(client, jilin, draft):
    sc.fill(jilin, draft)
    client.force_login(jilin.contact)
    response = client.post(
        reverse("applications:submit", args=[draft.reference]),
        {"action": "submit", "route": "city_market_regulator", "declaration": ["d1", "d2"]},
    )
    assert response.status_code == 400
    assert "第十四条" in response.content.decode()
    assert Application.objects.get(pk=draft.pk).state == ApplicationState.DRAFT


def test_outsiders_get_404(client, jilin, draft):
    other = sc.program_for("jilin-2023")
    client.force_login(other.contact)
    for name in ("detail", "form", "materials", "submit"):
        assert client.get(reverse(f"applications:{name}", args=[draft.reference])).status_code == 404
    assert client.get(reverse("applications:profile_edit", args=[draft.applicant_id])).status_code == 404
    assert draft.applicant.name not in client.get(reverse("applications:mine")).content.decode()
