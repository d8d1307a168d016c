"""Pages: the public form, the status page, the office's queue and case page, exports, and the
objector's confidentiality towards every other role."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from qaward.objections.domain.complaints import file_complaint
from qaward.objections.domain.filing import file_objection
from qaward.objections.domain.handling import decide_admissibility, decide_outcome, request_verification
from qaward.objections.enums import ObjectionState
from qaward.objections.models import Complaint, Objection

from .makers import ID_NUMBER, individual, make_case, png

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SECRETS = ("王秀英", ID_NUMBER, "13912345678", "人民大街")


def _post_form(client, entry, **changes):
    data = {
        "kind": "individual", "name": "王秀英", "id_number": ID_NUMBER, "phone": "13912345678",
        "address": "长春市南关区人民大街1号", "grounds": "该企业申报材料中的销售收入与年报不符。",
        "id_proof": png("身份证.png"), "evidence": [png("证据一.png"), png("证据二.png")],
    }  # fmt: skip
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(reverse("objections:file", kwargs={"entry_id": entry.pk}), data)


def test_public_files_an_objection_and_follows_it(client):
    case = make_case()
    page = client.get(reverse("objections:file", kwargs={"entry_id": case.entry.pk}))
    assert page.status_code == 200 and "长白山测试装备有限公司" in page.content.decode()
    response = _post_form(client, case.entry)
    assert response.status_code == 200
    objection = Objection.objects.get()
    text = response.content.decode()
    assert objection.number in text
    token = text.split("data-access-code>")[1].split("<")[0]
    status = client.post(reverse("objections:status"), {"number": objection.number, "token": token})
    assert "已收到" in status.content.decode() or objection.get_state_display() in status.content.decode()
    wrong = client.post(reverse("objections:status"), {"number": objection.number, "token": "x" * 20})
    assert objection.get_state_display() not in wrong.content.decode()


def test_public_form_shows_cited_field_errors_and_keeps_input(client):
    case = make_case()
    response = _post_form(client, case.entry, id_number="", id_proof=None, evidence=None)
    assert response.status_code == 400
    text = response.content.decode()
    assert text.count("第三十七条(一)") >= 3
    assert "该企业申报材料中的销售收入与年报不符。" in text  # typed data is not lost
    assert not Objection.objects.exists()


def test_public_form_needs_csrf():
    from django.test import Client

    case = make_case()
    strict = Client(enforce_csrf_checks=True)
    assert _post_form(strict, case.entry).status_code == 403


def test_public_form_is_rate_limited(client, settings):
    settings.QAWARD_PUBLIC_FORM_RATE = "2/h"
    case = make_case()
    codes = [_post_form(client, case.entry, grounds="").status_code for _ in range(3)]
    assert codes[-1] == 429


def _admitted(case):
    objection = file_objection(
        entry=case.entry, objector=individual(), grounds="理由", evidence=[png()]
    ).objection
    return decide_admissibility(objection=objection, admit=True, reason="", actor=case.office)


def test_office_sees_the_objector_others_see_confidential(client):
    case = make_case()
    objection = _admitted(case)
    request = request_verification(objection=objection, actor=case.office, message="请核实")
    case_url = reverse("objections:case", args=[objection.pk])

    client.force_login(case.office)
    page = client.get(case_url).content.decode()
    assert "王秀英" in page and ID_NUMBER in page
    queue = client.get(reverse("objections:queue", args=[case.program.slug])).content.decode()
    assert "王秀英" in queue and ID_NUMBER not in queue

    client.force_login(case.supervisor)
    for url in (case_url, reverse("objections:queue", args=[case.program.slug])):
        page = client.get(url).content.decode()
        assert "异议人（保密）" in page
        assert not any(secret in page for secret in SECRETS), url
    export = client.get(reverse("objections:export", args=[case.program.slug]))
    cells = [c.value for row in load_workbook(BytesIO(export.getvalue())).active.iter_rows() for c in row]
    assert "异议人（保密）" in cells and not any(s in str(cells) for s in SECRETS)

    client.force_login(case.recommender)
    assert client.get(case_url).status_code == 404
    page = client.get(reverse("objections:report", args=[request.pk])).content.decode()
    assert "异议人（保密）" in page and not any(secret in page for secret in SECRETS)
    mine = client.get(reverse("objections:own_cases")).content.decode()
    assert not any(secret in mine for secret in SECRETS)

    client.force_login(case.contact)
    assert client.get(case_url).status_code == 404


def test_the_office_export_masks_numbers():
    from django.test import Client

    case = make_case()
    _admitted(case)
    client = Client()
    client.force_login(case.office)
    export = client.get(reverse("objections:export", args=[case.program.slug]))
    cells = str(
        [c.value for row in load_workbook(BytesIO(export.getvalue())).active.iter_rows() for c in row]
    )
    assert "王秀英" in cells and ID_NUMBER not in cells


def test_a_handling_supervisor_sees_the_objector(client):
    from qaward.objections.domain.handling import add_handler

    case = make_case()
    objection = _admitted(case)
    add_handler(objection=objection, user=case.supervisor, actor=case.office)
    client.force_login(case.supervisor)
    assert "王秀英" in client.get(reverse("objections:case", args=[objection.pk])).content.decode()


def test_result_letters_reach_their_addressees_without_the_objector(client):
    case = make_case()
    objection = _admitted(case)
    objection = decide_outcome(objection=objection, upheld=False, reason="异议不成立", actor=case.office)
    subject_letter = objection.letters.get(kind="result_subject")
    unit_letter = objection.letters.get(kind="result_recommender")
    client.force_login(case.contact)
    response = client.get(reverse("objections:letter", args=[subject_letter.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client.get(reverse("objections:letter", args=[unit_letter.pk])).status_code == 404
    client.force_login(case.recommender)
    assert client.get(reverse("objections:letter", args=[unit_letter.pk])).status_code == 200
    # The letters to others say 异议人（保密）, never the name (checked on the letter's HTML).
    from django.template.loader import render_to_string

    from qaward.objections.domain.letters import _addressee, _context

    for kind in ("result_subject", "result_recommender"):
        html = render_to_string(
            "objections/pdf/result.html", _context(objection, kind, _addressee(objection, kind)[0])
        )
        assert "异议人（保密）" in html and "王秀英" not in html
    html = render_to_string("objections/pdf/result.html", _context(objection, "result_objector", "王秀英"))
    assert "王秀英" in html


def test_staff_handles_the_case_on_the_page(client):
    case = make_case()
    objection = file_objection(
        entry=case.entry, objector=individual(), grounds="理由", evidence=[png()]
    ).objection
    client.force_login(case.office)
    url = reverse("objections:case_action", args=[objection.pk, "admit"])
    assert client.post(url, {"admit-reason": ""}).status_code == 302
    objection.refresh_from_db()
    assert objection.state == ObjectionState.ADMITTED
    bad = client.post(
        reverse("objections:case_action", args=[objection.pk, "decide"]), {"decide-upheld": "yes"}
    )
    assert bad.status_code == 400
    assert client.post(reverse("objections:case_action", args=[objection.pk, "decide"]),
                       {"decide-upheld": "no", "decide-reason": "不成立"}).status_code == 302  # fmt: skip
    client.force_login(case.supervisor)
    assert client.post(reverse("objections:case_action", args=[objection.pk, "consent"]),
                       {"consent-note": "x"}).status_code == 404  # fmt: skip


def test_paper_entry_page(client):
    case = make_case(starts_on=dt.date.today() - dt.timedelta(days=40))
    client.force_login(case.office)
    response = client.post(
        reverse("objections:paper", args=[case.program.slug]),
        {"entry": case.entry.pk, "received_on": (case.window.ends_on + dt.timedelta(days=1)).isoformat(),
         "kind": "anonymous", "grounds": "匿名来信", "evidence": [png()]},
    )  # fmt: skip
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert objection.state == ObjectionState.NOT_ADMITTED and "第三十七条(一)" in objection.refusal_citation


def test_complaint_to_the_supervision_subcommittee(client):
    case = make_case()
    page = client.get(reverse("objections:complain", args=[case.program.slug])).content.decode()
    assert "监督分委会" in page and "第三十八条" in page
    response = client.post(reverse("objections:complain", args=[case.program.slug]),
                           {"concerns": "review", "content": "评审专家与申报单位存在利害关系未回避。"})  # fmt: skip
    assert response.status_code == 200
    complaint = Complaint.objects.get()
    client.force_login(case.supervisor)
    assert (
        complaint.number
        in client.get(reverse("objections:complaints_queue", args=[case.program.slug])).content.decode()
    )
    client.post(
        reverse("objections:complaint_action", args=[complaint.pk, "note"]), {"note-text": "已调取评审记录"}
    )
    client.post(
        reverse("objections:complaint_action", args=[complaint.pk, "close"]),
        {"close-outcome": "情况属实，已取消该专家资格"},
    )
    complaint.refresh_from_db()
    assert complaint.state == "closed" and complaint.notes.count() == 1
    client.force_login(case.office)  # complaints go to the supervisors, not the office
    assert client.get(reverse("objections:complaint", args=[complaint.pk])).status_code == 404


def test_complaint_status_page(client):
    case = make_case()
    complaint, token = file_complaint(program=case.program, concerns="acceptance", content="受理环节违规")
    page = client.post(
        reverse("objections:status"), {"number": complaint.number, "token": token}
    ).content.decode()
    assert "监督分委会" in page
