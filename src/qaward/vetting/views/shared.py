"""Pages both the units and the office use: open consultations, answering one, letters."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qaward.documents.domain.uploads import store_upload
from qaward.documents.storage import private_storage
from qaward.permissions import permission_required
from qaward.vetting.domain import consultations as consult_domain
from qaward.vetting.domain import queries
from qaward.vetting.domain.letters import render_letter
from qaward.vetting.forms import AnswerForm
from qaward.vetting.models import Consultation, IssuedLetter
from qaward.vetting.views.common import run


@permission_required("vetting.view_consultations")
def consultations(request: HttpRequest) -> HttpResponse:
    rows = queries.consultation_rows(queries.open_consultations(request.user))
    for row in rows:
        row["form"] = AnswerForm(prefix=f"c{row['c'].pk}")
    context = {"rows": rows, "counts": queries.queue_counts(request.user)}
    return render(request, "vetting/consultations.html", context)


def _consultation(request, pk: int, **kwargs) -> Consultation:
    return get_object_or_404(Consultation.objects.select_related("application__cycle__program"), pk=pk)


@require_POST
@permission_required("vetting.answer_consultation", fn=_consultation)
def answer_consultation(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = request.permission_object
    form = AnswerForm(request.POST, request.FILES, prefix=f"c{pk}")

    def answer():
        upload = request.FILES.get(f"c{pk}-file")
        stored = None
        if upload is not None:
            stored = store_upload(uploaded_file=upload, slot="evidence", actor=request.user,
                                  program=consultation.application.cycle.program, owner=consultation.application)  # fmt: skip
        return consult_domain.answer_consultation(
            consultation=consultation, outcome=form.cleaned_data["outcome"], response=form.cleaned_data["response"],
            responded_on=form.cleaned_data["responded_on"], response_file=stored, actor=request.user,
        )  # fmt: skip

    if form.is_valid() and run(form, answer):
        messages.success(request, _("The department's answer was recorded."))
    else:
        errors = "；".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, _("The answer was not recorded: %(errors)s") % {"errors": errors})
    back = request.POST.get("next", "")
    if back.startswith("/vetting/"):
        return redirect(back)
    return redirect("vetting:consultations")


def _letter(request, pk: int, **kwargs) -> IssuedLetter:
    return get_object_or_404(
        IssuedLetter.objects.select_related("file", "application__cycle__program"), pk=pk
    )


@require_GET
@permission_required("vetting.view_letter", fn=_letter)
def letter(request: HttpRequest, pk: int) -> FileResponse:
    letter = request.permission_object
    stored = render_letter(letter)  # rendered now if that did not happen after the decision
    try:
        handle = private_storage().open(stored.storage_name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="application/pdf")
    name = stored.original_name
    response["Content-Disposition"] = f"inline; filename=\"letter.pdf\"; filename*=UTF-8''{quote(name)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
