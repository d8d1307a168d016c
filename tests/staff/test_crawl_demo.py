"""Every link a demo user is shown leads somewhere that works.

Logs in as each demo account, starts at the home page and follows every same-site link (GET
only) breadth-first. A link shown to a user that answers 404 (a permission the page and the view
disagree on) or 500 fails the test, naming the page that showed it.
"""

from __future__ import annotations

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model

from qaward.staff.demo_accounts import DEMO_ACCOUNTS

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MAX_PAGES = 250
# Not pages: logging out, switching language, the Django admin (its own test suite), downloads.
SKIPPED_PREFIXES = ("/accounts/logout/", "/i18n/", "/admin/", "/static/", "/files/", "/favicon.ico")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _same_site_paths(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    paths = []
    for href in parser.hrefs:
        href = urldefrag(href)[0]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if parts.path.startswith(SKIPPED_PREFIXES):
            continue
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def crawl(client, start: str = "/") -> dict[str, tuple[int, str]]:
    """{path: (status, page that linked it)} for every page reached."""
    seen: dict[str, tuple[int, str]] = {}
    queue = deque([(start, "(start)")])
    while queue and len(seen) < MAX_PAGES:
        path, referrer = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = (response.status_code, referrer)
        content_type = response.get("Content-Type", "")
        if response.status_code == 200 and content_type.startswith("text/html"):
            for link in _same_site_paths(response.content.decode()):
                if link not in seen:
                    queue.append((link, path))
    return seen


@pytest.mark.parametrize("username", [a.username for a in DEMO_ACCOUNTS])
def test_every_link_shown_to_a_demo_user_works(client, demo, username):
    client.force_login(get_user_model().objects.get(username=username))
    pages = crawl(client)
    broken = {path: found for path, found in pages.items() if found[0] not in (200, 301, 302)}
    assert not broken, f"{username}: links that do not work (status, shown on): {broken}"
    assert len(pages) > 3


def test_the_public_can_follow_every_public_link(client, demo):
    pages = crawl(client, "/portal/")
    broken = {path: found for path, found in pages.items() if found[0] not in (200, 301, 302)}
    assert not broken, f"public links that do not work: {broken}"
