"""Written receipts, notices and results of an objection (PDF, kept as stored files).

Letters to the applicant objected to and to the recommending unit never name the objector
(吉林 第三十七条(七)); only the objector's own letters are addressed to them, and even there the
addressee kept beside the letter is the label "异议人", not the name.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from qaward.audit.domain import record
from qaward.documents.pdf import render_official_letter, store_generated_pdf
from qaward.objections.domain.common import CONFIDENTIAL, book_of
from qaward.objections.enums import LetterKind, ObjectorKind, Outcome
from qaward.objections.models import Objection, ObjectionLetter

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
    if kind in (LetterKind.RECEIPT, LetterKind.NOT_ADMITTED, LetterKind.RESULT_OBJECTOR):
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
    context = {
        "issuer": program.office_name,
        "addressee": printed_to,
        "date": timezone.localdate(),
        "objection": objection,
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
    printed_to, kept_to = _addressee(objection, kind)
    title = TITLES[kind]
    template = TEMPLATES.get(kind, "objections/pdf/result.html")
    data = render_official_letter(
        template=template, context=_context(objection, kind, printed_to), title=title
    )
    stored = store_generated_pdf(
        data=data, name=f"{objection.number}-{kind}", slot=LETTER_SLOT, program=objection.program,
        owner=objection, actor=actor,
    )  # fmt: skip
    letter = ObjectionLetter.objects.create(
        objection=objection, kind=kind, addressee=kept_to, file=stored, issued_by=actor
    )
    record(
        actor=actor,
        action="objection.letter",
        obj=objection,
        after={"kind": kind, "to": kept_to, "file": str(stored.pk)},
    )
    return letter


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
