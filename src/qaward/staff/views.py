"""Thin views: read through domain queries, render templates."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from qaward.programs.domain.queries import programs_with_current_cycle
from qaward.staff.demo_accounts import DEMO_ACCOUNTS


@login_required
def home(request: HttpRequest) -> HttpResponse:
    # TODO(accounts): once roles exist, show office staff only the programs they work for.
    return render(request, "staff/home.html", {"programs": programs_with_current_cycle()})


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read per request, not at import, so the setting can be switched without a code change.
        context["demo_accounts"] = DEMO_ACCOUNTS if settings.QAWARD_DEMO else ()
        return context


class LogoutView(auth_views.LogoutView):
    """Logout is POST-only (Django ≥ 5.0), so a link or prefetch cannot log anyone out."""
