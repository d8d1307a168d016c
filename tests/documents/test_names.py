"""The user's file name is data: sanitised for display, never used on disk."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qaward.documents.names import MAX_ORIGINAL_NAME, generate_storage_name, sanitise_original_name

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("given_name", "expected"),
    [
        ("申报表.pdf", "申报表.pdf"),
        ("C:\\Users\\张三\\Desktop\\自评报告.docx", "自评报告.docx"),
        ("../../etc/passwd", "passwd"),
        ("..", "file"),
        ("...pdf", "pdf"),
        ("report..final.pdf", "report.final.pdf"),
        ("evil\u202efdp.exe", "evilfdp.exe"),
        ("line\nbreak\x00.pdf", "linebreak.pdf"),
        ("  .hidden.pdf. ", "hidden.pdf"),
        ("", "file"),
        (None, "file"),
    ],
)
def test_sanitise_original_name(given_name, expected):
    assert sanitise_original_name(given_name) == expected


def test_long_names_keep_their_extension():
    name = sanitise_original_name("质" * 300 + ".pdf")
    assert len(name) == MAX_ORIGINAL_NAME
    assert name.endswith("质.pdf")


@given(st.text(max_size=400))
def test_sanitised_names_are_never_paths(text):
    name = sanitise_original_name(text)
    assert 0 < len(name) <= MAX_ORIGINAL_NAME
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not any(ord(ch) < 32 or ch == "\u202e" for ch in name)


def test_storage_name_is_date_uuid_and_sniffed_extension():
    file_id = uuid.UUID("12345678123456781234567812345678")
    name = generate_storage_name(file_id=file_id, extension="pdf", when=datetime(2026, 3, 9, tzinfo=UTC))
    assert name == "2026/03/12345678123456781234567812345678.pdf"


@pytest.mark.parametrize("extension", ["", "p/df", "..", "PDF", "pdf.exe"])
def test_storage_name_refuses_odd_extensions(extension):
    with pytest.raises(ValueError):
        generate_storage_name(
            file_id=uuid.uuid4(), extension=extension, when=datetime(2026, 1, 1, tzinfo=UTC)
        )
