"""Writes about accounts and roles: grant and revoke roles, register applicants and recommenders,
decide recommender registrations, invite appointed people, deactivate accounts.

Each function is atomic and records exactly one audit event. Refusals are ValidationErrors with
messages for the person who asked (keyed by form field where one applies); an actor acting beyond
their rights gets PermissionDenied (views check the same rules first and answer 404).
``actor=None`` means the system itself (a management command such as ``load_demo``).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.accounts.domain import queries
from qaward.accounts.domain.common import (
    as_role,
    assignment_facts,
    check_actor,
    check_assignment,
    check_scope,
    create_account,
    create_assignment,
    record_event,
)

# Invitations live in their own module; re-exported so that every account write is found here.
from qaward.accounts.domain.invitations import (
    accept_invitation,
    invitation_from_token,
    invite_user,
    resend_invitation,
)
from qaward.accounts.models import (
    RecommenderRegistration,
    RegistrationStatus,
    Role,
    RoleAssignment,
)


@transaction.atomic
def grant_role(*, user, role, program, actor, recommending_unit=None) -> RoleAssignment:
    """Give ``user`` the ``role`` in ``program`` (None for platform administrators)."""
    role = as_role(role)
    check_scope(role, program)
    if actor is not None and role not in queries.grantable_roles(actor, program):
        raise PermissionDenied(f"{actor} may not grant {role} in {program}")
    if not user.is_active:
        raise ValidationError(
            _("%(user)s's account is disabled; roles cannot be granted to it.") % {"user": user}
        )
    check_assignment(user=user, role=role, program=program, recommending_unit=recommending_unit)
    assignment = create_assignment(
        user=user, role=role, program=program, recommending_unit=recommending_unit, granted_by=actor
    )
    record_event(
        actor=actor,
        action="accounts.role_granted",
        obj=assignment,
        after=assignment_facts(assignment),
        role=queries.acting_role(actor, program),
        program=program,
    )
    return assignment


@transaction.atomic
def revoke_role(*, assignment: RoleAssignment, actor, reason: str) -> RoleAssignment:
    """End ``assignment``. The row stays: who held which role when is part of the record."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the role is revoked.")})
    # Locked, so two staff revoking at once cannot both write a revocation.
    assignment = RoleAssignment.objects.select_for_update().get(pk=assignment.pk)
    if actor is not None and Role(assignment.role) not in queries.grantable_roles(actor, assignment.program):
        raise PermissionDenied(f"{actor} may not revoke {assignment}")
    if assignment.revoked_at is not None:
        raise ValidationError(_("This role was already revoked."), code="already_revoked")
    if actor is not None and assignment.user_id == actor.pk and assignment.role == Role.PLATFORM_ADMIN:
        raise ValidationError(
            _("You cannot revoke your own platform administrator role; ask another administrator.")
        )
    before = assignment_facts(assignment)
    assignment.revoked_at = timezone.now()
    assignment.revoked_by = actor
    assignment.revoke_reason = reason
    assignment.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    record_event(
        actor=actor,
        action="accounts.role_revoked",
        obj=assignment,
        before=before,
        after=assignment_facts(assignment),
        role=queries.acting_role(actor, assignment.program),
        program=assignment.program,
    )
    return assignment


def _check_open(program) -> None:
    if program is None or not program.active:
        raise ValidationError({"program": _("Choose an award program that is currently run.")})


@transaction.atomic
def register_applicant(*, username, password, full_name, email, phone, program, actor=None):
    """An applicant contact (organisation, individual or team) registers; the account is usable
    at once and holds the applicant role in ``program``."""
    _check_open(program)
    user = create_account(username=username, password=password, full_name=full_name, email=email, phone=phone)
    create_assignment(
        user=user, role=Role.APPLICANT, program=program, recommending_unit=None, granted_by=actor
    )
    record_event(
        actor=actor or user,
        action="accounts.applicant_registered",
        obj=user,
        after={"username": user.username, "full_name": user.full_name, "program": program.slug},
        role=queries.acting_role(actor, program) if actor else Role.APPLICANT,
        program=program,
    )
    return user


