"""Types come from the bytes; ZIP containers are checked without extracting them."""

from __future__ import annotations

import io
import zipfile

import pytest

from qaward.documents import archives
from qaward.documents.filetypes import DOCX, JPEG, PDF, PNG, XLSX, Sniffed, ooxml_type, sniff

from .samples import (
    DOCM_MAIN,
    docx_bytes,
    exe_bytes,
    jpeg_bytes,
    mark_encrypted,
    ooxml_bytes,
    pdf_bytes,
    png_bytes,
    xlsx_bytes,
    zip_bytes,
)

pytestmark = pytest.mark.unit

MiB = 1024 * 1024


@pytest.mark.parametrize(
    ("data", "expected"),
    [(pdf_bytes(), PDF), (png_bytes(), PNG), (jpeg_bytes(), JPEG)],
)
def test_single_part_types_are_recognised(data, expected):
    assert sniff(io.BytesIO(data)).file_type == expected


def test_pdf_must_start_with_the_signature():
    # Readers tolerate junk before %PDF-; we do not (a polyglot could hide in front).
    sniffed = sniff(io.BytesIO(b"MZ junk " + pdf_bytes()))
    assert sniffed.file_type is None


def test_our_signature_check_does_not_rely_on_puremagic_alone(monkeypatch):
    # Should a puremagic release grow a looser PDF rule (say, "%%EOF" in the footer), a file
    # that does not start with %PDF- must still not pass as a PDF.
    from qaward.documents import filetypes

    monkeypatch.setattr(filetypes, "_candidates", lambda stream: ["application/pdf", "image/png"])
    assert sniff(io.BytesIO(b"MZ\x90\x00 ... %%EOF\n")).file_type is None
    assert sniff(io.BytesIO(b"\x89PNG\r\n\x1a\n")).file_type == PNG


def test_executable_is_recognised_as_such_not_as_its_name_says():
    sniffed = sniff(io.BytesIO(exe_bytes()))
    assert sniffed.file_type is None
    assert sniffed.detected == "application/vnd.microsoft.portable-executable"


def test_unknown_bytes():
    assert sniff(io.BytesIO(b"just some text")) == Sniffed(None, is_zip=False, detected="")


@pytest.mark.parametrize(("data", "expected"), [(docx_bytes(), DOCX), (xlsx_bytes(), XLSX)])
def test_ooxml_is_a_zip_then_decided_by_its_declared_main_part(data, expected):
    sniffed = sniff(io.BytesIO(data))
    assert sniffed.is_zip and sniffed.file_type is None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert ooxml_type(archive) == expected


def test_macro_enabled_documents_and_plain_zips_are_not_docx():
    for data in (ooxml_bytes(DOCM_MAIN), zip_bytes({"word/document.xml": b"<w/>"})):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert ooxml_type(archive) is None


class TestArchiveChecks:
    def refusal(self, data: bytes, limits=archives.DEFAULT_LIMITS) -> archives.ArchiveRefused:
        with pytest.raises(archives.ArchiveRefused) as exc:
            archives.inspect_zip(io.BytesIO(data), limits)
        return exc.value

    def test_a_normal_docx_passes(self):
        archives.inspect_zip(io.BytesIO(docx_bytes({"word/media/image1.png": png_bytes()})))

    def test_highly_compressible_entry_is_a_bomb(self):
        refusal = self.refusal(docx_bytes({"word/media/zeros.bin": b"\0" * (5 * MiB)}))
        assert refusal.code == "archive_ratio"
        assert refusal.params == {"entry": "word/media/zeros.bin", "limit": 100}

    def test_overall_ratio(self):
        # Each entry stays under the floor; together they are one big, thin balloon.
        entries = {f"part{i}.xml": b"\0" * (900 * 1024) for i in range(4)}
        assert self.refusal(docx_bytes(entries)).code == "archive_ratio_overall"

    def test_small_compressible_entries_are_not_bombs(self):
        archives.inspect_zip(io.BytesIO(docx_bytes({"xl/styles.xml": b"<x/>" * 50_000})))

    @pytest.mark.parametrize(
        ("uncompressed", "compressed", "exceeded"),
        [(2_000_000, 20_000, False), (2_000_000, 19_999, True), (MiB, 1, False), (MiB + 1, 0, True)],
    )
    def test_ratio_boundary(self, uncompressed, compressed, exceeded):
        assert archives.ratio_exceeded(uncompressed, compressed, archives.DEFAULT_LIMITS) is exceeded

    def test_total_uncompressed_size(self):
        limits = archives.ArchiveLimits(max_total_uncompressed=10_000, max_ratio=10**6)
        refusal = self.refusal(docx_bytes({"big.bin": b"a" * 10_001}), limits)
        assert refusal.code == "archive_too_large"
        assert refusal.params == {"limit": 10_000}

    def test_entry_count(self):
        entries = {f"customXml/item{i}.xml": b"" for i in range(10_000)}
        refusal = self.refusal(docx_bytes(entries))
        assert refusal.code == "archive_too_many_entries"
        assert refusal.params == {"limit": 10_000}

    @pytest.mark.parametrize(
        "name",
        [
            "../../etc/cron.d/evil",
            "word/../../evil.xml",
            "/etc/passwd",
            "\\\\server\\share",
            "C:/evil.xml",
            "a\\..\\b",
        ],
    )
    def test_path_tricks(self, name):
        refusal = self.refusal(docx_bytes({name: b"<x/>"}))
        assert refusal.code == "archive_unsafe_path"
        assert refusal.params["entry"] == name

    def test_entry_names_in_messages_are_made_visible(self):
        refusal = self.refusal(docx_bytes({"../\u202eevil\x07.xml": b"<x/>"}))
        assert refusal.params["entry"] == "../evil.xml"

    @pytest.mark.parametrize("name", ["word/..hidden.xml", "word/a..b.xml"])
    def test_dots_inside_names_are_fine(self, name):
        archives.inspect_zip(io.BytesIO(docx_bytes({name: b"<x/>"})))

    def test_encrypted_entry(self):
        data = mark_encrypted(docx_bytes({"word/secret.xml": b"<x/>"}), "word/secret.xml")
        refusal = self.refusal(data)
        assert refusal.code == "archive_encrypted"
        assert refusal.params == {"entry": "word/secret.xml"}

    def test_one_level_of_nesting_is_checked_and_allowed(self):
        archives.inspect_zip(io.BytesIO(docx_bytes({"word/embeddings/sheet.xlsx": xlsx_bytes()})))

    def test_nested_archive_is_checked_like_the_outer_one(self):
        inner = zip_bytes({"../escape.xml": b"<x/>"})
        assert self.refusal(docx_bytes({"word/embeddings/a.bin": inner})).code == "archive_unsafe_path"

    def test_archive_two_levels_deep(self):
        deepest = zip_bytes({"x.txt": b"x"})
        middle = zip_bytes({"deeper.zip": deepest})
        refusal = self.refusal(docx_bytes({"word/embeddings/innocent.xml": middle}))
        assert refusal.code == "archive_nested"
        assert refusal.params == {"entry": "deeper.zip"}

    def test_archives_we_cannot_look_into(self):
        import gzip

        refusal = self.refusal(docx_bytes({"word/media/photo.png": gzip.compress(b"hidden")}))
        assert refusal.code == "archive_nested"

    def test_damaged_zip(self):
        assert self.refusal(docx_bytes()[:-30]).code == "archive_corrupt"
