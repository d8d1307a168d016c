"""Security events: logins, failed logins, lockouts, MFA changes, permission denials.

Each is recorded in its own atomic block, because there is usually no business transaction to
join (a failed login changes nothing). A caller inside a transaction that is later rolled back
loses the event with it: record denials and lockouts outside the transaction being refused.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from qaward.audit.domain.recording import append_event
from qaward.audit.models import AuditEvent

USERNAME_MAX = 150


def record_security_event(
    action: str, *, user=None, username: str = "", request=None, details: dict | None = None
) -> AuditEvent:
    """Record a security event about the account ``user`` (or the attempted ``username`` when no
    such account is known), e.g. ``record_security_event("auth.lockout", username="wang",
    request=request)``.

    The actor is the user signed in on ``request`` (the visitor, "公众", when nobody is); the
    object is the account concerned. ``details`` go into the event's ``after`` data: never pass
    passwords, codes or secrets (keys that look like them are redacted anyway).
    """
    from qaward.audit.context import current_request

    request = request if request is not None else current_request()
    request_user = getattr(request, "user", None)
    actor = request_user if getattr(request_user, "is_authenticated", False) else None
    return record_account_event(
        action, actor=actor, user=user, username=username, request=request, details=details
    )


def record_account_event(
    action: str, *, actor, user=None, username: str = "", request=None, details: dict | None = None
) -> AuditEvent:
    """``record_security_event`` with the actor given (a login's actor is the user logging in,
    whatever the request says yet)."""
    if user is None and actor is not None and not username:
        user = actor
    object_fields = {}
    username = (username or "")[:USERNAME_MAX]
    if user is None and username:
        object_fields = {"object_type": get_user_model()._meta.label_lower, "object_label": username}
    after = dict(details or {})
    if username:
        after.setdefault("username", username)
    with transaction.atomic():
        return append_event(
            actor=actor,
            action=action,
            obj=user,
            after=after or None,
            request=request,
            **object_fields,
        )
