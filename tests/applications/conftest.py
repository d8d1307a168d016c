"""Fixtures of the applicant-side tests: private storage in a temporary directory, no scanner."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    root = tmp_path / "private"
    settings.QAWARD_PRIVATE_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "qaward.documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": root, "base_url": None},
        },
    }
    settings.QAWARD_CLAMD_SOCKET = ""
    settings.QAWARD_CLAMD_TCP = ""
    settings.QAWARD_CLAMD_REQUIRED = False
    return root
