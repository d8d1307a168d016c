"""Starting an application from the applicant pages: the contact's checks around
``drafts.start_application``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from qaward.accounts.domain.queries import holds_role_in
from qaward.accounts.models import Role
from qaward.applications.domain.drafts import start_application
from qaward.applications.domain.profiles import is_applicant_contact
from qaward.applications.domain.today import local_today
from qaward.programs.enums import CycleStatus
from qaward.rulebooks import registry


def begin_application(*, cycle, applicant, tier: str, actor, track: str = ""):
    """A draft in an open cycle, by a contact of ``applicant`` holding the applicant role in the
    cycle's program. The rule checks (eligibility, bans, deadlines) run at submission."""
    if not holds_role_in(actor, cycle.program, [Role.APPLICANT]) or not is_applicant_contact(
        actor, applicant
    ):
        raise PermissionDenied("not an applicant contact in this program")
    today = local_today()
    if cycle.status != CycleStatus.OPEN or not (cycle.call_opens <= today <= cycle.call_closes):
        raise ValidationError({"cycle": _("This cycle is not open for applications.")})
    book_kind = registry.get(cycle.rulebook_id).applicant_kinds.get(applicant.kind)
    if book_kind is not None and len(book_kind.tracks) > 1 and not track:
        raise ValidationError({"track": _("Choose the category you apply in.")})
    return start_application(cycle=cycle, applicant=applicant, tier=tier, track=track, actor=actor)
