"""Applicant profile pages: list, create and edit organisations, individuals and teams."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from qaward.accounts.forms import add_domain_errors
from qaward.applications.domain import profiles, queries
from qaward.applications.enums import ApplicantKind
from qaward.applications.forms.profile import (
    IndividualForm,
    MemberForm,
    OrganizationForm,
    TeamForm,
    format_certificates,
)
from qaward.applications.models import Applicant, TeamMember
from qaward.permissions import permission_required

FORMS = {
    ApplicantKind.ORGANIZATION: OrganizationForm,
    ApplicantKind.INDIVIDUAL: IndividualForm,
    ApplicantKind.TEAM: TeamForm,
}


def applicant_from_pk(request, pk: int, **kwargs) -> Applicant:
    return get_object_or_404(Applicant, pk=pk)


def member_from_pk(request, pk: int, **kwargs) -> Applicant:
    member = get_object_or_404(TeamMember.objects.select_related("team"), pk=pk)
    request.member = member
    return member.team


@permission_required("applications.use_applicant_pages")
def profile_list(request: HttpRequest) -> HttpResponse:
    return render(request, "applications/profiles.html", {"applicants": queries.applicants_of(request.user)})


def _values(form) -> dict:
    data = dict(form.cleaned_data)
    if "member_name" in data:
        data["name"] = data.pop("member_name")
    for key in ("id_number", "phone", "parent_uscc", "parent_name"):
        data.pop(key, None)
    return data


def _initial(applicant: Applicant) -> dict:
    initial = {name: getattr(applicant, name) for name in profiles.FIELDS[applicant.kind]}
    if applicant.kind == ApplicantKind.ORGANIZATION:
        initial["certificates"] = format_certificates(applicant.certificates)
        if applicant.parent:
            initial.update(parent_uscc=applicant.parent.uscc, parent_name=applicant.parent.name)
    return initial


@permission_required("applications.use_applicant_pages")
@require_http_methods(["GET", "POST"])
def profile_new(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in FORMS:
        raise Http404
    form = FORMS[kind](request.POST or None)
    if kind == ApplicantKind.INDIVIDUAL:
        form.fields["id_number"].required = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            applicant = profiles.create_applicant(
                kind=kind,
                actor=request.user,
                values=_values(form),
                id_number=data.get("id_number", ""),
                phone=data.get("phone", ""),
                parent_uscc=data.get("parent_uscc", ""),
                parent_name=data.get("parent_name", ""),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(request, _("The applicant profile has been saved."))
            return redirect("applications:profile_edit", pk=applicant.pk)
    return render(
        request,
        "applications/profile_form.html",
        {"form": form, "kind": ApplicantKind(kind), "applicant": None},
    )


@permission_required("applications.edit_applicant", fn=applicant_from_pk)
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, pk: int) -> HttpResponse:
    applicant = request.permission_object
    form = FORMS[applicant.kind](request.POST or None, initial=_initial(applicant))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profiles.update_applicant(
                applicant=applicant,
                actor=request.user,
                values=_values(form),
                id_number=data.get("id_number", ""),
                phone=data.get("phone", ""),
                parent_uscc=data.get("parent_uscc") if applicant.kind == ApplicantKind.ORGANIZATION else None,
                parent_name=data.get("parent_name", ""),
            )
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(request, _("The applicant profile has been saved."))
            return redirect("applications:profile_edit", pk=applicant.pk)
    members = applicant.members.filter(removed_at__isnull=True).select_related("person")
    return render(
        request,
        "applications/profile_form.html",
        {"form": form, "kind": ApplicantKind(applicant.kind), "applicant": applicant, "members": members,
         "member_form": MemberForm()},
    )  # fmt: skip


@permission_required("applications.edit_applicant", fn=applicant_from_pk)
@require_POST
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.permission_object
    form = MemberForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            profiles.add_team_member(
                team=team, actor=request.user, name=data["member_name"], id_number=data["id_number"],
                values=_values(form),
            )  # fmt: skip
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(request, _("The member has been added."))
            return redirect("applications:profile_edit", pk=team.pk)
    members = team.members.filter(removed_at__isnull=True).select_related("person")
    return render(
        request,
        "applications/profile_form.html",
        {"form": TeamForm(initial=_initial(team)), "kind": ApplicantKind.TEAM, "applicant": team,
         "members": members, "member_form": form},
    )  # fmt: skip


@permission_required("applications.edit_applicant", fn=member_from_pk)
@require_POST
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        profiles.remove_team_member(member=request.member, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The member has left the team."))
    return redirect("applications:profile_edit", pk=request.member.team_id)
