"""Who may see and change the expert pool, conflicts and panels (``rules`` predicates).

Objects: a program (pool pages), an ``Expert`` (profile pages), later conflicts, panels and
panel members. An expert belongs to the pools of one or more programs; the office staff of
those programs manage the expert, nobody else's office sees the profile at all (404).
"""

from __future__ import annotations

import rules

from qaward.accounts.domain.queries import active_roles, holds_role_anywhere, is_platform_admin
from qaward.accounts.models import Role
from qaward.accounts.rules import is_office_staff_of, is_signed_in, is_supervisor_of
from qaward.experts.models import Expert


def _pool_programs_where(user, roles) -> set[int]:
    return set(active_roles(user).filter(role__in=list(roles)).values_list("program_id", flat=True))


def expert_in_programs(expert: Expert, program_ids: set[int]) -> bool:
    if not program_ids:
        return False
    return expert.memberships.filter(program_id__in=program_ids, ended_at__isnull=True).exists()


@rules.predicate
def is_office_staff_of_expert(user, expert) -> bool:
    """Office staff of a program whose pool holds the expert."""
    if not isinstance(expert, Expert):
        return False
    return expert_in_programs(expert, _pool_programs_where(user, [Role.OFFICE_STAFF]))


@rules.predicate
def is_supervisor_of_expert(user, expert) -> bool:
    if not isinstance(expert, Expert):
        return False
    return expert_in_programs(expert, _pool_programs_where(user, [Role.SUPERVISOR]))


@rules.predicate
def is_the_expert(user, expert) -> bool:
    return (
        isinstance(expert, Expert)
        and getattr(user, "is_authenticated", False)
        and expert.user_id is not None
        and expert.user_id == user.pk
    )


@rules.predicate
def has_expert_profile(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and Expert.objects.filter(user=user).exists()


@rules.predicate
def works_on_a_pool(user) -> bool:
    return holds_role_anywhere(user, [Role.OFFICE_STAFF, Role.SUPERVISOR])


@rules.predicate
def is_admin(user) -> bool:
    return is_platform_admin(user)


@rules.predicate
def is_the_members_expert(user, member) -> bool:
    return member is not None and is_the_expert(user, member.expert)


@rules.predicate
def is_seated_on_panel(user, panel) -> bool:
    from qaward.experts.models import PanelMember
    from qaward.experts.models.panels import SEATED

    return (
        panel is not None
        and getattr(user, "is_authenticated", False)
        and PanelMember.objects.filter(panel=panel, expert__user=user, status__in=SEATED).exists()
    )


@rules.predicate
def is_applicant_contact(user, application) -> bool:
    return (
        application is not None
        and getattr(user, "is_authenticated", False)
        and application.applicant.contacts.filter(pk=user.pk).exists()
    )


@rules.predicate
def expert_may_see_application(user, application) -> bool:
    from qaward.experts.domain.queries import expert_may_see_application as may_see

    return may_see(user, application)


# Pool pages of one program.
rules.add_perm("experts.view_pool", is_signed_in & (is_office_staff_of | is_supervisor_of))
rules.add_perm("experts.manage_pool", is_signed_in & is_office_staff_of)
# One expert.
rules.add_perm(
    "experts.view_expert",
    is_signed_in & (is_office_staff_of_expert | is_supervisor_of_expert | is_the_expert),
)
rules.add_perm("experts.manage_expert", is_signed_in & is_office_staff_of_expert)
rules.add_perm("experts.declare_relationship", is_signed_in & (is_office_staff_of_expert | is_the_expert))
# Navigation (no object): the pool list for the office and supervisors, "my panels" for experts.
rules.add_perm("experts.browse_pools", is_signed_in & works_on_a_pool)
rules.add_perm("experts.view_own_work", is_signed_in & has_expert_profile)
# Agencies: the office records the entrustment; appointing office staff is the platform's.
rules.add_perm("experts.manage_agencies", is_signed_in & is_office_staff_of)
rules.add_perm("experts.appoint_agency_staff", is_signed_in & is_admin)
# Conflicts (object: a program or a conflict) and panels (a program, cycle, panel or member).
rules.add_perm("experts.view_conflicts", is_signed_in & (is_office_staff_of | is_supervisor_of))
rules.add_perm("experts.manage_conflicts", is_signed_in & is_office_staff_of)
rules.add_perm("experts.view_panels", is_signed_in & (is_office_staff_of | is_supervisor_of))
rules.add_perm("experts.build_panels", is_signed_in & is_office_staff_of)
rules.add_perm("experts.view_panel_as_member", is_signed_in & is_seated_on_panel)
rules.add_perm("experts.respond", is_signed_in & is_the_members_expert)
rules.add_perm("experts.declare", is_signed_in & is_the_members_expert)
# An applicant asks that a named expert withdraw (object: the application).
rules.add_perm("experts.request_recusal", is_signed_in & is_applicant_contact)
# An expert's access to an application, its files, scores and discussion (object: the
# application). Other apps (documents, reviews) ask this permission, never the tables.
rules.add_perm("experts.review_application", is_signed_in & expert_may_see_application)
