"""Receiving an objection: online from the public portal, or on paper entered by the office.

Online, an objection that breaks a rule of the rulebook (late, anonymous, identity incomplete,
no evidence) is refused at once with the article, and nothing but the audited refusal is kept.
A paper objection is already in the office's hands: it is kept, and one that breaks a rule is
recorded as not admitted with the rule that decided, judged on its date of receipt.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.audit.domain import record
from qaward.documents.domain.uploads import store_upload
from qaward.objections.admissibility import Filing, admissibility_due, check_admissibility
from qaward.objections.domain.common import (
    CONFIDENTIAL,
    book_of,
    due_or_none,
    new_token,
    number_for,
    refuse_all,
    require_office,
    require_text,
    work_calendar,
)
from qaward.objections.enums import Channel, ObjectionState, ObjectorKind
from qaward.objections.models import Objection
from qaward.privacy.models import PersonIdentity
from qaward.privacy.validators import normalise_resident_id

PHONE_RE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")
# Form fields of the rule fields (the form has one "name" field for a person or a unit).
FIELD_MAP = {"unit_name": "name"}


@dataclass
class Objector:
    """Who objects, as given on the form or on the paper letter."""

    kind: str
    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    id_proof: object = None  # an uploaded file
    sealed_letter: object = None

    def cleaned(self) -> Objector:
        errors: dict[str, list[str]] = {}
        if self.kind not in ObjectorKind.values:
            errors["kind"] = [_("Say whether you object as an individual or as a unit.")]
        number = (self.id_number or "").strip()
        if number and self.kind == ObjectorKind.INDIVIDUAL:
            try:
                number = normalise_resident_id(number)
            except ValidationError as error:
                errors["id_number"] = error.messages
        phone = (self.phone or "").strip()
        if phone and not PHONE_RE.match(phone):
            errors["phone"] = [_("Give a phone number of digits only, e.g. 13800000000 or 0431-88888888.")]
        if errors:
            raise ValidationError(errors)
        return Objector(
            kind=self.kind,
            name=(self.name or "").strip(),
            id_number=number if self.kind == ObjectorKind.INDIVIDUAL else "",
            phone=phone,
            address=(self.address or "").strip(),
            id_proof=self.id_proof if self.kind == ObjectorKind.INDIVIDUAL else None,
            sealed_letter=self.sealed_letter if self.kind == ObjectorKind.UNIT else None,
        )

    def provided(self) -> frozenset[str]:
        if self.kind == ObjectorKind.ANONYMOUS:
            return frozenset()
        given = {
            "name" if self.kind == ObjectorKind.INDIVIDUAL else "unit_name": self.name,
            "id_number": self.id_number,
            "phone": self.phone,
            "address": self.address,
            "id_proof": self.id_proof,
            "sealed_letter": self.sealed_letter,
        }
        return frozenset(key for key, value in given.items() if value)


@dataclass
class Filed:
    objection: Objection
    token: str  # shown once to the objector with the receipt number; only its hash is kept
    refusals: list = field(default_factory=list)


def _filing(entry, objector: Objector, evidence, *, received_on, received_at) -> Filing:
    window = entry.window
    return Filing(
        rule_window_id=window.rule_window_id,
        window_ends_on=window.ends_on,
        received_on=received_on,
        objector_kind=objector.kind,
        provided=objector.provided(),
        evidence_count=len(evidence),
        received_at=received_at,
        window_closes_at=window.closes_at if received_at is not None else None,
    )


def file_objection(
    *, entry, objector: Objector, grounds: str, evidence=(), consent: bool = False, at=None
) -> Filed:
    """An objection filed by a member of the public on the portal, judged at the moment it arrives."""
    now = at or timezone.now()
    grounds = require_text(grounds, "grounds", _("Write the grounds of your objection."))
    objector = objector.cleaned()
    evidence = [f for f in evidence if f]
    window = entry.window
    if now < window.opens_at:
        raise ValidationError(
            _("This publicity has not started yet; objections can be filed once it is published.")
        )
    book = book_of(window.cycle)
    received_on = timezone.localdate(now)
    result = check_admissibility(
        book, _filing(entry, objector, evidence, received_on=received_on, received_at=now)
    )
    if not result.admissible:
        refuse_all(
            actor=None,
            refusals=result.refusals,
            action="objection.file",
            program=window.program,
            obj=entry.application,
            field_map=FIELD_MAP,
        )
    return _store(
        entry=entry, objector=objector, grounds=grounds, evidence=evidence, consent=consent,
        channel=Channel.ONLINE, received_at=now, received_on=received_on, actor=None, book=book,
    )  # fmt: skip


def enter_paper_objection(
    *,
    entry,
    actor,
    received_on: dt.date,
    objector: Objector,
    grounds: str,
    evidence=(),
    consent: bool = False,
) -> Filed:
    """A paper objection the office received on ``received_on``; admissibility by rule is judged
    on that date. One that breaks a rule is kept as not admitted, with the rule and article."""
    program = entry.window.program
    require_office(actor, program)
    grounds = require_text(grounds, "grounds", _("Enter the grounds as written in the letter."))
    if received_on is None or received_on > timezone.localdate():
        raise ValidationError(
            {"received_on": [_("Give the date the letter was received (not in the future).")]}
        )
    objector = objector.cleaned()
    evidence = [f for f in evidence if f]
    book = book_of(entry.window.cycle)
    result = check_admissibility(
        book, _filing(entry, objector, evidence, received_on=received_on, received_at=None)
    )
    return _store(
        entry=entry, objector=objector, grounds=grounds, evidence=evidence, consent=consent,
        channel=Channel.PAPER, received_at=timezone.now(), received_on=received_on, actor=actor, book=book,
        refusals=list(result.refusals),
    )  # fmt: skip


@transaction.atomic
def _store(*, entry, objector, grounds, evidence, consent, channel, received_at, received_on, actor, book,
           refusals=()) -> Filed:  # fmt: skip
    window = entry.window
    program = window.program
    token, hashed = new_token()
    person = None
    if objector.kind == ObjectorKind.INDIVIDUAL and objector.id_number:
        # Not privacy.domain.record_person_identity: its audit event names the person, and an
        # objector's name must not reach the audit log (吉林 第三十七条(七)).
        person = PersonIdentity(name=objector.name, id_number=objector.id_number, phone=objector.phone)
        person.full_clean()
        person.save()
    due = due_or_none(lambda: admissibility_due(book, received_on, work_calendar()))
    objection = Objection.objects.create(
        token_hash=hashed,
        program=program,
        window=window,
        entry=entry,
        application=entry.application,
        channel=channel,
        received_at=received_at,
        received_on=received_on,
        entered_by=actor,
        objector_kind=objector.kind,
        objector_person=person,
        objector_name="" if person else objector.name,
        objector_phone="" if person else objector.phone,
        objector_address=objector.address,
        disclosure_consent=bool(consent),
        disclosure_consent_at=received_at if consent else None,
        disclosure_consent_note=_("Given when filing") if consent else "",
        grounds=grounds,
        admissibility_due=due,
    )
    objection.number = number_for("YY", objection.pk, received_on.year)
    objection.save(update_fields=["number"])
    files = [(f, "evidence", False) for f in evidence]
    if objector.id_proof:
        files.append((objector.id_proof, "id_proof", True))
    if objector.sealed_letter:
        files.append((objector.sealed_letter, "sealed_letter", True))
    for upload, slot, hide_name in files:
        try:
            # Identity documents are stored like trade secrets: their names (often the person's
            # name) stay out of the audit log, and every download is recorded.
            store_upload(
                uploaded_file=upload, slot=slot, actor=actor, program=program, owner=objection,
                trade_secret=hide_name, public=actor is None,
            )  # fmt: skip
        except ValidationError as error:
            raise ValidationError({slot: error.messages}) from None
    record(
        actor=actor,
        action="objection.file" if channel == Channel.ONLINE else "objection.enter_paper",
        obj=objection,
        after={
            "number": objection.number,
            "application": entry.application.reference,
            "window": window.pk,
            "channel": channel,
            "objector": CONFIDENTIAL,
            "objector_kind": objector.kind,
            "received_on": received_on.isoformat(),
            "evidence_files": len(evidence),
            "admissibility_due": due.isoformat() if due else None,
        },
        program=program,
    )
    if refusals:
        first = refusals[0].verdict
        objection.state = ObjectionState.NOT_ADMITTED
        objection.admissibility_decided_at = timezone.now()
        objection.admissibility_reason = "\n".join(r.verdict.message for r in refusals)
        objection.refusal_rule = first.rule_id
        objection.refusal_citation = first.citation
        objection.save()
        record(
            actor=actor,
            action="objection.not_admitted",
            obj=objection,
            before={"state": ObjectionState.RECEIVED},
            after={"state": objection.state, "reasons": [r.verdict.message for r in refusals]},
            verdict=first,
            program=program,
        )
    return Filed(objection=objection, token=token, refusals=list(refusals))
