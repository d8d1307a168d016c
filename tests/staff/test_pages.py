"""Staff pages as a browser-less client sees them: login, landing page, language switch."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from qaward.programs.models import AwardProgram
from qaward.rulebooks import registry
from qaward.staff.demo_accounts import DEMO_ACCOUNTS
from qaward.staff.templatetags.qaward_staff import rulebook_label

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PROGRAM_NAMES = ["吉林省质量奖", "长春市市长质量奖", "塔城地区政府质量奖", "晋中市质量奖", "吉安市市长质量奖"]


@pytest.fixture
def staff_client(client, demo):
    account = next(a for a in DEMO_ACCOUNTS if a.username == "jilin_staff")
    assert client.login(username=account.username, password=account.password)
    return client


def test_landing_page_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


@pytest.fixture
def platform_admin_client(client, demo):
    account = next(a for a in DEMO_ACCOUNTS if a.username == "admin")
    assert client.login(username=account.username, password=account.password)
    return client


def test_office_staff_see_only_their_own_program(staff_client):
    page = staff_client.get("/").content.decode()
    assert page.count("data-program=") == 1
    assert 'data-program="jilin"' in page
    for name in PROGRAM_NAMES[1:]:
        assert name not in page


def test_landing_page_lists_the_demo_programs(platform_admin_client):
    page = platform_admin_client.get("/").content.decode()
    for name in PROGRAM_NAMES:
        assert name in page
    for rulebook_id in registry.list_ids():
        book = registry.get(rulebook_id)
        assert rulebook_id in page
        assert book.title in page
        if book.doc_no:
            assert book.doc_no in page
    # Jilin's current cycle is the second one, open for applications.
    jilin = re.search(r'data-program="jilin".*?</article>', page, re.S).group(0)
    assert "第二届（2026）" in jilin
    assert "申报中" in jilin
    assert "吉林省质量奖评审委员会办公室" in jilin


def test_pages_are_chinese_by_default(client):
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="zh-hans">' in page
    assert "政府质量奖评审管理系统" in page
    assert "用户名" in page


def test_switching_to_english(client, demo):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")}, follow=True)
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Quality Award Management" in page
    assert "政府质量奖评审管理系统" not in page
    assert ">中文</button>" in page  # the way back

    account = next(a for a in DEMO_ACCOUNTS if a.username == "jilin_staff")
    client.login(username=account.username, password=account.password)
    page = client.get("/").content.decode()
    assert "Award programs" in page
    assert "Cycle 2 (2026)" in page
    assert "Open for applications" in page


@pytest.mark.parametrize("demo_mode", [True, False])
def test_demo_accounts_on_the_login_page_only_in_demo_mode(client, settings, demo_mode):
    settings.QAWARD_DEMO = demo_mode
    page = client.get(reverse("login")).content.decode()
    assert ("演示账号" in page) is demo_mode
    for account in DEMO_ACCOUNTS:
        assert (account.password in page) is demo_mode


def test_demo_login_works(client, demo):
    account = DEMO_ACCOUNTS[1]
    response = client.post(
        reverse("login"), {"username": account.username, "password": account.password}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert response.context["user"].username == account.username


def test_wrong_password_shows_a_chinese_error(client, demo):
    response = client.post(reverse("login"), {"username": "jilin_staff", "password": "wrong"})
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()


def test_logout_is_post_only(staff_client):
    assert staff_client.get(reverse("logout")).status_code == 405
    response = staff_client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert staff_client.get("/").status_code == 302


@pytest.mark.parametrize("logged_in", [True, False])
def test_pages_load_nothing_from_outside_and_have_no_inline_script(client, demo, logged_in, settings):
    settings.QAWARD_DEMO = True
    if logged_in:
        client.login(username=DEMO_ACCOUNTS[1].username, password=DEMO_ACCOUNTS[1].password)
    response = client.get("/" if logged_in else reverse("login"))
    assert response.status_code == 200
    page = response.content.decode()
    assert not re.search(r'(?:src|href|action)="(?:https?:)?//', page)
    for script in re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.S):
        assert script.strip() == "", "inline script: a CSP will block it"
    assert not re.search(r"\son[a-z]+=", page), "inline event handler"
    assert " style=" not in page
    for path in re.findall(r'(?:src|href)="/static/([^"]+)"', page):
        assert finders.find(path), f"missing static file {path}"
    assert "bootstrap/css/bootstrap.min.css" in page
    assert "django_htmx/htmx-2.min.js" in page


def test_an_english_browser_still_gets_chinese(client):
    page = client.get(reverse("login"), headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="zh-hans">' in page


def test_rulebook_label(demo):
    jilin = AwardProgram.objects.get(slug="jilin")
    book = registry.get("jilin-2023")
    assert rulebook_label(jilin) == f"{book.title}（{book.doc_no}）"
    jilin.rulebook_id = "retired-1999"  # unsaved: a rulebook that is no longer shipped
    assert rulebook_label(jilin) == "retired-1999"
