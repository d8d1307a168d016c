"""Platform administrators find and disable accounts from a page; nobody else can."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from qaward.audit.models import AuditEvent

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

User = get_user_model()


@pytest.fixture
def admin_client(client, demo):
    client.force_login(User.objects.get(username="admin"))
    return client


def test_the_list_finds_accounts_by_name(admin_client):
    page = admin_client.get(reverse("roles:users"), {"q": "王晓梅"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "jilin_staff" in body and "changchun_staff" not in body


def test_disabling_needs_a_reason_then_ends_the_account(admin_client):
    target = User.objects.get(username="jilin_expert")
    url = reverse("roles:deactivate_user", args=[target.pk])
    refused = admin_client.post(url, {"reason": ""})
    assert refused.status_code == 200 and "这个字段是必填项" in refused.content.decode()
    done = admin_client.post(url, {"reason": "专家已调离，不再参加评审"})
    assert done.status_code == 302
    target.refresh_from_db()
    assert not target.is_active
    event = AuditEvent.objects.get(action="accounts.user_deactivated")
    assert event.after["reason"] == "专家已调离，不再参加评审"


@pytest.mark.parametrize("username", ["jilin_staff", "jilin_applicant"])
def test_others_get_404(client, demo, username):
    client.force_login(User.objects.get(username=username))
    assert client.get(reverse("roles:users")).status_code == 404
    target = User.objects.get(username="jilin_expert")
    assert client.post(reverse("roles:deactivate_user", args=[target.pk]), {"reason": "x"}).status_code == 404
    target.refresh_from_db()
    assert target.is_active
