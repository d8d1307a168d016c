"""The office's pages: objections queue per program (with deadlines), export, paper entry and
the case page with its actions; the recommending unit's and the applicant's own cases."""

from __future__ import annotations

from io import BytesIO

import rules
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qaward.accounts.domain.queries import programs_where
from qaward.accounts.forms import add_domain_errors
from qaward.accounts.models import Role, User
from qaward.documents.models import StoredFile
from qaward.documents.storage import private_storage
from qaward.documents.views import attachment_disposition
from qaward.objections.domain import handling
from qaward.objections.domain.filing import enter_paper_objection
from qaward.objections.domain.letters import issue_result_letters, render_letter
from qaward.objections.domain.queries import (
    admissibility_deadline,
    deadline,
    may_see_objector,
    objections_about_applicant,
    objector_view,
    queue_rows,
    verifications_for_recommender,
)
from qaward.objections.enums import ObjectionState
from qaward.objections.forms import (
    ConsentForm,
    ExpertForm,
    HandlerForm,
    OutcomeForm,
    PaperObjectionForm,
    ReasonForm,
    ReportForm,
    RoutedResultForm,
    RouteOutForm,
    VerificationForm,
)
from qaward.objections.models import Objection, ObjectionLetter, VerificationRequest
from qaward.permissions import permission_required
from qaward.programs.models import AwardProgram
from qaward.publicity.models import PublicityEntry
from qaward.publicity.models.window import Channel


def program_from_slug(request, slug: str, **kwargs) -> AwardProgram:
    return get_object_or_404(AwardProgram, slug=slug)


def objection_from_pk(request, pk: int, **kwargs) -> Objection:
    return get_object_or_404(
        Objection.objects.select_related("program", "application", "application__applicant", "window", "entry",
                                         "objector_person"),
        pk=pk,
    )  # fmt: skip


def letter_from_pk(request, pk: int, **kwargs) -> ObjectionLetter:
    return get_object_or_404(ObjectionLetter.objects.select_related("objection", "file"), pk=pk)


def verification_from_pk(request, pk: int, **kwargs) -> VerificationRequest:
    return get_object_or_404(VerificationRequest.objects.select_related("objection"), pk=pk)


@require_GET
@permission_required("objections.view_index")
def index(request: HttpRequest) -> HttpResponse:
    programs = programs_where(request.user, Role.OFFICE_STAFF, Role.SUPERVISOR).order_by("name")
    return render(request, "objections/staff/index.html", {"programs": programs})


@require_GET
@permission_required("objections.view_queue", fn=program_from_slug)
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    program = request.permission_object
    state = request.GET.get("state", "")
    if state not in ObjectionState.values:
        state = ""
    rows = queue_rows(program, request.user, state=state)
    context = {"program": program, "rows": rows, "state": state, "states": ObjectionState.choices,
               "may_handle": rules.has_perm("objections.handle", request.user, program)}  # fmt: skip
    return render(request, "objections/staff/queue.html", context)


