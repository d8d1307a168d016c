"""Security events (lockouts, MFA, password changes) go to the tamper-evident audit log.

One narrow door to ``qaward.audit.domain.record_security_event`` so that the login-security code
does not repeat its call shape everywhere. Imported lazily: the audit app imports accounts models.
Never pass codes, secrets or passwords as details.
"""

from __future__ import annotations


def record_event(action: str, *, user=None, username: str = "", request=None, **details):
    from qaward.audit.domain import record_security_event

    return record_security_event(
        action, user=user, username=username, request=request, details=details or None
    )
