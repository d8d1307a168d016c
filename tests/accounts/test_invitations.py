"""Invitations: sent after commit, single use, expiring after 7 days, replaced by a resend."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from permissions.world import build_world
from qaward.accounts.domain import queries
from qaward.accounts.domain.invitations import make_token
from qaward.accounts.domain.roles import (
    accept_invitation,
    invitation_from_token,
    invite_user,
    resend_invitation,
)
from qaward.accounts.models import Invitation, InvitationStatus, Role
from qaward.audit.models import AuditEvent

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SEVEN_DAYS = 7 * 24 * 3600


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def office(world):
    return world.p.holders[Role.OFFICE_STAFF]


def invite(world, office, **overrides):
    kwargs = {
        "email": "wu.min@example.cn",
        "full_name": "吴敏",
        "role": Role.EXPERT,
        "program": world.p.program,
        "actor": office,
        "site_url": "https://award.example.gov.cn/",
    }
    return invite_user(**{**kwargs, **overrides})


def link_in(message) -> str:
    return re.search(
        r"https://award\.example\.gov\.cn(/accounts/invitations/accept/[^/\s]+/)", message.body
    ).group(1)


def token_of(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[1]


def test_the_mail_goes_out_after_commit_with_a_link_that_works_once(
    world, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitation = invite(world, office)
    assert mail.outbox == []  # nothing is sent before the transaction commits
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == ["wu.min@example.cn"]
    assert message.subject == "邀请您担任吉林省质量奖的评审专家"
    assert "吉林省质量奖评审委员会办公室" in message.body and "7 天" in message.body
    token = token_of(link_in(message))
    [event] = AuditEvent.objects.filter(action="accounts.invitation_sent")
    assert (event.actor, event.program, event.after["email"]) == (
        office,
        world.p.program,
        "wu.min@example.cn",
    )

    user = accept_invitation(token=token, username="wumin", password="Expert-Review-2026")
    assert (user.full_name, user.email, user.is_active) == ("吴敏", "wu.min@example.cn", True)
    assert queries.has_role(user, Role.EXPERT, world.p.program)
    invitation.refresh_from_db()
    assert invitation.accepted_user == user and invitation.status == InvitationStatus.ACCEPTED
    assert AuditEvent.objects.filter(action="accounts.invitation_accepted", actor=user).count() == 1

    with pytest.raises(ValidationError) as refused:
        accept_invitation(token=token, username="wumin2", password="Expert-Review-2026")
    assert refused.value.code == "used"
    assert queries.active_roles(user).count() == 1


def test_a_link_expires_after_seven_days(world, office, monkeypatch):
    invitation = invite(world, office)
    token = make_token(invitation)
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + SEVEN_DAYS + 60)
    with pytest.raises(ValidationError) as refused:
        invitation_from_token(token)
    assert refused.value.code == "expired"
    assert refused.value.messages == ["邀请链接已过期，请联系评委办重新发送。"]


def test_the_database_expires_an_old_invitation_even_with_a_fresh_signature(world, office):
    invitation = invite(world, office)
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now() - timedelta(days=8))
    with pytest.raises(ValidationError) as refused:
        accept_invitation(token=make_token(invitation), username="wumin", password="Expert-Review-2026")
    assert refused.value.code == "expired"


def test_a_forged_or_mangled_token_is_invalid(world, office):
    invitation = invite(world, office)
    forged = signing.dumps(
        {"i": invitation.pk, "n": invitation.nonce}, key="not-our-secret-key-" * 3, salt="x"
    )
    for token in [forged, make_token(invitation)[:-2] + "xx", "", "abc"]:
        with pytest.raises(ValidationError) as refused:
            invitation_from_token(token)
        assert refused.value.code == "invalid"


def test_resending_replaces_the_earlier_link(world, office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(world, office)
    with django_capture_on_commit_callbacks(execute=True):
        resend_invitation(invitation=invitation, actor=office, site_url="https://award.example.gov.cn/")
    first, second = (token_of(link_in(m)) for m in mail.outbox)
    assert first != second
    with pytest.raises(ValidationError) as refused:
        invitation_from_token(first)
    assert refused.value.code == "replaced"
    invitation.refresh_from_db()
    assert invitation.times_sent == 2
    assert accept_invitation(token=second, username="wumin", password="Expert-Review-2026").is_active


def test_invitation_refusals(world, office):
    with pytest.raises(ValidationError) as refused:
        invite(world, office, role=Role.APPLICANT)
    assert "role" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        invite(world, office, email="not-an-address", full_name="")
    assert set(refused.value.message_dict) == {"email", "full_name"}
    invite(world, office)
    with pytest.raises(ValidationError) as refused:
        invite(world, office, email="WU.MIN@example.cn")
    assert "email" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        invite(world, office, program=world.q.program)
    with pytest.raises(PermissionDenied):
        invite(world, office, role=Role.OFFICE_STAFF)
    with pytest.raises(PermissionDenied):
        invite(world, world.p.holders[Role.SUPERVISOR])
    assert Invitation.objects.filter(email__iexact="wu.min@example.cn").count() == 1


# --- Pages -------------------------------------------------------------------------------------


def test_staff_invite_on_the_page_and_the_invitee_accepts(
    client, world, office, django_capture_on_commit_callbacks
):
    client.force_login(office)
    url = reverse("roles:program_invitations", args=[world.p.program.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"full_name": "吴敏", "email": "wu.min@example.cn", "role": Role.EXPERT})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "wu.min@example.cn" in page and "待接受" in page
    assert "invitee@jinzhong.example.cn" not in page
    path = re.search(r"http://testserver(/accounts/invitations/accept/[^/\s]+/)", mail.outbox[0].body).group(
        1
    )
    client.logout()

    page = client.get(path).content.decode()
    assert "吴敏" in page and "评审专家" in page
    response = client.post(
        path,
        {"username": "wumin", "password": "Expert-Review-2026", "password_confirm": "Expert-Review-2026"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("login")
    second = client.get(path)
    assert second.status_code == 410
    assert "该邀请已使用过" in second.content.decode()
    assert client.get(reverse("roles:accept_invitation", args=["nonsense"])).status_code == 404


def test_resend_from_the_page_only_for_the_own_program(client, world, office):
    client.force_login(world.q.holders[Role.OFFICE_STAFF])
    url = reverse("roles:resend_invitation", args=[world.p.invitation.pk])
    assert client.post(url).status_code == 404
    client.force_login(office)
    assert client.post(url).status_code == 302
    world.p.invitation.refresh_from_db()
    assert world.p.invitation.times_sent == 2
