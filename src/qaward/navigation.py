"""Top-bar entries contributed by apps, so base.html need not know every app.

Each app lists ``NAV_ITEMS`` in its ``nav.py``; an entry shows when the signed-in user holds its
``rules`` permission (checked without an object: the entry leads to a list the user may filter).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

import rules
from django.urls import reverse
from django.utils.functional import Promise

NAV_APPS = ("accounts", "applications", "vetting", "publicity", "objections", "experts", "portal")


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    perm: str | None = None  # None: everyone, signed in or not
    order: int = 50


def _all_items() -> list[NavItem]:
    items: list[NavItem] = []
    for app in NAV_APPS:
        items.extend(import_module(f"qaward.{app}.nav").NAV_ITEMS)
    return sorted(items, key=lambda item: item.order)


def nav_items(request) -> dict:
    """Context processor: ``nav_items`` as (label, url, active) for the current user."""
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    current_namespace = match.namespace if match else ""
    shown = []
    granted: dict[str, bool] = {}  # several entries share a permission: ask once per request
    for item in _all_items():
        if item.perm is not None:
            if item.perm not in granted:
                granted[item.perm] = bool(user) and rules.has_perm(item.perm, user)
            if not granted[item.perm]:
                continue
        namespace = item.url_name.split(":", 1)[0]
        url = reverse(item.url_name)
        active = namespace == current_namespace and (request.path.startswith(url) or namespace != "roles")
        shown.append((item.label, url, active))
    return {"nav_items": shown}
