"""Written receipts, notices and results of an objection (PDF, kept as stored files).

Letters to the applicant objected to and to the recommending unit never name the objector
(吉林 第三十七条(七)); only the objector's own letters are addressed to them, and even there the
addressee kept beside the letter is the label "异议人", not the name.

Record first, render after commit: ``issue_letter`` keeps the letter row (addressee, template and
the complete context, without the objector's name, which stays encrypted on the objection) and
its audit event; the PDF is rendered and linked once the decision commits, or by
``render_letter`` on first download should that not have happened.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from qaward.audit.domain import record
from qaward.documents.pdf import (
    context_from_json,
    context_to_json,
    render_official_letter,
    render_once,
    store_generated_pdf,
)
from qaward.objections.domain.common import CONFIDENTIAL, book_of
from qaward.objections.enums import LetterKind, ObjectorKind, Outcome
from qaward.objections.models import Objection, ObjectionLetter

logger = logging.getLogger(__name__)

LETTER_SLOT = "official_letter"
OBJECTOR_ADDRESSEE = "异议人"

TITLES = {
    LetterKind.RECEIPT: "异议受理凭证",
    LetterKind.NOT_ADMITTED: "异议不予受理通知书",
    LetterKind.RESULT_OBJECTOR: "异议处理结果告知书",
    LetterKind.RESULT_SUBJECT: "异议处理结果通报",
    LetterKind.RESULT_RECOMMENDER: "异议处理结果通报",
}
TEMPLATES = {
    LetterKind.RECEIPT: "objections/pdf/receipt.html",
    LetterKind.NOT_ADMITTED: "objections/pdf/not_admitted.html",
}
RESULT_KINDS = (LetterKind.RESULT_OBJECTOR, LetterKind.RESULT_SUBJECT, LetterKind.RESULT_RECOMMENDER)
TO_OBJECTOR = (LetterKind.RECEIPT, LetterKind.NOT_ADMITTED, LetterKind.RESULT_OBJECTOR)
OUTCOME_TEXT = {
    Outcome.UPHELD: "经调查，异议成立。",
    Outcome.NOT_UPHELD: "经调查，异议不成立。",
    Outcome.RECOMMENDER_MISSED: "推荐单位未在规定时间内提交调查、核实报告。",
}


def objector_name(objection: Objection) -> str:
    if objection.objector_person_id:
        return objection.objector_person.name
    return objection.objector_name


def _addressee(objection: Objection, kind: str) -> tuple[str, str]:
    """(name printed on the letter, addressee kept beside it)."""
    if kind in TO_OBJECTOR:
        return objector_name(objection) or OBJECTOR_ADDRESSEE, OBJECTOR_ADDRESSEE
    if kind == LetterKind.RESULT_SUBJECT:
        name = objection.application.applicant.name
        return name, name
    unit = objection.application.recommending_unit
    return unit.name, unit.name


def _context(objection: Objection, kind: str, printed_to: str) -> dict:
    book = book_of(objection.window.cycle)
    rules = book.objections
    program = objection.program
    subject = objection.entry.public_fields.get("name") or objection.application.applicant.name
    # Plain facts, not the model: the context is kept as JSON and rendered later.
    facts = {
        "number": objection.number,
        "received_on": objection.received_on,
        "application": {"reference": objection.application.reference},
    }
    context = {
        "issuer": program.office_name,
        "addressee": printed_to,
        "date": timezone.localdate(),
        "objection": facts,
        "subject_name": subject,
        "window_title": objection.window.title,
        "office_name": program.office_name,
        "objector_label": CONFIDENTIAL,
    }
    if kind == LetterKind.RECEIPT:
        context["citation"] = book.cite((rules.written_receipt or rules.admissibility_review).cite)
    elif kind == LetterKind.NOT_ADMITTED:
        context["reasons"] = [line for line in objection.admissibility_reason.splitlines() if line.strip()]
        context["citation"] = objection.refusal_citation or book.cite(rules.admissibility_review.cite)
    else:
        rule = {
            Outcome.UPHELD: rules.upheld_consequence,
            Outcome.NOT_UPHELD: rules.not_upheld_continues,
            Outcome.RECOMMENDER_MISSED: rules.recommender_verification,
        }[objection.outcome]
        context.update(
            to_objector=kind == LetterKind.RESULT_OBJECTOR,
            outcome_text=OUTCOME_TEXT[objection.outcome],
            findings=[line for line in objection.outcome_reason.splitlines() if line.strip()],
            consequence=(
                f"取消{subject}本届评选资格。"
                if objection.outcome != Outcome.NOT_UPHELD
                else "申报者继续参加评审。"
            ),
            citation=book.cite((rule or rules).cite),
        )
    return context


@transaction.atomic
def issue_letter(*, objection: Objection, kind: str, actor) -> ObjectionLetter:
    """Record the letter (``actor`` None: issued by the system); its PDF is rendered once the
    decision commits (the returned letter's ``file`` is set then)."""
    printed_to, kept_to = _addressee(objection, kind)
    context = _context(objection, kind, printed_to)
    if kind in TO_OBJECTOR:
        # The name is printed at rendering time from the objection's encrypted fields.
        context["addressee"] = OBJECTOR_ADDRESSEE
    letter = ObjectionLetter.objects.create(
        objection=objection, kind=kind, addressee=kept_to, issued_by=actor,
        template=TEMPLATES.get(kind, "objections/pdf/result.html"), context=context_to_json(context),
    )  # fmt: skip
    record(
        actor=actor,
        action="objection.letter",
        obj=objection,
        after={"kind": kind, "to": kept_to, "letter": letter.pk},
    )
    transaction.on_commit(lambda: render_after_commit(letter))
    return letter


def render_letter(letter: ObjectionLetter):
    """The letter's PDF as a ``StoredFile``: rendered from the letter row and linked to it the
    first time, the linked file every later time (``documents.pdf.render_once``: idempotent and
    race-safe). The file's actor is the letter's issuer (None for the system), whoever
    triggered it."""
    return render_once(letter, _render)


def _render(letter: ObjectionLetter):
    if not letter.template:
        raise ValueError(f"objection letter {letter.pk} has no PDF and nothing to render it from")
    objection = letter.objection
    context = context_from_json(letter.context)
    if letter.kind in TO_OBJECTOR:
        context["addressee"] = _addressee(objection, letter.kind)[0]
    data = render_official_letter(template=letter.template, context=context, title=TITLES[letter.kind])
    stored = store_generated_pdf(
        data=data, name=f"{objection.number}-{letter.kind}", slot=LETTER_SLOT, program=objection.program,
        owner=objection, actor=letter.issued_by,
    )  # fmt: skip
    record(
        actor=letter.issued_by,
        action="objection.render_letter",
        obj=objection,
        after={"kind": letter.kind, "letter": letter.pk, "file": str(stored.pk), "sha256": stored.sha256},
    )
    return stored


def render_after_commit(letter: ObjectionLetter) -> None:
    # After commit: a rendering failure must not undo the decision; the letter is rendered on
    # first download instead.
    try:
        render_letter(letter)
    except Exception:
        logger.exception(
            "could not render objection letter %s; it will be rendered when downloaded", letter.pk
        )


def issue_result_letters(*, objection: Objection, actor) -> list[ObjectionLetter]:
    """The written result to the objector, the applicant objected to and the recommending unit
    (吉林 第三十七条(六), 塔城 第二十六条); an anonymous objector has no address and gets none."""
    kinds = []
    if objection.objector_kind != ObjectorKind.ANONYMOUS:
        kinds.append(LetterKind.RESULT_OBJECTOR)
    kinds.append(LetterKind.RESULT_SUBJECT)
    if objection.application.recommending_unit_id:
        kinds.append(LetterKind.RESULT_RECOMMENDER)
    issued = set(objection.letters.values_list("kind", flat=True))
    return [issue_letter(objection=objection, kind=kind, actor=actor) for kind in kinds if kind not in issued]
