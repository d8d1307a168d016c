"""Record first, render after commit (issue 3): the decision's transaction keeps the letter row
and its audit event; the PDF is rendered and linked after commit, before the email goes out; a
letter never rendered is rendered on first download, once, with its issuer as the actor."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from tests.vetting import steps
from tests.vetting.world import build

from qaward.audit.models import AuditEvent
from qaward.documents.models import StoredFile
from qaward.documents.pdf import context_from_json
from qaward.documents.storage import private_storage
from qaward.vetting.domain import formal
from qaward.vetting.domain import letters as letters_domain
from qaward.vetting.models import IssuedLetter

pytestmark = pytest.mark.django_db

REASON = "未提供近三年财务审计报告。"


def _letter_files():
    return StoredFile.objects.filter(slot="official_letter")


@pytest.fixture
def w():
    world = build("jilin-2023")
    application = world.application()
    steps.recommend(world, application)
    application.refresh_from_db()
    world.rejected = application
    return world


def test_the_decision_records_the_letter_and_renders_nothing(w):
    _change, letter = formal.reject(application=w.rejected, reason=REASON, actor=w.staff)
    letter.refresh_from_db()
    assert letter.file is None and not _letter_files().exists()
    assert letter.template == "documents/pdf/non_acceptance.html"
    assert letter.addressee == w.rejected.applicant.name
    context = context_from_json(letter.context)
    assert context["doc_no"] == letter.doc_no and context["reason_paragraphs"] == [REASON]
    assert context["date"] == letter.issued_at.date() and context["addressee"] == letter.addressee
    assert AuditEvent.objects.filter(action="vetting.issue_letter").count() == 1
    assert not AuditEvent.objects.filter(action="vetting.render_letter").exists()
    assert mail.outbox == []  # the email waits for the commit, and for the PDF


def test_after_commit_the_pdf_exists_before_the_email_goes(
    w, monkeypatch, django_capture_on_commit_callbacks
):
    seen = []
    send = letters_domain._send

    def spy(subject, body, recipients, reference):
        seen.append(IssuedLetter.objects.get(application__reference=reference).file_id)
        send(subject, body, recipients, reference)

    monkeypatch.setattr(letters_domain, "_send", spy)
    with django_capture_on_commit_callbacks(execute=True):
        _change, letter = formal.reject(application=w.rejected, reason=REASON, actor=w.staff)
    assert letter.file is not None and seen == [letter.file_id]
    with private_storage().open(letter.file.storage_name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert letter.file.size > 1000 and letter.file.uploaded_by == w.staff
    assert [m.to for m in mail.outbox] == [[w.contact.email]]
    rendered = AuditEvent.objects.get(action="vetting.render_letter")
    assert rendered.actor == w.staff and rendered.after["sha256"] == letter.file.sha256


def test_a_failed_rendering_neither_undoes_the_decision_nor_stops_the_email(
    w, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(**kwargs):
        raise OSError("no fonts today")

    monkeypatch.setattr(letters_domain, "render_official_letter", broken)
    with django_capture_on_commit_callbacks(execute=True):
        _change, letter = formal.reject(application=w.rejected, reason=REASON, actor=w.staff)
    letter.refresh_from_db()
    assert letter.file is None and len(mail.outbox) == 1
    monkeypatch.undo()
    assert letters_domain.render_letter(letter).size > 1000


def test_a_letter_never_rendered_is_rendered_on_first_download(client, w):
    _change, letter = formal.reject(application=w.rejected, reason=REASON, actor=w.staff)
    assert not _letter_files().exists()
    client.force_login(w.contact)  # the applicant downloads it, the office issued it
    response = client.get(reverse("vetting:letter", args=[letter.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    letter.refresh_from_db()
    assert letter.file is not None and letter.file.uploaded_by == w.staff
    assert letter.file.owner == w.rejected
    assert AuditEvent.objects.get(action="vetting.render_letter").actor == w.staff
    again = client.get(reverse("vetting:letter", args=[letter.pk]))
    assert again.status_code == 200 and b"".join(again.streaming_content).startswith(b"%PDF")
    assert (
        _letter_files().count() == 1
        and AuditEvent.objects.filter(action="vetting.render_letter").count() == 1
    )


def _link_another_file(w, letter):
    from tests.objections.makers import PDF

    from qaward.documents.pdf import store_generated_pdf

    winner = store_generated_pdf(data=PDF, name="winner", slot="official_letter", program=w.program,
                                 owner=w.rejected, actor=w.staff)  # fmt: skip
    IssuedLetter.objects.filter(pk=letter.pk).update(file=winner)
    return winner


def test_a_request_that_waited_for_the_lock_returns_the_file_already_linked(w, monkeypatch):
    _change, letter = formal.reject(application=w.rejected, reason=REASON, actor=w.staff)
    stale = IssuedLetter.objects.get(pk=letter.pk)  # read before the other request linked its file
    winner = _link_another_file(w, letter)

    def must_not_render(**kwargs):
        raise AssertionError("rendered twice")

    monkeypatch.setattr(letters_domain, "render_official_letter", must_not_render)
    assert stale.file is None
    assert letters_domain.render_letter(stale) == winner and stale.file == winner


def test_a_late_loser_rolls_its_file_back_and_returns_the_winners(w, monkeypatch):
    """Where rows are not locked (SQLite), two requests may both render: the link is written only
    where none exists, so the second one's file is rolled back."""
    _change, letter = formal.reject(application=w.rejected, reason=REASON, actor=w.staff)
    stale = IssuedLetter.objects.get(pk=letter.pk)
    winner = _link_another_file(w, letter)
    rendered = []
    render = letters_domain.render_official_letter
    monkeypatch.setattr(
        letters_domain, "render_official_letter", lambda **kw: rendered.append(1) or render(**kw)
    )

    class UnlockedRead:  # the row as the loser read it, before the winner linked its file
        def get(self, pk):
            row = IssuedLetter.objects.get(pk=pk)
            row.file = None
            return row

    monkeypatch.setattr(IssuedLetter.objects, "select_for_update", lambda: UnlockedRead())
    assert letters_domain.render_letter(stale) == winner and rendered == [1]
    monkeypatch.undo()
    assert (
        _letter_files().count() == 1
        and not AuditEvent.objects.filter(action="vetting.render_letter").exists()
    )
    assert IssuedLetter.objects.get(pk=letter.pk).file == winner
