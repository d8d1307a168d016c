"""``verify_chain``, ``manage.py audit_verify`` and ``qaward audit verify`` find tampering at the
exact event (the triggers are lifted inside the test to tamper at all)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from qaward.__main__ import main
from qaward.audit.chain import GENESIS_HASH, iso_utc
from qaward.audit.domain.queries import verify_chain
from qaward.audit.models import AuditEvent
from qaward.audit.triggers import TABLE

from .conftest import record_at, triggers_lifted

# audit_tampered: these tests break the chain on purpose (see tests/conftest.py).
pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.audit_tampered]


@pytest.fixture
def chain(cycle_a):
    return [
        record_at(action=f"cycle.step_{i}", obj=cycle_a, after={"step": i, "score": "87.5"}) for i in range(6)
    ]


def test_an_empty_log_verifies():
    assert verify_chain() == (True, GENESIS_HASH, 0, None, "")


def test_an_intact_chain_verifies_in_small_chunks(chain):
    assert verify_chain(chunk_size=2) == (True, chain[-1].hash, 6, None, "")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("message", "'改过的说明'"),
        ("after", """'{"step": 99, "score": "87.5"}'"""),
        ("actor_label", "'admin'"),
    ],
)
def test_a_tampered_field_is_found_at_that_event(chain, column, value):
    target = chain[3]
    with triggers_lifted() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET {column} = {value} WHERE id = %s", [target.pk])
    ok, head, count, broken_id, reason = verify_chain(chunk_size=2)
    assert not ok
    assert broken_id == target.pk
    assert count == 3
    assert head == chain[2].hash
    assert "哈希" in reason or "hash" in reason


def test_a_rehashed_event_breaks_the_link_of_the_next(chain):
    # The tamperer recomputes the altered event's own hash; the next event still points to the old one.
    target = chain[2]
    with triggers_lifted() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET message = 'x' WHERE id = %s", [target.pk])
        from qaward.audit.chain import HASHED_FIELDS, event_hash

        row = AuditEvent.objects.values(*HASHED_FIELDS).get(pk=target.pk)
        cursor.execute(
            f"UPDATE {TABLE} SET hash = %s WHERE id = %s", [event_hash(row, target.prev_hash), target.pk]
        )
    check = verify_chain()
    assert (check.ok, check.first_broken_id, check.count) == (False, chain[3].pk, 3)


def test_a_removed_event_is_found_at_the_next_one(chain):
    with triggers_lifted() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id = %s", [chain[1].pk])
    check = verify_chain()
    assert (check.ok, check.first_broken_id, check.count) == (False, chain[2].pk, 1)


def test_a_removed_tail_is_found_with_the_head_noted_earlier(chain):
    noted_head = verify_chain().head_hash
    assert verify_chain(expected_head=noted_head).ok
    with triggers_lifted() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE id >= %s", [chain[4].pk])
    assert verify_chain().ok  # the chain alone cannot tell
    check = verify_chain(expected_head=noted_head)
    assert (check.ok, check.first_broken_id, check.count) == (False, None, 4)
    assert noted_head in check.reason


def test_management_command_prints_ok_with_the_head(chain, capsys):
    call_command("audit_verify")
    assert capsys.readouterr().out.strip() == f"OK 6 events, head {chain[-1].hash}"


def test_management_command_fails_naming_the_event(chain):
    target = chain[4]
    with triggers_lifted() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET message = 'x' WHERE id = %s", [target.pk])
    with pytest.raises(CommandError) as failure:
        call_command("audit_verify")
    assert failure.value.returncode == 1
    message = str(failure.value)
    assert message.startswith(f"BROKEN at event #{target.pk} ({iso_utc(target.occurred_at)}, cycle.step_4)")


def test_cli_prints_ok_and_exits_0(chain, capsys):
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out.strip() == f"OK 6 events, head {chain[-1].hash}"


def test_cli_names_the_first_broken_event_and_exits_1(chain, capsys):
    first, later = chain[1], chain[4]
    with triggers_lifted() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET message = 'x' WHERE id IN (%s, %s)", [first.pk, later.pk])
    assert main(["audit", "verify"]) == 1
    output = capsys.readouterr()
    assert output.out == ""
    assert f"#{first.pk} ({iso_utc(first.occurred_at)}, cycle.step_1)" in output.err
    assert f"#{later.pk} " not in output.err


def test_cli_checks_a_head_noted_earlier(chain, capsys):
    assert main(["audit", "verify", "--expect-head", chain[2].hash]) == 0
    assert main(["audit", "verify", "--expect-head", "f" * 64]) == 1
    assert "f" * 64 in capsys.readouterr().err
