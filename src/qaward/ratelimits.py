"""Rate limits for public forms (django-ratelimit over the shared cache).

Use ``@public_form_rate_limit`` on a view that accepts anonymous POSTs. Over the limit, the
POST is answered with 429 and a Chinese page saying when to try again; GETs are never limited,
so what the visitor typed stays in their browser.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit


def public_form_rate(group, request) -> str:
    return settings.QAWARD_PUBLIC_FORM_RATE


def public_form_rate_limit(view):
    """Limit POSTs per client IP to ``QAWARD_PUBLIC_FORM_RATE`` (one budget per view)."""
    return ratelimit(key="ip", rate=public_form_rate, method="POST", block=True)(view)


def too_many_requests(request: HttpRequest, exception) -> HttpResponse:
    from qaward.audit.domain import record_security_event

    record_security_event("ratelimit.exceeded", request=request, details={"path": request.path})
    return render(request, "ratelimited.html", status=429)
