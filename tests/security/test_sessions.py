"""Session limits: 30 minutes idle, an absolute lifetime, and the sessions of a disabled account
ending at once."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from qaward.accounts.security.sessions import LAST_SEEN_KEY, LOGIN_AT_KEY, end_sessions_of
from qaward.audit.models import AuditEvent

from .helpers import log_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PAGE = "/accounts/security/password/"  # any page that needs a login


def shift_session(client, **seconds_ago: float) -> None:
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = timezone.now().timestamp() - ago
    session.save()


def sessions_of(user) -> int:
    return sum(1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk))


@pytest.fixture
def logged_in(client, make_user):
    user = make_user("wang")
    assert log_in(client, "wang").status_code == 302
    assert client.get(PAGE).status_code == 200
    return user


def test_idle_for_30_minutes_logs_out_with_a_message(client, logged_in):
    shift_session(client, **{LAST_SEEN_KEY: 30 * 60 + 1})
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={PAGE.replace('/', '%2F')}"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "30 分钟未操作" in page
    event = AuditEvent.objects.get(action="auth.session_expired")
    assert (event.object_id, event.after["reason"]) == (str(logged_in.pk), "idle")


def test_idle_for_29_minutes_keeps_the_session(client, logged_in):
    shift_session(client, **{LAST_SEEN_KEY: 29 * 60})
    assert client.get(PAGE).status_code == 200
    # ... and the request counts as activity.
    assert timezone.now().timestamp() - client.session[LAST_SEEN_KEY] < 5


def test_idle_timeout_by_the_clock(client, logged_in):
    # The same, travelling in time instead of editing the session.
    later = timezone.now() + timedelta(minutes=31)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_absolute_limit_ends_even_an_active_session(client, logged_in):
    shift_session(client, **{LOGIN_AT_KEY: 12 * 3600 + 1, LAST_SEEN_KEY: 10})
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "最长 12 小时" in page


def test_absolute_limit_not_reached(client, logged_in):
    shift_session(client, **{LOGIN_AT_KEY: 11 * 3600, LAST_SEEN_KEY: 10})
    assert client.get(PAGE).status_code == 200


def test_the_stored_session_and_cookie_expire_soon_after_the_idle_limit():
    assert settings.SESSION_COOKIE_AGE <= (settings.QAWARD_SESSION_IDLE_MINUTES + 5) * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.QAWARD_SESSION_IDLE_MINUTES == 30


def test_disabling_an_account_ends_its_sessions_at_once(client, logged_in, make_user, django_user_model):
    other = make_user("zhao")
    other_client = type(client)()
    assert log_in(other_client, "zhao").status_code == 302
    assert sessions_of(logged_in) == 1

    logged_in.is_active = False
    logged_in.save()

    assert sessions_of(logged_in) == 0
    assert sessions_of(other) == 1  # someone else's session is untouched
    assert client.get(PAGE).status_code == 302
    assert other_client.get(PAGE).status_code == 200


def test_a_session_of_an_account_disabled_behind_our_back_ends_on_the_next_request(client, logged_in):
    # A bulk update sends no signal: the next request must still end the session.
    get_user_model().objects.filter(pk=logged_in.pk).update(is_active=False)
    assert sessions_of(logged_in) == 1
    response = client.get(PAGE)
    assert response.status_code == 302
    assert sessions_of(logged_in) == 0
    page = client.get(reverse("login")).content.decode()
    assert "账号已停用" in page


def test_end_sessions_of_counts_what_it_ended(client, logged_in):
    second = type(client)()
    assert log_in(second, "wang").status_code == 302
    assert end_sessions_of(logged_in) == 2
    assert end_sessions_of(logged_in) == 0


def test_saving_an_active_account_keeps_its_session(client, logged_in):
    logged_in.full_name = "王晓梅"
    logged_in.save()
    assert client.get(PAGE).status_code == 200
