"""The conflicts queue (office), and the applicant's written request for a recusal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from qaward.documents.domain.uploads import store_upload
from qaward.experts import forms
from qaward.experts.domain import conflicts, queries
from qaward.experts.enums import ConflictStatus
from qaward.experts.views.common import (
    add_errors,
    application_from_pk,
    conflict_from_pk,
    cycle_from_url,
    program_from_slug,
)
from qaward.permissions import permission_required


def _applications(program):
    from qaward.applications.models import Application

    return (
        Application.objects.filter(cycle__program=program).select_related("applicant").order_by("reference")
    )


def _queue_context(program, **given) -> dict:
    context = {
        "program": program,
        "pending": queries.conflicts_of_program(program, status=ConflictStatus.PENDING),
        "decided": queries.conflicts_of_program(program).exclude(status=ConflictStatus.PENDING)[:200],
        "cycles": program.cycles.order_by("-number"),
        "pin_form": forms.PinForm(pool=queries.pool_of(program), applications=_applications(program)),
        "decide_form": forms.DecideForm(pool=queries.pool_of(program)),
        "policy": conflicts.policy_for(program),
    }
    context.update(given)
    return context


@require_http_methods(["GET"])
@permission_required("experts.view_conflicts", fn=program_from_slug)
def queue(request, slug):
    return render(request, "experts/conflicts.html", _queue_context(request.permission_object))


@require_POST
@permission_required("experts.manage_conflicts", fn=conflict_from_pk)
def decide(request, pk):
    conflict = request.permission_object
    program = conflict.application.cycle.program
    form = forms.DecideForm(request.POST, pool=queries.pool_of(program))
    if form.is_valid():
        try:
            conflicts.decide_conflict(
                conflict=conflict,
                uphold=form.cleaned_data["uphold"],
                expert=form.cleaned_data["expert"],
                reason=form.cleaned_data["decision_reason"],
                actor=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The decision has been recorded."))
            return redirect("experts:conflicts", slug=program.slug)
    return render(
        request, "experts/conflicts.html", _queue_context(program, decide_form=form, decide_for=conflict.pk)
    )


@require_POST
@permission_required("experts.manage_conflicts", fn=program_from_slug)
def pin(request, slug):
    program = request.permission_object
    form = forms.PinForm(request.POST, pool=queries.pool_of(program), applications=_applications(program))
    if form.is_valid():
        try:
            conflicts.pin_conflict(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The conflict has been recorded."))
            return redirect("experts:conflicts", slug=slug)
    return render(request, "experts/conflicts.html", _queue_context(program, pin_form=form))


@require_POST
@permission_required("experts.manage_conflicts", fn=cycle_from_url)
def detect(request, slug, number):
    cycle = request.permission_object
    found = conflicts.detect_conflicts(cycle=cycle, actor=request.user)
    messages.success(request, _("%(n)s new conflicts found.") % {"n": len(found)})
    return redirect("experts:conflicts", slug=slug)


@require_http_methods(["GET", "POST"])
@permission_required("experts.request_recusal", fn=application_from_pk)
def request_recusal(request, pk):
    application = request.permission_object
    form = forms.RecusalRequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("evidence_upload", None)
        try:
            evidence_file = None
            if upload is not None:
                # Owned by no application: only the uploader and the office may open it, never
                # the recommending unit or the panel (which may include the expert named).
                evidence_file = store_upload(uploaded_file=upload, slot="evidence", actor=request.user,
                                             program=application.cycle.program)  # fmt: skip
            conflicts.request_recusal(application=application, actor=request.user, evidence_file=evidence_file,
                                      **data)  # fmt: skip
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent to the award office."))
            return redirect("experts:request_recusal", pk=pk)
    mine = application.expert_conflicts.filter(raised_by=request.user).order_by("-raised_at")
    return render(
        request, "experts/request_recusal.html", {"application": application, "form": form, "requests": mine}
    )
