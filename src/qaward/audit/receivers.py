"""Django's authentication signals, recorded as audit events (connected in ``AuditConfig.ready``)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from qaward.audit.domain.security import record_account_event


@receiver(user_logged_in, dispatch_uid="qaward.audit.login")
def record_login(sender, request, user, **kwargs) -> None:
    record_account_event("auth.login", actor=user, user=user, request=request)


@receiver(user_logged_out, dispatch_uid="qaward.audit.logout")
def record_logout(sender, request, user, **kwargs) -> None:
    if user is not None:  # logging out while not logged in changes nothing
        record_account_event("auth.logout", actor=user, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="qaward.audit.login_failed")
def record_login_failure(sender, credentials, request=None, **kwargs) -> None:
    # Only the attempted username: Django masks the password in ``credentials``, but nothing else
    # from them (OTP tokens, other backends' fields) is needed to investigate a failure.
    field = get_user_model().USERNAME_FIELD
    username = str(credentials.get(field) or credentials.get("username") or "")
    user = get_user_model()._default_manager.filter(**{field: username}).first() if username else None
    record_account_event("auth.login_failed", actor=None, user=user, username=username, request=request)
