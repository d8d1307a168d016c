"""An applicant in Debian's chromium: types into the form (autosave), runs the self-check,
uploads the missing material and submits to the recommending unit of its region."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.applications import scenario as sc

from qaward.applications.enums import ApplicationState
from qaward.applications.models import Application

SHOTS = Path(os.environ.get("QAWARD_SCREENSHOTS", "/tmp"))

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def prepared(tmp_path):
    s = sc.program_for("jilin-2023")
    s.contact.set_password("Applicant-Browser-2026!")
    s.contact.save()
    application = sc.start(s, sc.make_profile(s), track="general")
    sc.fill(s, application, skip=("materials", "declarations"))
    from qaward.applications.domain.materials import add_material

    add_material(application=application, actor=s.contact, item_id="application_form", uploaded_file=sc.pdf())
    data = dict(application.form_data, keywords="")
    from qaward.applications.domain.editing import save_form

    save_form(application=application, actor=s.contact, data=data)
    evidence = tmp_path / "营业执照.pdf"
    evidence.write_bytes(sc.pdf().read())
    return s, application, evidence


def test_applicant_completes_and_submits(live_server, prepared, chromium):
    from playwright.sync_api import expect

    s, application, evidence = prepared
    route, unit = sc.route_for(s, "region")
    base = f"{live_server.url}/applications/{application.reference}"
    page = chromium.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
    failures: list[str] = []
    page.on("pageerror", lambda e: failures.append(f"js error: {e}"))
    page.on("console", lambda m: failures.append(m.text) if m.type == "error" else None)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", s.contact.username)
    page.fill("#id_password", "Applicant-Browser-2026!")
    page.click("form[action='/accounts/login/'] button[type=submit]")
    page.wait_for_load_state()

    # Draft: typing autosaves, and an invalid phone number is kept with its Chinese error.
    page.goto(base + "/form/")
    page.fill("#id_keywords", "精密机械、数控机床")
    page.fill("#id_contact_phone", "")
    page.type("#id_contact_phone", "电话")  # keystrokes: autosave fires 2 s after typing stops
    expect(page.locator("#autosave-status")).to_contain_text("自动保存", timeout=10000)
    expect(page.locator("#err-contact_phone")).to_contain_text("有效的电话号码", timeout=10000)
    page.screenshot(path=str(SHOTS / "applicant_form.png"), full_page=True)
    page.reload()
    expect(page.locator("#id_contact_phone")).to_have_value("电话")
    page.fill("#id_contact_phone", "0431-85551234")
    page.click("text=保存")
    page.wait_for_load_state()

    # Self-check: the missing licence and declarations fail with their articles.
    page.goto(base + "/check/")
    failing = page.locator("[data-outcome=fail]")
    expect(failing.first).to_be_visible()
    assert "第十五条(二)" in page.locator("[data-rule=material_licence]").inner_text()
    page.screenshot(path=str(SHOTS / "applicant_check.png"), full_page=True)

    # Upload the licence, marked as a trade secret.
    page.goto(base + "/materials/")
    item = page.locator("[data-item=licence]")
    item.locator("input[type=file]").set_input_files(str(evidence))
    item.locator("input[name=trade_secret]").check()
    item.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("[data-item=licence]")).to_contain_text("涉及商业秘密")
    page.screenshot(path=str(SHOTS / "applicant_materials.png"), full_page=True)

    # Declarations, route and unit; submit.
    page.goto(base + "/submit/")
    for box in page.locator("input[name=declaration]").all():
        box.check()
    page.check(f"input[name=route][value={route}]")
    page.select_option("select[name=unit]", str(unit.pk))
    page.click("[data-testid=submit-button]")
    page.wait_for_url(base + "/")
    expect(page.locator("[data-testid=state]")).to_contain_text("推荐单位")
    page.screenshot(path=str(SHOTS / "applicant_submitted.png"), full_page=True)
    assert not failures, failures
    application = Application.objects.get(pk=application.pk)
    assert application.state == ApplicationState.SUBMITTED and application.recommending_unit == unit
    assert application.materials.get(item="licence").file.trade_secret
