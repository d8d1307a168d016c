"""The award office's pages: the formal-review queue, one review, the acceptance list."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from qaward.applications.enums import ApplicationState
from qaward.permissions import permission_required
from qaward.programs.models import Cycle
from qaward.publicity.domain.queries import countdown, windows_for, windows_of_cycle
from qaward.vetting.domain import consultations as consult_domain
from qaward.vetting.domain import formal, lists, queries, recommender
from qaward.vetting.domain.base import rulebook_of, today
from qaward.vetting.enums import ConsultedBy
from qaward.vetting.forms import AcceptForm, ChecklistForm, ConsultForm, ReasonForm, ReturnForm, WindowForm
from qaward.vetting.views.common import application_by_reference, run


@permission_required("vetting.view_office_queue")
def office_queue(request: HttpRequest) -> HttpResponse:
    waiting = list(queries.office_queue(request.user))
    for application in waiting:
        rows = queries.consultation_rows(queries.consultations_for(application, ConsultedBy.OFFICE))
        application.open_consultations = sum(1 for r in rows if not r["c"].answered)
        application.overdue_consultations = sum(1 for r in rows if r["overdue"])
        lefts = [r["left"] for r in rows if r["left"] is not None]
        application.next_due_left = min(lefts) if lefts else None
        application.unanswered = consult_domain.unanswered(application, ConsultedBy.OFFICE)
    cycles = Cycle.objects.filter(program__in=queries.office_programs(request.user)).select_related("program")
    context = {"waiting": waiting, "cycles": cycles, "counts": queries.queue_counts(request.user)}
    return render(request, "vetting/office_queue.html", context)


def _forms(application, data=None, action=None):
    bound = lambda name: data if action == name else None  # noqa: E731
    return {
        "checks": ChecklistForm(bound("checks"), items=formal.formal_checklist(application), prefix="checks"),
        "consult": ConsultForm(
            bound("consult"), prefix="consult",
            initial={"departments": "\n".join(consult_domain.named_departments(application, ConsultedBy.OFFICE))},
        ),
        "accept": AcceptForm(bound("accept"), prefix="accept"),
        "reject": ReasonForm(bound("reject"), prefix="reject"),
        "return": ReturnForm(bound("return"), prefix="return"),
    }  # fmt: skip


def _act(request, application, action, form):
    user, data = request.user, form.cleaned_data
    if action == "checks":
        return run(
            form,
            lambda: formal.save_formal_checks(
                application=application, submitted=form.submitted(), actor=user
            ),
        )
    if action == "consult":
        return run(
            form,
            lambda: consult_domain.request_consultations(
                application=application,
                by=ConsultedBy.OFFICE,
                departments=form.department_list(),
                workdays=data["workdays"],
                actor=user,
            ),
        )
    if action == "accept":
        return run(
            form,
            lambda: formal.accept(
                application=application, actor=user, override_reason=data["override_reason"]
            ),
        )
    if action == "reject":
        return run(form, lambda: formal.reject(application=application, reason=data["reason"], actor=user))
    if action == "return":
        return run(
            form,
            lambda: recommender.return_for_correction(
                application=application,
                reason=data["reason"],
                workdays=data["workdays"],
                actor=user,
                by="office",
            ),
        )
    return None  # fmt: skip


DONE = {
    "checks": _("The formal review checklist was saved."),
    "consult": _("The departments were asked for their opinion."),
    "accept": _(
        "The application was accepted; publish the acceptance list when the cycle's list is complete."
    ),
    "reject": _("The application was not accepted; the letter was issued and the applicant notified."),
    "return": _("The application was returned to the applicant for correction."),
}


@permission_required("vetting.formal_review", fn=application_by_reference)
def office_review(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    action = request.POST.get("action") if request.method == "POST" else None
    forms = _forms(application, request.POST if action else None, action)
    status = 200
    if action in forms:
        form = forms[action]
        if application.state != ApplicationState.FORMAL_REVIEW:
            form.add_error(None, _("This application is no longer under formal review."))
        elif form.is_valid() and _act(request, application, action, form):
            messages.success(request, DONE[action])
            return redirect("vetting:office_review", reference=reference)
        status = 400
    book = rulebook_of(application)
    context = {
        "application": application,
        "book": book,
        "rule": book.intake.formal_review,
        "citation": book.cite(book.intake.formal_review.cite),
        "tier_label": book.tiers[application.tier].label if application.tier in book.tiers else application.tier,
        "forms": forms,
        "action": action,
        "report": formal.eligibility_report(application),
        "procedure": [
            {**f, "citation": book.cite(getattr(f["rule"], "cite", None))} for f in formal.procedure_findings(application)
        ],
        "recommender_review": recommender.review_of(application),
        "consultations": queries.consultation_rows(queries.consultations_for(application, ConsultedBy.OFFICE)),
        "unit_consultations": queries.consultation_rows(
            queries.consultations_for(application, ConsultedBy.RECOMMENDER)
        ),
        "consult_rule": consult_domain.consultation_rule(book, ConsultedBy.OFFICE),
        "windows": [(w, countdown(w)) for w in windows_for(application)],
        "letters": queries.letters_for(application),
        "formal_review": formal.formal_review_of(application),
        "editable": application.state == ApplicationState.FORMAL_REVIEW,
        "state_changes": application.state_changes.all(),
    }  # fmt: skip
    return render(request, "vetting/office_review.html", context, status=status)


def _cycle(request, pk: int, **kwargs) -> Cycle:
    return get_object_or_404(Cycle.objects.select_related("program"), pk=pk)


@permission_required("vetting.manage_acceptance_list", fn=_cycle)
def acceptance_list(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = request.permission_object
    book = lists.rulebook_of_cycle(cycle)
    form = WindowForm(request.POST or None, initial={"starts_on": today()})
    status = 200
    if request.method == "POST":
        if form.is_valid() and run(form, lambda: lists.publish_acceptance_list(
            cycle=cycle, actor=request.user, starts_on=form.cleaned_data["starts_on"],
            workdays=form.cleaned_data["workdays"])):  # fmt: skip
            messages.success(request, _("The acceptance list was published on the portal."))
            return redirect("vetting:acceptance_list", pk=pk)
        status = 400
    window_id = book.intake.formal_review.acceptance_window
    context = {
        "cycle": cycle,
        "book": book,
        "window_rule": book.window(window_id) if window_id else None,
        "citation": book.cite(book.intake.formal_review.cite),
        "candidates": lists.acceptance_candidates(cycle),
        "windows": [
            (w, countdown(w)) for w in windows_of_cycle(cycle).filter(rule_window_id=window_id or "")
        ],
        "form": form,
    }
    return render(request, "vetting/acceptance_list.html", context, status=status)
