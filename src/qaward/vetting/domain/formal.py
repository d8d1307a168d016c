"""The award office's formal review (形式审查), e.g. 吉林 第二十条, 塔城 第十五条–第十七条, 吉安
第十三条(三): the rulebook's conditions re-run from the application's facts, the procedure (the
unit's recommendation, its publicity window closed), completeness (the rulebook's checklist), the
departments' opinions; then accept (to the acceptance list) or not accept with a written reason
and a letter."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.applications.domain.actors import acts_as
from qaward.applications.domain.transitions import apply_transition
from qaward.applications.enums import ApplicationState
from qaward.audit.domain import record
from qaward.programs.models import RecommendingUnitKind
from qaward.rulebooks.engine import check_eligibility
from qaward.rulebooks.engine.verdict import FAIL, PASS, verdict
from qaward.vetting.domain.base import checklist, clean_checks, refuse_by_rule, rulebook_of, today
from qaward.vetting.domain.consultations import consultation_rule, unanswered
from qaward.vetting.enums import ConsultedBy, FormalDecision, RecommenderDecision
from qaward.vetting.models import FormalReview, RecommenderReview


def _allowed(application, actor) -> None:
    if not acts_as(actor, application, "office_staff"):
        raise ValidationError(_("You may not do this for this application."), code="not_allowed")


def _require_formal_review(application) -> None:
    if application.state != ApplicationState.FORMAL_REVIEW:
        raise ValidationError(
            _("Only an application under formal review can be decided (this one is “%(state)s”).")
            % {"state": ApplicationState(application.state).label}
        )


def ensure_formal_review(application) -> FormalReview:
    review, _created = FormalReview.objects.select_for_update().get_or_create(application=application)
    return review


def formal_review_of(application) -> FormalReview | None:
    return FormalReview.objects.filter(application=application).first()


def eligibility_report(application):
    """The rulebook's conditions re-run on the facts the applicant declared, as of today."""
    book = rulebook_of(application)
    return check_eligibility(
        book, application.kind, application.facts or {}, today(), application.track or None
    )


def formal_checklist(application) -> list[dict]:
    rule = rulebook_of(application).intake.formal_review
    review = formal_review_of(application)
    return checklist(rule.checks, review.checks if review else [])


def procedure_findings(application) -> list[dict]:
    """The procedure as the office sees it: each step the rulebook requires before the office,
    with whether it was done ({"label", "ok", "rule"})."""
    from qaward.publicity.domain.queries import window_closed_for

    book = rulebook_of(application)
    review_rule = book.intake.recommender_review
    unit = application.recommending_unit
    findings: list[dict] = []
    direct = unit is None or unit.kind == RecommendingUnitKind.DIRECT_OFFICE
    if review_rule is not None and not direct:
        review = RecommenderReview.objects.filter(application=application).first()
        findings.append({
            "id": "recommender_opinion",
            "label": "推荐单位审核意见（同意推荐）",
            "ok": bool(review and review.decision == RecommenderDecision.RECOMMEND and review.opinion),
            "rule": review_rule,
        })  # fmt: skip
        if review_rule.publicity_window:
            window = book.window(review_rule.publicity_window)
            findings.append({
                "id": f"publicity_{window.id}",
                "label": f"{window.label}已结束（不少于{window.min_workdays}个工作日）",
                "ok": window_closed_for(application, window.id),
                "rule": window,
            })  # fmt: skip
        if review_rule.consult_departments:
            findings.append({
                "id": "recommender_consultation",
                "label": "推荐单位已征求有关部门意见",
                "ok": not unanswered(application, ConsultedBy.RECOMMENDER),
                "rule": consultation_rule(book, ConsultedBy.RECOMMENDER) or review_rule,
            })  # fmt: skip
    return findings


@transaction.atomic
def save_formal_checks(*, application, submitted: dict[str, tuple[bool, str]], actor) -> FormalReview:
    _allowed(application, actor)
    _require_formal_review(application)
    rule = rulebook_of(application).intake.formal_review
    items = clean_checks(rule.checks, submitted)
    review = ensure_formal_review(application)
    before = {"checks": review.checks}
    review.checks = items
    review.eligibility = {**eligibility_report(application).to_dict(), "as_of": today().isoformat()}
    review.save()
    record(
        actor=actor, action="vetting.formal_checks", obj=application, before=before,
        after={"checks": items, "eligibility": review.eligibility["outcome"]},
        program=application.cycle.program,
    )  # fmt: skip
    return review


