"""Permissions about accounts, roles and the staff pages, as ``rules`` predicates over role facts.

A predicate receives the user and the object the request is about. ``program_of`` finds the
award program an object belongs to; a check that needs a program and finds none fails closed.
Permission names used by views: ``qaward.use_site``, ``qaward.view_staff_pages``,
``accounts.view_own_account``, ``accounts.manage_roles`` (program), ``accounts.revoke_role``
(role assignment), ``accounts.review_recommenders``, ``accounts.approve_recommender`` (the
registering user, a registration or a program) and ``accounts.invite`` (program or invitation).
"""

from __future__ import annotations

import rules

from qaward.accounts.domain import queries
from qaward.accounts.models import OFFICE_GRANTABLE_ROLES, STAFF_PAGE_ROLES, Role, RoleAssignment, User


def program_of(obj):
    """The award program ``obj`` belongs to, or None.

    Programs are themselves; a user is looked at through their pending recommender registration
    (the only question asked about a user as an object is whether to approve it); everything else
    carries a ``program`` attribute (role assignments, invitations, registrations, units, cycles).
    """
    from qaward.programs.models import AwardProgram

    if obj is None:
        return None
    if isinstance(obj, AwardProgram):
        return obj
    if isinstance(obj, User):
        registration = queries.pending_registration_of(obj)
        return registration.program if registration is not None else None
    return getattr(obj, "program", None)


@rules.predicate
def is_platform_admin(user) -> bool:
    return queries.is_platform_admin(user)


def _holds_in_program_of(*roles: Role):
    def check(user, obj) -> bool:
        return queries.holds_role_in(user, program_of(obj), roles)

    return check


is_office_staff_of = rules.predicate(_holds_in_program_of(Role.OFFICE_STAFF), name="is_office_staff_of")
is_supervisor_of = rules.predicate(_holds_in_program_of(Role.SUPERVISOR), name="is_supervisor_of")
is_committee_of = rules.predicate(_holds_in_program_of(Role.COMMITTEE), name="is_committee_of")


@rules.predicate
def holds_role_in_program(user, obj) -> bool:
    """Any active role in the object's program."""
    return queries.holds_role_in(user, program_of(obj), None)


@rules.predicate
def is_recommender_of_unit(user, unit) -> bool:
    """An active recommender acting for this very recommending unit."""
    if unit is None:
        return False
    return queries.active_roles(user).filter(role=Role.RECOMMENDER, recommending_unit=unit).exists()


@rules.predicate
def is_office_staff_anywhere(user) -> bool:
    return queries.holds_role_anywhere(user, [Role.OFFICE_STAFF])


@rules.predicate
def has_staff_page_role(user) -> bool:
    return queries.holds_role_anywhere(user, STAFF_PAGE_ROLES)


@rules.predicate
def is_office_granted_assignment(user, assignment) -> bool:
    """The assignment is one the office of its program grants (not office staff or admins)."""
    return isinstance(assignment, RoleAssignment) and assignment.role in OFFICE_GRANTABLE_ROLES


is_signed_in = rules.is_authenticated & rules.is_active

rules.add_perm("qaward.use_site", is_signed_in)
rules.add_perm("qaward.view_staff_pages", is_signed_in & (is_platform_admin | has_staff_page_role))
rules.add_perm("accounts.view_own_account", is_signed_in)
rules.add_perm("accounts.manage_roles", is_platform_admin | is_office_staff_of)
rules.add_perm(
    "accounts.revoke_role", is_platform_admin | (is_office_staff_of & is_office_granted_assignment)
)
rules.add_perm("accounts.review_recommenders", is_office_staff_anywhere)
# Deciding whether someone speaks for a recommending unit is the office's call (its program's
# office staff), not the platform administrator's.
rules.add_perm("accounts.approve_recommender", is_office_staff_of)
rules.add_perm("accounts.invite", is_platform_admin | is_office_staff_of)
rules.add_perm("accounts.deactivate_user", is_platform_admin)
rules.add_perm("accounts.list_users", is_platform_admin)
