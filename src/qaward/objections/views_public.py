"""Public pages (no account): file an objection on a published entry, file a complaint, and
follow either with the receipt number and access code given on filing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from qaward.accounts.forms import add_domain_errors
from qaward.documents.storage import private_storage
from qaward.documents.views import attachment_disposition
from qaward.objections.domain.complaints import complaint_route, file_complaint
from qaward.objections.domain.filing import file_objection
from qaward.objections.domain.letters import render_letter
from qaward.objections.domain.queries import find_complaint, find_objection
from qaward.objections.forms import ComplaintForm, ObjectionForm, ReceiptLookupForm
from qaward.objections.models import ObjectionLetter
from qaward.permissions import public_view
from qaward.programs.models import AwardProgram
from qaward.publicity.models import PublicityEntry
from qaward.publicity.models.window import Channel
from qaward.ratelimits import public_form_rate_limit

# Letters the objector may fetch with the receipt number and access code.
OBJECTOR_LETTERS = ("receipt", "not_admitted", "result_objector")


def _public_entry(entry_id: int) -> PublicityEntry:
    entry = get_object_or_404(
        PublicityEntry.objects.select_related("window", "window__program", "window__cycle", "application"),
        pk=entry_id,
    )
    if entry.window.channel == Channel.INTERNAL:
        raise Http404  # a unit's internal publicity takes objections inside the unit
    return entry


@public_view
@never_cache
@require_http_methods(["GET", "POST"])
@public_form_rate_limit
def file(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = _public_entry(entry_id)
    window = entry.window
    now = timezone.now()
    form = ObjectionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            filed = file_objection(
                entry=entry, objector=form.objector(), grounds=form.cleaned_data["grounds"],
                evidence=form.cleaned_data["evidence"], consent=form.cleaned_data["consent"],
            )  # fmt: skip
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            return render(
                request,
                "objections/public/filed.html",
                {"objection": filed.objection, "token": filed.token, "program": window.program},
            )
    context = {
        "form": form,
        "entry": entry,
        "window": window,
        "program": window.program,  # the portal header names the award
        "closed": now >= window.closes_at,
        "not_started": now < window.opens_at,
    }
    return render(request, "objections/public/file.html", context, status=400 if form.errors else 200)


@public_view
@never_cache
@require_http_methods(["GET", "POST"])
@public_form_rate_limit
def status(request: HttpRequest) -> HttpResponse:
    form = ReceiptLookupForm(request.POST or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        number, token = form.cleaned_data["number"], form.cleaned_data["token"]
        found = find_objection(number, token) or find_complaint(number, token)
        if found is None:
            form.add_error(None, ValidationError(_not_found_message()))
        elif hasattr(found, "entry"):
            context.update(objection=found, letters=found.letters.filter(kind__in=OBJECTOR_LETTERS))
        else:
            context["complaint"] = found
    return render(request, "objections/public/status.html", context)


def _not_found_message():
    from django.utils.translation import gettext as _

    return _("No objection or complaint matches this receipt number and access code.")


@public_view
@require_POST
@public_form_rate_limit
def status_letter(request: HttpRequest) -> FileResponse:
    objection = find_objection(request.POST.get("number", ""), request.POST.get("token", ""))
    if objection is None:
        raise Http404
    letter = get_object_or_404(
        ObjectionLetter.objects.select_related("file"), pk=request.POST.get("letter", "0") or 0,
        objection=objection, kind__in=OBJECTOR_LETTERS,
    )  # fmt: skip
    stored = render_letter(letter)  # rendered now if that did not happen after the decision
    response = FileResponse(private_storage().open(stored.storage_name, "rb"), content_type="application/pdf")
    response["Content-Disposition"] = attachment_disposition(stored.original_name)
    response["Cache-Control"] = "private, no-store"
    return response


@public_view
@never_cache
@require_http_methods(["GET", "POST"])
@public_form_rate_limit
def complain(request: HttpRequest, slug: str) -> HttpResponse:
    program = get_object_or_404(AwardProgram, slug=slug, active=True)
    body, citation = complaint_route(program)
    form = ComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            complaint, token = file_complaint(program=program, **form.cleaned_data)
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            return render(
                request, "objections/public/complaint_filed.html", {"complaint": complaint, "token": token}
            )
    context = {"form": form, "program": program, "body": body, "citation": citation}
    return render(request, "objections/public/complain.html", context, status=400 if form.errors else 200)
