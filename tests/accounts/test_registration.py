"""Registration of applicants and recommenders, and the office's decision on recommenders: the
domain functions and the pages that call them."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from permissions.world import PASSWORD, build_world
from qaward.accounts.domain import queries
from qaward.accounts.domain.roles import (
    approve_recommender,
    register_applicant,
    register_recommender,
    reject_recommender,
)
from qaward.accounts.models import RecommenderRegistration, RegistrationStatus, Role
from qaward.audit.models import AuditEvent

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

User = get_user_model()


@pytest.fixture
def world():
    return build_world()


def applicant_data(program, **overrides):
    data = {
        "username": "lihua",
        "password": "Quality-Award-2026",
        "full_name": "李华",
        "email": "lihua@example.cn",
        "phone": "13912345678",
        "program": program,
    }
    return {**data, **overrides}


# --- Domain ------------------------------------------------------------------------------------


def test_an_applicant_contact_is_active_at_once_with_the_applicant_role(world):
    user = register_applicant(**applicant_data(world.p.program))
    assert user.is_active and user.check_password("Quality-Award-2026")
    assert (user.full_name, user.email, user.phone) == ("李华", "lihua@example.cn", "13912345678")
    assert queries.has_role(user, Role.APPLICANT, world.p.program)
    assert not queries.has_role(user, Role.APPLICANT, world.q.program)
    [event] = AuditEvent.objects.filter(action="accounts.applicant_registered")
    assert (event.actor, event.program, event.object_id) == (user, world.p.program, str(user.pk))


def test_registration_refusals_are_per_field_and_in_chinese(world):
    with pytest.raises(ValidationError) as refused:
        register_applicant(
            **applicant_data(world.p.program, username="jilin_expert", password="abc", email="", phone="12")
        )
    errors = refused.value.message_dict
    assert errors["username"] == ["该用户名已被使用，请换一个。"]
    assert errors["email"] == ["请填写电子邮箱，评委办将通过它与您联系。"]
    assert errors["phone"] == [
        "请填写手机号码（11位，如 13912345678）或带区号的固定电话（如 0431-88886666）。"
    ]
    assert errors["password"]  # the site's password policy (its messages are the policy's own)
    assert all("\u4e00" <= message[0] <= "\u9fff" for message in errors["password"])
    assert not User.objects.filter(username="lihua").exists()


def test_usernames_differ_in_more_than_case(world):
    register_applicant(**applicant_data(world.p.program))
    with pytest.raises(ValidationError) as refused:
        register_applicant(**applicant_data(world.p.program, username="LiHua", email="other@example.cn"))
    assert "username" in refused.value.message_dict


def test_an_inactive_program_takes_no_registrations(world):
    world.p.program.active = False
    world.p.program.save()
    with pytest.raises(ValidationError) as refused:
        register_applicant(**applicant_data(world.p.program))
    assert "program" in refused.value.message_dict


def test_a_recommender_waits_inactive_for_the_office(world):
    registration = register_recommender(
        **applicant_data(world.p.program, username="zhang_rec"), recommending_unit=world.p.unit
    )
    user = registration.user
    assert user.is_active is False
    assert registration.status == RegistrationStatus.PENDING
    assert not queries.active_roles(user).exists()
    assert User.objects.get(pk=user.pk).check_password("Quality-Award-2026")
    [event] = AuditEvent.objects.filter(
        action="accounts.recommender_registered", object_id=str(registration.pk)
    )
    assert event.after["recommending_unit"] == "长春市市场监督管理局"


def test_a_recommender_picks_a_unit_of_the_chosen_program(world):
    with pytest.raises(ValidationError) as refused:
        register_recommender(**applicant_data(world.p.program), recommending_unit=world.q.unit)
    assert "recommending_unit" in refused.value.message_dict
    assert not User.objects.filter(username="lihua").exists()


def test_office_staff_of_the_program_approve(world):
    office = world.p.holders[Role.OFFICE_STAFF]
    assignment = approve_recommender(user=world.p.pending, actor=office)
    pending = User.objects.get(pk=world.p.pending.pk)
    assert pending.is_active
    assert (assignment.role, assignment.program, assignment.recommending_unit, assignment.granted_by) == (
        Role.RECOMMENDER,
        world.p.program,
        world.p.unit,
        office,
    )
    registration = RecommenderRegistration.objects.get(user=pending)
    assert (registration.status, registration.decided_by) == (RegistrationStatus.APPROVED, office)
    [event] = AuditEvent.objects.filter(action="accounts.recommender_approved")
    assert (event.actor, event.role, event.program) == (office, Role.OFFICE_STAFF, world.p.program)
    with pytest.raises(ValidationError):  # decided once
        approve_recommender(user=pending, actor=office)


@pytest.mark.parametrize(
    "who",
    ["other_office", "admin", "supervisor", "committee", "recommender"],
)
def test_nobody_else_approves(world, who):
    actor = {
        "other_office": world.q.holders[Role.OFFICE_STAFF],
        "admin": world.admin,
        "supervisor": world.p.holders[Role.SUPERVISOR],
        "committee": world.p.holders[Role.COMMITTEE],
        "recommender": world.p.holders[Role.RECOMMENDER],
    }[who]
    with pytest.raises(PermissionDenied):
        approve_recommender(user=world.p.pending, actor=actor)
    with pytest.raises(PermissionDenied):
        reject_recommender(user=world.p.pending, actor=actor, reason="不认识")
    assert User.objects.get(pk=world.p.pending.pk).is_active is False
    assert RecommenderRegistration.objects.get(user=world.p.pending).status == RegistrationStatus.PENDING


def test_rejection_needs_a_reason_and_keeps_the_account_closed(world):
    office = world.p.holders[Role.OFFICE_STAFF]
    with pytest.raises(ValidationError):
        reject_recommender(user=world.p.pending, actor=office, reason="")
    registration = reject_recommender(user=world.p.pending, actor=office, reason="该同志不在推荐单位任职")
    assert (registration.status, registration.reason) == (
        RegistrationStatus.REJECTED,
        "该同志不在推荐单位任职",
    )
    assert User.objects.get(pk=world.p.pending.pk).is_active is False
    assert AuditEvent.objects.filter(action="accounts.recommender_rejected").count() == 1


# --- Pages -------------------------------------------------------------------------------------


def form_data(program, **overrides):
    data = applicant_data(program, **overrides)
    data["program"] = program.pk
    data["password_confirm"] = data["password"]
    return data


def test_the_applicant_page_registers_and_the_account_logs_in(client, world):
    page = client.get(reverse("roles:register_applicant")).content.decode()
    assert "申报单位（个人）联系人注册" in page
    assert world.p.name in page and world.q.name in page  # public: every program running
    response = client.post(reverse("roles:register_applicant"), form_data(world.p.program))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert client.login(username="lihua", password="Quality-Award-2026")
    home = client.get("/").content.decode()
    assert 'data-program="jilin"' in home and world.q.name not in home


def test_the_applicant_page_shows_field_errors_in_chinese(client, world):
    data = form_data(world.p.program, password="Quality-Award-2026")
    data["password_confirm"] = "Something-Else-2026"
    page = client.post(reverse("roles:register_applicant"), data).content.decode()
    assert "两次输入的密码不一致。" in page
    data = form_data(world.p.program, username="jilin_expert")
    page = client.post(reverse("roles:register_applicant"), data).content.decode()
    assert "该用户名已被使用，请换一个。" in page
    assert 'class="form-control is-invalid"' in page
    assert not User.objects.filter(email="lihua@example.cn").exists()


def test_the_recommender_page_registers_an_inactive_account_that_cannot_log_in(client, world):
    page = client.get(reverse("roles:register_recommender")).content.decode()
    assert "推荐单位用户注册" in page and world.p.unit.name in page
    data = {**form_data(world.p.program, username="zhang_rec"), "recommending_unit": world.p.unit.pk}
    response = client.post(reverse("roles:register_recommender"), data, follow=True)
    assert "吉林省质量奖评审委员会办公室" in response.content.decode()  # told who decides
    user = User.objects.get(username="zhang_rec")
    assert user.is_active is False
    assert not client.login(username="zhang_rec", password="Quality-Award-2026")


def test_the_recommender_page_refuses_a_unit_of_another_program(client, world):
    data = {**form_data(world.p.program), "recommending_unit": world.q.unit.pk}
    response = client.post(reverse("roles:register_recommender"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "请从所选奖项的推荐单位中选择。" in page
    # Re-shown with the chosen program's units only.
    assert world.p.unit.name in page and world.q.unit.name not in page
    assert not User.objects.filter(username="lihua").exists()


def test_the_unit_list_follows_the_chosen_program(client, world):
    url = reverse("roles:recommender_units")
    fragment = client.get(url, {"program": world.q.program.pk}).content.decode()
    assert world.q.unit.name in fragment and world.p.unit.name not in fragment
    assert world.p.unit.name not in client.get(url, {"program": "x"}).content.decode()


def test_office_staff_approve_on_the_page_and_the_recommender_logs_in(client, world):
    office = world.p.holders[Role.OFFICE_STAFF]
    client.force_login(office)
    page = client.get(reverse("roles:pending_recommenders")).content.decode()
    assert "周明远" in page and "韩雪梅" not in page
    home = client.get("/").content.decode()
    assert "1 个推荐单位用户注册申请待您审核。" in home
    response = client.post(reverse("roles:approve_recommender", args=[world.p.pending.pk]))
    assert response.status_code == 302
    client.logout()
    assert client.login(username=world.p.pending.username, password=PASSWORD)


def test_office_staff_of_another_program_get_404_and_change_nothing(client, world):
    client.force_login(world.q.holders[Role.OFFICE_STAFF])
    assert client.post(reverse("roles:approve_recommender", args=[world.p.pending.pk])).status_code == 404
    assert client.get(reverse("roles:reject_recommender", args=[world.p.pending.pk])).status_code == 404
    response = client.post(reverse("roles:reject_recommender", args=[world.p.pending.pk]), {"reason": "x"})
    assert response.status_code == 404
    assert RecommenderRegistration.objects.get(user=world.p.pending).status == RegistrationStatus.PENDING


def test_rejecting_on_the_page(client, world):
    client.force_login(world.p.holders[Role.OFFICE_STAFF])
    url = reverse("roles:reject_recommender", args=[world.p.pending.pk])
    assert "周明远" in client.get(url).content.decode()
    page = client.post(url, {"reason": ""}).content.decode()
    assert "这个字段是必填项。" in page
    response = client.post(url, {"reason": "经核实不在该单位任职"})
    assert response.status_code == 302
    assert RecommenderRegistration.objects.get(user=world.p.pending).reason == "经核实不在该单位任职"
    # Decided: the registrant is no longer anyone's to decide on.
    assert client.get(url).status_code == 404
