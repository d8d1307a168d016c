"""Logins, logouts and failed logins are recorded, with the attempted username and never a password."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse

from qaward.audit.domain import record_security_event
from qaward.audit.models import AuditEvent

from .conftest import PASSWORD, make_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

WRONG_PASSWORD = "Wrong-Guess-1234"


def everything_stored(event: AuditEvent) -> str:
    values = AuditEvent.objects.filter(pk=event.pk).values().get()
    return json.dumps(values, default=str, ensure_ascii=False)


def test_successful_login_and_logout(client):
    user = make_user("zhao")
    response = client.post(
        reverse("login"), {"username": "zhao", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 302
    login = AuditEvent.objects.get(action="auth.login")
    assert login.actor == user and login.actor_label == "zhao"
    assert (login.object_type, login.object_id) == ("accounts.user", str(user.pk))
    assert login.ip == "198.51.100.7"
    assert login.request_id == response["X-Request-ID"]
    assert PASSWORD not in everything_stored(login)

    client.post(reverse("logout"))
    logout = AuditEvent.objects.get(action="auth.logout")
    assert logout.actor == user
    assert logout.prev_hash == login.hash


def test_failed_login_records_the_username_but_no_password(client):
    user = make_user("qian")
    response = client.post(reverse("login"), {"username": "qian", "password": WRONG_PASSWORD})
    assert response.status_code == 200  # the form again
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.actor is None and event.actor_label == "公众"
    assert (event.object_type, event.object_id) == ("accounts.user", str(user.pk))
    assert event.after == {"username": "qian"}
    stored = everything_stored(event)
    assert WRONG_PASSWORD not in stored
    assert PASSWORD not in stored
    assert "****" not in stored  # not even Django's masked placeholder
    assert "password" not in stored.lower()
    assert not AuditEvent.objects.filter(action="auth.login").exists()


def test_failed_login_for_an_unknown_username(client):
    client.post(reverse("login"), {"username": "nobody-here", "password": WRONG_PASSWORD})
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert (event.object_type, event.object_id, event.object_label) == ("accounts.user", "", "nobody-here")
    assert WRONG_PASSWORD not in everything_stored(event)


def test_login_failed_signal_from_any_backend_keeps_only_the_username():
    user_login_failed.send(
        sender=__name__,
        credentials={"username": "sun", "password": "********************", "otp_token": "123456"},
        request=None,
    )
    event = AuditEvent.objects.get(action="auth.login_failed")
    assert event.after == {"username": "sun"}
    assert "123456" not in everything_stored(event)
    assert event.actor_label == "系统"  # no request: not a visitor


def test_helper_for_other_security_events(rf):
    user = make_user("li")
    request = rf.post("/accounts/login/", REMOTE_ADDR="192.0.2.44")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    lockout = record_security_event(
        "auth.lockout", username="li", request=request, details={"failures": 5, "password": PASSWORD}
    )
    assert lockout.actor is None
    assert lockout.ip == "192.0.2.44"
    assert lockout.after == {"failures": 5, "password": "[已隐去]", "username": "li"}

    request.user = user
    mfa = record_security_event("auth.mfa_enabled", request=request, details={"device": "totp"})
    assert mfa.actor == user
    assert (mfa.object_type, mfa.object_id) == ("accounts.user", str(user.pk))
    assert mfa.prev_hash == lockout.hash
