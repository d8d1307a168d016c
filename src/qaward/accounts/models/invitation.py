"""Invitations: how experts, committee members and other appointed roles get an account.

The link sent by mail carries a token signed with django.core.signing (it expires after
``QAWARD_INVITATION_MAX_AGE`` seconds, 7 days by default) naming this row and its current
``nonce``. The row makes the link single-use (``accepted_at``) and lets staff resend: resending
draws a new nonce, so earlier links stop working. Never deleted.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.accounts.models.roles import Role


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def invitation_max_age() -> int:
    return int(getattr(settings, "QAWARD_INVITATION_MAX_AGE", 7 * 24 * 3600))


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")


class Invitation(models.Model):
    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=100)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        related_name="invitations",
        verbose_name=_("award program"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,  # empty: sent by the system (a management command)
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # When the current link was sent; the link expires max_age after this.
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    times_sent = models.PositiveSmallIntegerField(_("times sent"), default=1)
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accepted_invitations",
        verbose_name=_("account created"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(accepted_user__isnull=False),
                name="accounts_invitation_accepted_by_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}> · {self.get_role_display()} · {self.program}"

    @property
    def expires_at(self):
        return self.sent_at + timedelta(seconds=invitation_max_age())

    @property
    def status(self) -> InvitationStatus:
        if self.accepted_at is not None:
            return InvitationStatus.ACCEPTED
        if timezone.now() >= self.expires_at:
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    def get_status_display(self) -> str:
        return str(self.status.label)
