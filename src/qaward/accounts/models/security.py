"""Credential facts that the login-security controls need and the user model does not carry."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CredentialState(models.Model):
    """When the user's password last changed, for the periodic change of 等保 level 3.

    Written only by ``qaward.accounts.security.passwords.PasswordChangeRecorder``, which Django calls
    after every password change (set_password + save, reset, change form, createsuperuser). A user
    without a row (created before this table existed) counts from ``date_joined``.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="credential_state",
        verbose_name=_("user"),
    )
    password_changed_at = models.DateTimeField(_("password changed at"))

    class Meta:
        verbose_name = _("credential state")
        verbose_name_plural = _("credential states")

    def __str__(self) -> str:
        return f"{self.user} · {self.password_changed_at:%Y-%m-%d}"