def accept(*, application, actor, override_reason: str = ""):
    """Accept (transition ``accept``) after the checks; with department opinions still missing
    only when staff give a reason to go ahead (the override is audited with the rule)."""
    _allowed(application, actor)
    _require_formal_review(application)
    book = rulebook_of(application)
    rule = book.intake.formal_review
    report = eligibility_report(application)
    failed = [v for v in report.verdicts if v.outcome == FAIL]
    if failed:
        _refuse_verdict(actor, application, failed[0])
    for finding in procedure_findings(application):
        if not finding["ok"]:
            refuse_by_rule(
                actor=actor, action="vetting.accept", book=book, rule=finding["rule"], rule_id=finding["id"],
                message=f"申报程序不完整：{finding['label']}尚未完成", application=application,
            )  # fmt: skip
    not_passed = [c["label"] for c in formal_checklist(application) if not c["ok"]]
    if not_passed:
        refuse_by_rule(
            actor=actor, action="vetting.accept", book=book, rule=rule, rule_id="formal_review_checks",
            message=f"形式审查尚未完成：{'、'.join(not_passed)}", application=application,
        )  # fmt: skip
    consult = consultation_rule(book, ConsultedBy.OFFICE)
    waiting = unanswered(application, ConsultedBy.OFFICE)
    override_reason = (override_reason or "").strip()
    if waiting and not override_reason:
        refuse_by_rule(
            actor=actor, action="vetting.accept", book=book, rule=consult or rule,
            rule_id="office_consultation",
            message=f"尚有部门未回复征求意见：{'、'.join(waiting)}；确需先行受理的，请写明理由",
            application=application, field="override_reason",
        )  # fmt: skip
    if waiting:
        decided = verdict(
            book, consult or rule, "office_consultation", PASS,
            f"征求意见未全部回复（{'、'.join(waiting)}），经办人说明理由后先行受理：{override_reason}",
            override=True, unanswered=waiting,
        )  # fmt: skip
    else:
        decided = verdict(book, rule, "formal_review", PASS, "形式审查通过，列入受理名单")
    return _accept(application=application, actor=actor, decided=decided, override_reason=override_reason,
                   report=report)  # fmt: skip


def _refuse_verdict(actor, application, failed_verdict):
    from qaward.audit.domain import refuse

    refuse(actor=actor, action="vetting.accept", verdict=failed_verdict, obj=application,
           program=application.cycle.program)  # fmt: skip


@transaction.atomic
def _accept(*, application, actor, decided, override_reason, report):
    change = apply_transition(application=application, name="accept", actor=actor, verdict=decided)
    review = ensure_formal_review(application)
    review.decision = FormalDecision.ACCEPT
    review.override_reason = override_reason
    review.eligibility = {**report.to_dict(), "as_of": today().isoformat()}
    review.decided_at = timezone.now()
    review.decided_by = actor
    review.save()
    if override_reason:
        record(
            actor=actor, action="vetting.accept_override", obj=application,
            after={"override_reason": override_reason}, verdict=decided, program=application.cycle.program,
        )  # fmt: skip
    return change


def reject(*, application, reason: str, actor):
    """Not accepted (transition ``reject``): the written reason goes into a non-acceptance letter
    (PDF, citing the rule), kept with the application and sent to the applicant."""
    from qaward.vetting.domain.letters import issue_non_acceptance_letter

    _allowed(application, actor)
    _require_formal_review(application)
    book = rulebook_of(application)
    rule = book.intake.formal_review
    reason = (reason or "").strip()
    if not reason:
        refuse_by_rule(
            actor=actor, action="vetting.reject", book=book, rule=rule, rule_id="written_reason_on_rejection",
            message="不予受理的，须书面说明理由", application=application, field="reason",
        )  # fmt: skip
    decided = verdict(book, rule, "formal_review", FAIL, "形式审查未通过，不予受理")
    with transaction.atomic():
        change = apply_transition(application=application, name="reject", actor=actor, reason=reason,
                                  verdict=decided)  # fmt: skip
        review = ensure_formal_review(application)
        review.decision = FormalDecision.REJECT
        review.reason = reason
        review.decided_at = timezone.now()
        review.decided_by = actor
        review.save()
        application.refresh_from_db()
        letter = issue_non_acceptance_letter(application=application, reason=reason, actor=actor)
    return change, letter
