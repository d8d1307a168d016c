"""The vetting pages: queues with counts, the review pages driving the steps, refusals shown on
the form with the article, and 404 for everyone outside (other units, other programs)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.vetting import steps
from tests.vetting.world import build

from qaward.applications.enums import ApplicationState as S
from qaward.vetting.domain import formal
from qaward.vetting.models import IssuedLetter

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build("jilin-2023")


def test_recommender_sees_only_its_own_applications(client, w):
    mine = w.application()
    theirs = w.application()
    theirs.recommending_unit = w.other_unit
    theirs.save(update_fields=["recommending_unit"])
    client.force_login(w.recommender)
    page = client.get(reverse("vetting:recommender_queue")).content.decode()
    assert mine.reference in page and theirs.reference not in page
    assert client.get(reverse("vetting:recommender_review", args=[mine.reference])).status_code == 200
    assert client.get(reverse("vetting:recommender_review", args=[theirs.reference])).status_code == 404
    # The office pages are not the unit's.
    assert client.get(reverse("vetting:office_review", args=[mine.reference])).status_code == 404
    assert client.get(reverse("vetting:office_queue")).status_code == 404


def test_outsiders_get_404(client, w):
    application = w.application()
    other = build("tacheng-2023")
    for user in (w.other_recommender, other.recommender, other.staff, w.contact):
        client.force_login(user)
        assert (
            client.get(reverse("vetting:recommender_review", args=[application.reference])).status_code == 404
        )
        assert client.get(reverse("vetting:office_review", args=[application.reference])).status_code == 404
        assert client.get(reverse("vetting:acceptance_list", args=[w.cycle.pk])).status_code == 404


def test_recommend_before_the_window_closed_shows_the_article(client, w):
    application = w.application()
    steps.prepare_recommendation(w, application)
    client.force_login(w.recommender)
    url = reverse("vetting:recommender_review", args=[application.reference])
    response = client.post(url, {"action": "publish", "publish-starts_on": dt.date.today().isoformat()})
    assert response.status_code == 302
    response = client.post(url, {"action": "recommend", "recommend-opinion": "同意推荐，材料真实完整。"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "第十九条" in page and "尚未结束" in page
    assert "同意推荐，材料真实完整。" in page  # what was typed is kept
    application.refresh_from_db()
    assert application.state == S.SUBMITTED


def test_recommender_checklist_and_return_through_the_page(client, w):
    application = w.application()
    client.force_login(w.recommender)
    url = reverse("vetting:recommender_review", args=[application.reference])
    data = {"action": "checks", "checks-opinion": "草拟意见"}
    for i in range(4):
        data[f"checks-ok_{i}"] = "on"
    assert client.post(url, data).status_code == 302
    page = client.get(url).content.decode()
    assert "草拟意见" in page
    response = client.post(url, {"action": "return", "return-reason": "", "return-workdays": "5"})
    assert response.status_code == 400 and "补正" in response.content.decode()
    response = client.post(
        url, {"action": "return", "return-reason": "请补充审计报告", "return-workdays": "5"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == S.RETURNED and application.correction_due


def test_office_accepts_rejects_and_publishes_through_the_pages(
    client, w, django_capture_on_commit_callbacks
):
    first, second = w.application(), w.application()
    for application in (first, second):
        steps.recommend(w, application)
        application.refresh_from_db()
    client.force_login(w.staff)
    queue = client.get(reverse("vetting:office_queue")).content.decode()
    assert first.reference in queue and second.reference in queue
    steps.prepare_acceptance(w, first)
    assert (
        client.post(
            reverse("vetting:office_review", args=[first.reference]), {"action": "accept"}
        ).status_code
        == 302
    )
    url = reverse("vetting:office_review", args=[second.reference])
    response = client.post(url, {"action": "accept"})
    assert response.status_code == 400 and "第二十条" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "reject", "reject-reason": "近三年发生较大质量事故。"})
    assert response.status_code == 302
    letter = IssuedLetter.objects.get(application=second)
    download = client.get(reverse("vetting:letter", args=[letter.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    # The applicant reads its letter; another program's office does not.
    client.force_login(w.contact)
    assert client.get(reverse("vetting:letter", args=[letter.pk])).status_code == 200
    client.force_login(build("jian-2023").staff)
    assert client.get(reverse("vetting:letter", args=[letter.pk])).status_code == 404
    client.force_login(w.staff)
    acceptance = reverse("vetting:acceptance_list", args=[w.cycle.pk])
    assert first.reference in client.get(acceptance).content.decode()
    response = client.post(acceptance, {"starts_on": dt.date.today().isoformat(), "workdays": "3"})
    assert response.status_code == 400 and "第二十条" in response.content.decode()
    response = client.post(acceptance, {"starts_on": dt.date.today().isoformat(), "workdays": ""})
    assert response.status_code == 302
    assert formal.formal_review_of(first) is not None


def test_consultations_page_flags_overdue(client, w):
    from qaward.vetting.domain import consultations

    application = w.application()
    steps.recommend(w, application)
    application.refresh_from_db()
    consultations.request_consultations(
        application=application, by="office", departments=["省税务局"], actor=w.staff,
        requested_on=dt.date.today() - dt.timedelta(days=30), workdays=3,
    )  # fmt: skip
    client.force_login(w.staff)
    page = client.get(reverse("vetting:consultations")).content.decode()
    assert "省税务局" in page and "table-danger" in page
    consultation = application.consultations.get(department="省税务局")
    response = client.post(
        reverse("vetting:answer_consultation", args=[consultation.pk]),
        {f"c{consultation.pk}-outcome": "no_objection", f"c{consultation.pk}-responded_on": dt.date.today().isoformat(),
         "next": reverse("vetting:office_review", args=[application.reference])},
    )  # fmt: skip
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.answered
    client.force_login(w.recommender)
    assert client.post(reverse("vetting:answer_consultation", args=[consultation.pk]), {}).status_code == 404
