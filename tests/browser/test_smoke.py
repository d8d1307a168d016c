"""Browser smoke test: Debian's chromium, driven by Playwright, against the live server.

Never run `playwright install`: the test uses /usr/bin/chromium. Without it the test is skipped
on a developer machine and fails under CI=true, so CI cannot silently lose its browser check.
"""

from __future__ import annotations

import pytest

from qaward.staff.demo_accounts import DEMO_ACCOUNTS

PROGRAM_NAMES = ["吉林省质量奖", "长春市市长质量奖", "塔城地区政府质量奖", "晋中市质量奖", "吉安市市长质量奖"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(chromium):
    # An English browser locale: the site must still come up in Chinese.
    page = chromium.new_context(locale="en-US").new_page()
    failures: list[str] = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("pageerror", lambda e: failures.append(f"js error: {e}"))
    return page, failures


@pytest.fixture
def demo_loaded(load_demo) -> None:
    # Load before the browser opens: while Playwright's loop runs, Django keeps this thread's
    # connections per context, and a connection opened then is never closed (PostgreSQL then
    # refuses to drop the test database).
    load_demo()


def test_staff_logs_in_and_sees_the_programs(live_server, demo_loaded, browser_page):
    page, failures = browser_page
    account = next(a for a in DEMO_ACCOUNTS if a.username == "jilin_staff")

    page.goto(live_server.url + "/")
    assert page.url.startswith(live_server.url + "/accounts/login/")
    assert "政府质量奖评审管理系统" in page.title()
    assert page.get_by_text("演示账号").is_visible()

    page.fill("#id_username", account.username)
    page.fill("#id_password", account.password)
    page.click("form[action='/accounts/login/'] button[type=submit]")
    page.wait_for_url(live_server.url + "/")

    # Office staff see the program they work for, not the others.
    cards = page.locator("article[data-program]")
    assert cards.count() == 1
    assert page.get_by_role("heading", name=PROGRAM_NAMES[0]).is_visible()
    for name in PROGRAM_NAMES[1:]:
        assert page.get_by_role("heading", name=name).count() == 0
    # The static assets came from our own server and ran.
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.evaluate("typeof window.bootstrap") == "object"

    page.click("button[name=language][value=en]")
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Award programs").is_visible()

    page.click("button[name=language][value=zh-hans]")
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/accounts/login/")
    assert failures == []
