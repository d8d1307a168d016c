"""Content Security Policy on every response, and the security pages written to satisfy it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from .helpers import give_mfa, log_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/security/password-reset/", "/no-such-page/"])
def test_every_response_carries_the_policy(client, path):
    response = client.get(path)
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def assert_no_inline_code(page: str) -> None:
    for script in re.findall(r"<script\b[^>]*>(.*?)</script>", page, re.S):
        assert script.strip() == "", "inline script"
    assert not re.search(r"\son[a-z]+=", page), "inline event handler"
    assert " style=" not in page, "inline style"
    assert "<style" not in page


def test_security_pages_have_no_inline_code(client, mfa_on, office_staff, make_user):
    log_in(client, office_staff.username)
    assert_no_inline_code(client.get(reverse("security:mfa_setup")).content.decode())
    verified_user = make_user("zhao", is_staff=True)
    give_mfa(verified_user)
    other = type(client)()
    log_in(other, "zhao")
    assert_no_inline_code(other.get(reverse("security:mfa_verify")).content.decode())
    for name in ("password_reset", "password_reset_done", "password_reset_complete"):
        assert_no_inline_code(client.get(reverse(f"security:{name}")).content.decode())


def test_lockout_page_has_no_inline_code(client, axes_on, make_user):
    make_user("wang")
    for _ in range(4):
        assert log_in(client, "wang", "Wrong-password-1").status_code == 200
    response = log_in(client, "wang", "Wrong-password-1")
    assert response.status_code == 429
    assert_no_inline_code(response.content.decode())
    assert "Content-Security-Policy" in response
