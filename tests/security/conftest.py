"""Fixtures for the login-security tests: users with and without privileged roles, TOTP codes,
and the switches that test runs leave off elsewhere (MFA enforcement, django-axes)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from qaward.accounts.models import Role, RoleAssignment
from qaward.programs.models import AwardProgram, Jurisdiction

from .helpers import PASSWORD


@pytest.fixture
def mfa_on(settings):
    settings.QAWARD_MFA_ENFORCED = True


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def program(db) -> AwardProgram:
    jurisdiction = Jurisdiction.objects.create(code="220000", name="吉林省", level="province")
    return AwardProgram.objects.create(
        jurisdiction=jurisdiction,
        name="吉林省质量奖",
        slug="jilin",
        rulebook_id="jilin-2023",
        rulebook_version=1,
        office_name="吉林省质量奖评审委员会办公室",
    )


@pytest.fixture
def make_user(db):
    def make(username: str, *, role: Role | None = None, program=None, **fields):
        user = get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)
        if role is not None:
            RoleAssignment.objects.create(user=user, role=role, program=program)
        return user

    return make


@pytest.fixture
def office_staff(make_user, program):
    return make_user("wang_office", role=Role.OFFICE_STAFF, program=program, email="wang@example.gov.cn")


@pytest.fixture
def applicant(make_user, program):
    return make_user("li_applicant", role=Role.APPLICANT, program=program)
