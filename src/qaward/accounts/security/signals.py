"""Signal receivers for login security, connected from ``AccountsConfig.ready``."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_init, post_save
from django.dispatch import receiver
from django_otp import DEVICE_ID_SESSION_KEY

from qaward.accounts.security.events import record_event
from qaward.accounts.security.middleware import PASSWORD_VALID_UNTIL_KEY
from qaward.accounts.security.sessions import end_sessions_of, stamp_login

User = get_user_model()


@receiver(user_logged_in, dispatch_uid="qaward_security_login")
def start_session_clocks(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    stamp_login(request.session)
    request.session.pop(PASSWORD_VALID_UNTIL_KEY, None)
    # Django keeps the session when the same user logs in again; a password login must not
    # inherit a second factor verified earlier. (django-otp's own receiver, which runs first,
    # sets otp_device only for OTP-aware login forms; those keep their device.)
    if getattr(user, "otp_device", None) is None:
        request.session.pop(DEVICE_ID_SESSION_KEY, None)


@receiver(user_locked_out, dispatch_uid="qaward_security_locked_out")
def audit_lockout(sender, request, username, ip_address, **kwargs) -> None:
    # Linked to the account when one has that username; an unknown name is kept as typed.
    account = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    record_event("auth.locked_out", user=account, username=username or "", request=request)


@receiver(post_init, sender=User, dispatch_uid="qaward_security_user_loaded")
def remember_active_flag(sender, instance, **kwargs) -> None:
    # Read from __dict__: a queryset that deferred is_active must not pay a query per row.
    instance._qaward_loaded_active = instance.__dict__.get("is_active") if instance.pk else None


@receiver(post_save, sender=User, dispatch_uid="qaward_security_user_saved")
def end_sessions_on_deactivation(sender, instance, created, raw=False, **kwargs) -> None:
    # Only the transition active → inactive: saving an account that was already inactive (a
    # pending registration, say) must not scan the session table.
    was_active = getattr(instance, "_qaward_loaded_active", None)
    instance._qaward_loaded_active = instance.is_active
    if raw or created or not was_active or instance.is_active:
        return
    end_sessions_of(instance)
