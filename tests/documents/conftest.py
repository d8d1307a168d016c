"""Fixtures for the file tests: a private storage in a temporary directory, two award programs,
and one person for each relation a user can have to a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from qaward.accounts.models import Role, RoleAssignment, User
from qaward.programs.enums import JurisdictionLevel
from qaward.programs.models import AwardProgram, Jurisdiction


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path) -> Path:
    """Every test stores into its own directory, with no virus scanner configured."""
    root = tmp_path / "private"
    settings.QAWARD_PRIVATE_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "qaward.documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": root, "base_url": None},
        },
    }
    settings.QAWARD_CLAMD_SOCKET = ""
    settings.QAWARD_CLAMD_TCP = ""
    settings.QAWARD_CLAMD_REQUIRED = False
    return root


def files_on_disk(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _program(code: str, name: str, slug: str, rulebook_id: str) -> AwardProgram:
    jurisdiction = Jurisdiction.objects.create(code=code, name=name, level=JurisdictionLevel.PROVINCE)
    return AwardProgram.objects.create(
        jurisdiction=jurisdiction,
        name=f"{name}质量奖",
        slug=slug,
        rulebook_id=rulebook_id,
        office_name=f"{name}质量奖评审委员会办公室",
    )


@pytest.fixture
def program(db) -> AwardProgram:
    return _program("220000", "吉林省", "jilin", "jilin-2023")


@pytest.fixture
def other_program(db) -> AwardProgram:
    return _program("650000", "新疆维吾尔自治区", "xinjiang", "xinjiang-2020")


def _user(username: str, *roles: tuple[Role, AwardProgram | None]) -> User:
    user = User.objects.create_user(username=username, password="x", full_name=username)
    for role, program in roles:
        RoleAssignment.objects.create(user=user, role=role, program=program)
    return user


@pytest.fixture
def applicant(program) -> User:
    return _user("applicant", (Role.APPLICANT, program))


@pytest.fixture
def other_applicant(program) -> User:
    return _user("other_applicant", (Role.APPLICANT, program))


@pytest.fixture
def office_staff(program) -> User:
    return _user("office", (Role.OFFICE_STAFF, program))


@pytest.fixture
def foreign_office_staff(other_program) -> User:
    return _user("office_elsewhere", (Role.OFFICE_STAFF, other_program))


@pytest.fixture
def platform_admin(db) -> User:
    return _user("platform", (Role.PLATFORM_ADMIN, None))


@pytest.fixture
def expert(program) -> User:
    return _user("expert", (Role.EXPERT, program))


@pytest.fixture
def stranger(db) -> User:
    return _user("stranger")
