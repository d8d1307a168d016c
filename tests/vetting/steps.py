"""Driving an application through the vetting steps with the domain functions, as a recommending
unit and the office would, reading every requirement from the rulebook."""

from __future__ import annotations

import datetime as dt

from qaward.vetting.domain import consultations, formal, lists, recommender
from qaward.vetting.enums import ConsultationOutcome, ConsultedBy, CreditResult

LONG_AGO = dt.date.today() - dt.timedelta(days=40)


def passed(labels) -> dict:
    return {label: (True, "") for label in labels}


def prepare_recommendation(w, application):
    """Checklist, credit check and department opinions as the rulebook requires."""
    rule = w.book.intake.recommender_review
    if rule is None:
        return
    recommender.save_checks(application=application, submitted=passed(rule.checks), opinion=None,
                            actor=w.recommender)  # fmt: skip
    if rule.credit_check:
        recommender.record_credit_check(
            application=application, checked_on=dt.date.today(), result=CreditResult.CLEAR,
            evidence=w.pdf(w.recommender), actor=w.recommender,
        )  # fmt: skip
    if rule.consult_departments:
        answer_all(w, application, ConsultedBy.RECOMMENDER, w.recommender)


def answer_all(w, application, by, actor):
    departments = consultations.named_departments(application, by)
    asked = consultations.request_consultations(
        application=application, by=by, departments=list(departments), actor=actor,
        requested_on=dt.date.today() - dt.timedelta(days=7),
    )  # fmt: skip
    for c in asked:
        consultations.answer_consultation(
            consultation=c, outcome=ConsultationOutcome.NO_OBJECTION, response="无不良记录",
            responded_on=dt.date.today(), actor=actor,
        )  # fmt: skip


def publish_and_close(w, application):
    """The unit's publicity window, started long enough ago to have closed."""
    rule = w.book.intake.recommender_review
    if rule is None or not rule.publicity_window:
        return None
    return lists.open_recommender_window(
        unit=w.unit, applications=[application], actor=w.recommender, starts_on=LONG_AGO
    )


def recommend(w, application):
    prepare_recommendation(w, application)
    publish_and_close(w, application)
    return recommender.recommend(application=application, opinion="经审核，材料完整真实，同意推荐。",
                                 actor=w.recommender)  # fmt: skip


def prepare_acceptance(w, application):
    rule = w.book.intake.formal_review
    formal.save_formal_checks(application=application, submitted=passed(rule.checks), actor=w.staff)
    if consultations.consultation_rule(w.book, ConsultedBy.OFFICE):
        answer_all(w, application, ConsultedBy.OFFICE, w.staff)
