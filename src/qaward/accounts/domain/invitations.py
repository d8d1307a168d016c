"""Invitations: staff invite experts, committee members and other appointed people by mail.

The link carries ``signing.dumps({"i": id, "n": nonce})``: signed with the site's secret key and
timestamped, so it cannot be forged and expires after ``QAWARD_INVITATION_MAX_AGE`` (7 days).
The database row makes it single-use (``accepted_at``), and resending draws a new nonce so that
older links stop working. The mail goes out only after the transaction commits.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from qaward.accounts.domain import queries
from qaward.accounts.domain.common import (
    as_role,
    check_actor,
    check_assignment,
    create_account,
    create_assignment,
    record_event,
)
from qaward.accounts.models import INVITABLE_ROLES, Invitation
from qaward.accounts.models.invitation import invitation_max_age, new_nonce

TOKEN_SALT = "qaward.accounts.invitation"


def make_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=TOKEN_SALT)


def invitation_from_token(token: str, *, lock: bool = False) -> Invitation:
    """The pending invitation ``token`` stands for, or a ValidationError whose code says why not:
    ``invalid``, ``expired``, ``replaced`` (a newer link was sent) or ``used``."""
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT, max_age=invitation_max_age())
    except signing.SignatureExpired:
        raise ValidationError(
            _("This invitation link has expired. Ask the award office to send it again."), code="expired"
        ) from None
    except signing.BadSignature:
        raise ValidationError(
            _("This invitation link is not valid. Check that the whole link was copied."), code="invalid"
        ) from None
    invitations = Invitation.objects.select_related("program")
    if lock:
        invitations = invitations.select_for_update()
    invitation = invitations.filter(pk=data.get("i")).first() if isinstance(data, dict) else None
    if invitation is None:
        raise ValidationError(
            _("This invitation link is not valid. Check that the whole link was copied."), code="invalid"
        )
    if invitation.accepted_at is not None:
        raise ValidationError(
            _("This invitation has already been used. Log in with the account created then."), code="used"
        )
    if not constant_time_compare(invitation.nonce, str(data.get("n", ""))):
        raise ValidationError(
            _("This link was replaced by a newer invitation mail. Use the link in the latest mail."),
            code="replaced",
        )
    if timezone.now() >= invitation.expires_at:
        raise ValidationError(
            _("This invitation link has expired. Ask the award office to send it again."), code="expired"
        )
    return invitation


def accept_url(token: str, site_url: str = "") -> str:
    base = (site_url or getattr(settings, "QAWARD_SITE_URL", "") or "").rstrip("/")
    return base + reverse("roles:accept_invitation", args=[token])


def _send_mail(invitation: Invitation, token: str, site_url: str) -> None:
    # The recipient has no language preference yet: the site's language (Chinese).
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "role": invitation.get_role_display(),
            "url": accept_url(token, site_url),
            "days": invitation_max_age() // 86400,
        }
        subject = render_to_string("accounts/roles/mail/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/roles/mail/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])


def _send_after_commit(invitation: Invitation, site_url: str) -> None:
    token = make_token(invitation)
    # robust: a mail server that is down must not turn a saved invitation into an error page;
    # the failure is logged and staff can resend from the list.
    transaction.on_commit(lambda: _send_mail(invitation, token, site_url), robust=True)


def _facts(invitation: Invitation) -> dict:
    return {
        "email": invitation.email,
        "full_name": invitation.full_name,
        "role": invitation.role,
        "program": invitation.program.slug,
        "times_sent": invitation.times_sent,
    }


@transaction.atomic
def invite_user(*, email, full_name, role, program, actor, site_url: str = "") -> Invitation:
    """Invite ``full_name`` <``email``> to take up ``role`` in ``program``; mails the link.

    ``site_url`` (e.g. ``request.build_absolute_uri("/")``) makes the link absolute; without it
    the ``QAWARD_SITE_URL`` setting is used.
    """
    role = as_role(role)
    check_actor(actor, "accounts.invite", program)
    if role not in INVITABLE_ROLES:
        raise ValidationError(
            {
                "role": _(
                    "“%(role)s” is not given by invitation: applicants and recommenders register themselves."
                )
                % {"role": role.label}
            }
        )
    if actor is not None and role not in queries.invitable_roles(actor, program):
        raise PermissionDenied(f"{actor} may not invite to {role} in {program}")
    if program is None or not program.active:
        raise ValidationError({"program": _("Choose an award program that is currently run.")})
    email = (email or "").strip()
    full_name = (full_name or "").strip()
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Enter a valid email address, e.g. wang@example.cn.")]
    if not full_name:
        errors["full_name"] = [_("Enter the full name of the person invited.")]
    if errors:
        raise ValidationError(errors)
    open_invitations = Invitation.objects.filter(
        program=program,
        role=role,
        email__iexact=email,
        accepted_at__isnull=True,
        sent_at__gt=timezone.now() - timedelta(seconds=invitation_max_age()),
    )
    if open_invitations.exists():
        raise ValidationError(
            {
                "email": _(
                    "%(email)s already has an open invitation as “%(role)s”. Resend it from the list "
                    "if the mail was lost."
                )
                % {"email": email, "role": role.label}
            }
        )
    invitation = Invitation.objects.create(
        email=email, full_name=full_name, role=role, program=program, invited_by=actor
    )
    record_event(
        actor=actor,
        action="accounts.invitation_sent",
        obj=invitation,
        after=_facts(invitation),
        role=queries.acting_role(actor, program),
        program=program,
    )
    _send_after_commit(invitation, site_url)
    return invitation


@transaction.atomic
def resend_invitation(*, invitation: Invitation, actor, site_url: str = "") -> Invitation:
    """Send a fresh link (valid for another 7 days); links sent before stop working."""
    invitation = Invitation.objects.select_for_update().select_related("program").get(pk=invitation.pk)
    check_actor(actor, "accounts.invite", invitation)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been accepted."), code="used")
    before = _facts(invitation)
    invitation.nonce = new_nonce()
    invitation.sent_at = timezone.now()
    invitation.times_sent += 1
    invitation.save(update_fields=["nonce", "sent_at", "times_sent"])
    record_event(
        actor=actor,
        action="accounts.invitation_resent",
        obj=invitation,
        before=before,
        after=_facts(invitation),
        role=queries.acting_role(actor, invitation.program),
        program=invitation.program,
    )
    _send_after_commit(invitation, site_url)
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, username: str, password: str):
    """Create the invited person's account (active, with the role) and use up the invitation."""
    invitation = invitation_from_token(token, lock=True)
    program = invitation.program
    if not program.active:
        raise ValidationError(_("%(program)s is no longer active.") % {"program": program})
    user = create_account(
        username=username, password=password, full_name=invitation.full_name, email=invitation.email
    )
    role = as_role(invitation.role)
    check_assignment(user=user, role=role, program=program, recommending_unit=None)
    create_assignment(
        user=user, role=role, program=program, recommending_unit=None, granted_by=invitation.invited_by
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    record_event(
        actor=user,
        action="accounts.invitation_accepted",
        obj=invitation,
        after={**_facts(invitation), "username": user.username},
        role=role,
        program=program,
    )
    return user
