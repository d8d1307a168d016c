"""Demo mode keeps MFA visible: demo accounts stop at the verification page, and the login page
shows each account's next one-time backup code."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from qaward.accounts.models import MFA_ROLES
from qaward.accounts.security.mfa import needs_mfa
from qaward.staff.demo_accounts import DEMO_ACCOUNTS

from .helpers import log_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ADMIN = next(a for a in DEMO_ACCOUNTS if a.is_superuser)


def demo_code(client, username: str) -> str:
    page = client.get(reverse("login")).content.decode()
    row = re.search(rf'data-demo-account="{username}".*?</tr>', page, re.S).group(0)
    return re.search(r"<code data-demo-code>([a-z2-7]{8})</code>", row).group(1)


def test_demo_accounts_that_need_mfa_get_an_authenticator_and_twenty_codes(client, demo, settings):
    settings.QAWARD_DEMO = True
    page = client.get(reverse("login")).content.decode()
    for account in DEMO_ACCOUNTS:
        needs = account.is_superuser or account.role_code in MFA_ROLES
        devices = TOTPDevice.objects.filter(user__username=account.username, confirmed=True).count()
        codes = StaticToken.objects.filter(device__user__username=account.username).count()
        assert (devices, codes) == ((1, 20) if needs else (0, 0)), account.username
        assert needs_mfa(get_user_model().objects.get(username=account.username)) is needs, account.username
        row = re.search(rf'data-demo-account="{account.username}".*?</tr>', page, re.S).group(0)
        assert ("data-demo-code" in row) is needs
    assert any(not (a.is_superuser or a.role_code in MFA_ROLES) for a in DEMO_ACCOUNTS)


def test_demo_login_passes_the_second_factor_with_the_shown_code(client, demo, mfa_on, settings):
    settings.QAWARD_DEMO = True
    code = demo_code(client, ADMIN.username)
    assert log_in(client, ADMIN.username, ADMIN.password).status_code == 302
    assert client.get("/admin/")["Location"].startswith(reverse("security:mfa_verify"))
    assert client.post(reverse("security:mfa_verify"), {"code": code, "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    # The used code is gone from the login page, and spent.
    client.post(reverse("logout"))
    assert demo_code(client, ADMIN.username) != code
    assert not StaticToken.objects.filter(token=code, device__user__username=ADMIN.username).exists()


def test_load_demo_tops_the_codes_up_and_is_otherwise_idempotent(demo, load_demo):
    assert "nothing changed" in load_demo()
    StaticToken.objects.filter(device__user__username=ADMIN.username).first().delete()
    output = load_demo()
    assert f"1 backup codes for {ADMIN.username}" in output
    assert StaticToken.objects.filter(device__user__username=ADMIN.username).count() == 20


def test_codes_are_not_shown_outside_demo_mode(client, demo, settings):
    settings.QAWARD_DEMO = False
    page = client.get(reverse("login")).content.decode()
    some_code = StaticToken.objects.values_list("token", flat=True).first()
    assert some_code not in page
    assert "data-demo-code" not in page