@transaction.atomic
def register_recommender(
    *, username, password, full_name, email, phone, recommending_unit, program
) -> RecommenderRegistration:
    """Someone registers as the user of a recommending unit. The account stays inactive until
    office staff of ``program`` approve it (``approve_recommender``)."""
    _check_open(program)
    if recommending_unit is None:
        raise ValidationError({"recommending_unit": _("Choose the recommending unit you act for.")})
    if recommending_unit.program_id != program.pk or not recommending_unit.active:
        raise ValidationError(
            {
                "recommending_unit": _("%(unit)s does not recommend for %(program)s.")
                % {"unit": recommending_unit, "program": program}
            }
        )
    user = create_account(
        username=username, password=password, full_name=full_name, email=email, phone=phone, is_active=False
    )
    registration = RecommenderRegistration.objects.create(
        user=user, program=program, recommending_unit=recommending_unit
    )
    record_event(
        actor=user,
        action="accounts.recommender_registered",
        obj=registration,
        after={
            "username": user.username,
            "full_name": user.full_name,
            "recommending_unit": recommending_unit.name,
            "status": registration.status,
        },
        program=program,
    )
    return registration


def _pending_registration(user, actor) -> RecommenderRegistration:
    registration = (
        RecommenderRegistration.objects.select_for_update()
        .select_related("program", "recommending_unit")
        .filter(user=user)
        .first()
    )
    if registration is None:
        raise ValidationError(_("%(user)s has not registered as a recommender.") % {"user": user})
    # Decided by the office staff of the program the registration is for (a decided one too, so
    # they hear that it was decided rather than that they may not).
    check_actor(actor, "accounts.approve_recommender", registration)
    if registration.status != RegistrationStatus.PENDING:
        raise ValidationError(
            _("This registration was already decided (%(status)s).")
            % {"status": registration.get_status_display()},
            code="already_decided",
        )
    return registration


@transaction.atomic
def approve_recommender(*, user, actor) -> RoleAssignment:
    """Office staff of the program confirm that ``user`` acts for their recommending unit: the
    account becomes active and holds the recommender role for that unit."""
    registration = _pending_registration(user, actor)
    unit = registration.recommending_unit
    if not unit.active:
        raise ValidationError(_("%(unit)s no longer recommends applicants.") % {"unit": unit})
    registration.status = RegistrationStatus.APPROVED
    registration.decided_by = actor
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decided_by", "decided_at"])
    user.is_active = True
    user.save(update_fields=["is_active"])
    assignment = create_assignment(
        user=user,
        role=Role.RECOMMENDER,
        program=registration.program,
        recommending_unit=unit,
        granted_by=actor,
    )
    record_event(
        actor=actor,
        action="accounts.recommender_approved",
        obj=registration,
        before={"status": RegistrationStatus.PENDING, "is_active": False},
        after={"status": registration.status, "is_active": True, "recommending_unit": unit.name},
        role=queries.acting_role(actor, registration.program),
        program=registration.program,
    )
    return assignment


@transaction.atomic
def reject_recommender(*, user, actor, reason: str) -> RecommenderRegistration:
    """Office staff refuse a recommender registration; the account stays inactive."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the registration is rejected; the applicant is told.")})
    registration = _pending_registration(user, actor)
    registration.status = RegistrationStatus.REJECTED
    registration.decided_by = actor
    registration.decided_at = timezone.now()
    registration.reason = reason
    registration.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    record_event(
        actor=actor,
        action="accounts.recommender_rejected",
        obj=registration,
        before={"status": RegistrationStatus.PENDING},
        after={"status": registration.status, "reason": reason},
        role=queries.acting_role(actor, registration.program),
        program=registration.program,
    )
    return registration


@transaction.atomic
def deactivate_user(*, user, actor, reason: str):
    """Disable an account (it keeps its history and roles) and end its sessions at once."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the account is disabled.")})
    check_actor(actor, "accounts.deactivate_user", user)
    if actor is not None and actor.pk == user.pk:
        raise ValidationError(_("You cannot disable your own account."))
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        raise ValidationError(_("This account is already disabled."), code="already_inactive")
    user.is_active = False
    user.save(update_fields=["is_active"])
    try:
        from qaward.accounts.security.sessions import end_sessions_of
    except ImportError:  # login security not installed: Django still refuses inactive users
        end_sessions_of = None
    if end_sessions_of is not None:
        end_sessions_of(user)
    record_event(
        actor=actor,
        action="accounts.user_deactivated",
        obj=user,
        before={"is_active": True},
        after={"is_active": False, "reason": reason},
        role=queries.acting_role(actor),
    )
    return user


__all__ = [
    "accept_invitation",
    "approve_recommender",
    "create_account",
    "deactivate_user",
    "grant_role",
    "invitation_from_token",
    "invite_user",
    "register_applicant",
    "register_recommender",
    "reject_recommender",
    "resend_invitation",
    "revoke_role",
]
