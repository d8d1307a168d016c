"""Department consultations (征求意见): the recommending unit's (e.g. 吉林 第十九条 有关主管部门)
and the award office's (吉林 第二十条: 人社, 生态环境, 应急管理, 市场监管, 税务; 吉安 第十三条(三):
领导小组成员单位 and 市纪委市监委 "等部门", a list the office may extend)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qaward.applications.domain.actors import acts_as
from qaward.audit.domain import record
from qaward.vetting.domain.base import DEFAULT_CONSULTATION_WORKDAYS, rulebook_of, today, workday_deadline
from qaward.vetting.enums import ConsultationOutcome, ConsultedBy
from qaward.vetting.models import Consultation


def consultation_rule(book, by: str):
    """The rulebook's consultation rule for ``by`` ("office" / "recommender"), or None."""
    return next((c for c in book.intake.consultations if c.by == by), None)


def named_departments(application, by: str) -> tuple[str, ...]:
    rule = consultation_rule(rulebook_of(application), by)
    return rule.departments if rule else ()


def _check_actor(application, by: str, actor) -> None:
    role = "recommender" if by == ConsultedBy.RECOMMENDER else "office_staff"
    if not acts_as(actor, application, role):
        raise ValidationError(_("You may not do this for this application."), code="not_allowed")


@transaction.atomic
def request_consultations(
    *,
    application,
    by: str,
    departments: list[str],
    actor,
    workdays: int = DEFAULT_CONSULTATION_WORKDAYS,
    requested_on: date | None = None,
) -> list[Consultation]:
    """Ask each of ``departments`` for its written opinion, answer due in ``workdays`` working
    days (office discretion: the regulations set no deadline). Departments already asked and not
    yet answering are skipped; a department outside the rulebook's list is allowed (吉安's list is
    open, "等部门") and recorded as such."""
    _check_actor(application, by, actor)
    book = rulebook_of(application)
    rule = consultation_rule(book, by)
    cleaned = []
    for name in departments:
        name = (name or "").strip()[:100]
        if name and name not in cleaned:
            cleaned.append(name)
    if not cleaned:
        raise ValidationError({"departments": _("Name at least one department to consult.")})
    requested_on = requested_on or today()
    if requested_on > today():
        raise ValidationError({"requested_on": _("The request date cannot be in the future.")})
    due_on = workday_deadline(requested_on, workdays)
    open_ones = set(
        Consultation.objects.filter(
            application=application, by=by, responded_on__isnull=True, department__in=cleaned
        ).values_list("department", flat=True)
    )
    created = []
    for name in cleaned:
        if name in open_ones:
            continue
        created.append(
            Consultation.objects.create(
                application=application,
                by=by,
                unit=application.recommending_unit if by == ConsultedBy.RECOMMENDER else None,
                department=name,
                citation=book.cite(rule.cite if rule else None),
                requested_on=requested_on,
                due_on=due_on,
                due_workdays=workdays,
                due_is_discretionary=True,
                requested_by=actor,
            )
        )
    if not created:
        raise ValidationError(
            {"departments": _("These departments were already asked and have not answered yet.")}
        )
    named = set(rule.departments) if rule else set()
    record(
        actor=actor,
        action="vetting.request_consultations",
        obj=application,
        after={
            "by": by,
            "departments": [c.department for c in created],
            "not_named_by_rulebook": [c.department for c in created if c.department not in named],
            "requested_on": requested_on,
            "due_on": due_on,
            "due_workdays": workdays,
            "deadline": "office_discretion",
        },
        program=application.cycle.program,
    )
    return created


@transaction.atomic
def answer_consultation(
    *, consultation: Consultation, outcome: str, response: str, responded_on: date, actor, response_file=None
) -> Consultation:
    """Record the department's answer (date, opinion, text and optionally the scanned letter)."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _check_actor(consultation.application, consultation.by, actor)
    errors = {}
    if consultation.answered:
        raise ValidationError(_("This consultation has already been answered."))
    if outcome not in ConsultationOutcome.values:
        errors["outcome"] = _("Choose the department's opinion.")
    response = (response or "").strip()
    if outcome == ConsultationOutcome.CONCERNS and not response:
        errors["response"] = _("Summarise the concerns the department raised.")
    if responded_on is None:
        errors["responded_on"] = _("Give the date of the answer.")
    elif responded_on > today() or responded_on < consultation.requested_on:
        errors["responded_on"] = _("The answer date must lie between the request date and today.")
    if errors:
        raise ValidationError(errors)
    consultation.outcome = outcome
    consultation.response = response
    consultation.responded_on = responded_on
    consultation.response_file = response_file
    consultation.recorded_by = actor
    consultation.save()
    record(
        actor=actor,
        action="vetting.answer_consultation",
        obj=consultation.application,
        after={
            "department": consultation.department,
            "by": consultation.by,
            "outcome": outcome,
            "responded_on": responded_on,
            "late": responded_on > consultation.due_on,
            "file": str(response_file.pk) if response_file else "",
        },
        program=consultation.application.cycle.program,
    )
    return consultation


def unanswered(application, by: str) -> list[str]:
    """Departments the rulebook names for ``by`` that have not answered (asked or not), plus any
    other department asked and not answered."""
    rows = list(Consultation.objects.filter(application=application, by=by))
    answered = {c.department for c in rows if c.answered}
    missing = [d for d in named_departments(application, by) if d not in answered]
    missing += [c.department for c in rows if not c.answered and c.department not in missing]
    return missing
