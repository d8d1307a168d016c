"""The office handles an admitted objection: admissibility, referral, the recommending unit's
verification, investigating experts, the decision and its consequences."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.applications.domain.actors import is_recommender_for
from qaward.applications.domain.transitions import apply_transition
from qaward.applications.models import ApplicantBan
from qaward.audit.domain import record, refuse
from qaward.objections.admissibility import verification_due
from qaward.objections.domain.common import book_of, require_office, require_text, work_calendar
from qaward.objections.domain.letters import issue_letter, issue_result_letters
from qaward.objections.enums import LetterKind, ObjectionState, Outcome
from qaward.objections.models import ExpertAppointment, Objection, VerificationRequest
from qaward.rulebooks.engine import ban_until
from qaward.rulebooks.engine.verdict import FAIL, PASS, verdict


def _locked(objection: Objection) -> Objection:
    return Objection.objects.select_for_update().get(pk=objection.pk)


def _require_state(objection: Objection, *states) -> None:
    if objection.state not in states:
        raise ValidationError(
            _("Not possible while the objection is “%(state)s”.") % {"state": objection.get_state_display()},
            code="out_of_order",
        )


def _rule_verdict(objection, rule_name: str, outcome: str, message: str):
    book = book_of(objection.window.cycle)
    rule = getattr(book.objections, rule_name, None)
    return verdict(book, rule or book.objections, f"objections.{rule_name}", outcome, message)


@transaction.atomic
def decide_admissibility(*, objection: Objection, admit: bool, reason: str, actor) -> Objection:
    """Admit (符合规定并能提供充分证据, 吉林 第三十七条(二); 塔城 第二十四条) or not, with the reason."""
    require_office(actor, objection.program)
    objection = _locked(objection)
    _require_state(objection, ObjectionState.RECEIVED)
    reason = (reason or "").strip()
    if not admit:
        reason = require_text(reason, "reason", _("Give the reason the objection is not admitted."))
    now = timezone.now()
    overdue = (
        objection.admissibility_due is not None and timezone.localdate(now) > objection.admissibility_due
    )
    objection.state = ObjectionState.ADMITTED if admit else ObjectionState.NOT_ADMITTED
    objection.admissibility_decided_at = now
    objection.admissibility_decided_by = actor
    objection.admissibility_reason = reason
    message = (
        _("Objection admitted") if admit else _("Objection not admitted: %(reason)s") % {"reason": reason}
    )
    decision = _rule_verdict(objection, "admissibility_review", PASS if admit else FAIL, message)
    if not admit:
        objection.refusal_rule, objection.refusal_citation = decision.rule_id, decision.citation
    objection.save()
    record(
        actor=actor,
        action="objection.admit" if admit else "objection.not_admitted",
        obj=objection,
        before={"state": ObjectionState.RECEIVED},
        after={"state": objection.state, "reason": reason, "decided_after_deadline": overdue},
        verdict=decision,
    )
    issue_letter(
        objection=objection, kind=LetterKind.RECEIPT if admit else LetterKind.NOT_ADMITTED, actor=actor
    )
    return objection


@transaction.atomic
def route_out(*, objection: Objection, routed_to: str, actor) -> Objection:
    """Refer an objection on national defence or security to the competent authority
    (吉林 第三十七条(五)); its result is recorded when reported."""
    require_office(actor, objection.program)
    routed_to = require_text(routed_to, "routed_to", _("Name the authority the objection is referred to."))
    objection = _locked(objection)
    _require_state(objection, ObjectionState.RECEIVED, ObjectionState.ADMITTED)
    before = {"state": objection.state}
    objection.state = ObjectionState.ROUTED_OUT
    objection.routed_to = routed_to
    objection.routed_at = timezone.now()
    objection.save()
    record(
        actor=actor, action="objection.route_out", obj=objection, before=before,
        after={"state": objection.state, "routed_to": routed_to},
        verdict=_rule_verdict(objection, "defence_security_routed_out", PASS, _("Referred to %(to)s") % {"to": routed_to}),
    )  # fmt: skip
    return objection


@transaction.atomic
def record_routed_result(*, objection: Objection, result: str, actor) -> Objection:
    require_office(actor, objection.program)
    result = require_text(result, "result", _("Enter the result the authority reported."))
    objection = _locked(objection)
    _require_state(objection, ObjectionState.ROUTED_OUT)
    objection.routed_result = result
    objection.routed_result_at = timezone.now()
    objection.save()
    record(actor=actor, action="objection.routed_result", obj=objection, after={"result": result})
    return objection


@transaction.atomic
def request_verification(
    *, objection: Objection, actor, message: str, workdays: int | None = None, today: dt.date | None = None
) -> VerificationRequest:
    """Ask the recommending unit to verify the objection by a deadline in working days
    (吉林 第三十七条(三)), counted as the rulebook says (exclusive: not the day it is sent)."""
    require_office(actor, objection.program)
    message = require_text(message, "message", _("Say what the recommending unit is to verify."))
    objection = _locked(objection)
    _require_state(objection, ObjectionState.ADMITTED)
    application = objection.application
    if application.recommending_unit_id is None:
        raise ValidationError(_("This application came without a recommending unit; there is nobody to ask."))
    if objection.verifications.filter(reported_at__isnull=True, missed_at__isnull=True).exists():
        raise ValidationError(_("A verification request is already waiting for the recommending unit."))
    book = book_of(objection.window.cycle)
    rule = book.objections.recommender_verification
    if workdays is None and (rule is None or rule.workdays is None):
        raise ValidationError(
            {"workdays": [_("The regulation sets no period: give the working days allowed.")]}
        )
    if workdays is not None and workdays < 1:
        raise ValidationError({"workdays": [_("Allow at least one working day.")]})
    sent_on = today or timezone.localdate()
    due = verification_due(book, sent_on, work_calendar(), workdays)
    request = VerificationRequest.objects.create(
        objection=objection,
        recommending_unit=application.recommending_unit,
        message=message,
        sent_on=sent_on,
        workdays=workdays or rule.workdays,
        counting=rule.counting if rule else "exclusive",
        due_on=due,
        requested_by=actor,
    )
    record(
        actor=actor,
        action="objection.request_verification",
        obj=objection,
        after={
            "unit": application.recommending_unit.name,
            "workdays": request.workdays,
            "due_on": due.isoformat(),
        },
        verdict=_rule_verdict(
            objection, "recommender_verification", PASS, _("Verification due %(due)s") % {"due": due}
        ),
    )
    return request


def report_verification(
    *, verification: VerificationRequest, report: str, actor, today: dt.date | None = None
):
    """The recommending unit's verification report. After the deadline, where the rulebook fails
    the applicant for it (吉林 第三十七条(四)), the report is refused with the article."""
    objection = verification.objection
    if not is_recommender_for(actor, objection.application) or (actor_unit_mismatch(actor, verification)):
        raise ValidationError(_("Only the recommending unit asked may report."), code="not_allowed")
    report = require_text(report, "report", _("Write the verification report."))
    today = today or timezone.localdate()
    book = book_of(objection.window.cycle)
    rule = book.objections.recommender_verification
    if today > verification.due_on and rule is not None and rule.on_miss == "applicant_fails":
        refused = verdict(
            book, rule, "objections.recommender_verification", FAIL,
            f"核实报告应于{verification.due_on.isoformat()}前报送，已逾期；推荐单位在规定时间内未提交调查、核实报告的，相关申报者不通过评审",
        )  # fmt: skip
        refuse(
            actor=actor,
            action="objection.report_verification",
            verdict=refused,
            obj=objection,
            field="report",
        )
    return _save_report(verification=verification, report=report, actor=actor)


def actor_unit_mismatch(actor, verification) -> bool:
    from qaward.accounts.domain.queries import active_roles
    from qaward.accounts.models import Role

    return (
        not active_roles(actor)
        .filter(role=Role.RECOMMENDER, recommending_unit_id=verification.recommending_unit_id)
        .exists()
    )


@transaction.atomic
def _save_report(*, verification, report, actor):
    verification = VerificationRequest.objects.select_for_update().get(pk=verification.pk)
    if not verification.is_pending:
        raise ValidationError(_("This request has already been answered or closed."))
    verification.report = report
    verification.reported_at = timezone.now()
    verification.reported_by = actor
    verification.save()
    record(
        actor=actor, action="objection.report_verification", obj=verification.objection,
        after={"verification": verification.pk, "report_chars": len(report)},
    )  # fmt: skip
    return verification


def apply_missed_deadlines(*, today: dt.date | None = None, objection: Objection | None = None) -> list:
    """Close every verification request past its deadline without a report; where the rulebook
    says so (吉林 第三十七条(四)) the applicant fails (``disqualify``, by the system) and the
    objection is decided. Each request in its own transaction. Returns the requests closed."""
    today = today or timezone.localdate()
    overdue = VerificationRequest.objects.filter(
        reported_at__isnull=True, missed_at__isnull=True, due_on__lt=today
    ).select_related("objection")
    if objection is not None:
        overdue = overdue.filter(objection=objection)
    return [_apply_one(pk, today) for pk in overdue.values_list("pk", flat=True)]


@transaction.atomic
def _apply_one(pk: int, today: dt.date) -> VerificationRequest:
    verification = VerificationRequest.objects.select_for_update().get(pk=pk)
    objection = _locked(verification.objection)
    if not verification.is_pending:
        return verification
    book = book_of(objection.window.cycle)
    rule = book.objections.recommender_verification
    fails = rule is not None and rule.on_miss == "applicant_fails"
    message = (
        f"推荐单位（{verification.recommending_unit.name}）未在规定时间（{verification.due_on.isoformat()}前）"
        "提交调查、核实报告，相关申报者不通过评审"
        if fails
        else f"推荐单位（{verification.recommending_unit.name}）未在{verification.due_on.isoformat()}前提交核实报告"
    )
    decision = verdict(
        book, rule or book.objections, "objections.recommender_verification", FAIL if fails else PASS, message
    )
    verification.missed_at = timezone.now()
    verification.consequence_rule, verification.consequence_citation = decision.rule_id, decision.citation
    consequence = decision.message
    if fails:
        application = objection.application
        try:
            with transaction.atomic():
                apply_transition(
                    application=application, name="disqualify", actor=None, system=True,
                    reason=decision.message, verdict=decision,
                )  # fmt: skip
        except ValidationError as error:
            consequence += "；" + _("could not be applied: %(why)s") % {"why": " ".join(error.messages)}
        if objection.state in (ObjectionState.ADMITTED, ObjectionState.ROUTED_OUT):
            objection.state = ObjectionState.DECIDED
            objection.outcome = Outcome.RECOMMENDER_MISSED
            objection.outcome_reason = decision.message
            objection.decided_at = timezone.now()
            objection.save()
    verification.consequence = consequence
    verification.save()
    record(
        actor=None, action="objection.verification_missed", obj=objection,
        after={"verification": verification.pk, "due_on": verification.due_on.isoformat(), "consequence": consequence,
               "state": objection.state},
        verdict=decision,
    )  # fmt: skip
    return verification


def expert_conflicts(expert, application) -> bool:
    """True when the expert pool records a pending or upheld conflict with the application."""
    try:
        from qaward.experts.domain.conflicts import has_blocking_conflict
    except ImportError:  # the experts app without conflict records
        return False
    return has_blocking_conflict(expert, application)


def appoint_expert(
    *,
    objection: Objection,
    actor,
    expert=None,
    name: str = "",
    no_conflict_declared: bool = False,
    note: str = "",
) -> ExpertAppointment:
    """Appoint an investigating expert; only one without a conflict of interest with the case
    (吉林 第四十条(三), 塔城 第二十五条). A pool expert is checked against the conflict register
    (refused with the article when conflicted); anyone else must have declared no interest."""
    require_office(actor, objection.program)
    name = (expert.name if expert is not None else (name or "")).strip()
    if not name:
        raise ValidationError({"name": [_("Choose an expert or enter a name.")]})
    if expert is not None and expert_conflicts(expert, objection.application):
        book = book_of(objection.window.cycle)
        rule = book.objections.experts_must_be_unconflicted
        refused = verdict(book, rule or book.objections, "objections.experts_must_be_unconflicted", FAIL,
                          f"{name}与被异议申报者存在利害关系，不得参与异议调查")  # fmt: skip
        refuse(actor=actor, action="objection.appoint_expert", verdict=refused, obj=objection, field="expert")
    if expert is None and not no_conflict_declared:
        raise ValidationError(
            {"no_conflict_declared": [_("Record that the expert declared no interest in the case.")]}
        )
    return _appoint(objection=objection, actor=actor, expert=expert, name=name, note=note,
                    no_conflict_declared=no_conflict_declared)  # fmt: skip


@transaction.atomic
def _appoint(*, objection, actor, expert, name, note, no_conflict_declared) -> ExpertAppointment:
    objection = _locked(objection)
    _require_state(objection, ObjectionState.ADMITTED)
    if objection.experts.filter(expert_name=name).exists():
        raise ValidationError({"name": [_("This expert is already appointed.")]})
    appointment = ExpertAppointment.objects.create(
        objection=objection, expert=expert, expert_name=name, conflict_checked=expert is not None,
        no_conflict_declared=no_conflict_declared, appointed_by=actor, note=(note or "").strip()[:300],
    )  # fmt: skip
    record(
        actor=actor, action="objection.appoint_expert", obj=objection,
        after={"expert": name, "pool_expert": expert.pk if expert else None, "conflict_checked": expert is not None},
    )  # fmt: skip
    return appointment


@transaction.atomic
def decide_outcome(
    *, objection: Objection, upheld: bool, reason: str, actor, false_materials: bool = False
) -> Objection:
    """Record the decision (吉林 第三十七条(六)). Upheld: the applicant is disqualified from this
    cycle (吉林 第二十七条第二款) and, for false materials, barred per the rulebook's ban. Not
    upheld: the applicant continues (塔城 第二十六条)."""
    require_office(actor, objection.program)
    reason = require_text(reason, "reason", _("Write the findings of the investigation."))
    objection = _locked(objection)
    _require_state(objection, ObjectionState.ADMITTED, ObjectionState.ROUTED_OUT)
    if objection.state == ObjectionState.ROUTED_OUT and not objection.routed_result:
        raise ValidationError(_("Record the result reported by %(to)s first.") % {"to": objection.routed_to})
    if objection.verifications.filter(reported_at__isnull=True, missed_at__isnull=True).exists():
        raise ValidationError(_("The recommending unit's verification report is still awaited."))
    book = book_of(objection.window.cycle)
    application = objection.application
    before = {"state": objection.state}
    objection.state = ObjectionState.DECIDED
    objection.outcome = Outcome.UPHELD if upheld else Outcome.NOT_UPHELD
    objection.outcome_reason = reason
    objection.false_materials = bool(upheld and false_materials)
    objection.decided_at = timezone.now()
    objection.decided_by = actor
    objection.save()
    after = {
        "state": objection.state,
        "outcome": objection.outcome,
        "false_materials": objection.false_materials,
    }
    if upheld:
        decision = _rule_verdict(
            objection, "upheld_consequence", FAIL, f"异议经调查属实，取消{application.reference}本届评选资格"
        )
        apply_transition(
            application=application, name="disqualify", actor=actor, reason=reason, verdict=decision
        )
        if objection.false_materials:
            after["ban"] = _ban_for_false_materials(book, objection, actor)
    else:
        decision = _rule_verdict(
            objection, "not_upheld_continues", PASS, "异议经调查不成立，不影响申报者继续参加评审"
        )
    record(
        actor=actor, action="objection.decide", obj=objection, before=before, after=after, verdict=decision
    )
    issue_result_letters(objection=objection, actor=actor)
    return objection


def _ban_for_false_materials(book, objection, actor) -> str:
    application = objection.application
    today = timezone.localdate()
    decision = ban_until(book, "false_materials", today, application.kind)
    if not decision.applies:
        return decision.verdict.message
    ban = ApplicantBan.objects.create(
        applicant=application.applicant,
        program=objection.program,
        ground="false_materials",
        starts_on=today,
        ends_on=(decision.ends - dt.timedelta(days=1)) if decision.ends else None,
        cycles=decision.cycles,
        reason=f"{objection}：{decision.verdict.message}",
        rule_id=decision.verdict.rule_id,
        citation=decision.verdict.citation,
        rulebook=decision.verdict.rulebook,
        source_application=application,
        decided_by=actor,
    )
    record(
        actor=actor, action="objection.ban", obj=ban, program=objection.program,
        after={"applicant": application.applicant_id, "ends_on": ban.ends_on.isoformat() if ban.ends_on else None,
               "cycles": ban.cycles},
        verdict=decision.verdict,
    )  # fmt: skip
    return decision.verdict.message


@transaction.atomic
def record_consent(*, objection: Objection, note: str, actor) -> Objection:
    """The objector agreed that their identity be disclosed (吉林 第三十七条(七): asked beforehand)."""
    require_office(actor, objection.program)
    note = require_text(note, "note", _("Say how and when the objector agreed."))
    objection = _locked(objection)
    objection.disclosure_consent = True
    objection.disclosure_consent_at = timezone.now()
    objection.disclosure_consent_note = note[:300]
    objection.save()
    record(actor=actor, action="objection.consent", obj=objection, after={"note": note[:300]},
           verdict=_rule_verdict(objection, "disclosure_needs_consent", PASS, "异议人同意公开其身份"))  # fmt: skip
    return objection


@transaction.atomic
def add_handler(*, objection: Objection, user, actor) -> Objection:
    """Put another person (e.g. a supervisor) on the case: they then see the objector's identity."""
    require_office(actor, objection.program)
    from qaward.accounts.domain.queries import holds_role_in

    if not holds_role_in(user, objection.program, None):
        raise ValidationError(
            {"user": [_("Only people holding a role in this program can handle the case.")]}
        )
    objection.handlers.add(user)
    record(actor=actor, action="objection.add_handler", obj=objection, after={"handler": user.get_username()})
    return objection
