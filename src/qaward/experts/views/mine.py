"""The expert's own page: invitations to answer, declarations to make, panels served on."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qaward.experts import forms
from qaward.experts.domain import conflicts, panels, queries
from qaward.experts.models import Declaration
from qaward.experts.views.common import member_from_pk
from qaward.permissions import permission_required


@require_GET
@permission_required("experts.view_own_work")
def my_work(request):
    expert = queries.expert_of(request.user)
    seats = list(queries.seats_of(expert))
    declared = {
        (d.panel_id, d.application_id): d
        for d in Declaration.objects.filter(expert=expert).select_related("application")
    }
    for seat in seats:
        seat.rows = [
            {
                "application": application,
                "declaration": declared.get((seat.panel_id, application.pk)),
                "may_open": queries.expert_may_see_application(request.user, application),
            }
            for application in seat.panel.applications.all()
        ]
    return render(
        request,
        "experts/mine.html",
        {
            "expert": expert,
            "seats": seats,
            "respond_form": forms.RespondForm(),
            "declaration_form": forms.DeclarationForm(),
        },
    )


@require_POST
@permission_required("experts.respond", fn=member_from_pk)
def respond(request, pk):
    member = request.permission_object
    form = forms.RespondForm(request.POST)
    if form.is_valid():
        try:
            panels.respond(member=member, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your answer has been recorded."))
    else:
        messages.error(request, _("Choose whether you accept."))
    return redirect("experts:mine")


@require_POST
@permission_required("experts.declare", fn=member_from_pk)
def declare(request, pk, application_pk):
    member = request.permission_object
    application = member.panel.applications.filter(pk=application_pk).first()
    form = forms.DeclarationForm(request.POST)
    if application is None:
        messages.error(request, _("This application is not reviewed by your panel."))
    elif form.is_valid():
        try:
            conflicts.declare(member=member, application=application, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your declaration has been recorded."))
    else:
        messages.error(request, _("Choose your declaration."))
    return redirect("experts:mine")
