"""Every URL the site answers is either guarded by a ``rules`` permission or deliberately public.

Walks the whole URL configuration. A view of ours (module ``qaward.…``) must carry
``@permission_required`` / ``PermissionRequiredMixin`` (naming a permission that exists) or
``@public_view``. Anything else must be on the allowlist below, with the reason it is safe.
"""

from __future__ import annotations

import pytest
import rules
from django.urls import URLPattern, URLResolver, get_resolver, path

from qaward.permissions import PermissionRequiredMixin, permission_required, public_view, view_rule

pytestmark = pytest.mark.integration

# Views that are not ours and guard themselves, or need no guard.
ALLOWED_FOREIGN = {
    # Language switch: stores a cookie, shows nothing.
    "django.views.i18n.set_language",
    # /favicon.ico → the static icon.
    "django.views.generic.base.RedirectView",
}
# Whole namespaces that check access themselves: the Django admin lets in only active staff
# users (and our admin classes refuse deletes).
ALLOWED_NAMESPACES = {"admin"}
# Our own views that are public by nature but owned by the login-security code: the login and
# logout pages (axes and the MFA middleware protect them, not a permission).
ALLOWED_OURS = {"qaward.staff.views.LoginView", "qaward.staff.views.LogoutView"}


def _dotted(view) -> str:
    target = getattr(view, "view_class", None) or view
    return f"{target.__module__}.{getattr(target, '__qualname__', getattr(target, '__name__', repr(target)))}"


def walk(patterns, prefix: str = "", namespaces: tuple[str, ...] = ()):
    """Yield (route, namespaces, view callback) for every pattern, recursively."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespaces, pattern.callback


def problems(patterns) -> list[str]:
    found = []
    for route, namespaces, view in walk(patterns):
        name = _dotted(view)
        if set(namespaces) & ALLOWED_NAMESPACES:
            continue
        if not name.startswith("qaward."):
            if name not in ALLOWED_FOREIGN:
                found.append(f"/{route} → {name}: not our view and not on the allowlist")
            continue
        if name in ALLOWED_OURS:
            continue
        rule = view_rule(view)
        if rule is None:
            found.append(f"/{route} → {name}: neither @permission_required nor @public_view")
        elif rule != "public" and not rules.perm_exists(rule):
            found.append(f"/{route} → {name}: permission {rule!r} is not defined in any rules.py")
    return found


def test_every_view_has_a_rule():
    assert problems(get_resolver().url_patterns) == []


def test_the_walk_reaches_the_views_it_must_judge():
    seen = {_dotted(view): view_rule(view) for _, _, view in walk(get_resolver().url_patterns)}
    assert seen["qaward.staff.views.home"] == "qaward.use_site"
    assert seen["qaward.staff.views_rulebooks.rulebook_list"] == "qaward.view_staff_pages"
    assert seen["qaward.staff.views_rulebooks.rulebook_text"] == "qaward.use_site"
    assert seen["qaward.accounts.views_roles.program_roles"] == "accounts.manage_roles"
    assert seen["qaward.accounts.views_roles.register_applicant"] == "public"
    # Through stacked decorators (require_POST outside permission_required).
    assert seen["qaward.accounts.views_roles.approve_recommender"] == "accounts.approve_recommender"


# --- The checker itself catches what it must ---------------------------------------------------


def _ours(view):
    view.__module__ = "qaward.fake"
    return view


def test_an_unguarded_view_of_ours_is_reported():
    def unguarded(request):
        raise AssertionError

    assert problems([path("x/", _ours(unguarded))]) == [
        "/x/ → qaward.fake.test_an_unguarded_view_of_ours_is_reported.<locals>.unguarded: neither "
        "@permission_required nor @public_view"
    ]


def test_a_guarded_or_public_view_passes_and_an_unknown_permission_is_reported():
    @permission_required("qaward.view_staff_pages")
    def guarded(request):
        raise AssertionError

    @public_view
    def open_page(request):
        raise AssertionError

    @permission_required("nobody.defined_this")
    def misspelt(request):
        raise AssertionError

    patterns = [path("a/", _ours(guarded)), path("b/", _ours(open_page)), path("c/", _ours(misspelt))]
    [problem] = problems(patterns)
    assert problem.startswith("/c/ ") and "'nobody.defined_this' is not defined" in problem


def test_class_based_views_are_judged_by_their_class():
    from django.views.generic import TemplateView

    class Unguarded(TemplateView):
        pass

    class Guarded(PermissionRequiredMixin, TemplateView):
        permission_required = "qaward.view_staff_pages"

    @public_view
    class Open(TemplateView):
        pass

    for cls in (Unguarded, Guarded, Open):
        cls.__module__ = "qaward.fake"
    patterns = [path("u/", Unguarded.as_view()), path("g/", Guarded.as_view()), path("o/", Open.as_view())]
    [problem] = problems(patterns)
    assert problem.startswith("/u/ ")


def test_a_foreign_view_needs_the_allowlist():
    from django.contrib.auth.views import PasswordChangeView

    [problem] = problems([path("pw/", PasswordChangeView.as_view())])
    assert "not our view and not on the allowlist" in problem
