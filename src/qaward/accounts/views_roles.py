"""Registration, invitations, recommender approval and role management pages. Thin: forms collect
input, accounts.domain decides and writes, the ``rules`` permissions decide who sees what (an
outsider gets 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qaward.accounts.domain import queries, roles
from qaward.accounts.forms import (
    AcceptInvitationForm,
    ApplicantRegistrationForm,
    GrantRoleForm,
    InvitationForm,
    ReasonForm,
    RecommenderRegistrationForm,
    add_domain_errors,
)
from qaward.accounts.models import Invitation, RoleAssignment
from qaward.permissions import permission_required, public_view
from qaward.programs.models import AwardProgram
from qaward.ratelimits import public_form_rate_limit

ACCOUNT_FIELDS = ("username", "password", "full_name", "email", "phone", "program")


def program_from_slug(request, slug: str, **kwargs) -> AwardProgram:
    return get_object_or_404(AwardProgram, slug=slug)


def assignment_from_pk(request, pk: int, **kwargs) -> RoleAssignment:
    return get_object_or_404(RoleAssignment.objects.select_related("user", "program"), pk=pk)


def invitation_from_pk(request, pk: int, **kwargs) -> Invitation:
    return get_object_or_404(Invitation.objects.select_related("program"), pk=pk)


def registrant_from_user_id(request, user_id: int, **kwargs):
    return get_object_or_404(get_user_model(), pk=user_id)


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


# --- Public: registration and invitations ------------------------------------------------------


@public_view
@require_http_methods(["GET", "POST"])
@public_form_rate_limit
def register_applicant(request: HttpRequest) -> HttpResponse:
    form = ApplicantRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            roles.register_applicant(**{k: form.cleaned_data[k] for k in ACCOUNT_FIELDS})
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(request, _("Your account has been created. You can log in now."))
            return redirect("login")
    return render(request, "accounts/roles/register.html", {"form": form, "kind": "applicant"})


@public_view
@require_http_methods(["GET", "POST"])
@public_form_rate_limit
def register_recommender(request: HttpRequest) -> HttpResponse:
    form = RecommenderRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = roles.register_recommender(
                **{k: data[k] for k in ACCOUNT_FIELDS}, recommending_unit=data["recommending_unit"]
            )
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your registration has been sent to %(office)s. You can log in once the office has "
                    "approved it."
                )
                % {"office": registration.program.office_name},
            )
            return redirect("login")
    return render(request, "accounts/roles/register.html", {"form": form, "kind": "recommender"})


@public_view
@require_GET
def recommender_units(request: HttpRequest) -> HttpResponse:
    """The unit choices for the program picked on the recommender form (an htmx fragment)."""
    raw = request.GET.get("program", "")
    program = AwardProgram.objects.filter(pk=int(raw), active=True).first() if raw.isdigit() else None
    units = queries.units_open_for_registration(program) if program else []
    return render(request, "accounts/roles/_unit_options.html", {"units": units})


@public_view
@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = roles.invitation_from_token(token)
    except ValidationError as error:
        return _invitation_unusable(request, error)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            roles.accept_invitation(
                token=token, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
            )
        except ValidationError as error:
            if getattr(error, "code", None) in {"invalid", "expired", "replaced", "used"}:
                return _invitation_unusable(request, error)
            add_domain_errors(form, error)
        else:
            messages.success(request, _("Your account has been created. You can log in now."))
            return redirect("login")
    return render(request, "accounts/roles/accept_invitation.html", {"form": form, "invitation": invitation})


def _invitation_unusable(request: HttpRequest, error: ValidationError) -> HttpResponse:
    # Gone (410) for links that were real once; not found for anything else.
    status = 404 if error.code == "invalid" else 410
    return render(
        request, "accounts/roles/invitation_unusable.html", {"message": error.messages[0]}, status=status
    )


# --- Signed in: one's own account ---------------------------------------------------------------


@require_GET
@permission_required("accounts.view_own_account")
def my_account(request: HttpRequest) -> HttpResponse:
    assignments = (
        RoleAssignment.objects.filter(user=request.user)
        .select_related("program", "recommending_unit")
        .order_by("revoked_at", "program__name", "role")
    )
    return render(request, "accounts/roles/my_account.html", {"assignments": assignments})


# --- Office staff: roles of a program ----------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("accounts.manage_roles", fn=program_from_slug)
def program_roles(request: HttpRequest, slug: str) -> HttpResponse:
    program = request.permission_object
    form = GrantRoleForm(request.POST or None, program=program, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = roles.grant_role(
                user=form.user,
                role=form.cleaned_data["role"],
                program=program,
                actor=request.user,
                recommending_unit=form.cleaned_data["recommending_unit"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(
                request,
                _("%(user)s now holds the role “%(role)s”.")
                % {"user": assignment.user, "role": assignment.get_role_display()},
            )
            return redirect("roles:program_roles", slug=program.slug)
    context = {
        "program": program,
        "form": form,
        "assignments": queries.assignments_in_program(program),
        "revoked": queries.assignments_in_program(program, include_revoked=True).filter(
            revoked_at__isnull=False
        ),
    }
    return render(request, "accounts/roles/program_roles.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("accounts.revoke_role", fn=assignment_from_pk)
def revoke_role(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = request.permission_object
    back = (
        redirect("roles:program_roles", slug=assignment.program.slug)
        if assignment.program_id
        else redirect("staff:home")
    )
    if assignment.revoked_at is not None:
        messages.info(request, _("This role was already revoked."))
        return back
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            roles.revoke_role(assignment=assignment, actor=request.user, reason=form.cleaned_data["reason"])
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(
                request,
                _("The role “%(role)s” of %(user)s has been revoked.")
                % {"role": assignment.get_role_display(), "user": assignment.user},
            )
            return back
    return render(request, "accounts/roles/revoke_role.html", {"assignment": assignment, "form": form})


# --- Office staff: recommender registrations ---------------------------------------------------


@require_GET
@permission_required("accounts.review_recommenders")
def pending_recommenders(request: HttpRequest) -> HttpResponse:
    registrations = queries.pending_registrations_for(request.user)
    return render(request, "accounts/roles/pending_recommenders.html", {"registrations": registrations})


@require_POST
@permission_required("accounts.approve_recommender", fn=registrant_from_user_id)
def approve_recommender(request: HttpRequest, user_id: int) -> HttpResponse:
    registrant = request.permission_object
    try:
        roles.approve_recommender(user=registrant, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(user)s can now log in as a recommender.") % {"user": registrant})
    return redirect("roles:pending_recommenders")


@require_http_methods(["GET", "POST"])
@permission_required("accounts.approve_recommender", fn=registrant_from_user_id)
def reject_recommender(request: HttpRequest, user_id: int) -> HttpResponse:
    registrant = request.permission_object
    registration = queries.pending_registration_of(registrant)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            roles.reject_recommender(user=registrant, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(
                request, _("The registration of %(user)s has been rejected.") % {"user": registrant}
            )
            return redirect("roles:pending_recommenders")
    return render(
        request, "accounts/roles/reject_recommender.html", {"registration": registration, "form": form}
    )


# --- Office staff: invitations -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required("accounts.invite", fn=program_from_slug)
def program_invitations(request: HttpRequest, slug: str) -> HttpResponse:
    program = request.permission_object
    form = InvitationForm(request.POST or None, program=program, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = roles.invite_user(
                **form.cleaned_data, program=program, actor=request.user, site_url=_site_url(request)
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("roles:program_invitations", slug=program.slug)
    context = {"program": program, "form": form, "invitations": queries.invitations_of_program(program)}
    return render(request, "accounts/roles/program_invitations.html", context)


@require_POST
@permission_required("accounts.invite", fn=invitation_from_pk)
def resend_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = request.permission_object
    try:
        roles.resend_invitation(invitation=invitation, actor=request.user, site_url=_site_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("A new invitation link has been sent to %(email)s; earlier links no longer work.")
            % {"email": invitation.email},
        )
    return redirect("roles:program_invitations", slug=invitation.program.slug)
