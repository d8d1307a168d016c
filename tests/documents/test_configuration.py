"""Configuration of the private storage and the scanner: checked at startup, never served."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from qaward.documents.checks import private_root_not_served
from qaward.documents.domain import store_upload
from qaward.documents.slots import MB, SLOTS, format_size
from qaward.documents.storage import private_storage

from .samples import pdf_bytes, upload

REPO = Path(__file__).resolve().parents[2]


def settings_import(**env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("QAWARD_CLAMD")}
    return subprocess.run(
        [sys.executable, "-c", "import qaward.settings"],
        env=base | {"DEBUG": "true"} | env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.integration
@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"QAWARD_CLAMD_TCP": "clamav"}, "QAWARD_CLAMD_TCP must be host:port"),
        ({"QAWARD_CLAMD_TCP": "clamav:99999"}, "QAWARD_CLAMD_TCP must be host:port"),
        ({"QAWARD_CLAMD_TCP": "a:1", "QAWARD_CLAMD_SOCKET": "/run/clamd.sock"}, "not both"),
        ({"QAWARD_CLAMD_REQUIRED": "true"}, "no clamd is configured"),
    ],
)
def test_bad_scanner_settings_stop_the_process(env, message):
    result = settings_import(**env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.integration
def test_good_scanner_settings_load():
    result = settings_import(QAWARD_CLAMD_TCP="127.0.0.1:3310", QAWARD_CLAMD_REQUIRED="true")
    assert result.returncode == 0, result.stderr


@pytest.mark.unit
def test_private_files_have_no_url(private_root):
    storage = private_storage()
    name = storage.save("x/y.pdf", ContentFile(b"%PDF-"))
    with pytest.raises(NotImplementedError):
        storage.url(name)


@pytest.mark.unit
def test_private_root_inside_static_root_is_an_error(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.QAWARD_PRIVATE_ROOT = tmp_path / "static" / "private"
    (error,) = private_root_not_served()
    assert error.id == "documents.E001"
    settings.QAWARD_PRIVATE_ROOT = tmp_path / "private"
    assert private_root_not_served() == []


@pytest.mark.unit
def test_slot_table():
    assert {code: (slot.allowed_labels, format_size(slot.max_bytes)) for code, slot in SLOTS.items()} == {
        "application_form": ("PDF", "20 MB"),
        "self_evaluation": ("PDF、Word (.docx)", "50 MB"),
        "evidence": ("PDF、JPEG、PNG、Word (.docx)、Excel (.xlsx)", "50 MB"),
        "id_proof": ("PDF、JPEG、PNG", "10 MB"),
        "sealed_letter": ("PDF、JPEG、PNG", "10 MB"),
        "publicity_proof": ("PDF、JPEG、PNG", "20 MB"),
        "credit_check": ("PDF、JPEG、PNG", "20 MB"),
        "official_letter": ("PDF", "20 MB"),
    }


@pytest.mark.integration
@pytest.mark.django_db
def test_size_limit_is_inclusive(applicant):
    exactly = pdf_bytes() + b"\0" * (10 * MB - len(pdf_bytes()))
    stored = store_upload(uploaded_file=upload("身份证.pdf", exactly), slot="id_proof", actor=applicant)
    assert stored.size == 10 * MB
