"""Login-security middleware, in the order settings installs them (after MessageMiddleware):

1. ``SessionLimitsMiddleware``: idle timeout, absolute lifetime, stale sessions of disabled accounts.
2. ``MFARequiredMiddleware``: users who need a second factor see nothing else until they give it.
3. ``PasswordExpiryMiddleware``: a password older than the maximum age must be changed first.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, get_user_model, logout
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.accounts.security import sessions
from qaward.accounts.security.events import record_event

PASSWORD_VALID_UNTIL_KEY = "qaward_password_valid_until"

# Pages a user may reach while a login step (second factor, password change) is still owed.
_ALWAYS_ALLOWED = frozenset({"logout", "set_language", "security:mfa_verify", "security:mfa_setup"})
_ALLOWED_WITH_EXPIRED_PASSWORD = _ALWAYS_ALLOWED | {
    "security:password_change",
    "security:backup_codes",
}


def _view_name(request) -> str:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return ""


def _is_asset(request) -> bool:
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    return request.path_info.startswith(static_prefix) or request.path_info == "/favicon.ico"


def _redirect(request, url: str) -> HttpResponse:
    if request.headers.get("HX-Request") == "true":
        # An htmx swap would otherwise paste the target page into a fragment.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


def _with_next(url: str, request) -> str:
    if request.method != "GET":
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


class SessionLimitsMiddleware:
    """Ends sessions idle for QAWARD_SESSION_IDLE_MINUTES or older than
    QAWARD_SESSION_ABSOLUTE_HOURS, and sessions whose account was disabled meanwhile."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            if SESSION_KEY in request.session:
                self._end_stale_session(request)
            return self.get_response(request)

        now = sessions.now_ts()
        reason = sessions.expired_reason(request.session, now)
        if reason:
            record_event("auth.session_expired", user=user, request=request, reason=reason)
            logout(request)
            if reason == "idle":
                text = _(
                    "You were logged out after %(minutes)d minutes without activity. Please log in again."
                ) % {"minutes": settings.QAWARD_SESSION_IDLE_MINUTES}
            else:
                text = _("For security, a login lasts at most %(hours)d hours. Please log in again.") % {
                    "hours": settings.QAWARD_SESSION_ABSOLUTE_HOURS
                }
            messages.info(request, text)
            return _redirect(request, _with_next(reverse(settings.LOGIN_URL), request))
        sessions.touch(request.session, now)
        return self.get_response(request)

    @staticmethod
    def _end_stale_session(request) -> None:
        # Django already refuses a disabled (or deleted) account here, leaving request.user
        # anonymous, but keeps its session row. End that session outright, and say why.
        user_id = request.session.get(SESSION_KEY)
        disabled = get_user_model().objects.filter(pk=user_id, is_active=False).exists()
        request.session.flush()
        if disabled:
            messages.error(request, _("Your account has been disabled, so you were logged out."))


class MFARequiredMiddleware:
    """Sends a user who needs a second factor and has not given one in this session to the
    verification page (or, without a device yet, to setup), whatever they asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.QAWARD_MFA_ENFORCED and not _is_asset(request):
            target = self._required_step(request)
            if target and _view_name(request) not in _ALWAYS_ALLOWED:
                return _redirect(request, _with_next(reverse(target), request))
        return self.get_response(request)

    @staticmethod
    def _required_step(request) -> str:
        from qaward.accounts.security.mfa import confirmed_totp_device, needs_mfa

        user = request.user
        if not user.is_authenticated or user.is_verified() or not needs_mfa(user):
            return ""
        return "security:mfa_verify" if confirmed_totp_device(user) else "security:mfa_setup"


class PasswordExpiryMiddleware:
    """Sends a user whose password is older than QAWARD_PASSWORD_MAX_AGE_DAYS to change it.

    The answer is kept in the session until the password would expire, so a request costs a
    query only once per session, not every time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.QAWARD_PASSWORD_MAX_AGE_DAYS
            and user.is_authenticated
            and not _is_asset(request)
            and self._expired(request, user)
            and _view_name(request) not in _ALLOWED_WITH_EXPIRED_PASSWORD
        ):
            messages.warning(
                request,
                _("Your password is more than %(days)d days old. Please choose a new one to continue.")
                % {"days": settings.QAWARD_PASSWORD_MAX_AGE_DAYS},
            )
            return _redirect(request, _with_next(reverse("security:password_change"), request))
        return self.get_response(request)

    @staticmethod
    def _expired(request, user) -> bool:
        from qaward.accounts.security.passwords import password_expires_at

        now = timezone.now()
        valid_until = request.session.get(PASSWORD_VALID_UNTIL_KEY)
        if valid_until is not None and now.timestamp() < valid_until:
            return False
        expires = password_expires_at(user)
        if expires is not None and now >= expires:
            return True
        if expires is not None:
            request.session[PASSWORD_VALID_UNTIL_KEY] = expires.timestamp()
        return False
