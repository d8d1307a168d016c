"""Session limits: idle timeout, absolute lifetime, and ending the sessions of a disabled account.

Timestamps live in the session itself (seconds since the epoch), so the checks cost nothing
beyond the session load that every authenticated request already pays.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone

LOGIN_AT_KEY = "qaward_login_at"
LAST_SEEN_KEY = "qaward_last_seen"
# The activity stamp is rewritten at most this often, so a burst of requests (htmx) does not
# rewrite the session row each time. The idle timeout may therefore fire up to this many
# seconds early, never late.
LAST_SEEN_GRANULARITY_SECONDS = 60


def now_ts() -> float:
    return timezone.now().timestamp()


def idle_limit_seconds() -> int:
    return settings.QAWARD_SESSION_IDLE_MINUTES * 60


def absolute_limit_seconds() -> int:
    return settings.QAWARD_SESSION_ABSOLUTE_HOURS * 3600


def stamp_login(session) -> None:
    moment = now_ts()
    session[LOGIN_AT_KEY] = moment
    session[LAST_SEEN_KEY] = moment


def expired_reason(session, now: float) -> str:
    """ "idle", "absolute" or "" for a session that may continue."""
    login_at = session.get(LOGIN_AT_KEY)
    last_seen = session.get(LAST_SEEN_KEY)
    if login_at is not None and now - login_at >= absolute_limit_seconds():
        return "absolute"
    if last_seen is not None and now - last_seen >= idle_limit_seconds():
        return "idle"
    return ""


def touch(session, now: float) -> None:
    if LOGIN_AT_KEY not in session:
        # A session from before these limits existed (or a test's force_login without the
        # signal): its clock starts now rather than never.
        session[LOGIN_AT_KEY] = now
    last_seen = session.get(LAST_SEEN_KEY)
    if last_seen is None or now - last_seen >= LAST_SEEN_GRANULARITY_SECONDS:
        session[LAST_SEEN_KEY] = now


def end_sessions_of(user) -> int:
    """Delete every stored session of ``user``; returns how many ended.

    Used when an account is disabled, so that it is logged out everywhere at once rather than at
    its next request. Django keeps no index from user to session, so this decodes every
    unexpired session row: O(active sessions), acceptable for a rare administrative action on a
    site with thousands, not millions, of sessions. It works with the ``db`` and ``cached_db``
    engines (deleting through the store also clears the cache); the pure ``cache`` and
    ``signed_cookies`` engines cannot be enumerated, and there the next-request check in
    ``SessionLimitsMiddleware`` (plus Django refusing inactive users) is what ends the session.
    """
    engine = import_module(settings.SESSION_ENGINE)
    store_class = engine.SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0
    model = store_class.get_model_class()
    user_key = str(user.pk)
    ended = 0
    rows = model.objects.filter(expire_date__gt=timezone.now()).only("session_key", "session_data")
    for row in rows.iterator():
        if row.get_decoded().get(SESSION_KEY) == user_key:
            store_class(session_key=row.session_key).delete()
            ended += 1
    return ended
