"""Periodic password change (等保 level 3): a password older than QAWARD_PASSWORD_MAX_AGE_DAYS must be
changed before anything else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qaward.accounts.models import CredentialState
from qaward.accounts.security.passwords import password_changed_at
from qaward.audit.models import AuditEvent

from .helpers import PASSWORD, log_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

CHANGE = "/accounts/security/password/"


def sent_to_change(client, path: str = "/") -> bool:
    response = client.get(path)
    return response.status_code == 302 and response["Location"].startswith(CHANGE)


def age_password(user, days: int) -> None:
    CredentialState.objects.update_or_create(
        user=user, defaults={"password_changed_at": timezone.now() - timedelta(days=days)}
    )


def test_setting_a_password_stamps_the_date(make_user):
    user = make_user("wang")
    # create_user() stores a hash directly; until a password is set, the account's age counts.
    assert password_changed_at(user) == user.date_joined
    before = timezone.now()
    user.set_password("Another-Pass-2027")
    user.save()
    assert CredentialState.objects.get(user=user).password_changed_at >= before
    assert password_changed_at(user) >= before


def test_an_old_password_must_be_changed_first(client, make_user, settings):
    settings.QAWARD_PASSWORD_MAX_AGE_DAYS = 180
    user = make_user("wang")
    age_password(user, 181)
    log_in(client, "wang")
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == f"{CHANGE}?next=%2F"
    page = client.get(response["Location"]).content.decode()
    assert "180 天" in page  # the reason, in Chinese

    new = "Songhua-River-2026"
    done = client.post(CHANGE, {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert done.status_code == 302
    state = CredentialState.objects.get(user=user)
    assert timezone.now() - state.password_changed_at < timedelta(minutes=1)
    assert AuditEvent.objects.filter(action="auth.password_changed", object_id=str(user.pk)).count() == 1
    # The session survived the change and the pages open again.
    assert not sent_to_change(client)


def test_a_password_younger_than_the_limit_passes(client, make_user, settings):
    settings.QAWARD_PASSWORD_MAX_AGE_DAYS = 180
    user = make_user("wang")
    age_password(user, 179)
    log_in(client, "wang")
    assert client.get(CHANGE).status_code == 200
    assert not sent_to_change(client)


def test_zero_turns_the_rule_off(client, make_user, settings):
    settings.QAWARD_PASSWORD_MAX_AGE_DAYS = 0
    user = make_user("wang")
    age_password(user, 5000)
    log_in(client, "wang")
    assert not sent_to_change(client)


def test_an_account_without_a_stamp_counts_from_when_it_joined(client, make_user, settings):
    settings.QAWARD_PASSWORD_MAX_AGE_DAYS = 180
    user = make_user("wang")
    CredentialState.objects.filter(user=user).delete()
    type(user).objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=200))
    log_in(client, "wang")
    assert sent_to_change(client)


def test_default_maximum_age_is_180_days():
    from django.conf import settings

    assert settings.QAWARD_PASSWORD_MAX_AGE_DAYS == 180
    assert reverse("security:password_change") == CHANGE
