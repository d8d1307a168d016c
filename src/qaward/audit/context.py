"""The request being served, kept in a context variable so that domain functions can record the
request id, client address and browser of an audit event without being handed the request.

``AuditRequestMiddleware`` sits right after ``AuthenticationMiddleware`` (``request.user`` is known)
and gives every request an id, echoed in the ``X-Request-ID`` response header so that a user's
report ("the page said …") can be matched to the audit events written while serving it.
"""

from __future__ import annotations

import ipaddress
import uuid
from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
USER_AGENT_MAX = 255

_current_request: ContextVar[HttpRequest | None] = ContextVar("qaward_audit_request", default=None)


def current_request() -> HttpRequest | None:
    return _current_request.get()


@dataclass(frozen=True)
class RequestInfo:
    request_id: str = ""
    ip: str = ""
    user_agent: str = ""


def _normalised_ip(raw: str) -> str:
    # Stored as text in canonical form (hashed exactly as written); junk is dropped, not kept.
    try:
        return str(ipaddress.ip_address(raw.strip()))
    except ValueError:
        return ""


def request_info(request: HttpRequest | None) -> RequestInfo:
    """Request id, client IP and user agent of ``request`` (empty outside a request).

    The IP is ``REMOTE_ADDR``: behind a reverse proxy that is the proxy's address unless the
    deployment rewrites ``REMOTE_ADDR`` from a header it controls (see docs/audit.md); a
    client-supplied ``X-Forwarded-For`` is never trusted here.
    """
    if request is None:
        return RequestInfo()
    return RequestInfo(
        request_id=getattr(request, "request_id", "") or "",
        ip=_normalised_ip(request.META.get("REMOTE_ADDR", "") or ""),
        user_agent=(request.META.get("HTTP_USER_AGENT", "") or "")[:USER_AGENT_MAX],
    )


class AuditRequestMiddleware:
    """Give the request an id and make it the current request while it is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Always generated here: an id taken from the client could be chosen to blur the trail.
        request.request_id = uuid.uuid4().hex
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        return response
