"""The program's record of past awards (also awards made before this system existed), read by the
re-application bars. Written by the award office (or the system, e.g. the demo loader); the
award issue's final decision will write here too."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qaward.accounts.domain.queries import holds_role_in
from qaward.accounts.models import Role
from qaward.applications.models import AwardRecord
from qaward.audit.domain import record
from qaward.rulebooks import registry


@transaction.atomic
def record_past_award(
    *, applicant, program, tier: str, awarded_on, actor, cycle_number=None, under: str = "", achievement: str = "",
    note: str = "",
) -> AwardRecord:  # fmt: skip
    if actor is not None and not holds_role_in(actor, program, [Role.OFFICE_STAFF]):
        raise PermissionDenied("only the award office records past awards")
    book = registry.get(program.rulebook_id)
    if not under and tier not in book.tiers:
        raise ValidationError({"tier": _("This award has no such tier.")})
    award = AwardRecord(
        applicant=applicant, program=program, tier=tier, awarded_on=awarded_on, cycle_number=cycle_number,
        under=under, achievement=achievement, note=note, recorded_by=actor,
    )  # fmt: skip
    award.full_clean()
    award.save()
    record(
        actor=actor,
        action="applicant.award_recorded",
        obj=applicant,
        after={
            "tier": tier,
            "awarded_on": awarded_on.isoformat(),
            "cycle_number": cycle_number,
            "under": under,
        },
        program=program,
    )
    return award
