"""Fixtures for the audit tests: two award programs, people holding roles in them, and helpers
to lift the append-only triggers (to tamper on purpose) and to record events."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import connection, transaction

from qaward.accounts.models import Role, RoleAssignment, User
from qaward.audit.domain import record
from qaward.audit.triggers import SQLITE_INSTALL, SQLITE_REMOVE, TABLE, TRIGGER_NAMES
from qaward.programs.models import AwardProgram, Cycle, Jurisdiction

PASSWORD = "Quartz-Meadow-8841"


@contextmanager
def triggers_lifted():
    """Disable (PostgreSQL) or drop (SQLite) the append-only triggers, then put them back."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ALTER TABLE waits for no queued (deferred) foreign-key checks on the table: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for name in TRIGGER_NAMES:
                cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {name}")
        else:
            for statement in SQLITE_REMOVE:
                cursor.execute(statement)
        try:
            yield cursor
        finally:
            if connection.vendor == "postgresql":
                for name in TRIGGER_NAMES:
                    cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {name}")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            else:
                for statement in SQLITE_INSTALL:
                    cursor.execute(statement)


def record_at(moment: dt.datetime | None = None, **kwargs):
    """``record`` in its own atomic block, optionally at a fixed time (UTC)."""
    kwargs.setdefault("actor", None)
    with transaction.atomic():
        if moment is None:
            return record(**kwargs)
        with mock.patch("django.utils.timezone.now", return_value=moment):
            return record(**kwargs)


def _program(code: str, name: str, slug: str) -> AwardProgram:
    jurisdiction = Jurisdiction.objects.create(code=code, name=name[:3], level="province")
    return AwardProgram.objects.create(
        jurisdiction=jurisdiction, name=name, slug=slug, rulebook_id="jilin", office_name=f"{name}评委办"
    )


@pytest.fixture
def program_a(db) -> AwardProgram:
    return _program("220000", "吉林省质量奖", "jilin-test")


@pytest.fixture
def program_b(db) -> AwardProgram:
    return _program("650000", "新疆质量奖", "xinjiang-test")


@pytest.fixture
def cycle_a(program_a) -> Cycle:
    return Cycle.objects.create(
        program=program_a,
        number=2,
        year=2026,
        call_opens=dt.date(2026, 3, 1),
        call_closes=dt.date(2026, 5, 31),
        rulebook_id="jilin",
        rulebook_version=1,
    )


def make_user(username: str, *, role=None, program=None, superuser: bool = False) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, full_name=f"{username}全名")
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    if role is not None:
        RoleAssignment.objects.create(user=user, role=role, program=program)
    return user


@pytest.fixture
def people(program_a, program_b) -> dict[str, User]:
    return {
        "admin": make_user("root_admin", superuser=True),
        "staff_a": make_user("staff_a", role=Role.OFFICE_STAFF, program=program_a),
        "supervisor_a": make_user("supervisor_a", role=Role.SUPERVISOR, program=program_a),
        "expert_a": make_user("expert_a", role=Role.EXPERT, program=program_a),
        "staff_b": make_user("staff_b", role=Role.OFFICE_STAFF, program=program_b),
        "outsider": make_user("outsider"),
    }
