"""store_upload: each refusal with its Chinese message, what is stored, the audit event, and no
orphan bytes after a rollback."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from qaward.audit.models import AuditEvent
from qaward.documents.domain import store_upload
from qaward.documents.enums import FileState, ScanStatus
from qaward.documents.models import StoredFile

from .conftest import files_on_disk
from .samples import (
    DOCM_MAIN,
    docx_bytes,
    exe_bytes,
    jpeg_bytes,
    mark_encrypted,
    ooxml_bytes,
    pdf_bytes,
    png_bytes,
    upload,
    xlsx_bytes,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MiB = 1024 * 1024


def refusal(**kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        store_upload(**kwargs)
    return exc.value


def message(error: ValidationError) -> str:
    (text,) = error.messages
    return text


class TestRefusals:
    """Each check refuses with a message naming the file and the limit, and leaves no trace."""

    @pytest.fixture(autouse=True)
    def nothing_left_behind(self, private_root):
        yield
        assert files_on_disk(private_root) == []
        assert not StoredFile.objects.exists()

    def test_empty_file(self, applicant):
        error = refusal(uploaded_file=upload("空文件.pdf", b""), slot="application_form", actor=applicant)
        assert error.code == "empty"
        assert message(error) == "“空文件.pdf”是空文件。"

    def test_declared_size_over_the_slot_limit(self, applicant):
        data = pdf_bytes() + b"\0" * (10 * MiB)  # 10 MB is the limit of id_proof
        error = refusal(uploaded_file=upload("身份证.pdf", data), slot="id_proof", actor=applicant)
        assert error.code == "too_large"
        assert message(error) == "“身份证.pdf”超过了“身份证明”的大小上限 10 MB。"

    def test_bytes_are_counted_whatever_size_is_declared(self, applicant):
        lying = upload("申报表.pdf", pdf_bytes() + b"\0" * (20 * MiB))
        lying.size = 1000  # a client-supplied figure, not to be trusted
        error = refusal(uploaded_file=lying, slot="application_form", actor=applicant)
        assert error.code == "too_large"
        assert "20 MB" in message(error)

    def test_declared_size_refuses_before_reading(self, applicant):
        class Huge:
            name = "大文件.pdf"
            size = 20 * MiB + 1

            def chunks(self, chunk_size=None):
                raise AssertionError("a file declared too large must not be read")

        error = refusal(uploaded_file=Huge(), slot="application_form", actor=applicant)
        assert error.code == "too_large"

    def test_empty_content_whatever_size_is_declared(self, applicant):
        lying = upload("空文件.pdf", b"")
        lying.size = 5000
        error = refusal(uploaded_file=lying, slot="application_form", actor=applicant)
        assert error.code == "empty"

    def test_executable_renamed_pdf(self, applicant):
        error = refusal(
            uploaded_file=upload("申报表.pdf", exe_bytes(), "application/pdf"),
            slot="application_form",
            actor=applicant,
        )
        assert error.code == "type_not_allowed"
        assert message(error) == (
            "“申报表.pdf”的实际内容是 application/vnd.microsoft.portable-executable，"
            "“申报表”不接受这种文件（允许：PDF）。文件类型以内容为准，与扩展名无关。"
        )

    def test_png_in_a_pdf_only_slot(self, applicant):
        error = refusal(
            uploaded_file=upload("申报表.pdf", png_bytes(), "application/pdf"),
            slot="application_form",
            actor=applicant,
        )
        assert error.code == "type_not_allowed"
        assert "image/png" in message(error) and "允许：PDF" in message(error)

    def test_unrecognisable_content(self, applicant):
        error = refusal(uploaded_file=upload("说明.pdf", "纯文本".encode()), slot="evidence", actor=applicant)
        assert error.code == "type_unknown"
        assert message(error) == (
            "无法从内容识别“说明.pdf”的文件类型；“证明材料”接受 PDF、JPEG、PNG、Word (.docx)、Excel (.xlsx)。"
        )

    def test_docx_in_a_pdf_only_slot(self, applicant):
        error = refusal(
            uploaded_file=upload("申报表.docx", docx_bytes()), slot="application_form", actor=applicant
        )
        assert error.code == "type_not_allowed"
        assert "ZIP" in message(error)

    def test_xlsx_where_only_pdf_or_docx(self, applicant):
        error = refusal(
            uploaded_file=upload("自评报告.docx", xlsx_bytes()), slot="self_evaluation", actor=applicant
        )
        assert error.code == "type_not_allowed"
        assert "Excel (.xlsx)" in message(error) and "PDF、Word (.docx)" in message(error)

    def test_macro_enabled_document(self, applicant):
        error = refusal(
            uploaded_file=upload("自评报告.docx", ooxml_bytes(DOCM_MAIN)),
            slot="self_evaluation",
            actor=applicant,
        )
        assert error.code == "type_not_allowed"

    def test_zip_bomb_docx(self, applicant):
        bomb = docx_bytes({"word/media/image1.png": b"\0" * (50 * MiB)})
        assert len(bomb) < MiB  # small on the wire …
        error = refusal(uploaded_file=upload("证明材料.docx", bomb), slot="evidence", actor=applicant)
        assert error.code == "archive_ratio"
        assert message(error) == (
            "“证明材料.docx”中的条目（word/media/image1.png）压缩比超过 100:1，"
            "这是“压缩炸弹”的典型特征，不能接收该文件。"
        )

    def test_path_traversal_entry(self, applicant):
        data = docx_bytes({"../../../../etc/cron.d/job": b"* * * * * root sh"})
        error = refusal(uploaded_file=upload("证明材料.docx", data), slot="evidence", actor=applicant)
        assert error.code == "archive_unsafe_path"
        assert "../../../../etc/cron.d/job" in message(error)

    def test_encrypted_entry(self, applicant):
        data = mark_encrypted(docx_bytes({"word/secret.xml": b"<x/>"}), "word/secret.xml")
        error = refusal(uploaded_file=upload("证明材料.docx", data), slot="evidence", actor=applicant)
        assert error.code == "archive_encrypted"
        assert message(error) == "“证明材料.docx”包含加密条目（word/secret.xml），请去除密码后重新上传。"

    def test_unknown_slot_is_a_programming_error(self, applicant):
        with pytest.raises(ValueError, match="unknown upload slot"):
            store_upload(uploaded_file=upload("a.pdf", pdf_bytes()), slot="nonsense", actor=applicant)


class TestStoring:
    def test_stored_row_and_bytes(self, applicant, program, private_root):
        data = pdf_bytes("申报表内容")
        stored = store_upload(
            uploaded_file=upload("吉林省质量奖申报表（2026）.pdf", data, "text/plain"),
            slot="application_form",
            actor=applicant,
            program=program,
        )
        stored.refresh_from_db()
        assert stored.original_name == "吉林省质量奖申报表（2026）.pdf"
        assert stored.content_type == "application/pdf"  # sniffed, not the browser's text/plain
        assert stored.size == len(data)
        assert stored.sha256 == hashlib.sha256(data).hexdigest()
        assert stored.program == program
        assert stored.uploaded_by == applicant
        assert stored.scan_status == ScanStatus.NOT_SCANNED
        assert stored.get_scan_status_display() == "未扫描"
        assert stored.state == FileState.ACTIVE
        assert stored.trade_secret is False
        assert (private_root / stored.storage_name).read_bytes() == data

    def test_storage_name_contains_no_user_input(self, applicant, private_root):
        hostile = "../../etc/passwd 申报表 <script>.png"
        stored = store_upload(uploaded_file=upload(hostile, png_bytes()), slot="evidence", actor=applicant)
        assert re.fullmatch(r"\d{4}/\d{2}/[0-9a-f]{32}\.png", stored.storage_name)
        assert stored.storage_name.split("/")[-1] == f"{stored.pk.hex}.png"
        assert stored.original_name == "passwd 申报表 <script>.png"
        (on_disk,) = files_on_disk(private_root)
        assert on_disk == private_root / stored.storage_name

    def test_extension_is_the_sniffed_one(self, applicant):
        stored = store_upload(
            uploaded_file=upload("scan.pdf", jpeg_bytes()), slot="evidence", actor=applicant
        )
        assert stored.content_type == "image/jpeg"
        assert stored.storage_name.endswith(".jpg")
        assert stored.original_name == "scan.pdf"  # kept as given, as data

    @pytest.mark.parametrize(
        ("data", "mime"),
        [
            (
                docx_bytes({"word/embeddings/sheet.xlsx": xlsx_bytes()}),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            (xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ],
    )
    def test_office_documents(self, applicant, data, mime):
        stored = store_upload(uploaded_file=upload("材料", data), slot="evidence", actor=applicant)
        assert stored.content_type == mime

    def test_owner_and_trade_secret(self, applicant, program):
        stored = store_upload(
            uploaded_file=upload("工艺.pdf", pdf_bytes()),
            slot="evidence",
            actor=applicant,
            program=program,
            owner=program,  # any model instance; applications will be the usual owners
            trade_secret=True,
        )
        stored.refresh_from_db()
        assert stored.owner == program
        assert stored.trade_secret is True

    def test_one_audit_event_without_content(self, applicant, program):
        data = pdf_bytes("机密内容 SECRET-BODY")
        stored = store_upload(
            uploaded_file=upload("申报表.pdf", data),
            slot="application_form",
            actor=applicant,
            program=program,
        )
        (event,) = AuditEvent.objects.filter(object_id=str(stored.pk))
        assert event.action == "file.upload"
        assert event.actor == applicant
        assert event.program == program
        assert event.object_type == "documents.storedfile"
        assert event.after == {
            "slot": "application_form",
            "original_name": "申报表.pdf",
            "content_type": "application/pdf",
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "storage_name": stored.storage_name,
            "confidential": False,
            "scan_status": "not_scanned",
            "scan_detail": "",
            "owner": "",
        }
        assert "SECRET-BODY" not in str(event.after)

    def test_trade_secret_name_stays_out_of_the_audit_log(self, applicant, program):
        stored = store_upload(
            uploaded_file=upload("核心配方.pdf", pdf_bytes()),
            slot="evidence",
            actor=applicant,
            program=program,
            trade_secret=True,
        )
        event = AuditEvent.objects.get(object_id=str(stored.pk))
        assert event.after["original_name"] == ""
        assert "核心配方" not in event.object_label


class TestRollback:
    def test_failed_audit_write_removes_the_bytes(self, applicant, private_root, monkeypatch):
        def broken_record(**kwargs):
            raise RuntimeError("audit unavailable")

        monkeypatch.setattr("qaward.audit.domain.record", broken_record)
        with pytest.raises(RuntimeError, match="audit unavailable"):
            store_upload(
                uploaded_file=upload("申报表.pdf", pdf_bytes()), slot="application_form", actor=applicant
            )
        assert files_on_disk(private_root) == []
        assert not StoredFile.objects.exists()

    def test_enclosing_transaction_rolled_back_later(self, applicant, private_root):
        class Later(Exception):
            pass

        with pytest.raises(Later), transaction.atomic():
            stored = store_upload(
                uploaded_file=upload("申报表.pdf", pdf_bytes()), slot="application_form", actor=applicant
            )
            assert files_on_disk(private_root) == [private_root / stored.storage_name]
            raise Later
        assert files_on_disk(private_root) == []
        assert not StoredFile.objects.exists()

    def test_committed_upload_keeps_its_bytes(
        self, applicant, private_root, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
            stored = store_upload(
                uploaded_file=upload("申报表.pdf", pdf_bytes()), slot="application_form", actor=applicant
            )
        assert len(callbacks) == 1
        assert files_on_disk(private_root) == [private_root / stored.storage_name]
