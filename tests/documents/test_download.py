"""Downloads: who gets a file (permission matrix, outsiders get 404), the response headers, and
what is audited."""

from __future__ import annotations

import uuid
from urllib.parse import quote

import pytest
from django.urls import reverse

from qaward.audit.models import AuditEvent
from qaward.documents.domain import store_upload, withdraw_file

from .samples import pdf_bytes, png_bytes, upload

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SECRET = "SECRET-PAYLOAD-机密工艺参数"
CHINESE_NAME = "吉林省质量奖 申报表（2026年）.pdf"


def make_file(*, uploader, program, trade_secret=False, withdrawn=False, name=CHINESE_NAME):
    stored = store_upload(
        uploaded_file=upload(name, pdf_bytes(SECRET)),
        slot="evidence",
        actor=uploader,
        program=program,
        trade_secret=trade_secret,
    )
    if withdrawn:
        stored = withdraw_file(stored_file=stored, actor=uploader, reason="重新上传")
    return stored


def fetch(client, user, stored_or_id):
    file_id = getattr(stored_or_id, "pk", stored_or_id)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("documents:download", args=[file_id]))
    # Reading the stream to its end closes the file (the test client closes responses itself;
    # closing again would fire request_finished and close the test's database connection).
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


# (user fixture, normal, trade secret, withdrawn normal, withdrawn trade secret) → HTTP status.
MATRIX = [
    ("applicant", 200, 200, 404, 404),  # the uploader
    ("other_applicant", 404, 404, 404, 404),
    ("office_staff", 200, 200, 200, 200),  # of the file's program
    ("foreign_office_staff", 404, 404, 404, 404),  # office staff of another program
    ("platform_admin", 200, 404, 404, 404),
    ("expert", 404, 404, 404, 404),  # no assignments exist yet: access.expert_may_see is False
    ("stranger", 404, 404, 404, 404),
]
KINDS = [(False, False), (True, False), (False, True), (True, True)]


@pytest.mark.parametrize(
    ("who", "kind", "expected"),
    [(row[0], kind, status) for row in MATRIX for kind, status in zip(KINDS, row[1:], strict=True)],
)
def test_permission_matrix(request, client, applicant, program, other_program, who, kind, expected):
    trade_secret, withdrawn = kind
    # Files of the other program exist too, so a rule that ignored the program would leak them.
    make_file(uploader=request.getfixturevalue("foreign_office_staff"), program=other_program)
    stored = make_file(uploader=applicant, program=program, trade_secret=trade_secret, withdrawn=withdrawn)
    response, body = fetch(client, request.getfixturevalue(who), stored)
    assert response.status_code == expected
    if expected == 200:
        assert SECRET.encode() in body
    else:
        assert SECRET.encode() not in body
        assert CHINESE_NAME.encode() not in body and quote(CHINESE_NAME).encode() not in body


def test_anonymous_is_sent_to_log_in_without_learning_anything(client, applicant, program):
    stored = make_file(uploader=applicant, program=program)
    response, body = fetch(client, None, stored)
    missing, _ = fetch(client, None, uuid.uuid4())
    assert response.status_code == missing.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert SECRET.encode() not in body


def test_unknown_file_is_404(client, office_staff):
    response, _ = fetch(client, office_staff, uuid.uuid4())
    assert response.status_code == 404


def test_file_without_program_is_not_visible_to_any_office(client, applicant, office_staff, platform_admin):
    stored = make_file(uploader=applicant, program=None)
    assert fetch(client, office_staff, stored)[0].status_code == 404
    assert fetch(client, applicant, stored)[0].status_code == 200
    assert fetch(client, platform_admin, stored)[0].status_code == 200


def test_revoked_office_role_loses_access(client, applicant, office_staff, program):
    from django.utils import timezone

    stored = make_file(uploader=applicant, program=program, trade_secret=True)
    office_staff.role_assignments.update(revoked_at=timezone.now())
    assert fetch(client, office_staff, stored)[0].status_code == 404


def test_assigned_expert_hook_opens_trade_secret_files(client, applicant, expert, program, monkeypatch):
    stored = make_file(uploader=applicant, program=program, trade_secret=True)
    monkeypatch.setattr("qaward.documents.access.expert_may_see", lambda user, f: user == expert)
    response, body = fetch(client, expert, stored)
    assert response.status_code == 200 and SECRET.encode() in body
    event = AuditEvent.objects.get(action="file.download_trade_secret")
    assert (event.actor, event.role) == (expert, "expert")


def test_response_headers(client, applicant, program):
    stored = make_file(uploader=applicant, program=program)
    response, body = fetch(client, applicant, stored)
    assert response["Content-Disposition"] == (
        "attachment; filename=\"2026.pdf\"; filename*=UTF-8''"
        "%E5%90%89%E6%9E%97%E7%9C%81%E8%B4%A8%E9%87%8F%E5%A5%96%20%E7%94%B3%E6%8A%A5%E8%A1%A8"
        "%EF%BC%882026%E5%B9%B4%EF%BC%89.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert body == pdf_bytes(SECRET)


def test_content_type_is_the_sniffed_one(client, applicant, program):
    stored = store_upload(
        uploaded_file=upload("照片.pdf", png_bytes(), "application/pdf"), slot="evidence", actor=applicant
    )
    response, _ = fetch(client, applicant, stored)
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].endswith("filename*=UTF-8''%E7%85%A7%E7%89%87.pdf")


def test_only_get(client, applicant, program):
    stored = make_file(uploader=applicant, program=program)
    client.force_login(applicant)
    assert client.post(reverse("documents:download", args=[stored.pk])).status_code == 405


class TestAudit:
    def test_trade_secret_downloads_are_each_audited(self, client, applicant, office_staff, program):
        stored = make_file(uploader=applicant, program=program, trade_secret=True, name="核心配方.pdf")
        fetch(client, office_staff, stored)
        fetch(client, office_staff, stored)
        fetch(client, applicant, stored)
        events = list(AuditEvent.objects.filter(action="file.download_trade_secret").order_by("id"))
        assert [(e.actor, e.role) for e in events] == [
            (office_staff, "office_staff"),
            (office_staff, "office_staff"),
            (applicant, ""),
        ]
        assert {e.object_id for e in events} == {str(stored.pk)}
        assert all(e.program == program for e in events)
        assert all("核心配方" not in str(e.after) + e.object_label for e in events)

    def test_ordinary_downloads_are_not_audited(self, client, applicant, office_staff, program):
        stored = make_file(uploader=applicant, program=program)
        fetch(client, office_staff, stored)
        assert not AuditEvent.objects.filter(action__startswith="file.download").exists()

    def test_refused_download_of_a_trade_secret_is_not_a_download_event(
        self, client, applicant, platform_admin, program
    ):
        stored = make_file(uploader=applicant, program=program, trade_secret=True)
        assert fetch(client, platform_admin, stored)[0].status_code == 404
        assert not AuditEvent.objects.filter(action="file.download_trade_secret").exists()

    def test_denials_are_recorded_as_security_events(self, client, applicant, foreign_office_staff, program):
        stored = make_file(uploader=applicant, program=program)
        fetch(client, foreign_office_staff, stored)
        (event,) = AuditEvent.objects.filter(action="auth.permission_denied")
        assert event.actor == foreign_office_staff
        assert event.after["permission"] == "documents.download_storedfile"
        assert event.after["object_id"] == str(stored.pk)
        assert "SECRET" not in str(event.after)
