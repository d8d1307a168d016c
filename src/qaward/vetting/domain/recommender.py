"""The recommending unit's review (推荐单位审核), e.g. 吉林 第十九条: check completeness,
authenticity, accuracy and legality, consult the departments concerned, publish for at least N
working days, then sign the opinion (recommend / not recommend) — or return the application to
the applicant for correction with a deadline."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.applications.domain.actors import is_recommender_for
from qaward.applications.domain.transitions import apply_transition
from qaward.applications.enums import ApplicationState
from qaward.audit.domain import record
from qaward.rulebooks.engine.verdict import PASS, verdict
from qaward.vetting.domain.base import (
    DEFAULT_CORRECTION_WORKDAYS,
    checklist,
    clean_checks,
    refuse_by_rule,
    rulebook_of,
    today,
    workday_deadline,
)
from qaward.vetting.domain.consultations import consultation_rule, unanswered
from qaward.vetting.enums import ConsultedBy, CreditResult, RecommenderDecision
from qaward.vetting.models import RecommenderReview


def review_rule(book):
    return book.intake.recommender_review


def _route_rule(book, application):
    """The route the application came by (cited where the rulebook has no review rule)."""
    return next((r for r in book.intake.routes if r.id == application.route), book.intake.routes[0])


def _allowed(application, actor) -> None:
    if not is_recommender_for(actor, application):
        raise ValidationError(_("You may not do this for this application."), code="not_allowed")


def review_of(application) -> RecommenderReview | None:
    return RecommenderReview.objects.filter(application=application).first()


def _ensure_review(application) -> RecommenderReview:
    review, _created = RecommenderReview.objects.select_for_update().get_or_create(
        application=application, defaults={"unit": application.recommending_unit}
    )
    return review


def review_checklist(application) -> list[dict]:
    rule = review_rule(rulebook_of(application))
    review = review_of(application)
    return checklist(rule.checks if rule else (), review.checks if review else [])


def _require_submitted(application) -> None:
    if application.state != ApplicationState.SUBMITTED:
        raise ValidationError(
            _("Only an application with the recommending unit can be reviewed (this one is “%(state)s”).")
            % {"state": ApplicationState(application.state).label}
        )


@transaction.atomic
def save_checks(*, application, submitted: dict[str, tuple[bool, str]], opinion: str | None, actor):
    """Mark the rulebook's checklist (label → (passed, note)) and, optionally, draft the opinion."""
    _allowed(application, actor)
    _require_submitted(application)
    rule = review_rule(rulebook_of(application))
    items = clean_checks(rule.checks if rule else (), submitted)
    review = _ensure_review(application)
    before = {"checks": review.checks, "opinion": review.opinion}
    review.checks = items
    if opinion is not None:
        review.opinion = opinion.strip()
    review.save()
    record(
        actor=actor, action="vetting.recommender_checks", obj=application, before=before,
        after={"checks": items, "opinion": review.opinion}, program=application.cycle.program,
    )  # fmt: skip
    return review


@transaction.atomic
def record_credit_check(
    *, application, checked_on: date, result: str, note: str = "", evidence=None, actor
) -> RecommenderReview:
    """The credit check: listed in 经营异常名录 / 严重违法失信名单 or not, when, and the proof."""
    _allowed(application, actor)
    _require_submitted(application)
    errors = {}
    if checked_on is None:
        errors["checked_on"] = _("Give the date of the check.")
    elif checked_on > today():
        errors["checked_on"] = _("The check date cannot be in the future.")
    if result not in CreditResult.values:
        errors["result"] = _("Choose the result of the check.")
    if evidence is None:
        errors["evidence"] = _("Upload the record of the check (a screenshot or printout).")
    if errors:
        raise ValidationError(errors)
    review = _ensure_review(application)
    before = {"credit_checked_on": review.credit_checked_on, "credit_result": review.credit_result}
    review.credit_checked_on = checked_on
    review.credit_result = result
    review.credit_note = (note or "").strip()[:500]
    review.credit_evidence = evidence
    review.save()
    record(
        actor=actor, action="vetting.credit_check", obj=application, before=before,
        after={"credit_checked_on": checked_on, "credit_result": result, "evidence": str(evidence.pk)},
        program=application.cycle.program,
    )  # fmt: skip
    return review


