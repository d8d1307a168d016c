"""Login lockout (django-axes): five failures for one username from one address lock that pair for
30 minutes, never permanently; other addresses and other usernames are unaffected; every lockout
is an audit event."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from qaward.audit.models import AuditEvent

from .helpers import PASSWORD, log_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ATTACKER = "203.0.113.7"
OTHER_ADDRESS = "198.51.100.20"


def fail(client, username: str, times: int, address: str = ATTACKER):
    """Wrong passwords: the login form again with its error, until the fifth locks."""
    for attempt in range(1, times + 1):
        response = log_in(client, username, "Wrong-password-1", REMOTE_ADDR=address)
        assert response.status_code == (429 if attempt >= 5 else 200), attempt
    return response


def is_logged_in(client) -> bool:
    return bool(client.session.get("_auth_user_id"))


def test_four_failures_do_not_lock(client, axes_on, make_user):
    make_user("wang")
    fail(client, "wang", 4)
    response = log_in(client, "wang", REMOTE_ADDR=ATTACKER)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_five_failures_lock_that_username_from_that_address(client, axes_on, make_user):
    make_user("wang")
    fifth = fail(client, "wang", 5)
    assert "登录已暂时锁定" in fifth.content.decode()
    response = log_in(client, "wang", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert not is_logged_in(client)
    page = response.content.decode()
    assert "登录已暂时锁定" in page
    # The page names the time the lock lifts: the fifth failure plus 30 minutes, Beijing time.
    fifth_at = AccessAttempt.objects.get(username="wang", ip_address=ATTACKER).attempt_time
    lifts = (fifth_at + timedelta(minutes=30)).astimezone(ZoneInfo("Asia/Shanghai"))
    assert f"请于 {lifts:%H:%M}" in page


def test_lock_does_not_reach_another_address_or_another_username(client, axes_on, make_user):
    make_user("wang")
    make_user("zhao")
    fail(client, "wang", 5)
    assert log_in(client, "zhao", REMOTE_ADDR=ATTACKER).status_code == 302
    client.logout()
    assert log_in(client, "wang", REMOTE_ADDR=OTHER_ADDRESS).status_code == 302
    assert is_logged_in(client)


def test_lock_lifts_after_the_cool_off(client, axes_on, make_user):
    make_user("wang")
    fail(client, "wang", 5)
    assert log_in(client, "wang", REMOTE_ADDR=ATTACKER).status_code == 429
    # Time travel: the failures happened 31 minutes ago.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert log_in(client, "wang", REMOTE_ADDR=ATTACKER).status_code == 302
    assert is_logged_in(client)


def test_lock_still_holds_before_the_cool_off_ends(client, axes_on, make_user):
    make_user("wang")
    fail(client, "wang", 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=29))
    assert log_in(client, "wang", REMOTE_ADDR=ATTACKER).status_code == 429


def test_success_resets_the_count(client, axes_on, make_user):
    make_user("wang")
    fail(client, "wang", 4)
    assert log_in(client, "wang", REMOTE_ADDR=ATTACKER).status_code == 302
    client.logout()
    fail(client, "wang", 4)
    assert log_in(client, "wang", REMOTE_ADDR=ATTACKER).status_code == 302


def test_lockout_is_audited(client, axes_on, make_user):
    user = make_user("wang")
    fail(client, "wang", 5)
    events = AuditEvent.objects.filter(action="auth.locked_out")
    assert events.count() == 1
    event = events.get()
    assert event.object_id == str(user.pk)
    assert event.ip == ATTACKER
    # An unknown username is recorded as typed.
    fail(client, "nobody-here", 5)
    assert AuditEvent.objects.filter(action="auth.locked_out", object_label="nobody-here").exists()


def test_a_locked_username_cannot_log_in_through_the_admin_either(client, axes_on, make_user):
    make_user("root", is_staff=True, is_superuser=True)
    fail(client, "root", 5)
    response = client.post("/admin/login/", {"username": "root", "password": PASSWORD}, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert not is_logged_in(client)
