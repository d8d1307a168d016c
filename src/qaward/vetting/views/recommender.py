"""The recommending unit's pages: its queue and the review of one application."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from qaward.applications.enums import ApplicationState
from qaward.documents.domain.uploads import store_upload
from qaward.permissions import permission_required
from qaward.publicity.domain.queries import countdown, windows_for
from qaward.vetting.domain import consultations as consult_domain
from qaward.vetting.domain import lists, queries, recommender
from qaward.vetting.domain.base import rulebook_of, today, workdays_left
from qaward.vetting.enums import ConsultedBy
from qaward.vetting.forms import (
    ChecklistForm,
    ConsultForm,
    CreditForm,
    ReasonForm,
    RecommendForm,
    ReturnForm,
    WindowForm,
)
from qaward.vetting.views.common import application_by_reference, run


@permission_required("vetting.view_recommender_queue")
def recommender_queue(request: HttpRequest) -> HttpResponse:
    waiting = list(queries.recommender_queue(request.user))
    for application in waiting:
        application.blocking = recommender.readiness(application)
        application.window = windows_for(application).last()
        application.window_state = countdown(application.window) if application.window else None
    returned = list(queries.recommender_returned(request.user))
    for application in returned:
        application.days_left = (
            workdays_left(application.correction_due) if application.correction_due else None
        )
    context = {
        "waiting": waiting,
        "returned": returned,
        "history": queries.recommender_history(request.user)[:50],
        "units": queries.recommender_units(request.user),
        "counts": queries.queue_counts(request.user),
    }
    return render(request, "vetting/recommender_queue.html", context)


def _forms(application, data=None, files=None, action=None):
    review = recommender.review_of(application)
    bound = lambda name: (data, files) if action == name else (None, None)  # noqa: E731
    return {
        "checks": ChecklistForm(*bound("checks")[:1], items=recommender.review_checklist(application),
                                with_opinion=True, prefix="checks",
                                initial={"opinion": review.opinion if review else ""}),
        "credit": CreditForm(*bound("credit"), prefix="credit", initial={"checked_on": today()}),
        "consult": ConsultForm(
            bound("consult")[0], prefix="consult",
            initial={"departments": "\n".join(consult_domain.named_departments(application, ConsultedBy.RECOMMENDER))},
        ),
        "publish": WindowForm(bound("publish")[0], prefix="publish",
                              initial={"starts_on": today(), "workdays": _min_workdays(application)}),
        "recommend": RecommendForm(bound("recommend")[0], prefix="recommend",
                                   initial={"opinion": review.opinion if review else ""}),
        "decline": ReasonForm(bound("decline")[0], prefix="decline"),
        "return": ReturnForm(bound("return")[0], prefix="return"),
    }  # fmt: skip


def _min_workdays(application):
    rule = rulebook_of(application).intake.recommender_review
    if rule is None or not rule.publicity_window:
        return None
    return rulebook_of(application).window(rule.publicity_window).min_workdays


def _act(request, application, action, form):
    user = request.user
    data = form.cleaned_data
    if action == "checks":
        return run(
            form,
            lambda: recommender.save_checks(
                application=application, submitted=form.submitted(), opinion=data.get("opinion"), actor=user
            ),
        )
    if action == "credit":

        def credit():
            evidence = store_upload(
                uploaded_file=data["evidence"],
                slot="credit_check",
                actor=user,
                program=application.cycle.program,
                owner=application,
            )
            return recommender.record_credit_check(
                application=application,
                checked_on=data["checked_on"],
                result=data["result"],
                note=data["note"],
                evidence=evidence,
                actor=user,
            )

        return run(form, credit)
    if action == "consult":
        return run(
            form,
            lambda: consult_domain.request_consultations(
                application=application,
                by=ConsultedBy.RECOMMENDER,
                departments=form.department_list(),
                workdays=data["workdays"],
                actor=user,
            ),
        )
    if action == "publish":
        return run(
            form,
            lambda: lists.open_recommender_window(
                unit=application.recommending_unit,
                applications=[application],
                actor=user,
                starts_on=data["starts_on"],
                workdays=data["workdays"],
            ),
        )
    if action == "recommend":
        return run(
            form, lambda: recommender.recommend(application=application, opinion=data["opinion"], actor=user)
        )
    if action == "decline":
        return run(
            form, lambda: recommender.decline(application=application, reason=data["reason"], actor=user)
        )
    if action == "return":
        return run(
            form,
            lambda: recommender.return_for_correction(
                application=application, reason=data["reason"], workdays=data["workdays"], actor=user
            ),
        )
    return None  # fmt: skip


DONE = {
    "checks": _("The checklist was saved."),
    "credit": _("The credit check was recorded."),
    "consult": _("The departments were asked for their opinion."),
    "publish": _("The publicity window was opened."),
    "recommend": _("The application was recommended to the award office."),
    "decline": _("The application was not recommended."),
    "return": _("The application was returned to the applicant for correction."),
}


@permission_required("vetting.review_as_recommender", fn=application_by_reference)
def recommender_review(request: HttpRequest, reference: str) -> HttpResponse:
    application = request.permission_object
    action = request.POST.get("action") if request.method == "POST" else None
    forms = _forms(application, request.POST if action else None, request.FILES if action else None, action)
    status = 200
    if action in forms:
        form = forms[action]
        if application.state != ApplicationState.SUBMITTED:
            form.add_error(None, _("This application is no longer with the recommending unit."))
        elif form.is_valid() and _act(request, application, action, form):
            messages.success(request, DONE[action])
            return redirect("vetting:recommender_review", reference=reference)
        status = 400
    return render(
        request, "vetting/recommender_review.html", _context(application, forms, action), status=status
    )


def _context(application, forms, action):
    book = rulebook_of(application)
    review = recommender.review_of(application)
    windows = [(w, countdown(w)) for w in windows_for(application)]
    return {
        "application": application,
        "book": book,
        "rule": book.intake.recommender_review,
        "review": review,
        "forms": forms,
        "action": action,
        "readiness": recommender.readiness(application),
        "consultations": queries.consultation_rows(
            queries.consultations_for(application, ConsultedBy.RECOMMENDER)
        ),
        "windows": windows,
        "editable": application.state == ApplicationState.SUBMITTED,
        "state_changes": application.state_changes.all(),
        "citation": book.cite(book.intake.recommender_review.cite) if book.intake.recommender_review else "",
        "tier_label": book.tiers[application.tier].label
        if application.tier in book.tiers
        else application.tier,
    }