def readiness(application) -> list[tuple[str, str, object]]:
    """What still stands between the unit and its recommendation, in order:
    (rule id, message, rule) for each missing step; empty when it may recommend."""
    from qaward.publicity.domain.queries import blocking_reason, windows_for

    book = rulebook_of(application)
    rule = review_rule(book)
    missing: list[tuple[str, str, object]] = []
    if rule is None:
        return missing
    review = review_of(application)
    not_passed = [c["label"] for c in checklist(rule.checks, review.checks if review else []) if not c["ok"]]
    if not_passed:
        missing.append(("recommender_checks", f"审核尚未完成：{'、'.join(not_passed)}", rule))
    if rule.credit_check:
        if review is None or not review.credit_recorded:
            missing.append(
                ("recommender_credit_check", "尚未记录信用核查（经营异常名录、严重违法失信名单）", rule)
            )
        elif review.credit_result != CreditResult.CLEAR:
            missing.append(
                (
                    "recommender_credit_check",
                    f"信用核查结果为“{review.get_credit_result_display()}”，不能推荐",
                    rule,
                )
            )
    if rule.consult_departments:
        consult = consultation_rule(book, ConsultedBy.RECOMMENDER) or rule
        waiting = unanswered(application, ConsultedBy.RECOMMENDER)
        if waiting:
            missing.append(
                ("recommender_consultation", f"尚未取得有关部门意见：{'、'.join(waiting)}", consult)
            )
    if rule.publicity_window:
        window_rule = book.window(rule.publicity_window)
        if not windows_for(application, rule.publicity_window).exists():
            missing.append(
                (f"publicity_{window_rule.id}", f"尚未进行{window_rule.label}（不少于{window_rule.min_workdays}个工作日）", window_rule)
            )  # fmt: skip
        else:
            blocked = blocking_reason(application, rule.publicity_window)
            if blocked:
                missing.append(
                    (f"publicity_{window_rule.id}", f"{window_rule.label}尚未结束：{blocked}", window_rule)
                )
    return missing


def recommend(*, application, opinion: str, actor):
    """Sign the recommendation (transition ``recommend``): refused, with the article, while a
    step the rulebook requires is missing — above all while the unit's publicity window runs."""
    _allowed(application, actor)
    _require_submitted(application)
    book = rulebook_of(application)
    rule = review_rule(book)
    opinion = (opinion or "").strip()
    if not opinion and (rule is None or rule.opinion_required):
        refuse_by_rule(
            actor=actor, action="vetting.recommend", book=book, rule=rule or _route_rule(book, application),
            rule_id="recommender_opinion", message="推荐单位须签署审核意见", application=application,
            field="opinion",
        )  # fmt: skip
    missing = readiness(application)
    if missing:
        rule_id, message, cited = missing[0]
        refuse_by_rule(
            actor=actor, action="vetting.recommend", book=book, rule=cited, rule_id=rule_id,
            message=f"暂不能推荐：{message}", application=application,
        )  # fmt: skip
    cited = rule or _route_rule(book, application)
    return _decide(
        application=application, name="recommend", decision=RecommenderDecision.RECOMMEND, opinion=opinion,
        actor=actor, reason="", verdict=verdict(book, cited, "recommender_review", PASS, "推荐单位审核同意推荐"),
    )  # fmt: skip


def decline(*, application, reason: str, actor):
    """Do not recommend (transition ``decline_to_recommend``), with the reasons."""
    _allowed(application, actor)
    _require_submitted(application)
    book = rulebook_of(application)
    rule = review_rule(book) or _route_rule(book, application)
    reason = (reason or "").strip()
    if not reason:
        refuse_by_rule(
            actor=actor, action="vetting.decline_to_recommend", book=book, rule=rule,
            rule_id="recommender_opinion", message="不予推荐须在审核意见中写明理由",
            application=application, field="reason",
        )  # fmt: skip
    return _decide(
        application=application, name="decline_to_recommend", decision=RecommenderDecision.DECLINE,
        opinion=reason, actor=actor, reason=reason,
        verdict=verdict(book, rule, "recommender_review", "fail", "推荐单位审核不予推荐"),
    )  # fmt: skip


def return_for_correction(
    *, application, reason: str, actor, workdays: int = DEFAULT_CORRECTION_WORKDAYS, by: str = "recommender"
):
    """Send the application back to the applicant to correct, due in ``workdays`` working days
    (the regulations set no period: office discretion). ``by``: "recommender" or "office"."""
    from qaward.applications.domain.actors import acts_as

    role = "recommender" if by == "recommender" else "office_staff"
    if not acts_as(actor, application, role):
        raise ValidationError(_("You may not do this for this application."), code="not_allowed")
    book = rulebook_of(application)
    rule = (review_rule(book) if by == "recommender" else book.intake.formal_review) or _route_rule(
        book, application
    )
    reason = (reason or "").strip()
    if not reason:
        refuse_by_rule(
            actor=actor, action="vetting.return_for_correction", book=book, rule=rule,
            rule_id="return_reason", message="退回补正须写明需要补正的内容", application=application,
            field="reason",
        )  # fmt: skip
    due = workday_deadline(today(), workdays)
    decision = RecommenderDecision.RETURN
    return _decide(
        application=application, name="return_for_correction", decision=decision, opinion=reason,
        actor=actor, reason=reason, extra={"correction_due": due}, by=by,
        verdict=verdict(book, rule, "return_for_correction", "fail",
                        f"退回补正，{workdays}个工作日内（{due.isoformat()}前）补正，期限由评委办确定"),
    )  # fmt: skip


@transaction.atomic
def _decide(*, application, name, decision, opinion, actor, reason, verdict, extra=None, by="recommender"):
    change = apply_transition(
        application=application, name=name, actor=actor, reason=reason, verdict=verdict, extra=extra
    )
    if by == "recommender":
        review = _ensure_review(application)
        review.decision = decision
        review.opinion = opinion
        review.decided_at = timezone.now()
        review.decided_by = actor
        review.save()
    else:
        from qaward.vetting.domain.formal import ensure_formal_review

        review = ensure_formal_review(application)
        review.decision = "return"
        review.reason = opinion
        review.decided_at = timezone.now()
        review.decided_by = actor
        review.save()
    return change
