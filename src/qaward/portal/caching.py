"""HTTP caching for the public portal: ``Cache-Control: public, max-age=60`` plus a validator.

Pages with a countdown change every minute even when no data changed, so their Last-Modified is
the later of the data's last change and the start of the current minute; the ETag hashes the
same stamp with the path, so a conditional request gets 304 only while the page is identical.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from functools import wraps

from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition

MAX_AGE = 60


def _minute(now: datetime) -> datetime:
    return now.replace(second=0, microsecond=0)


def public_page(stamp: Callable[..., datetime | None], *, ticking: bool = True):
    """Cache headers for a portal view. ``stamp(request, *args, **kwargs)``: when its data last
    changed. ``ticking``: the page shows a countdown (changes every minute)."""

    def last_modified(request, *args, **kwargs):
        changed = stamp(request, *args, **kwargs)
        if ticking:
            now = _minute(timezone.now())
            changed = max(changed, now) if changed else now
        return changed

    def etag(request, *args, **kwargs):
        changed = last_modified(request, *args, **kwargs)
        seed = f"{request.path}|{changed.isoformat() if changed else '-'}"
        return hashlib.sha256(seed.encode()).hexdigest()[:32]

    def decorator(view):
        wrapped = cache_control(public=True, max_age=MAX_AGE)(
            condition(etag_func=etag, last_modified_func=last_modified)(view)
        )

        @wraps(view)
        def inner(request, *args, **kwargs):
            return wrapped(request, *args, **kwargs)

        return inner

    return decorator
