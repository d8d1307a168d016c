"""Reads about who holds which role where."""

from __future__ import annotations

from django.db.models import Case, QuerySet, Value, When

from qaward.accounts.models import Role, RoleAssignment


def active_roles(user) -> QuerySet[RoleAssignment]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return RoleAssignment.objects.none()
    return RoleAssignment.objects.filter(user=user, revoked_at__isnull=True)


def has_role(user, role: Role | str, program=None) -> bool:
    """True when ``user`` actively holds ``role`` (in ``program``, when given). Platform
    administrators hold their role everywhere."""
    roles = active_roles(user)
    if role != Role.PLATFORM_ADMIN and program is not None:
        roles = roles.filter(program=program)
    return roles.filter(role=role).exists()


def is_platform_admin(user) -> bool:
    return bool(getattr(user, "is_superuser", False) and user.is_active) or has_role(
        user, Role.PLATFORM_ADMIN
    )


def programs_where(user, *roles: Role | str) -> QuerySet:
    from qaward.programs.models import AwardProgram

    ids = active_roles(user).filter(role__in=roles).values("program_id")
    return AwardProgram.objects.filter(id__in=ids)


def holds_role_in(user, program, roles=None) -> bool:
    """True when ``user`` actively holds one of ``roles`` (any role, when None) in ``program``.

    Unlike ``has_role``, a missing program never matches: a check about "this program" must not
    pass for a role held somewhere else.
    """
    if program is None:
        return False
    assignments = active_roles(user).filter(program=program)
    if roles is not None:
        assignments = assignments.filter(role__in=list(roles))
    return assignments.exists()


def holds_role_anywhere(user, roles) -> bool:
    return active_roles(user).filter(role__in=list(roles)).exists()


def programs_visible_to(user) -> QuerySet:
    """Award programs a user works in: all of them for platform administrators, otherwise those
    where the user holds any active role."""
    from qaward.programs.models import AwardProgram

    if is_platform_admin(user):
        return AwardProgram.objects.all()
    return programs_where(user, *Role.values)


def acting_role(user, program=None) -> str:
    """The role under which ``user`` acts on ``program``'s roles and accounts, for the audit log."""
    if user is None:
        return ""
    if is_platform_admin(user):
        return Role.PLATFORM_ADMIN
    if holds_role_in(user, program, [Role.OFFICE_STAFF]):
        return Role.OFFICE_STAFF
    return ""


def grantable_roles(actor, program) -> list[Role]:
    """Roles ``actor`` may grant (and revoke) in ``program`` (None: the platform itself)."""
    from qaward.accounts.models import OFFICE_GRANTABLE_ROLES

    if is_platform_admin(actor):
        if program is None:
            return [Role.PLATFORM_ADMIN]
        return [r for r in Role if r != Role.PLATFORM_ADMIN]
    if holds_role_in(actor, program, [Role.OFFICE_STAFF]):
        return [r for r in Role if r in OFFICE_GRANTABLE_ROLES]
    return []


def invitable_roles(actor, program) -> list[Role]:
    """Roles ``actor`` may invite someone to take up in ``program``."""
    from qaward.accounts.models import INVITABLE_ROLES

    return [r for r in grantable_roles(actor, program) if r in INVITABLE_ROLES]


def assignments_in_program(program, *, include_revoked: bool = False) -> QuerySet[RoleAssignment]:
    assignments = RoleAssignment.objects.filter(program=program).select_related(
        "user", "recommending_unit", "granted_by", "revoked_by"
    )
    if not include_revoked:
        assignments = assignments.filter(revoked_at__isnull=True)
    # In the order the roles are declared (office first), then by name.
    by_role = Case(*(When(role=r, then=Value(i)) for i, r in enumerate(Role.values)), default=Value(99))
    return assignments.order_by(by_role, "user__full_name", "user__username")


def pending_registrations_for(user) -> QuerySet:
    """Recommender registrations waiting for a decision in the programs where ``user`` is office
    staff (the only people who decide them)."""
    from qaward.accounts.models import RecommenderRegistration, RegistrationStatus

    programs = programs_where(user, Role.OFFICE_STAFF)
    return (
        RecommenderRegistration.objects.filter(status=RegistrationStatus.PENDING, program__in=programs)
        .select_related("user", "program", "recommending_unit")
        .order_by("requested_at")
    )


def pending_registration_of(user):
    """The recommender registration of ``user`` still waiting for a decision, or None."""
    from qaward.accounts.models import RecommenderRegistration, RegistrationStatus

    return (
        RecommenderRegistration.objects.filter(user=user, status=RegistrationStatus.PENDING)
        .select_related("program", "recommending_unit")
        .first()
    )


def invitations_of_program(program) -> QuerySet:
    from qaward.accounts.models import Invitation

    return Invitation.objects.filter(program=program).select_related("invited_by", "accepted_user")


def units_open_for_registration(program=None) -> QuerySet:
    """Active recommending units of active programs (of ``program``, when given)."""
    from qaward.programs.models import RecommendingUnit

    units = RecommendingUnit.objects.filter(active=True, program__active=True).select_related("program")
    if program is not None:
        units = units.filter(program=program)
    return units.order_by("program__jurisdiction__code", "program__name", "kind", "region_code", "name")
