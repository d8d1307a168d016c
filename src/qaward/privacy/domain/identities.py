"""Recording a person's identity (validated, encrypted, audited with masked values only)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from qaward.identifiers import mask_phone, mask_resident_id
from qaward.privacy.models import PersonIdentity
from qaward.privacy.validators import normalise_resident_id


@transaction.atomic
def record_person_identity(
    *, actor, name: str, id_number: str, phone: str = "", holder=None, program=None, request=None
) -> PersonIdentity:
    """Store a person's name, ID number and phone. The ID number is validated (GB 11643) and
    normalised; a ``ValidationError`` keyed by field says what is wrong.

    The audit event holds masked values only: the audit log is append-only and kept for years,
    so a full number written there could never be removed.
    """
    from qaward.audit.domain import record

    try:
        id_number = normalise_resident_id(id_number)
    except ValidationError as error:
        raise ValidationError({"id_number": error.error_list}) from None
    person = PersonIdentity(holder=holder, name=name.strip(), id_number=id_number, phone=phone.strip())
    person.full_clean()
    person.save()
    record(
        actor=actor,
        action="privacy.person_identity_recorded",
        obj=person,
        after={
            "name": person.name,
            "id_number": mask_resident_id(person.id_number),
            "phone": mask_phone(person.phone),
            "holder": person.holder_id,
        },
        program=program,
        request=request,
    )
    return person
