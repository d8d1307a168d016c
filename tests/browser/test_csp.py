"""The pages work under the Content Security Policy: a real browser reports no violation on the
login page, the second-factor pages, the landing page and the rulebook comparison (htmx)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from qaward.staff.demo_accounts import DEMO_ACCOUNTS

from .test_smoke import browser_page, demo_loaded  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Added before any page script runs (Playwright injects it outside the page's CSP), so every
# violation reaches the console even where Chrome would only count it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
"""


@pytest.fixture
def mfa_enforced(settings):
    settings.QAWARD_MFA_ENFORCED = True
    settings.QAWARD_DEMO = True


@pytest.fixture
def fresh_staff(db):
    # No authenticator yet: the login leads to the setup page with its QR code.
    user = get_user_model().objects.create_user(
        username="newstaff", password="Songhua-River-2026", is_staff=True
    )
    return user


def watch(page) -> list[str]:
    violations: list[str] = []
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda msg: (
            violations.append(msg.text)
            if msg.type in ("error", "warning")
            and ("Content Security Policy" in msg.text or "CSP" in msg.text)
            else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(f"js error: {error}"))
    return violations


def log_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form[action='/accounts/login/'] button[type=submit]")
    page.wait_for_load_state()


def test_no_csp_violations(live_server, demo_loaded, fresh_staff, mfa_enforced, browser_page):  # noqa: F811
    page, failures = browser_page
    violations = watch(page)
    base = live_server.url
    admin = next(a for a in DEMO_ACCOUNTS if a.is_superuser)

    page.goto(base + "/accounts/login/")
    code = page.locator(f'tr[data-demo-account="{admin.username}"] code[data-demo-code]').inner_text()
    log_in(page, base, admin.username, admin.password)
    assert "/accounts/security/mfa/verify/" in page.url
    page.fill("#id_code", code)
    page.click("main form button[type=submit]")
    page.wait_for_url(base + "/")
    assert page.locator("article[data-program]").count() >= 1
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.evaluate("typeof window.bootstrap") == "object"

    page.goto(base + "/rulebooks/compare/")
    page.wait_for_load_state("networkidle")
    # "Differences only" swaps the table in with htmx.
    with page.expect_response(
        lambda r: "/rulebooks/compare/" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        page.check("#compare-only")
    page.wait_for_load_state("networkidle")
    assert page.locator("#compare-table table").count() >= 1

    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/accounts/login/")
    log_in(page, base, "newstaff", "Songhua-River-2026")
    assert "/accounts/security/mfa/setup/" in page.url
    assert page.locator("svg.qa-qr").is_visible()
    assert re.fullmatch(r"[A-Z2-7 ]+", page.get_by_test_id("totp-secret").inner_text())

    assert violations == []
    assert failures == []

    # The detector itself works: an inline script is refused and reported.
    page.evaluate("""() => { const s = document.createElement("script");
                              s.textContent = "window.__inline = 1"; document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__inline") is None
    assert any("script-src" in v for v in violations), violations
