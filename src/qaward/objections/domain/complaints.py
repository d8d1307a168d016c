"""Complaints (举报) about violations in acceptance or review, to the supervisory body
(吉林 第三十八条: 监督分委会; 晋中 第十三条(六): the office). A complainant may stay anonymous."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.accounts.domain.queries import holds_role_in
from qaward.accounts.models import Role
from qaward.audit.domain import record
from qaward.objections.domain.common import new_token, number_for, require_text
from qaward.objections.enums import ComplaintConcern, ComplaintState
from qaward.objections.models import Complaint, ComplaintNote
from qaward.rulebooks import registry


def complaint_route(program) -> tuple[str, str]:
    """(body the complaint goes to, citation) from the program's rulebook."""
    book = registry.get(program.rulebook_id)
    route = book.supervision.complaints_to
    if route is None:
        return _("Supervisors of %(program)s") % {"program": program.name}, book.cite(None)
    return route.body, book.cite(route.cite)


@transaction.atomic
def file_complaint(
    *, program, concerns: str, content: str, reporter_name: str = "", reporter_contact: str = "", at=None
) -> tuple[Complaint, str]:
    content = require_text(content, "content", _("Describe what happened."))
    if concerns not in ComplaintConcern.values:
        raise ValidationError({"concerns": [_("Choose the stage the complaint is about.")]})
    body, citation = complaint_route(program)
    token, hashed = new_token()
    complaint = Complaint.objects.create(
        token_hash=hashed, program=program, addressed_to=body, citation=citation, concerns=concerns,
        content=content, reporter_name=(reporter_name or "").strip(), reporter_contact=(reporter_contact or "").strip(),
        received_at=at or timezone.now(),
    )  # fmt: skip
    complaint.number = number_for("JB", complaint.pk, timezone.localdate(complaint.received_at).year)
    complaint.save(update_fields=["number"])
    record(
        actor=None, action="complaint.file", obj=complaint,
        after={"number": complaint.number, "concerns": concerns, "named": bool(complaint.reporter_name),
               "addressed_to": body},
    )  # fmt: skip
    return complaint, token


def _require_supervisor(actor, complaint) -> None:
    if not holds_role_in(actor, complaint.program, [Role.SUPERVISOR]):
        raise ValidationError(
            _("Only the supervisors of this program handle complaints."), code="not_allowed"
        )


@transaction.atomic
def add_note(*, complaint: Complaint, text: str, actor) -> ComplaintNote:
    _require_supervisor(actor, complaint)
    text = require_text(text, "text", _("Write the note."))
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.state == ComplaintState.CLOSED:
        raise ValidationError(_("The complaint is closed."))
    note = ComplaintNote.objects.create(complaint=complaint, author=actor, text=text)
    before = {"state": complaint.state}
    if complaint.state == ComplaintState.RECEIVED:
        complaint.state = ComplaintState.INVESTIGATING
        complaint.save(update_fields=["state"])
    record(actor=actor, action="complaint.note", obj=complaint, before=before,
           after={"state": complaint.state, "note": note.pk})  # fmt: skip
    return note


@transaction.atomic
def close_complaint(*, complaint: Complaint, outcome: str, actor) -> Complaint:
    _require_supervisor(actor, complaint)
    outcome = require_text(outcome, "outcome", _("Write the outcome of the investigation."))
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.state == ComplaintState.CLOSED:
        raise ValidationError(_("The complaint is closed."))
    before = {"state": complaint.state}
    complaint.state = ComplaintState.CLOSED
    complaint.outcome = outcome
    complaint.closed_at = timezone.now()
    complaint.closed_by = actor
    complaint.save()
    record(actor=actor, action="complaint.close", obj=complaint, before=before,
           after={"state": complaint.state, "outcome": outcome})  # fmt: skip
    return complaint
