"""Every view is either protected by a ``rules`` permission or explicitly public.

Function views::

    @permission_required("accounts.manage_roles", fn=program_from_slug)
    def program_roles(request, slug): ...

Class-based views inherit ``PermissionRequiredMixin`` and set ``permission_required`` (and
override ``get_permission_object`` for an object check). Public pages say so with
``@public_view`` (function or class). ``tests/permissions/test_every_view_has_a_rule.py`` fails
for any view of ours that does neither.

The behaviour, the same for both forms:

- an anonymous visitor is sent to the login page *before* the object is looked up, so the
  redirect reveals nothing about which objects exist;
- a signed-in user without the permission gets 404, exactly as for an object that does not
  exist (``fn`` may itself raise Http404), so outsiders cannot probe for objects; the denial is
  recorded as a security event in the audit log;
- permissions are tested with ``rules.has_perm`` directly, not ``user.has_perm``: Django's
  ModelBackend lets superusers pass every check, which would bypass rules such as "trade-secret
  files only for the office and assigned experts";
- an unknown permission name is a programming error (ImproperlyConfigured), not a silent deny.

The object found by ``fn`` is left on ``request.permission_object`` so the view need not look it
up twice.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpRequest

ObjectGetter = Callable[..., Any]


def public_view(view):
    """Mark a view (function or class) as intentionally open to everyone, signed in or not."""
    view.qaward_public = True
    return view


def _ensure_known(perm: str) -> None:
    if not rules.perm_exists(perm):
        raise ImproperlyConfigured(
            f"Permission {perm!r} is not defined: add it with rules.add_perm() in an app's rules.py "
            "(and check that rules.apps.AutodiscoverRulesConfig is in INSTALLED_APPS)."
        )


def record_denial(request: HttpRequest, perm: str, obj: Any) -> None:
    """Record a refused request in the audit log as a security event (``auth.permission_denied``)."""
    try:
        from qaward.audit.domain import record_security_event
    except ImportError:  # the audit app is optional for this module
        return
    details = {"permission": perm, "path": request.path, "method": request.method}
    if hasattr(obj, "_meta"):
        details.update(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    record_security_event("auth.permission_denied", request=request, details=details)


def check_permission(request: HttpRequest, perm: str, obj: Any = None) -> None:
    """Raise Http404 unless the signed-in user holds ``perm`` (on ``obj``)."""
    _ensure_known(perm)
    if not rules.has_perm(perm, request.user, obj):
        record_denial(request, perm, obj)
        raise Http404("No such page.")


def permission_required(perm: str, fn: ObjectGetter | None = None):
    """Protect a function view with the ``rules`` permission ``perm``.

    ``fn(request, *args, **kwargs)`` returns the object the permission is checked on (or raises
    Http404 when there is none); without ``fn`` the check has no object.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            obj = fn(request, *args, **kwargs) if fn is not None else None
            check_permission(request, perm, obj)
            request.permission_object = obj
            return view(request, *args, **kwargs)

        wrapper.qaward_permission = perm
        return wrapper

    return decorator


class PermissionRequiredMixin:
    """The class-based form of ``permission_required``: set ``permission_required`` and, for an
    object check, override ``get_permission_object``."""

    permission_required: str = ""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.permission_required:
            cls.qaward_permission = cls.permission_required

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_required:
            raise ImproperlyConfigured(f"{type(self).__name__} sets no permission_required.")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        obj = self.get_permission_object()
        check_permission(request, self.permission_required, obj)
        request.permission_object = obj
        return super().dispatch(request, *args, **kwargs)


def view_rule(view) -> str | None:
    """How a resolved view callback is guarded: "public", the permission name, or None.

    Looks through ``as_view()`` to the class, and through decorators that copy attributes with
    functools.wraps (require_POST, never_cache …).
    """
    target = getattr(view, "view_class", None) or view
    if getattr(target, "qaward_public", False) or getattr(view, "qaward_public", False):
        return "public"
    if isinstance(target, type):
        if issubclass(target, PermissionRequiredMixin) and target.permission_required:
            return target.permission_required
        return None
    return getattr(view, "qaward_permission", None)
