"""The page shown when django-axes refuses a login (``AXES_LOCKOUT_CALLABLE``).

A lockout covers one username from one client address and lifts by itself after the cool-off
(never permanent): the page says when, in the site's time zone.
"""

from __future__ import annotations

from datetime import datetime

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone


def locked_until(request, credentials=None) -> datetime | None:
    """When the lockout of this username from this address ends: the newest counted failure plus
    the cool-off (failures during the lockout are not counted, so the time does not move)."""
    cool_off = get_cool_off(request)
    if cool_off is None:
        return None
    handler = AxesProxyHandler.get_implementation()
    latest = None
    for attempts in handler.get_user_attempts(request, credentials):
        newest = attempts.aggregate(newest=Max("attempt_time"))["newest"]
        if newest is not None and (latest is None or newest > latest):
            latest = newest
    return (latest or timezone.now()) + cool_off


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "locked_until": locked_until(request, credentials),
        "cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else 0,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(
        request,
        "accounts/security/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
