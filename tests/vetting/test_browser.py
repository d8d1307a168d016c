"""Browser: a recommending unit reviews an application and recommends it (Debian's chromium)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.vetting import steps
from tests.vetting.world import build

from qaward.applications.enums import ApplicationState as S
from qaward.vetting.domain import lists

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(chromium):
    page = chromium.new_page(locale="zh-CN")
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page, errors


@pytest.fixture
def world():
    w = build("jilin-2023")
    application = w.application()
    # The departments the unit consulted have answered (第十九条: consult, then publish).
    steps.answer_all(w, application, "recommender", w.recommender)
    return w, application


def test_recommender_reviews_and_recommends(live_server, world, page):
    w, application = world
    page, errors = page
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", w.recommender.username)
    page.fill("#id_password", "x")
    page.click("form[action='/accounts/login/'] button[type=submit]")
    page.wait_for_load_state()

    page.get_by_role("link", name="推荐审核", exact=True).click()
    assert page.locator("[data-count=waiting]").inner_text() == "1"
    page.get_by_role("link", name=application.reference).click()
    assert page.get_by_text("第十九条").first.is_visible()

    # Recommending straight away is refused, naming what is missing and the article.
    page.fill("#id_recommend-opinion", "经审核，申报材料完整、真实，同意推荐。")
    page.locator("#decision form button", has_text="推荐").first.click()
    assert page.locator("#decision .alert-danger").is_visible()
    assert "第十九条" in page.locator("#decision .alert-danger").inner_text()
    assert page.input_value("#id_recommend-opinion") == "经审核，申报材料完整、真实，同意推荐。"

    # The checklist: every item passed.
    for label in ("完整性", "真实性", "准确性", "合法性"):
        page.get_by_label(label).check()
    page.locator("#checks button").click()
    assert page.get_by_role("alert").filter(has_text="已保存").is_visible()

    # The unit's publicity ran (dated back so that it has closed by now).
    lists.open_recommender_window(
        unit=w.unit, applications=[application], actor=w.recommender,
        starts_on=dt.date.today() - dt.timedelta(days=40),
    )  # fmt: skip
    page.reload()
    assert page.get_by_text("可以签署审核意见").is_visible()
    page.fill("#id_recommend-opinion", "经审核，申报材料完整、真实，同意推荐。")
    page.locator("#decision form button", has_text="推荐").first.click()
    assert page.get_by_role("alert").filter(has_text="评委办").is_visible()
    page.screenshot(path="/tmp/vetting-recommended.png", full_page=True)
    application.refresh_from_db()
    assert application.state == S.FORMAL_REVIEW
    assert errors == []
