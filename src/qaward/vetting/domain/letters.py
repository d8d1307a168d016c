"""The non-acceptance letter (不予受理通知书): numbered, rendered as a 公文 PDF citing the rule,
kept as a StoredFile owned by the application, and sent to the applicant's contacts by email
once the decision is committed. The applicant's application page lists it (``letters_for``).

Record first, render after commit: the decision's transaction keeps the letter row (number,
addressee, template and the complete context) and its audit event; the PDF (a fraction of a
second of WeasyPrint) is rendered and linked after commit, then the email goes out. Should that
not happen (a failed hook, a test that never commits), ``render_letter`` renders it on first
download, so a letter is never missing.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from qaward.audit.domain import record
from qaward.documents.pdf import (
    context_from_json,
    context_to_json,
    format_doc_no,
    render_official_letter,
    render_once,
    store_generated_pdf,
)
from qaward.vetting.domain.base import rulebook_of, today
from qaward.vetting.models import IssuedLetter, LetterSequence

logger = logging.getLogger(__name__)

LETTER_SLOT = "official_letter"


def default_letter_code(program) -> str:
    """机关代字 when the office has set none: a province's first character or a city's
    (prefecture's) first two, + 质奖办函 (吉林省 → 吉质奖办函, 吉安市 → 吉安质奖办函)."""
    place = program.jurisdiction
    short = place.name[:1] if place.level == "province" else place.name[:2]
    return f"{short}质奖办函"


def next_doc_no(program, year: int) -> str:
    """The next 发文字号 of ``program`` in ``year``; call inside the transaction issuing the letter
    (the sequence row is locked until it commits, so numbers never repeat or skip)."""
    sequence, _created = LetterSequence.objects.select_for_update().get_or_create(
        program=program, year=year, defaults={"code": default_letter_code(program)}
    )
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return format_doc_no(sequence.code, year, sequence.last_number)


def _contacts_with_email(application) -> list[str]:
    return sorted({u.email for u in application.applicant.contacts.all() if u.is_active and u.email})


NON_ACCEPTANCE_TEMPLATE = "documents/pdf/non_acceptance.html"


@transaction.atomic
def issue_non_acceptance_letter(*, application, reason: str, actor) -> IssuedLetter:
    """Number and record the letter; its PDF is rendered once the decision commits (the returned
    letter's ``file`` is set then) and the contacts are emailed after that."""
    book = rulebook_of(application)
    rule = book.intake.formal_review
    program = application.cycle.program
    day = today()
    doc_no = next_doc_no(program, day.year)
    title = f"关于{program.name}申报不予受理的通知"
    context = {
        "issuer": program.office_name or program.name,
        "doc_no": doc_no,
        "addressee": application.applicant.name,
        "you": "你" if application.kind == "individual" else "你单位",
        "award_name": program.name,
        "cycle_label": f"（{application.cycle.label}）",
        "reference": application.reference,
        "reason_paragraphs": [p.strip() for p in reason.splitlines() if p.strip()],
        "citation": book.cite(rule.cite),
        "office_name": program.office_name or program.name,
        "date": day,
    }
    recipients = _contacts_with_email(application)
    letter = IssuedLetter.objects.create(
        application=application, kind=IssuedLetter.KIND_NON_ACCEPTANCE, doc_no=doc_no, title=title,
        addressee=application.applicant.name, template=NON_ACCEPTANCE_TEMPLATE,
        context=context_to_json(context), issued_by=actor, emailed_to=recipients,
    )  # fmt: skip
    record(
        actor=actor, action="vetting.issue_letter", obj=application,
        after={"doc_no": doc_no, "kind": letter.kind, "letter": letter.pk, "emailed_to": len(recipients)},
        program=program,
    )  # fmt: skip
    # Callbacks run in the order registered: the PDF exists before the email mentioning it goes.
    transaction.on_commit(lambda: render_after_commit(letter))
    if recipients:
        subject = f"【{program.name}】{title}（{doc_no}）"
        body = (
            f"{application.applicant.name}：\n\n"
            f"你报送的{program.name}申报（申报编号：{application.reference}）经形式审查未被列入受理名单。\n"
            f"不予受理的理由：\n{reason}\n\n"
            f"依据：{book.cite(rule.cite)}。\n"
            "《不予受理通知书》已存入申报系统，请登录后在本申报页面查看和下载。\n\n"
            f"{program.office_name or program.name}"
        )
        transaction.on_commit(lambda: _send(subject, body, recipients, application.reference))
    return letter


def render_letter(letter: IssuedLetter):
    """The letter's PDF as a ``StoredFile``: rendered from the letter row and linked to it the
    first time, the linked file every later time (``documents.pdf.render_once``: idempotent and
    race-safe). The file's actor is the letter's issuer, whoever triggered the rendering."""
    return render_once(letter, _render)


def _render(letter: IssuedLetter):
    if not letter.template:
        raise ValueError(f"letter {letter.doc_no} has no PDF and nothing to render it from")
    application = letter.application
    program = application.cycle.program
    data = render_official_letter(
        template=letter.template, context=context_from_json(letter.context), title=letter.title
    )
    stored = store_generated_pdf(
        data=data, name=f"不予受理通知书-{application.reference}", slot=LETTER_SLOT, program=program,
        owner=application, actor=letter.issued_by,
    )  # fmt: skip
    record(
        actor=letter.issued_by, action="vetting.render_letter", obj=application,
        after={"doc_no": letter.doc_no, "letter": letter.pk, "file": str(stored.pk), "sha256": stored.sha256},
        program=program,
    )  # fmt: skip
    return stored


def render_after_commit(letter: IssuedLetter) -> None:
    # After commit: a rendering failure must not undo the decision, nor stop the email; the
    # letter is rendered on first download instead.
    try:
        render_letter(letter)
    except Exception:
        logger.exception(
            "could not render letter %s; it will be rendered when first downloaded", letter.doc_no
        )


def _send(subject: str, body: str, recipients: list[str], reference: str) -> None:
    # After commit: a mail failure must not undo the decision; the letter is in the system anyway.
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:
        logger.exception("could not email the non-acceptance letter of %s", reference)
