"""Programs, people and viewers for the privacy tests."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from qaward.accounts.models import Role, RoleAssignment, User
from qaward.programs.enums import JurisdictionLevel
from qaward.programs.models import AwardProgram, Jurisdiction

# Valid numbers (GB 11643 check computed in tests/identifiers/test_resident_id.py).
ID_NUMBER = "11010519491231002X"
OTHER_ID_NUMBER = "220102199003071235"
PHONE = "13812345678"


def make_program(code: str, name: str, slug: str) -> AwardProgram:
    jurisdiction = Jurisdiction.objects.create(code=code, name=name[:3], level=JurisdictionLevel.PROVINCE)
    return AwardProgram.objects.create(
        jurisdiction=jurisdiction,
        name=name,
        slug=slug,
        rulebook_id="jilin-2023",
        rulebook_version=1,
        office_name=f"{name}评审委员会办公室",
    )


@pytest.fixture
def program(db) -> AwardProgram:
    return make_program("220000", "吉林省质量奖", "jilin")


@pytest.fixture
def other_program(db) -> AwardProgram:
    return make_program("210000", "辽宁省质量奖", "liaoning")


@pytest.fixture
def make_user(db):
    def make(username: str, role: Role | None = None, program: AwardProgram | None = None, **extra) -> User:
        user = User.objects.create_user(username=username, password="Correct-Horse-9-battery", **extra)
        if role is not None:
            RoleAssignment.objects.create(user=user, role=role, program=program)
        return user

    return make


@pytest.fixture
def fernet_keys() -> tuple[str, str]:
    """Two fresh keys: (old, new)."""
    return Fernet.generate_key().decode(), Fernet.generate_key().decode()
