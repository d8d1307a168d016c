"""Writes about the credit record (信誉档案): discipline evaluations (two-way feedback) and
sanctions. The articles come from the program's rulebook, never from code."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.experts.domain.common import acting_role, check_actor, record_event, require_text
from qaward.experts.enums import EvaluationRating, ExpertStatus, SanctionKind
from qaward.experts.models import DisciplineEvaluation, Expert, Sanction


def rulebook_citation(program, field: str) -> str:
    """The full citation of ``supervision.<field>`` in ``program``'s rulebook, or "" when the
    rulebook has no such rule."""
    from qaward.rulebooks import registry

    book = registry.get(program.rulebook_id)
    rule = getattr(book.supervision, field, None)
    return book.cite(rule.cite) if rule is not None and rule.cite else ""


@transaction.atomic
def record_evaluation(
    *, expert: Expert, program, evaluator: str, rating: str, comment: str = "", actor
) -> DisciplineEvaluation:
    """Record an applicant's evaluation of a reviewer's discipline (Jilin 第三十九条)."""
    check_actor(actor, "experts.manage_pool", program)
    if rating not in EvaluationRating.values:
        raise ValidationError({"rating": _("Choose a rating.")})
    evaluator = require_text(evaluator, "evaluator", _("Say who gave the evaluation."))
    if rating == EvaluationRating.POOR and not (comment or "").strip():
        raise ValidationError({"comment": _("Describe the breach of discipline.")})
    row = DisciplineEvaluation.objects.create(
        expert=expert,
        program=program,
        evaluator=evaluator,
        rating=rating,
        comment=(comment or "").strip(),
        article=rulebook_citation(program, "two_way_feedback"),
        recorded_by=actor,
    )
    record_event(
        actor=actor,
        action="experts.evaluation_recorded",
        obj=expert,
        after={"evaluator": evaluator, "rating": rating, "comment": row.comment, "article": row.article},
        role=acting_role(actor, program),
        program=program,
    )
    return row


@transaction.atomic
def impose_sanction(*, expert: Expert, program, kind: str, reason: str, actor) -> Sanction:
    """责令改正 or 取消资格. A disqualification takes the expert out of every panel proposal from
    now on (status disqualified, with the reason and article)."""
    check_actor(actor, "experts.manage_expert", expert)
    if kind not in SanctionKind.values:
        raise ValidationError({"kind": _("Choose the sanction.")})
    reason = require_text(reason, "reason", _("Say what the expert did."))
    article = rulebook_citation(program, "expert_sanctions_rule") or _("office decision")
    sanction = Sanction.objects.create(
        expert=expert, program=program, kind=kind, reason=reason, article=article, decided_by=actor
    )
    before = {"status": expert.status}
    if kind == SanctionKind.DISQUALIFICATION:
        expert = Expert.objects.select_for_update().get(pk=expert.pk)
        expert.status = ExpertStatus.DISQUALIFIED
        expert.status_reason = reason
        expert.status_article = article
        expert.status_changed_at = timezone.now()
        expert.save(update_fields=["status", "status_reason", "status_article", "status_changed_at"])
    record_event(
        actor=actor,
        action="experts.sanction_imposed",
        obj=expert,
        before=before,
        after={"kind": kind, "reason": reason, "article": article, "status": expert.status},
        role=acting_role(actor, program),
        program=program,
    )
    return sanction
