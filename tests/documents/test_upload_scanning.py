"""store_upload with a (fake) clamd: clean, infected (refused and audited), scanner down."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from qaward.audit.models import AuditEvent
from qaward.documents.domain import store_upload
from qaward.documents.enums import ScanStatus
from qaward.documents.models import StoredFile

from .conftest import files_on_disk
from .fake_clamd import FakeClamd
from .samples import pdf_bytes, upload

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def clamd_socket(settings, tmp_path_factory):
    # A short directory: unix socket paths are limited to about 108 bytes.
    path = tmp_path_factory.mktemp("clamd") / "s"
    settings.QAWARD_CLAMD_SOCKET = str(path)
    return path


def test_clean_file_is_stored_as_clean(clamd_socket, applicant, program):
    data = pdf_bytes("clean")
    with FakeClamd(unix_path=clamd_socket, reply="stream: OK") as daemon:
        stored = store_upload(
            uploaded_file=upload("申报表.pdf", data),
            slot="application_form",
            actor=applicant,
            program=program,
        )
    assert daemon.received == [data]
    assert (stored.scan_status, stored.scan_detail) == (ScanStatus.CLEAN, "")
    assert AuditEvent.objects.get(action="file.upload").after["scan_status"] == "clean"


def test_infected_file_is_refused_and_audited(clamd_socket, applicant, program, private_root):
    with (
        FakeClamd(unix_path=clamd_socket, reply="stream: Win.Test.EICAR_HDB-1 FOUND"),
        pytest.raises(ValidationError) as exc,
    ):
        store_upload(
            uploaded_file=upload("申报表.pdf", pdf_bytes()),
            slot="application_form",
            actor=applicant,
            program=program,
        )
    assert exc.value.code == "infected"
    assert exc.value.messages == ["“申报表.pdf”含有病毒（Win.Test.EICAR_HDB-1），未予接收。"]
    assert files_on_disk(private_root) == []
    assert not StoredFile.objects.exists()
    event = AuditEvent.objects.get(action="file.rejected_infected")
    assert (event.actor, event.program) == (applicant, program)
    assert event.after["scan_detail"] == "Win.Test.EICAR_HDB-1"
    assert event.after["original_name"] == "申报表.pdf"
    assert not AuditEvent.objects.filter(action="file.upload").exists()


def test_scanner_down_stores_with_scan_error(clamd_socket, applicant):
    # No daemon listens on the socket.
    stored = store_upload(
        uploaded_file=upload("申报表.pdf", pdf_bytes()), slot="application_form", actor=applicant
    )
    assert stored.scan_status == ScanStatus.ERROR
    assert stored.scan_detail.startswith("clamd unreachable")
    event = AuditEvent.objects.get(action="file.upload")
    assert event.after["scan_status"] == "error"


def test_scanner_error_reply_stores_with_scan_error(clamd_socket, applicant):
    with FakeClamd(unix_path=clamd_socket, reply="INSTREAM size limit exceeded. ERROR"):
        stored = store_upload(
            uploaded_file=upload("申报表.pdf", pdf_bytes()), slot="application_form", actor=applicant
        )
    assert (stored.scan_status, stored.scan_detail) == (
        ScanStatus.ERROR,
        "INSTREAM size limit exceeded. ERROR",
    )


def test_scanner_required_refuses_while_it_is_down(clamd_socket, settings, applicant, private_root):
    settings.QAWARD_CLAMD_REQUIRED = True
    with pytest.raises(ValidationError) as exc:
        store_upload(
            uploaded_file=upload("申报表.pdf", pdf_bytes()), slot="application_form", actor=applicant
        )
    assert exc.value.code == "scan_unavailable"
    assert exc.value.messages == ["病毒扫描服务暂不可用，无法检查“申报表.pdf”，请稍后再上传。"]
    assert files_on_disk(private_root) == []
    assert AuditEvent.objects.filter(action="file.rejected_scan_error").count() == 1


def test_infected_trade_secret_keeps_its_name_out_of_the_log(clamd_socket, applicant):
    with FakeClamd(unix_path=clamd_socket, reply="stream: X FOUND"), pytest.raises(ValidationError):
        store_upload(
            uploaded_file=upload("核心配方.pdf", pdf_bytes()),
            slot="evidence",
            actor=applicant,
            trade_secret=True,
        )
    event = AuditEvent.objects.get(action="file.rejected_infected")
    assert "核心配方" not in str(event.after)
