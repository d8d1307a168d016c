"""Objection letters are recorded in the decision's transaction and rendered after commit (or on
first download, once); the objector's name is never kept beside the letter, only printed on the
objector's own letters; a letter the system issues is stored without an actor."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse

from qaward.audit.domain.queries import verify_chain
from qaward.audit.models import AuditEvent
from qaward.documents.models import StoredFile
from qaward.objections.domain import letters as letters_domain
from qaward.objections.domain.filing import file_objection
from qaward.objections.domain.handling import (
    apply_missed_deadlines,
    decide_admissibility,
    decide_outcome,
    request_verification,
)
from qaward.objections.enums import LetterKind, Outcome
from qaward.objections.models import ObjectionLetter

from .makers import individual, make_case, png

pytestmark = pytest.mark.integration


def _filed(case):
    return file_objection(entry=case.entry, objector=individual(), grounds="销售数据造假", evidence=[png()])


def _letter_files():
    return StoredFile.objects.filter(slot="official_letter")


@pytest.fixture
def rendered_contexts(monkeypatch):
    """The contexts the letters were rendered with (PDF text is not searchable here)."""
    seen: list[dict] = []
    render = letters_domain.render_official_letter

    def spy(*, template, context, title):
        seen.append(context)
        return render(template=template, context=context, title=title)

    monkeypatch.setattr(letters_domain, "render_official_letter", spy)
    return seen


@pytest.mark.django_db
def test_letters_wait_for_the_commit_and_never_keep_the_objectors_name(
    rendered_contexts, django_capture_on_commit_callbacks
):
    case = make_case()
    objection = _filed(case).objection
    objection = decide_admissibility(objection=objection, admit=True, reason="", actor=case.office)
    receipt = objection.letters.get()
    assert receipt.file is None and not _letter_files().exists() and rendered_contexts == []
    with django_capture_on_commit_callbacks(execute=True):
        decide_outcome(objection=objection, upheld=False, reason="异议不成立", actor=case.office)
    letters = {letter.kind: letter for letter in objection.letters.all()}
    assert set(letters) == {LetterKind.RECEIPT, *letters_domain.RESULT_KINDS}
    assert letters[LetterKind.RECEIPT].file is None  # its commit hook was never run
    assert all(letters[kind].file.uploaded_by == case.office for kind in letters_domain.RESULT_KINDS)
    for letter in letters.values():
        assert "王秀英" not in json.dumps(letter.context, ensure_ascii=False)
    printed = {context["addressee"] for context in rendered_contexts}
    assert printed == {"王秀英", case.application.applicant.name, case.unit.name}
    assert AuditEvent.objects.filter(action="objection.render_letter").count() == 3


@pytest.mark.django_db
def test_a_letter_never_rendered_is_rendered_on_first_download(client, rendered_contexts):
    case = make_case()
    filed = _filed(case)
    decide_admissibility(objection=filed.objection, admit=True, reason="", actor=case.office)
    receipt = filed.objection.letters.get()
    # The objector fetches the receipt with the receipt number and access code.
    response = client.post(
        reverse("objections:status_letter"),
        {"number": filed.objection.number, "token": filed.token, "letter": receipt.pk},
    )
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert [c["addressee"] for c in rendered_contexts] == ["王秀英"]
    receipt.refresh_from_db()
    assert receipt.file.uploaded_by == case.office and receipt.file.owner == filed.objection
    # The office downloads the same file; nothing is rendered again.
    client.force_login(case.office)
    again = client.get(reverse("objections:letter", args=[receipt.pk]))
    assert again.status_code == 200 and b"".join(again.streaming_content).startswith(b"%PDF")
    assert len(rendered_contexts) == 1 and _letter_files().count() == 1


@pytest.mark.django_db
def test_a_letter_the_system_issues_is_stored_without_an_actor(django_capture_on_commit_callbacks):
    """After a missed verification deadline the system decides (吉林 第三十七条(四)); the written
    results it issues have no issuer, nor do their files and audit events."""
    case = make_case()
    objection = decide_admissibility(
        objection=_filed(case).objection, admit=True, reason="", actor=case.office
    )
    request_verification(objection=objection, actor=case.office, message="请核实", today=dt.date(2026, 4, 13))
    apply_missed_deadlines(today=dt.date(2026, 4, 28))
    objection.refresh_from_db()
    assert objection.outcome == Outcome.RECOMMENDER_MISSED
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        letter = letters_domain.issue_letter(objection=objection, kind=LetterKind.RESULT_SUBJECT, actor=None)
    assert letter.issued_by is None and letter.file.uploaded_by is None and letter.file.size > 1000
    event = AuditEvent.objects.get(action="objection.render_letter")
    assert event.actor is None and event.after["file"] == str(letter.file.pk)


@pytest.mark.django_db(transaction=True)
def test_two_downloads_racing_render_one_file():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time by design; run with DATABASE_URL=postgres://…")
    case = make_case()
    objection = decide_admissibility(
        objection=_filed(case).objection, admit=True, reason="", actor=case.office
    )
    pk = objection.letters.get().pk
    ObjectionLetter.objects.filter(pk=pk).update(file=None)  # as if its commit hook had failed
    _letter_files().delete()
    start = threading.Barrier(4)
    files, errors = [], []

    def download() -> None:
        try:
            start.wait()
            files.append(letters_domain.render_letter(ObjectionLetter.objects.get(pk=pk)).pk)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=download) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(set(files)) == 1
    assert _letter_files().count() == 1 and ObjectionLetter.objects.get(pk=pk).file_id == files[0]
    check = verify_chain()
    assert check.ok, check.reason
