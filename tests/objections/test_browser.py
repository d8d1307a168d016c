"""A member of the public files an objection in the browser; the office admits it and decides;
the objector follows it with the receipt number and access code to the written result."""

from __future__ import annotations

from pathlib import Path

import pytest

from .makers import ID_NUMBER, PNG, make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(chromium):
    page = chromium.new_context(locale="zh-CN", accept_downloads=True).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"js error: {e}"))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    return page, errors


@pytest.fixture
def case(transactional_db):
    # Built before the browser opens (see tests/browser/test_smoke.py on connections).
    built = make_case()
    built.office.set_password("Office-Pass-2026!")
    built.office.save()
    return built


def _file(name: str) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": PNG}


def test_objection_from_the_public_to_the_written_result(live_server, case, browser_page):
    page, errors = browser_page
    page.goto(f"{live_server.url}/objections/file/{case.entry.pk}/")
    assert "长白山测试装备有限公司" in page.inner_text("[data-subject]")
    page.check("#id_kind_0")
    page.fill("#id_name", "王秀英")
    page.fill("#id_id_number", ID_NUMBER)
    page.fill("#id_phone", "13912345678")
    page.fill("#id_address", "长春市南关区人民大街1号")
    page.set_input_files("#id_id_proof", _file("身份证.png"))
    page.fill("#id_grounds", "该企业申报材料中的销售收入与其年度报告不一致。")
    # First without evidence: refused with the article, typed text kept.
    page.click("[data-objection-form] button[type=submit]")
    assert "第三十七条(一)" in page.content()
    assert page.input_value("#id_grounds") == "该企业申报材料中的销售收入与其年度报告不一致。"
    page.set_input_files("#id_id_proof", _file("身份证.png"))
    page.set_input_files("#id_evidence", [_file("年报.png"), _file("申报表.png")])
    page.click("[data-objection-form] button[type=submit]")
    number = page.inner_text("[data-receipt-number]").strip()
    token = page.inner_text("[data-access-code]").strip()
    assert number.startswith("YY")

    # The office admits it and decides.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", case.office.username)
    page.fill("#id_password", "Office-Pass-2026!")
    page.click("form[action='/accounts/login/'] button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/objections/program/{case.program.slug}/")
    assert "王秀英" in page.inner_text(f"[data-objection='{number}'] [data-objector]")
    page.click(f"[data-objection='{number}'] a")
    page.click("[data-action=admit] button[type=submit]")
    assert page.get_attribute("[data-state]", "data-state") == "admitted"
    page.check("[data-action=decide] input[value=no]")
    page.fill("[data-action=decide] textarea", "经向推荐单位核实，申报数据与审计报告一致，异议不成立。")
    page.click("[data-action=decide] button[type=submit]")
    assert page.get_attribute("[data-outcome]", "data-outcome") == "not_upheld"
    assert page.locator("[data-letter=result_objector]").count() == 1
    page.click("form[action='/accounts/logout/'] button")

    # The objector follows it and downloads the written result.
    page.goto(f"{live_server.url}/objections/status/")
    page.fill("#id_number", number)
    page.fill("#id_token", token)
    page.click("main form button[type=submit]")
    assert page.get_attribute("[data-state]", "data-state") == "decided"
    with page.expect_download() as download:
        page.click("[data-letter=result_objector]")
    path = download.value.path()
    assert Path(path).read_bytes().startswith(b"%PDF")
    assert errors == []
