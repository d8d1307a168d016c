"""The rulebook pages: list, regulation text by article, and the side-by-side comparison."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from qaward.accounts.models import Role, RoleAssignment
from qaward.rulebooks import registry

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_user("reader", password="Reader-Pass-2026")
    # The rulebook pages are staff pages (qaward.view_staff_pages): any staff role will do.
    RoleAssignment.objects.create(user=user, role=Role.PLATFORM_ADMIN)
    client.force_login(user)
    return client


def test_staff_tools_are_not_found_for_a_user_without_a_staff_role(client):
    user = get_user_model().objects.create_user("outsider", password="Outsider-Pass-2026")
    client.force_login(user)
    for url in [reverse("staff:rulebooks"), reverse("staff:rulebook_compare")]:
        assert client.get(url).status_code == 404
    # The regulation itself is a published document: readable by anyone signed in.
    assert client.get(reverse("staff:rulebook_text", args=["jilin-2023"])).status_code == 200


def test_pages_require_login(client):
    for url in [
        reverse("staff:rulebooks"),
        reverse("staff:rulebook_compare"),
        reverse("staff:rulebook_text", args=["jilin-2023"]),
    ]:
        assert client.get(url).status_code == 302


def test_list_shows_every_rulebook(staff_client):
    page = staff_client.get(reverse("staff:rulebooks")).content.decode()
    for book in registry.all_rulebooks():
        assert f'data-rulebook="{book.id}"' in page and book.title in page


def test_compare_shows_stage_order_and_links_every_article_to_the_text(staff_client):
    url = reverse("staff:rulebook_compare") + "?a=jilin-2023&b=tacheng-2023"
    page = staff_client.get(url).content.decode()
    assert "吉林省质量奖管理办法" in page and "塔城地区政府质量奖管理办法" in page
    row = re.search(r"<tr class=\"qa-differs\">\s*<th[^>]*>组织·质量奖</th>(.*?)</tr>", page, re.S).group(1)
    left, right = row.split("</td>", 1)
    assert left.index("现场评审") < left.index("陈述答辩")
    assert right.index("陈述答辩") < right.index("现场评审")
    # each article badge points at the cited book's text with an anchor that exists there
    links = re.findall(r'href="(/rulebooks/([a-z0-9-]+)/text/#(art-\d+))"', page)
    assert {book for _, book, _ in links} == {"jilin-2023", "tacheng-2023"}
    texts = {
        book: staff_client.get(reverse("staff:rulebook_text", args=[book])).content.decode()
        for book in ("jilin-2023", "tacheng-2023")
    }
    for _, book, anchor in links:
        assert f'id="{anchor}"' in texts[book]


def test_compare_marks_values_the_regulation_leaves_to_the_office(staff_client):
    page = staff_client.get(
        reverse("staff:rulebook_compare") + "?a=changchun-2018&b=jian-2023"
    ).content.decode()
    assert page.count("评委办确定") > 3


def test_differences_only_hides_equal_rows(staff_client):
    base = reverse("staff:rulebook_compare") + "?a=jilin-2023&b=jilin-2023"
    assert "qa-differs" not in staff_client.get(base).content.decode()
    assert "共 0 项" in staff_client.get(base + "&only=1").content.decode()


def test_htmx_request_gets_only_the_table(staff_client):
    response = staff_client.get(
        reverse("staff:rulebook_compare") + "?a=jian-2023&b=jinzhong-2023", HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<table" in html and "<nav" not in html and "吉府发〔2023〕1号" in html


def test_unknown_rulebook_is_404(staff_client):
    assert staff_client.get(reverse("staff:rulebook_compare") + "?a=nowhere-2020").status_code == 404
    assert staff_client.get(reverse("staff:rulebook_text", args=["nowhere-2020"])).status_code == 404


def test_text_marks_cited_articles(staff_client):
    page = staff_client.get(reverse("staff:rulebook_text", args=["jian-2023"])).content.decode()
    assert 'id="art-13" class="qa-article qa-article-cited"' in page
    assert page.count('<section id="art-') == 26
