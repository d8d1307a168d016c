"""The supervisors' complaints queue and case page (吉林 第三十八条)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qaward.accounts.domain.queries import programs_where
from qaward.accounts.forms import add_domain_errors
from qaward.accounts.models import Role
from qaward.objections.domain.complaints import add_note, close_complaint
from qaward.objections.domain.queries import complaints_of_program
from qaward.objections.forms import CloseComplaintForm, NoteForm
from qaward.objections.models import Complaint
from qaward.objections.views_staff import program_from_slug
from qaward.permissions import permission_required


def complaint_from_pk(request, pk: int, **kwargs) -> Complaint:
    return get_object_or_404(Complaint.objects.select_related("program"), pk=pk)


@require_GET
@permission_required("objections.view_complaints_index")
def index(request: HttpRequest) -> HttpResponse:
    programs = programs_where(request.user, Role.SUPERVISOR).order_by("name")
    return render(request, "objections/complaints/index.html", {"programs": programs})


@require_GET
@permission_required("objections.view_complaints", fn=program_from_slug)
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    program = request.permission_object
    return render(
        request,
        "objections/complaints/queue.html",
        {"program": program, "complaints": complaints_of_program(program)},
    )


def _render_case(request, complaint, note_form=None, close_form=None, status=200):
    context = {
        "complaint": complaint,
        "program": complaint.program,
        "notes": complaint.notes.select_related("author"),
        "note_form": note_form or NoteForm(prefix="note"),
        "close_form": close_form or CloseComplaintForm(prefix="close"),
    }
    return render(request, "objections/complaints/case.html", context, status=status)


@require_GET
@permission_required("objections.view_complaints", fn=complaint_from_pk)
def case(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_case(request, request.permission_object)


@require_POST
@permission_required("objections.view_complaints", fn=complaint_from_pk)
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    complaint = request.permission_object
    if action == "note":
        form = NoteForm(request.POST, prefix="note")
        run = lambda data: add_note(complaint=complaint, text=data["text"], actor=request.user)  # noqa: E731
        forms = {"note_form": form}
    elif action == "close":
        form = CloseComplaintForm(request.POST, prefix="close")
        run = lambda data: close_complaint(complaint=complaint, outcome=data["outcome"], actor=request.user)  # noqa: E731
        forms = {"close_form": form}
    else:
        raise Http404
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("objections:complaint", pk=complaint.pk)
    return _render_case(request, complaint, status=400, **forms)
