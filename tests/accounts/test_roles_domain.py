"""Granting, revoking and deactivating: refusals, one audit event per write, nothing deleted."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from permissions.world import build_world
from qaward.accounts.domain import queries
from qaward.accounts.domain.roles import deactivate_user, grant_role, revoke_role
from qaward.accounts.models import Role, RoleAssignment
from qaward.audit.models import AuditEvent
from qaward.programs.models import RecommendingUnit

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def newcomer(db):
    return get_user_model().objects.create_user("newcomer", password="Newcomer-Pass-2026", full_name="新同事")


def events(action: str):
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def test_office_staff_grant_a_role_in_their_program_with_one_audit_event(world, newcomer):
    office = world.p.holders[Role.OFFICE_STAFF]
    assignment = grant_role(user=newcomer, role=Role.EXPERT, program=world.p.program, actor=office)
    assert (assignment.user, assignment.role, assignment.program, assignment.granted_by) == (
        newcomer,
        Role.EXPERT,
        world.p.program,
        office,
    )
    assert queries.has_role(newcomer, Role.EXPERT, world.p.program)
    assert not queries.has_role(newcomer, Role.EXPERT, world.q.program)
    [event] = events("accounts.role_granted")
    assert (event.actor, event.role, event.program, event.object_id) == (
        office,
        Role.OFFICE_STAFF,
        world.p.program,
        str(assignment.pk),
    )
    assert event.after["user"] == "newcomer" and event.after["role"] == "expert"


def test_granting_office_staff_without_a_program_is_refused_in_chinese(world, newcomer):
    with pytest.raises(ValidationError) as refused:
        grant_role(user=newcomer, role=Role.OFFICE_STAFF, program=None, actor=world.admin)
    assert refused.value.message_dict["program"] == ["请选择“评委办工作人员”角色所属的奖项。"]
    assert not RoleAssignment.objects.filter(user=newcomer).exists()
    assert events("accounts.role_granted") == []


def test_platform_admin_role_takes_no_program(world, newcomer):
    with pytest.raises(ValidationError) as refused:
        grant_role(user=newcomer, role=Role.PLATFORM_ADMIN, program=world.p.program, actor=world.admin)
    assert "program" in refused.value.message_dict
    grant_role(user=newcomer, role=Role.PLATFORM_ADMIN, program=None, actor=world.admin)
    assert queries.is_platform_admin(newcomer)


def test_granting_a_role_twice_is_refused(world, newcomer):
    office = world.p.holders[Role.OFFICE_STAFF]
    grant_role(user=newcomer, role=Role.COMMITTEE, program=world.p.program, actor=office)
    with pytest.raises(ValidationError) as refused:
        grant_role(user=newcomer, role=Role.COMMITTEE, program=world.p.program, actor=office)
    assert refused.value.messages == ["新同事已在吉林省质量奖担任“评委会委员”角色。"]
    # The same role in another program is another assignment.
    grant_role(
        user=newcomer, role=Role.COMMITTEE, program=world.q.program, actor=world.q.holders[Role.OFFICE_STAFF]
    )
    assert RoleAssignment.objects.filter(user=newcomer, role=Role.COMMITTEE).count() == 2


def test_office_staff_cannot_grant_office_or_admin_roles_nor_in_another_program(world, newcomer):
    office = world.p.holders[Role.OFFICE_STAFF]
    for role, program in [
        (Role.OFFICE_STAFF, world.p.program),
        (Role.PLATFORM_ADMIN, None),
        (Role.EXPERT, world.q.program),
    ]:
        with pytest.raises(PermissionDenied):
            grant_role(user=newcomer, role=role, program=program, actor=office)
    for holder in [world.p.holders[Role.SUPERVISOR], world.p.holders[Role.EXPERT], world.nobody]:
        with pytest.raises(PermissionDenied):
            grant_role(user=newcomer, role=Role.EXPERT, program=world.p.program, actor=holder)
    assert not RoleAssignment.objects.filter(user=newcomer).exists()
    # The platform administrator appoints office staff.
    grant_role(user=newcomer, role=Role.OFFICE_STAFF, program=world.p.program, actor=world.admin)
    assert queries.holds_role_in(newcomer, world.p.program, [Role.OFFICE_STAFF])


def test_a_recommender_needs_a_unit_of_the_same_program(world, newcomer):
    office = world.p.holders[Role.OFFICE_STAFF]
    with pytest.raises(ValidationError) as refused:
        grant_role(user=newcomer, role=Role.RECOMMENDER, program=world.p.program, actor=office)
    assert "recommending_unit" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        grant_role(
            user=newcomer,
            role=Role.RECOMMENDER,
            program=world.p.program,
            actor=office,
            recommending_unit=world.q.unit,
        )
    assert refused.value.message_dict["recommending_unit"] == [
        "榆次区市场监督管理局不负责吉林省质量奖的推荐。"
    ]
    with pytest.raises(ValidationError):
        grant_role(
            user=newcomer,
            role=Role.EXPERT,
            program=world.p.program,
            actor=office,
            recommending_unit=world.p.unit,
        )
    assignment = grant_role(
        user=newcomer,
        role=Role.RECOMMENDER,
        program=world.p.program,
        actor=office,
        recommending_unit=world.p.unit,
    )
    assert assignment.recommending_unit == world.p.unit


def test_the_database_refuses_a_recommender_without_a_unit_and_a_unit_on_another_role(world, newcomer):
    for role, unit in [(Role.RECOMMENDER, None), (Role.EXPERT, world.p.unit)]:
        with pytest.raises(IntegrityError), transaction.atomic():
            RoleAssignment.objects.create(
                user=newcomer, role=role, program=world.p.program, recommending_unit=unit
            )


def test_an_inactive_unit_takes_no_new_recommenders(world, newcomer):
    RecommendingUnit.objects.filter(pk=world.p.unit.pk).update(active=False)
    world.p.unit.refresh_from_db()
    with pytest.raises(ValidationError):
        grant_role(
            user=newcomer,
            role=Role.RECOMMENDER,
            program=world.p.program,
            actor=world.p.holders[Role.OFFICE_STAFF],
            recommending_unit=world.p.unit,
        )


def test_revoking_keeps_the_row_and_records_who_and_why(world):
    office = world.p.holders[Role.OFFICE_STAFF]
    expert = world.p.holders[Role.EXPERT]
    assignment = RoleAssignment.objects.get(user=expert, program=world.p.program)
    revoke_role(assignment=assignment, actor=office, reason="本届评审已结束")
    assignment.refresh_from_db()
    assert assignment.revoked_at is not None
    assert (assignment.revoked_by, assignment.revoke_reason) == (office, "本届评审已结束")
    assert not queries.has_role(expert, Role.EXPERT, world.p.program)
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()
    [event] = events("accounts.role_revoked")
    assert event.before["revoked_at"] is None and event.after["revoke_reason"] == "本届评审已结束"
    # Granted again later: a new row, the old one stays as history.
    grant_role(user=expert, role=Role.EXPERT, program=world.p.program, actor=office)
    assert RoleAssignment.objects.filter(user=expert, role=Role.EXPERT).count() == 2


def test_revoking_needs_a_reason_and_happens_once(world):
    office = world.p.holders[Role.OFFICE_STAFF]
    assignment = RoleAssignment.objects.get(user=world.p.holders[Role.EXPERT], program=world.p.program)
    with pytest.raises(ValidationError) as refused:
        revoke_role(assignment=assignment, actor=office, reason="  ")
    assert refused.value.message_dict["reason"] == ["请说明撤销该角色的原因。"]
    revoke_role(assignment=assignment, actor=office, reason="调离")
    with pytest.raises(ValidationError):
        revoke_role(assignment=assignment, actor=office, reason="再次撤销")
    assert len(events("accounts.role_revoked")) == 1


def test_office_staff_cannot_revoke_office_staff_or_in_another_program(world):
    office = world.p.holders[Role.OFFICE_STAFF]
    colleague = RoleAssignment.objects.create(
        user=world.nobody, role=Role.OFFICE_STAFF, program=world.p.program
    )
    other_expert = RoleAssignment.objects.get(user=world.q.holders[Role.EXPERT])
    for assignment in [colleague, other_expert]:
        with pytest.raises(PermissionDenied):
            revoke_role(assignment=assignment, actor=office, reason="试图越权")
        assignment.refresh_from_db()
        assert assignment.revoked_at is None


def test_an_administrator_cannot_revoke_their_own_admin_role(world):
    own = RoleAssignment.objects.get(user=world.admin, role=Role.PLATFORM_ADMIN)
    with pytest.raises(ValidationError):
        revoke_role(assignment=own, actor=world.admin, reason="误操作")


def test_deactivating_an_account_ends_its_sessions_and_is_audited(world, client):
    expert = world.p.holders[Role.EXPERT]
    client.force_login(expert)
    assert client.get("/").status_code == 200
    deactivate_user(user=expert, actor=world.admin, reason="离职")
    expert.refresh_from_db()
    assert expert.is_active is False
    assert client.get("/").status_code == 302  # signed out
    # Roles stay on record; an inactive account simply holds none while disabled.
    assert RoleAssignment.objects.filter(user=expert, revoked_at__isnull=True).exists()
    assert not queries.active_roles(expert).exists()
    [event] = events("accounts.user_deactivated")
    assert event.after == {"is_active": False, "reason": "离职"}


def test_only_platform_admins_deactivate_and_not_themselves(world):
    with pytest.raises(PermissionDenied):
        deactivate_user(
            user=world.p.holders[Role.EXPERT], actor=world.p.holders[Role.OFFICE_STAFF], reason="x"
        )
    with pytest.raises(ValidationError):
        deactivate_user(user=world.admin, actor=world.admin, reason="x")
    assert events("accounts.user_deactivated") == []


def test_grantable_and_invitable_roles(world):
    office = world.p.holders[Role.OFFICE_STAFF]
    assert set(queries.grantable_roles(office, world.p.program)) == {
        Role.COMMITTEE,
        Role.SUPERVISOR,
        Role.RECOMMENDER,
        Role.APPLICANT,
        Role.EXPERT,
        Role.PANEL_LEADER,
    }
    assert queries.grantable_roles(office, world.q.program) == []
    assert set(queries.invitable_roles(office, world.p.program)) == {
        Role.COMMITTEE,
        Role.SUPERVISOR,
        Role.EXPERT,
        Role.PANEL_LEADER,
    }
    assert Role.OFFICE_STAFF in queries.invitable_roles(world.admin, world.p.program)
    assert queries.grantable_roles(world.admin, None) == [Role.PLATFORM_ADMIN]
