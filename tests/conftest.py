"""Shared fixtures for the Django test suites."""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import settings as hypothesis_settings

# CI explores the same examples every run (reproducible verdicts); local runs explore new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()


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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After every database test, the audit chain its workflows wrote must still verify
    (issue 3: ``qaward audit verify`` passes after the whole suite's workflows). Runs while the
    test's fixtures (and its database) are still in place. Tests that tamper on purpose carry
    the ``audit_tampered`` marker and are exempt."""
    result = yield
    uses_db = {"db", "transactional_db"} & set(item.fixturenames) or item.get_closest_marker("django_db")
    if uses_db and not item.get_closest_marker("audit_tampered"):
        from qaward.audit.domain.queries import verify_chain

        check = verify_chain()
        assert check.ok, (
            f"audit chain broken after this test at event {check.first_broken_id}: {check.reason}"
        )
    return result


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium(monkeypatch):
    """Debian's chromium driven by Playwright (never `playwright install`). Missing, the test is
    skipped on a developer machine and fails under CI=true, so CI cannot silently lose a
    browser check."""
    # Playwright's sync API runs an event loop in this thread, and Django's ORM refuses to run
    # under a loop unless told it is safe. Set only while the browser is open: a process-wide
    # setting would leak into other tests (and `check --deploy` flags it as async.E001).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
