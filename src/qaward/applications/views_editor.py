"""The applicant's pages: my applications, starting a draft and the application editor (tabs:
overview, form, self-evaluation, materials, internal publicity, self-check, submission).

Thin: forms parse, ``applications.domain`` decides and writes. Drafts autosave through htmx
(``autosave``) and keep whatever was typed, valid or not.
"""

from __future__ import annotations

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qaward.applications.domain import editing, materials, publicity, queries, submission
from qaward.applications.domain.actors import is_contact_of
from qaward.applications.domain.checks import run_self_check
from qaward.applications.domain.starting import begin_application
from qaward.applications.domain.today import local_today
from qaward.applications.forms.application import build_form
from qaward.applications.forms.editor import (
    MaterialUploadForm,
    PublicityForm,
    SubmitForm,
    WithdrawForm,
)
from qaward.applications.models import Application, ApplicationMaterial
from qaward.applications.spec import requirements
from qaward.applications.transitions import EDITABLE_STATES, FINAL_STATES, TRANSITIONS
from qaward.permissions import permission_required
from qaward.programs.models import Cycle, RecommendingUnit
from qaward.rulebooks import registry
from qaward.rulebooks.schema_base import KIND_LABELS
from qaward.vetting.domain.queries import letters_for

TABS = (
    ("detail", gettext_lazy("Overview")),
    ("form", gettext_lazy("Application form")),
    ("self_evaluation", gettext_lazy("Self-evaluation report")),
    ("materials", gettext_lazy("Materials")),
    ("publicity", gettext_lazy("Internal publicity")),
    ("check", gettext_lazy("Self-check")),
    ("submit", gettext_lazy("Submit")),
)


def application_from_ref(request, reference: str, **kwargs) -> Application:
    return get_object_or_404(
        Application.objects.select_related("cycle__program", "applicant", "recommending_unit"),
        reference=reference,
    )


def _context(request, application: Application, tab: str, **extra) -> dict:
    book = editing.book_of(application)
    requirement = publicity.requirement_of(application)
    tabs = [(name, label) for name, label in TABS if name != "publicity" or requirement is not None]
    editable = application.state in EDITABLE_STATES and is_contact_of(request.user, application)
    tracks = book.applicant_kinds[application.kind].tracks if application.kind in book.applicant_kinds else ()
    return {
        "application": application,
        "program": application.cycle.program,
        "book": book,
        "tab": tab,
        "tabs": tabs,
        "editable": editable,
        "tier_label": book.tiers[application.tier].label
        if application.tier in book.tiers
        else application.tier,
        "track_label": next((t.label for t in tracks if t.id == application.track), ""),
        "returned": queries.last_return(application) if application.state == "returned" else None,
        "final": application.state in FINAL_STATES,
        "can_withdraw": application.state in TRANSITIONS["withdraw"].sources
        and is_contact_of(request.user, application),
        **extra,
    }


# --- My applications and starting one -------------------------------------------------------


def _start_choices(user):
    cycles = list(queries.open_cycles_for(user, local_today()))
    options = []
    for cycle in cycles:
        book = registry.get(cycle.rulebook_id)
        for tier_id, tier in book.tiers_by_rank():
            for kind in tier.admits:
                tracks = book.applicant_kinds[kind].tracks or ()
                for track in tracks or (None,):
                    label = f"{cycle.program.name}{cycle.label} · {tier.label} · {KIND_LABELS[kind]}"
                    if track is not None and len(tracks) > 1:
                        label += f"（{track.label}）"
                    value = f"{cycle.pk}|{tier_id}|{kind}|{track.id if track else ''}"
                    options.append((value, label))
    return cycles, options


@permission_required("applications.use_applicant_pages")
@require_GET
def my_applications(request: HttpRequest) -> HttpResponse:
    cycles, options = _start_choices(request.user)
    return render(
        request,
        "applications/mine.html",
        {"applications": queries.applications_of(request.user), "options": options,
         "applicants": queries.applicants_of(request.user)},
    )  # fmt: skip


