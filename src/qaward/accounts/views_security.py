"""Login-security pages: second-factor setup and verification, backup codes, password change and
reset. Thin: the work is in ``qaward.accounts.security``."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from qaward.accounts.security import mfa
from qaward.accounts.security.events import record_event
from qaward.accounts.security.forms import SecondFactorForm, SetupConfirmForm, password_rules, styled
from qaward.accounts.security.middleware import PASSWORD_VALID_UNTIL_KEY
from qaward.permissions import PermissionRequiredMixin, permission_required, public_view

SIGNED_IN = "qaward.use_site"


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


def _wait_message(seconds: int) -> str:
    return _("Too many wrong codes. Wait %(seconds)d seconds, then try again.") % {"seconds": seconds}


@never_cache
@sensitive_post_parameters("code")
@permission_required(SIGNED_IN)
def mfa_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if mfa.confirmed_totp_device(user) is not None:
        # Never a second device on the strength of the password alone.
        return redirect(_next_url(request) if user.is_verified() else reverse("security:mfa_verify"))
    if not mfa.needs_mfa(user):
        return redirect(_next_url(request))

    device = mfa.start_totp_setup(user=user)
    form = SetupConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, info = device.verify_is_allowed()
        if not allowed:
            wait = mfa.describe_wait((info or {}).get("locked_until"), timezone.now())
            form.add_error("code", _wait_message(wait))
        else:
            codes = mfa.enable_totp(request=request, device=device, token=form.cleaned_data["code"])
            if codes is not None:
                request.session[mfa.NEW_BACKUP_CODES_KEY] = codes
                messages.success(request, _("Two-factor authentication is on."))
                return redirect(_with_next(reverse("security:backup_codes"), _next_url(request)))
            form.add_error(
                "code",
                _(
                    "That code is not right. Check that the phone's clock is correct and enter the newest code."
                ),
            )
    return render(
        request,
        "accounts/security/mfa_setup.html",
        {
            "form": form,
            "qr_svg": mfa.qr_svg(device),
            "secret": mfa.secret_for_display(device),
            "next": _next_url(request),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@permission_required(SIGNED_IN)
def mfa_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_verified() or not mfa.needs_mfa(user):
        return redirect(_next_url(request))
    if mfa.confirmed_totp_device(user) is None:
        return redirect(_with_next(reverse("security:mfa_setup"), _next_url(request)))

    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = mfa.verify_second_factor(request=request, code=form.cleaned_data["code"])
        if result.verified:
            if result.used_backup_code:
                left = mfa.remaining_backup_codes(user)
                messages.warning(
                    request,
                    _("You used a backup code; %(count)d left. Each code works only once.") % {"count": left},
                )
            return redirect(_next_url(request))
        if result.throttled_until is not None:
            form.add_error("code", _wait_message(mfa.describe_wait(result.throttled_until, timezone.now())))
        else:
            form.add_error("code", _("That code is not right. Try the newest code from your app."))
    return render(request, "accounts/security/mfa_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@permission_required(SIGNED_IN)
def backup_codes(request: HttpRequest) -> HttpResponse:
    """Shows new backup codes once (right after they are made) and makes new ones on request."""
    user = request.user
    if mfa.confirmed_totp_device(user) is None:
        return redirect(_next_url(request))
    if not user.is_verified():
        return redirect(_with_next(reverse("security:mfa_verify"), request.path))
    if request.method == "POST":
        request.session[mfa.NEW_BACKUP_CODES_KEY] = mfa.regenerate_backup_codes(request=request)
        return redirect(request.path)
    codes = request.session.pop(mfa.NEW_BACKUP_CODES_KEY, None) or []
    return render(
        request,
        "accounts/security/backup_codes.html",
        {
            "codes": [mfa.format_backup_code(code) for code in codes],
            "remaining": mfa.remaining_backup_codes(user),
            "next": _next_url(request),
        },
    )


class StyledFormMixin:
    """Bootstrap classes on Django's forms, and the password rules listed once, readably."""

    def get_form(self, form_class=None):
        return styled(super().get_form(form_class))

    def get_context_data(self, **kwargs):
        return super().get_context_data(password_rules=password_rules(), **kwargs)


class PasswordChangeView(PermissionRequiredMixin, StyledFormMixin, auth_views.PasswordChangeView):
    permission_required = SIGNED_IN
    template_name = "accounts/security/password_change.html"
    success_url = reverse_lazy(settings.LOGIN_REDIRECT_URL)

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record_event("auth.password_changed", user=form.user, request=self.request)
        # The expiry check re-reads the new date on the next request.
        self.request.session.pop(PASSWORD_VALID_UNTIL_KEY, None)
        messages.success(self.request, _("Your password has been changed."))
        return response


# Password reset: Django's views with our pages. A reset only sets the password: it never logs the
# user in (post_reset_login stays False), so the next login still asks for the second factor.


@public_view
class PasswordResetView(StyledFormMixin, auth_views.PasswordResetView):
    template_name = "accounts/security/password_reset_form.html"
    email_template_name = "accounts/security/password_reset_email.txt"
    subject_template_name = "accounts/security/password_reset_subject.txt"
    success_url = reverse_lazy("security:password_reset_done")


@public_view
class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/security/password_reset_done.html"


@public_view
class PasswordResetConfirmView(StyledFormMixin, auth_views.PasswordResetConfirmView):
    template_name = "accounts/security/password_reset_confirm.html"
    success_url = reverse_lazy("security:password_reset_complete")
    post_reset_login = False
    title = gettext_lazy("Choose a new password")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record_event("auth.password_reset", user=form.user, request=self.request)
        return response


@public_view
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/security/password_reset_complete.html"
