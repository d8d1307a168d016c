"""Thin views: read through domain queries, render templates."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from qaward.accounts.domain.queries import (
    active_roles,
    is_platform_admin,
    pending_registrations_for,
    programs_visible_to,
)
from qaward.permissions import permission_required
from qaward.programs.domain.queries import programs_with_current_cycle
from qaward.staff.demo_accounts import DEMO_ACCOUNTS
from qaward.worklist import work_items


@permission_required("qaward.use_site")
def home(request: HttpRequest) -> HttpResponse:
    """The landing page after login: the award programs the user works in (all of them for
    platform administrators), with their roles there and the management pages they may open."""
    visible = set(programs_visible_to(request.user).values_list("pk", flat=True))
    programs = [p for p in programs_with_current_cycle() if p.pk in visible]
    held = active_roles(request.user).filter(program__in=visible).order_by("role")
    roles_by_program: dict[int, list[str]] = {}
    for assignment in held:
        roles_by_program.setdefault(assignment.program_id, []).append(assignment.get_role_display())
    for program in programs:
        program.my_roles = roles_by_program.get(program.pk, [])
    context = {
        "programs": programs,
        "holds_any_role": is_platform_admin(request.user) or bool(held),
        "pending_count": pending_registrations_for(request.user).count(),
        "work_items": work_items(request.user),
    }
    return render(request, "staff/home.html", context)


class LoginView(auth_views.LoginView):
    """Password login. What follows it is enforced by middleware, not here: a second factor for
    those who need one, a new password when the old one is too old (qaward.accounts.security)."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read per request, not at import, so the setting can be switched without a code change.
        context["demo_accounts"] = DEMO_ACCOUNTS if settings.QAWARD_DEMO else ()
        context["demo_rows"] = _demo_rows() if settings.QAWARD_DEMO else ()
        return context


def _demo_rows() -> list[dict]:
    """Each demo account with its next one-time backup code, which the MFA step asks for."""
    from django.contrib.auth import get_user_model

    from qaward.accounts.security.demo import next_demo_code

    users = get_user_model().objects.in_bulk([a.username for a in DEMO_ACCOUNTS], field_name="username")
    rows = []
    for account in DEMO_ACCOUNTS:
        user = users.get(account.username)
        rows.append({"account": account, "mfa_code": next_demo_code(user) if user else ""})
    return rows


class LogoutView(auth_views.LogoutView):
    """Logout is POST-only (Django ≥ 5.0), so a link or prefetch cannot log anyone out."""
