"""Reads about who holds which role where."""

from __future__ import annotations

from django.db.models import QuerySet

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
