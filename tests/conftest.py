"""Shared fixtures for the Django test suites."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def load_demo(settings):
    """Run ``manage.py load_demo`` (demo mode on) and return its output."""

    def run() -> str:
        settings.QAWARD_DEMO = True
        out = StringIO()
        call_command("load_demo", stdout=out, stderr=out)
        return out.getvalue()

    return run


@pytest.fixture
def demo(db, load_demo) -> str:
    """The demo programs, cycles and accounts, loaded once for the test."""
    return load_demo()
