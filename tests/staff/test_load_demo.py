"""``manage.py load_demo``: complete, idempotent, and refused outside demo/debug mode."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

from qaward.programs.models import AwardProgram, Cycle, Jurisdiction
from qaward.rulebooks import registry
from qaward.staff.demo_accounts import DEMO_ACCOUNTS

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def snapshot():
    return (
        list(Jurisdiction.objects.values_list()),
        list(AwardProgram.objects.values_list()),
        list(Cycle.objects.values_list()),
        list(get_user_model().objects.values_list("username", "password", "is_superuser")),
    )


def test_creates_the_five_programs(load_demo):
    output = load_demo()
    assert "skipped" not in output
    assert sorted(AwardProgram.objects.values_list("rulebook_id", flat=True)) == sorted(registry.list_ids())
    assert set(Jurisdiction.objects.values_list("code", "level")) == {
        ("220000", "province"),
        ("220100", "city"),
        ("654200", "prefecture"),
        ("140700", "city"),
        ("360800", "city"),
    }
    for program in AwardProgram.objects.all():
        assert program.rulebook_version == registry.get(program.rulebook_id).version
        assert program.cycles.exists()
        for cycle in program.cycles.all():
            cycle.full_clean()
            assert (cycle.rulebook_id, cycle.rulebook_version) == (
                program.rulebook_id,
                program.rulebook_version,
            )
    assert "created award program 吉林省质量奖" in output


def test_running_twice_changes_nothing(load_demo):
    load_demo()
    before = snapshot()
    output = load_demo()
    assert snapshot() == before
    assert "nothing changed" in output
    assert "created" not in output.lower().replace("nothing changed", "")


def test_demo_accounts_log_in_and_pass_the_password_validators(load_demo):
    load_demo()
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(username=account.username)
        validate_password(account.password, user)
        assert authenticate(username=account.username, password=account.password) == user
        assert user.is_superuser is account.is_superuser
        # Only the platform administrator may enter the Django admin.
        assert user.is_staff is account.is_superuser


def test_refused_outside_demo_and_debug_mode(settings):
    settings.DEBUG = False
    settings.QAWARD_DEMO = False
    with pytest.raises(CommandError, match="QAWARD_DEMO"):
        call_command("load_demo", stdout=StringIO())
    assert not AwardProgram.objects.exists()
