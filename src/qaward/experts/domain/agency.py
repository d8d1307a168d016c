"""Writes about third-party agencies entrusted with the award work (Jinzhong 第十三条(二)(四)).

Agency staff receive the ordinary program-scoped ``office_staff`` role through
``accounts.domain.roles.grant_role`` — roles are already limited to one program, so nothing new
is needed in accounts. Appointing office staff stays with the platform administrator (an office
cannot enlarge itself); the office records the entrustment itself.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qaward.accounts.domain.roles import grant_role, revoke_role
from qaward.accounts.models import Role
from qaward.experts.domain.common import acting_role, check_actor, clean_uscc, record_event, require_text
from qaward.experts.models import Agency, AgencyStaff


def entrustment_rule(program):
    """(allowed, citation) from the program's rulebook (``entrustment_allowed``)."""
    from qaward.rulebooks import registry

    book = registry.get(program.rulebook_id)
    flag = book.entrustment_allowed
    if flag is None:
        return False, book.cite(None)
    return bool(flag.value), book.cite(flag.cite)


@transaction.atomic
def entrust_agency(
    *, program, name: str, uscc: str, scope: str, entrusted_from, actor, entrusted_until=None
) -> Agency:
    check_actor(actor, "experts.manage_pool", program)
    allowed, citation = entrustment_rule(program)
    if not allowed:
        raise ValidationError(
            _("This award's regulation does not provide for entrusting a third-party agency (%(cite)s).")
            % {"cite": citation}
        )
    name = require_text(name, "name", _("Enter the agency's name."))
    uscc = require_text(clean_uscc(uscc, "uscc"), "uscc", _("Enter the agency's credit code."))
    scope = require_text(scope, "scope", _("Describe the entrusted work."))
    if entrusted_from is None:
        raise ValidationError({"entrusted_from": _("Enter when the entrustment starts.")})
    if entrusted_until and entrusted_until < entrusted_from:
        raise ValidationError({"entrusted_until": _("The entrustment cannot end before it starts.")})
    agency = Agency.objects.create(
        program=program,
        name=name,
        uscc=uscc,
        scope=scope,
        article=citation,
        entrusted_from=entrusted_from,
        entrusted_until=entrusted_until,
        created_by=actor,
    )
    record_event(
        actor=actor,
        action="experts.agency_entrusted",
        obj=agency,
        after={"name": name, "uscc": uscc, "scope": scope, "from": entrusted_from, "until": entrusted_until},
        verdict={"rule_id": "entrustment_allowed", "citation": citation, "rulebook": program.rulebook_id},
        role=acting_role(actor, program),
        program=program,
    )
    return agency


@transaction.atomic
def appoint_agency_staff(*, agency: Agency, user, actor) -> AgencyStaff:
    """Give ``user`` the office role in the agency's program only (platform administrators)."""
    if agency.ended_at is not None:
        raise ValidationError(_("This entrustment has ended."))
    assignment = grant_role(user=user, role=Role.OFFICE_STAFF, program=agency.program, actor=actor)
    staff = AgencyStaff.objects.create(agency=agency, role_assignment=assignment)
    record_event(
        actor=actor,
        action="experts.agency_staff_appointed",
        obj=agency,
        after={"user": user.get_username(), "role_assignment": assignment.pk},
        role=acting_role(actor, agency.program),
        program=agency.program,
    )
    return staff


@transaction.atomic
def end_entrustment(*, agency: Agency, reason: str, actor) -> Agency:
    """End the entrustment and revoke every agency staff member's office role with it."""
    check_actor(actor, "experts.manage_pool", agency.program)
    reason = require_text(reason, "reason", _("Say why the entrustment ends."))
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if agency.ended_at is not None:
        return agency
    for staff in agency.staff.select_related("role_assignment"):
        if staff.role_assignment.revoked_at is None:
            revoke_role(assignment=staff.role_assignment, actor=None, reason=reason)
    agency.ended_at = timezone.now()
    agency.save(update_fields=["ended_at"])
    record_event(
        actor=actor,
        action="experts.agency_entrustment_ended",
        obj=agency,
        after={"reason": reason},
        role=acting_role(actor, agency.program),
        program=agency.program,
    )
    return agency