@require_GET
@permission_required("objections.view_queue", fn=program_from_slug)
def export(request: HttpRequest, slug: str) -> HttpResponse:
    """The queue as Excel; the objector column follows the same confidentiality as the pages."""
    from openpyxl import Workbook

    program = request.permission_object
    book = Workbook()
    sheet = book.active
    sheet.title = "异议"
    sheet.append([_("Receipt number"), _("Received on"), _("Publicity"), _("Application"), _("Objector"),
                  _("State"), _("Admissibility decision due"), _("Outcome")])  # fmt: skip
    for row in queue_rows(program, request.user):
        objection = row["objection"]
        sheet.append([
            objection.number, objection.received_on.isoformat(), objection.window.title,
            objection.application.reference, row["objector"].label, objection.get_state_display(),
            objection.admissibility_due.isoformat() if objection.admissibility_due else "",
            objection.get_outcome_display(),
        ])  # fmt: skip
    out = BytesIO()
    book.save(out)
    out.seek(0)
    name = f"异议-{program.slug}-{timezone.localdate():%Y%m%d}.xlsx"
    response = FileResponse(
        out, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = attachment_disposition(name)
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@permission_required("objections.handle", fn=program_from_slug)
def paper(request: HttpRequest, slug: str) -> HttpResponse:
    program = request.permission_object
    entries = (
        PublicityEntry.objects.filter(window__program=program)
        .exclude(window__channel=Channel.INTERNAL)
        .select_related("window")
        .order_by("-window__starts_on", "position")
    )
    form = PaperObjectionForm(request.POST or None, request.FILES or None, entries=entries)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            filed = enter_paper_objection(
                entry=data["entry"], actor=request.user, received_on=data["received_on"], objector=form.objector(),
                grounds=data["grounds"], evidence=data["evidence"], consent=data["consent"],
            )  # fmt: skip
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            if filed.refusals:
                messages.warning(
                    request, _("Entered; by rule the objection is not admitted (see the reasons).")
                )
            else:
                messages.success(
                    request, _("Paper objection entered as %(number)s.") % {"number": filed.objection.number}
                )
            return redirect("objections:case", pk=filed.objection.pk)
    return render(request, "objections/staff/paper.html", {"program": program, "form": form})


ACTIONS = {
    "admit": (ReasonForm, lambda o, u, d: handling.decide_admissibility(objection=o, admit=True, reason=d["reason"], actor=u)),
    "not_admit": (ReasonForm, lambda o, u, d: handling.decide_admissibility(objection=o, admit=False, reason=d["reason"], actor=u)),
    "route_out": (RouteOutForm, lambda o, u, d: handling.route_out(objection=o, routed_to=d["routed_to"], actor=u)),
    "routed_result": (RoutedResultForm, lambda o, u, d: handling.record_routed_result(objection=o, result=d["result"], actor=u)),
    "verify": (VerificationForm, lambda o, u, d: handling.request_verification(objection=o, actor=u, message=d["message"], workdays=d["workdays"])),
    "expert": (ExpertForm, lambda o, u, d: handling.appoint_expert(objection=o, actor=u, expert=d["expert"], name=d["name"],
                                                                    no_conflict_declared=d["no_conflict_declared"], note=d["note"])),
    "decide": (OutcomeForm, lambda o, u, d: handling.decide_outcome(objection=o, upheld=d["upheld"], reason=d["reason"],
                                                                     false_materials=d["false_materials"], actor=u)),
    "consent": (ConsentForm, lambda o, u, d: handling.record_consent(objection=o, note=d["note"], actor=u)),
    "handler": (HandlerForm, lambda o, u, d: handling.add_handler(objection=o, user=d["user"], actor=u)),
    "letters": (None, lambda o, u, d: issue_result_letters(objection=o, actor=u)),
}  # fmt: skip


def _pool_experts(objection):
    try:
        from qaward.experts.models import Expert
    except ImportError:  # pragma: no cover - the experts app is part of the project
        return None
    return Expert.objects.filter(memberships__program=objection.program).distinct().order_by("name")


def _handler_candidates(objection):
    return (
        User.objects.filter(role_assignments__program=objection.program, role_assignments__revoked_at__isnull=True,
                            role_assignments__role=Role.SUPERVISOR)
        .distinct()
        .order_by("username")
    )  # fmt: skip


def _forms(objection, bound: dict | None = None) -> dict:
    bound = bound or {}

    def make(name, cls, **kwargs):
        return bound.get(name) or cls(prefix=name, **kwargs)

    return {
        "admit": make("admit", ReasonForm),
        "not_admit": make("not_admit", ReasonForm),
        "route_out": make("route_out", RouteOutForm),
        "routed_result": make("routed_result", RoutedResultForm),
        "verify": make("verify", VerificationForm),
        "expert": make("expert", ExpertForm, experts=_pool_experts(objection)),
        "decide": make("decide", OutcomeForm),
        "consent": make("consent", ConsentForm),
        "handler": make("handler", HandlerForm, users=_handler_candidates(objection)),
    }


def _case_context(request, objection, bound=None) -> dict:
    may_handle = rules.has_perm("objections.handle", request.user, objection)
    return {
        "objection": objection,
        "program": objection.program,
        "objector": objector_view(objection, request.user, full=True),
        "may_see_objector": may_see_objector(request.user, objection),
        "may_handle": may_handle,
        "admissibility": admissibility_deadline(objection),
        "verifications": [(v, deadline(v.due_on, done=not v.is_pending)) for v in objection.verifications.all()],
        "pending_verification": any(v.is_pending for v in objection.verifications.all()),
        "experts": objection.experts.all(),
        "letters": objection.letters.select_related("file"),
        "files": StoredFile.objects.filter(owner_object_id=str(objection.pk), slot__in=["evidence", "id_proof", "sealed_letter"],
                                           owner_content_type__model="objection"),
        "handlers": objection.handlers.all(),
        "forms": _forms(objection, bound) if may_handle else {},
        "S": ObjectionState,
    }  # fmt: skip


@require_GET
@permission_required("objections.view_case", fn=objection_from_pk)
def case(request: HttpRequest, pk: int) -> HttpResponse:
    objection = request.permission_object
    # Deadlines are applied when the case is looked at, as well as by the daily command.
    if handling.apply_missed_deadlines(objection=objection):
        objection = objection_from_pk(request, pk)
    return render(request, "objections/staff/case.html", _case_context(request, objection))


@require_POST
@permission_required("objections.handle", fn=objection_from_pk)
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    objection = request.permission_object
    if action not in ACTIONS:
        raise Http404
    form_class, run = ACTIONS[action]
    bound = {}
    if form_class is None:
        data = {}
    else:
        kwargs = {}
        if action == "expert":
            kwargs["experts"] = _pool_experts(objection)
        if action == "handler":
            kwargs["users"] = _handler_candidates(objection)
        form = form_class(request.POST, prefix=action, **kwargs)
        bound[action] = form
        data = form.cleaned_data if form.is_valid() else None
    if data is not None:
        try:
            run(objection, request.user, data)
        except ValidationError as error:
            if form_class is None:
                messages.error(request, " ".join(error.messages))
            else:
                add_domain_errors(bound[action], error)
        else:
            messages.success(request, _("Saved."))
            return redirect("objections:case", pk=objection.pk)
    objection = objection_from_pk(request, pk)
    context = _case_context(request, objection, bound)
    context["open_action"] = action
    return render(request, "objections/staff/case.html", context, status=400)


@require_GET
@permission_required("objections.download_letter", fn=letter_from_pk)
def letter(request: HttpRequest, pk: int) -> FileResponse:
    letter = request.permission_object
    stored = render_letter(letter)  # rendered now if that did not happen after the decision
    response = FileResponse(private_storage().open(stored.storage_name, "rb"), content_type="application/pdf")
    response["Content-Disposition"] = attachment_disposition(stored.original_name)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@permission_required("objections.view_own_cases")
def own_cases(request: HttpRequest) -> HttpResponse:
    verifications = list(verifications_for_recommender(request.user))
    rows = [(v, deadline(v.due_on, done=not v.is_pending)) for v in verifications]
    results = []
    for objection in objections_about_applicant(request.user):
        results.append((objection, objection.letters.filter(kind="result_subject")))
    recommender_letters = ObjectionLetter.objects.filter(
        kind="result_recommender", objection__verifications__in=verifications
    ).select_related("objection").distinct()  # fmt: skip
    context = {"rows": rows, "results": results, "recommender_letters": recommender_letters}
    return render(request, "objections/staff/own_cases.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("objections.report_verification", fn=verification_from_pk)
def report(request: HttpRequest, pk: int) -> HttpResponse:
    verification = request.permission_object
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            handling.report_verification(
                verification=verification, report=form.cleaned_data["report"], actor=request.user
            )
        except ValidationError as error:
            add_domain_errors(form, error)
        else:
            messages.success(request, _("Your verification report has been sent to the award office."))
            return redirect("objections:own_cases")
    context = {"verification": verification, "objection": verification.objection, "form": form,
               "deadline": deadline(verification.due_on, done=not verification.is_pending)}  # fmt: skip
    return render(request, "objections/staff/report.html", context, status=400 if form.errors else 200)