@permission_required("applications.use_applicant_pages")
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    _, options = _start_choices(request.user)
    choice = request.POST.get("choice", "")
    applicant = queries.applicants_of(request.user).filter(pk=request.POST.get("applicant") or 0).first()
    if choice not in dict(options) or applicant is None:
        messages.error(request, _("Choose an applicant and an award that is open for applications."))
        return redirect("applications:mine")
    cycle_pk, tier, kind, track = choice.split("|")
    if applicant.kind != kind:
        messages.error(
            request,
            _("%(applicant)s is registered as %(kind)s; choose an award category for that kind.")
            % {"applicant": applicant.name, "kind": applicant.get_kind_display()},
        )
        return redirect("applications:mine")
    try:
        application = begin_application(
            cycle=Cycle.objects.get(pk=cycle_pk),
            applicant=applicant,
            tier=tier,
            track=track,
            actor=request.user,
        )
    except (ValidationError, PermissionDenied) as error:
        text = (
            " ".join(error.messages)
            if isinstance(error, ValidationError)
            else _("You may not apply for this.")
        )
        messages.error(request, text)
        return redirect("applications:mine")
    messages.success(request, _("Your draft application has been created; it is saved as you type."))
    return redirect("applications:form", reference=application.reference)


# --- Editor tabs ------------------------------------------------------------------------------


