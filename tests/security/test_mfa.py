"""Second factor: required of privileged roles, set up with a QR code and confirmed with a code,
verified at every password login, backup codes once each, throttled, audited, and not bypassed
by a password reset."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from qaward.accounts.models import Role, RoleAssignment
from qaward.accounts.security.mfa import needs_mfa
from qaward.audit.models import AuditEvent

from .helpers import PASSWORD, give_mfa, log_in, totp_code

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PAGE = "/accounts/security/password/"  # a page every signed-in user may open
VERIFY = "/accounts/security/mfa/verify/"
SETUP = "/accounts/security/mfa/setup/"


def actions(user) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="accounts.user", object_id=str(user.pk)).values_list(
            "action", flat=True
        )
    )


def test_who_needs_a_second_factor(make_user, program, office_staff, applicant):
    assert needs_mfa(office_staff)
    assert not needs_mfa(applicant)
    assert needs_mfa(make_user("root", is_superuser=True))
    assert needs_mfa(make_user("admin_site", is_staff=True))
    for role in (Role.SUPERVISOR, Role.COMMITTEE, Role.EXPERT, Role.PANEL_LEADER):
        assert needs_mfa(make_user(f"u_{role}", role=role, program=program)), role
    assert not needs_mfa(make_user("no_role"))
    # A revoked role no longer counts.
    revoked = make_user("former", role=Role.EXPERT, program=program)
    RoleAssignment.objects.filter(user=revoked).update(revoked_at=timezone.now())
    assert not needs_mfa(revoked)


def test_applicant_is_not_asked_for_a_second_factor(client, mfa_on, applicant):
    assert log_in(client, applicant.username).status_code == 302
    assert client.get(PAGE).status_code == 200


def test_office_staff_without_a_device_sets_one_up(client, mfa_on, office_staff):
    assert log_in(client, office_staff.username).status_code == 302
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Faccounts%2Fsecurity%2Fpassword%2F"

    page = client.get(response["Location"]).content.decode()
    device = TOTPDevice.objects.get(user=office_staff, confirmed=False)
    assert '<svg width="' in page and 'class="qa-qr"' in page  # drawn here, no external service
    assert "<img" not in page and "<script>" not in page
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', page).group(1)
    assert len(secret.replace(" ", "")) == 32
    # Reloading shows the same secret; nothing else is reachable meanwhile.
    assert secret in client.get(SETUP).content.decode()
    assert client.get("/").status_code == 302

    wrong = client.post(SETUP, {"code": "000000", "next": PAGE})
    assert wrong.status_code == 200
    assert "验证码不正确" in wrong.content.decode()

    device.refresh_from_db()
    device.throttle_reset()
    done = client.post(SETUP, {"code": totp_code(device), "next": PAGE})
    assert done.status_code == 302
    assert done["Location"].startswith("/accounts/security/mfa/backup-codes/")
    device.refresh_from_db()
    assert device.confirmed

    codes_page = client.get(done["Location"]).content.decode()
    codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", codes_page)
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=office_staff).count() == 10
    # Shown once only.
    again = client.get(done["Location"]).content.decode()
    assert not set(codes) & set(re.findall(r"[a-z2-7]{4}-[a-z2-7]{4}", again))
    assert "10" in again

    assert client.get(PAGE).status_code == 200
    assert "auth.mfa_enabled" in actions(office_staff)


def test_the_next_login_asks_for_the_code(client, mfa_on, office_staff):
    device = give_mfa(office_staff)
    assert log_in(client, office_staff.username).status_code == 302
    response = client.get(PAGE)
    assert response["Location"].startswith(VERIFY)
    # Setup cannot be used to add a second authenticator with the password alone.
    assert client.get(SETUP)["Location"] == VERIFY
    assert TOTPDevice.objects.filter(user=office_staff).count() == 1

    session_key = client.session.session_key
    verified = client.post(VERIFY, {"code": totp_code(device), "next": PAGE})
    assert verified.status_code == 302
    assert verified["Location"] == PAGE
    assert client.get(PAGE).status_code == 200
    assert client.session.session_key != session_key  # new key for the more privileged session
    assert "auth.mfa_verified" in actions(office_staff)

    # Logging in again with the password alone does not inherit the earlier verification.
    client.post(reverse("logout"))
    log_in(client, office_staff.username)
    assert client.get(PAGE)["Location"].startswith(VERIFY)


def test_a_new_login_in_a_verified_session_needs_the_code_again(client, mfa_on, office_staff):
    device = give_mfa(office_staff)
    log_in(client, office_staff.username)
    client.post(VERIFY, {"code": totp_code(device)})
    assert client.get(PAGE).status_code == 200
    # Django keeps the session when the same user logs in again (no logout in between).
    client.force_login(office_staff)
    assert client.get(PAGE)["Location"].startswith(VERIFY)


def test_a_wrong_code_is_refused_and_audited(client, mfa_on, office_staff):
    give_mfa(office_staff)
    log_in(client, office_staff.username)
    response = client.post(VERIFY, {"code": "123456"})
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    assert client.get(PAGE).status_code == 302
    assert "auth.mfa_failed" in actions(office_staff)


def test_a_backup_code_works_once(client, mfa_on, office_staff):
    give_mfa(office_staff, codes=("abcd2345", "efgh6723"))
    log_in(client, office_staff.username)
    response = client.post(VERIFY, {"code": "ABCD-2345", "next": PAGE})
    assert response.status_code == 302
    assert client.get(PAGE).status_code == 200
    assert "auth.backup_code_used" in actions(office_staff)
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["efgh6723"]

    client.post(reverse("logout"))
    log_in(client, office_staff.username)
    reused = client.post(VERIFY, {"code": "abcd2345"})
    assert reused.status_code == 200
    assert "验证码不正确" in reused.content.decode()
    assert client.get(PAGE).status_code == 302


def test_failed_codes_are_throttled(client, mfa_on, office_staff):
    device = give_mfa(office_staff)
    log_in(client, office_staff.username)
    assert client.post(VERIFY, {"code": "000000"}).status_code == 200
    # Right away, even the right code is refused: the device waits after each failure.
    throttled = client.post(VERIFY, {"code": totp_code(device)})
    assert throttled.status_code == 200
    assert "秒后再试" in throttled.content.decode()
    assert client.get(PAGE).status_code == 302
    # Once the wait is over, the right code is accepted.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=5)
    )
    assert client.post(VERIFY, {"code": totp_code(device)}).status_code == 302
    assert client.get(PAGE).status_code == 200


def test_a_password_reset_does_not_skip_the_second_factor(client, mfa_on, office_staff):
    give_mfa(office_staff)
    response = client.post(reverse("security:password_reset"), {"email": office_staff.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/security/password-reset/\S+/)", mail.outbox[0].body).group(1)

    form_url = client.get(link)["Location"]
    new_password = "Changbai-Mountain-88"
    done = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    assert done["Location"] == reverse("security:password_reset_complete")
    assert "_auth_user_id" not in client.session  # the reset did not log anyone in
    assert "auth.password_reset" in actions(office_staff)

    assert log_in(client, office_staff.username, new_password).status_code == 302
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_superuser_enters_the_admin_only_after_the_second_factor(client, mfa_on, make_user):
    root = make_user("root", is_staff=True, is_superuser=True)
    device = give_mfa(root)
    log_in(client, "root")
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": totp_code(device)})
    assert client.get("/admin/").status_code == 200


def test_htmx_requests_are_redirected_by_header(client, mfa_on, office_staff):
    give_mfa(office_staff)
    log_in(client, office_staff.username)
    response = client.get(PAGE, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(VERIFY)


def test_the_wrong_user_cannot_use_anothers_code(client, mfa_on, office_staff, make_user, program):
    other = make_user("zhao", role=Role.OFFICE_STAFF, program=program)
    give_mfa(other, codes=("zzzz2222",))
    give_mfa(office_staff, codes=("abcd2345",))
    log_in(client, office_staff.username)
    assert client.post(VERIFY, {"code": "zzzz2222"}).status_code == 200
    assert StaticToken.objects.filter(token="zzzz2222").exists()


def test_passwords_reset_by_email_are_still_checked(client, office_staff):
    client.post(reverse("security:password_reset"), {"email": office_staff.email})
    link = re.search(r"(/accounts/security/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": "abcdefgh", "new_password2": "abcdefgh"})
    assert response.status_code == 200
    assert get_user_model().objects.get(pk=office_staff.pk).check_password(PASSWORD)
