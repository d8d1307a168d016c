"""The demo accounts hold their roles, the demo has recommending units and a registration waiting,
and the login page lists the new accounts."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from qaward.accounts.domain import queries
from qaward.accounts.models import RecommenderRegistration, RegistrationStatus, Role, RoleAssignment
from qaward.programs.models import AwardProgram, RecommendingUnit
from qaward.staff.demo_accounts import DEMO_ACCOUNTS, DEMO_PENDING_REGISTRATIONS

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

User = get_user_model()


def test_every_demo_account_holds_its_role_in_its_program(demo):
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(username=account.username)
        program = AwardProgram.objects.get(name=account.program_name) if account.program_name else None
        assert queries.has_role(user, account.role_code, program), account.username
        assert queries.active_roles(user).count() == 1, account.username
    admin = User.objects.get(username="admin")
    assert queries.is_platform_admin(admin)
    office = User.objects.get(username="changchun_staff")
    assert list(queries.programs_where(office, Role.OFFICE_STAFF).values_list("slug", flat=True)) == [
        "changchun"
    ]


def test_the_demo_recommender_acts_for_the_changchun_bureau_in_jilin(demo):
    assignment = RoleAssignment.objects.get(user__username="jilin_recommender")
    assert (assignment.program.slug, assignment.recommending_unit.name) == ("jilin", "长春市市场监督管理局")
    assert assignment.recommending_unit.region_code == "220100"
    assert RecommendingUnit.objects.filter(program__slug="changchun").count() >= 3


def test_a_registration_waits_for_the_jilin_office(demo):
    [demo_registration] = DEMO_PENDING_REGISTRATIONS
    registration = RecommenderRegistration.objects.get(user__username=demo_registration.username)
    assert registration.status == RegistrationStatus.PENDING and registration.program.slug == "jilin"
    assert registration.user.is_active is False


def test_running_twice_grants_nothing_twice(demo, load_demo):
    before = list(RoleAssignment.objects.values_list("id", "user_id", "role", "program_id", "revoked_at"))
    output = load_demo()
    assert "nothing changed" in output
    assert (
        list(RoleAssignment.objects.values_list("id", "user_id", "role", "program_id", "revoked_at"))
        == before
    )


def test_the_login_page_lists_the_new_demo_accounts(client, demo, settings):
    settings.QAWARD_DEMO = True
    page = client.get(reverse("login")).content.decode()
    for username, label in [
        ("jilin_recommender", "推荐单位用户"),
        ("jilin_applicant", "申报联系人"),
        ("jilin_expert", "评审专家"),
        ("jilin_supervisor", "监督人员"),
    ]:
        assert f'data-demo-account="{username}"' in page
        assert label in page
    assert "长春市市场监督管理局" in page and "长春北辰精密机械有限公司" in page
    assert "申报单位（个人）联系人注册" in page  # the way in for people without an account


@pytest.mark.parametrize(
    ("username", "sees_rulebooks"),
    [("jilin_staff", True), ("jilin_supervisor", True), ("jilin_expert", False), ("jilin_applicant", False)],
)
def test_demo_accounts_see_their_program_and_only_the_pages_for_them(client, demo, username, sees_rulebooks):
    account = next(a for a in DEMO_ACCOUNTS if a.username == username)
    assert client.login(username=account.username, password=account.password)
    home = client.get("/").content.decode()
    assert 'data-program="jilin"' in home and 'data-program="changchun"' not in home
    assert (client.get(reverse("staff:rulebooks")).status_code == 200) is sees_rulebooks
    assert ('href="/rulebooks/"' in home) is sees_rulebooks