@permission_required("applications.view_application", fn=application_from_ref)
@require_http_methods(["GET", "POST"])
def overview(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    return render(
        request,
        "applications/tab_overview.html",
        _context(request, application, "detail", history=queries.history(application), withdraw_form=WithdrawForm(),
                 materials=materials.active_materials(application), letters=letters_for(application),
                 may_request_recusal=application.state not in EDITABLE_STATES
                 and rules.has_perm("experts.request_recusal", request.user, application)),
    )  # fmt: skip


def _bound_form(application):
    book = editing.book_of(application)
    form = build_form(book, application.kind, application.form_data or {})
    form.is_valid()
    return form


@permission_required("applications.edit_application", fn=application_from_ref)
@require_http_methods(["GET", "POST"])
def form_tab(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    if request.method == "POST":
        try:
            application = editing.save_form(application=application, actor=request.user, data=request.POST)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            form = _bound_form(application)
            if form.errors:
                messages.warning(request, _("Saved. Some entries need correcting; see the marked fields."))
            else:
                messages.success(request, _("The application form has been saved."))
        return redirect("applications:form", reference=reference)
    return render(
        request,
        "applications/tab_form.html",
        _context(request, application, "form", form=_bound_form(application)),
    )


def _self_evaluation_items(application):
    rubric = editing.rubric_of(application)
    texts = application.self_evaluation or {}
    return rubric, [(item, texts.get(item.id, "")) for item in rubric.items]


@permission_required("applications.edit_application", fn=application_from_ref)
@require_http_methods(["GET", "POST"])
def self_evaluation_tab(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    if request.method == "POST":
        try:
            editing.save_self_evaluation(application=application, actor=request.user, data=request.POST)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The self-evaluation report has been saved."))
        return redirect("applications:self_evaluation", reference=reference)
    rubric, items = _self_evaluation_items(application)
    return render(
        request,
        "applications/tab_self_evaluation.html",
        _context(request, application, "self_evaluation", rubric=rubric, items=items),
    )


@permission_required("applications.edit_application", fn=application_from_ref)
@require_POST
def autosave(request: HttpRequest, reference: str, section: str) -> HttpResponse:
    """htmx autosave of the form or the self-evaluation: answers with the save time and, for the
    form, every field's current error (out-of-band swaps into the fields' error slots)."""
    application = request.permission_object
    form = None
    try:
        if section == "form":
            application = editing.save_form(application=application, actor=request.user, data=request.POST)
            form = _bound_form(application)
        elif section == "self_evaluation":
            editing.save_self_evaluation(application=application, actor=request.user, data=request.POST)
        else:
            return HttpResponse(status=404)
    except ValidationError as error:
        return render(request, "applications/_autosave_status.html", {"error": " ".join(error.messages)})
    return render(
        request,
        "applications/_autosave_status.html",
        {"saved_at": timezone.localtime(), "form": form, "error_count": len(form.errors) if form else 0},
    )


def _material_rows(application):
    book = editing.book_of(application)
    present = {}
    for material in materials.active_materials(application):
        present.setdefault(material.item, []).append(material)
    return [(item, present.get(item.id, [])) for item in requirements.material_items(book, application.kind)]


@permission_required("applications.edit_application", fn=application_from_ref)
@require_http_methods(["GET", "POST"])
def materials_tab(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    if request.method == "POST":
        form = MaterialUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                materials.add_material(
                    application=application,
                    actor=request.user,
                    item_id=form.cleaned_data["item"],
                    uploaded_file=form.cleaned_data["file"],
                    trade_secret=form.cleaned_data["trade_secret"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The file has been uploaded."))
        else:
            messages.error(request, _("Choose a file to upload."))
        return redirect("applications:materials", reference=reference)
    return render(
        request,
        "applications/tab_materials.html",
        _context(request, application, "materials", rows=_material_rows(application)),
    )


@permission_required("applications.edit_application", fn=application_from_ref)
@require_POST
def material_remove(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    application = request.permission_object
    material = get_object_or_404(ApplicationMaterial, pk=pk, application=application)
    try:
        materials.remove_material(application=application, actor=request.user, material=material)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The file has been removed from the application."))
    return redirect("applications:materials", reference=reference)


def _publicity_initial(record) -> dict:
    if record is None:
        return {}
    initial = {name: getattr(record, name) for name in publicity.FIELDS}
    if record.opinion_recommends is not None:
        initial["opinion_recommends"] = "yes" if record.opinion_recommends else "no"
    return initial


@permission_required("applications.edit_application", fn=application_from_ref)
@require_http_methods(["GET", "POST"])
def publicity_tab(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    requirement = publicity.requirement_of(application)
    record = getattr(application, "internal_publicity", None)
    form = PublicityForm(request.POST or None, request.FILES or None, initial=_publicity_initial(record))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        proof, letter = data.pop("proof"), data.pop("opinion_letter")
        if not requirement or not requirement.opinion_by:
            for key in ("opinion_unit", "opinion_recommends", "opinion_text", "opinion_date"):
                data.pop(key, None)
            letter = None
        try:
            publicity.save_internal_publicity(
                application=application, actor=request.user, values=data, proof=proof, letter=letter
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The internal publicity has been saved."))
            return redirect("applications:publicity", reference=reference)
    verdicts = []
    if requirement is not None and record is not None:
        book = editing.book_of(application)
        from qaward.applications.domain.checks import publicity_verdicts

        verdicts = publicity_verdicts(book, requirement, record, local_today())
    return render(
        request,
        "applications/tab_publicity.html",
        _context(
            request,
            application,
            "publicity",
            form=form,
            requirement=requirement,
            record=record,
            verdicts=verdicts,
        ),
    )


@permission_required("applications.view_application", fn=application_from_ref)
@require_GET
def check_tab(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    check = run_self_check(application, local_today())
    return render(
        request, "applications/tab_check.html", _context(request, application, "check", check=check)
    )


def _submit_form(application, data=None):
    book = editing.book_of(application)
    units = RecommendingUnit.objects.filter(program=application.cycle.program, active=True).exclude(
        kind="direct_office"
    )
    return SubmitForm(
        data,
        routes=[(r.id, r.label) for r in book.intake.routes],
        units=[(u.pk, f"{u.name}（{u.get_kind_display()}）") for u in units],
        initial={"route": application.route, "unit": application.recommending_unit_id},
    )


@permission_required("applications.edit_application", fn=application_from_ref)
@require_http_methods(["GET", "POST"])
def submit_tab(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    book = editing.book_of(application)
    form = _submit_form(application, request.POST or None)
    refusal = None
    if request.method == "POST":
        accepted = request.POST.getlist("declaration")
        try:
            editing.save_declarations(application=application, actor=request.user, accepted=accepted)
            if request.POST.get("action") == "submit":
                resubmit = application.state == "returned"
                if resubmit or form.is_valid():
                    unit_pk = None if resubmit else form.cleaned_data.get("unit")
                    unit = RecommendingUnit.objects.filter(pk=unit_pk).first() if unit_pk else None
                    submission.submit_application(
                        application=application,
                        actor=request.user,
                        route_id="" if resubmit else form.cleaned_data["route"],
                        recommending_unit=unit,
                    )
                    messages.success(request, _("Your application has been submitted."))
                    return redirect("applications:detail", reference=reference)
            else:
                messages.success(request, _("Your declarations have been saved."))
                return redirect("applications:submit", reference=reference)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        application.refresh_from_db()
    check = run_self_check(application, local_today())
    declarations = [
        (d, bool((application.declarations or {}).get(d.id))) for d in requirements.declarations(book)
    ]
    return render(
        request,
        "applications/tab_submit.html",
        _context(
            request, application, "submit", form=form, check=check, declarations=declarations, refusal=refusal
        ),
        status=400 if refusal else 200,
    )


@permission_required("applications.edit_application", fn=application_from_ref)
@require_POST
def withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for withdrawing."))
        return redirect("applications:detail", reference=reference)
    try:
        submission.withdraw_application(
            application=application, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The application has been withdrawn."))
    return redirect("applications:detail", reference=reference)
