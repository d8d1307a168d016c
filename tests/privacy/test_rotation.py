"""``rotate_field_keys``: re-encrypt under the new key, so the old key can be dropped."""

from __future__ import annotations

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection

from qaward.audit.models import AuditEvent
from qaward.privacy.crypto import UndecryptableValue
from qaward.privacy.domain import encrypted_fields, rotate_field_keys
from qaward.privacy.domain.queries import people_with_id_number
from qaward.privacy.models import PersonIdentity

from .conftest import ID_NUMBER, OTHER_ID_NUMBER, PHONE

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def raw_tokens() -> dict[int, tuple[str, str]]:
    table = connection.ops.quote_name(PersonIdentity._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, id_number, phone FROM {table} ORDER BY id")
        return {pk: (id_number, phone) for pk, id_number, phone in cursor.fetchall()}


def people() -> list[tuple[str, str, str]]:
    return list(PersonIdentity.objects.order_by("pk").values_list("name", "id_number", "phone"))


EXPECTED = [("张三", ID_NUMBER, PHONE), ("李四", OTHER_ID_NUMBER, ""), ("王五", ID_NUMBER, "13900001111")]


@pytest.fixture
def old_rows(settings, fernet_keys):
    old, _new = fernet_keys
    settings.QAWARD_FIELD_KEYS = [old]
    for name, number, phone in EXPECTED:
        # Plain saves: this fixture is data left by an earlier deployment.
        PersonIdentity.objects.create(name=name, id_number=number, phone=phone)
    return raw_tokens()


def run(*args: str) -> str:
    out = StringIO()
    call_command("rotate_field_keys", *args, stdout=out)
    return out.getvalue()


def test_rotation_with_two_keys(settings, fernet_keys, old_rows):
    old, new = fernet_keys
    settings.QAWARD_FIELD_KEYS = [new, old]
    assert people() == EXPECTED  # readable before rotation, through the old key

    output = run("--batch-size", "2")
    assert (
        "privacy.PersonIdentity.id_number: 3 re-encrypted, 0 already under the current key, 0 empty" in output
    )
    assert "privacy.PersonIdentity.phone: 2 re-encrypted, 0 already under the current key, 1 empty" in output
    assert "Done: 5 value(s) re-encrypted." in output

    after = raw_tokens()
    for pk, (id_token, phone_token) in after.items():
        assert id_token != old_rows[pk][0]
        assert Fernet(new).decrypt(id_token.encode())
        if phone_token:
            assert phone_token != old_rows[pk][1]
            assert Fernet(new).decrypt(phone_token.encode())
    assert people() == EXPECTED  # readable after rotation

    settings.QAWARD_FIELD_KEYS = [new]  # the old key dropped
    assert people() == EXPECTED
    settings.QAWARD_FIELD_KEYS = [old]  # and it no longer opens anything
    with pytest.raises(UndecryptableValue):
        people()


def test_a_second_run_changes_nothing(settings, fernet_keys, old_rows):
    old, new = fernet_keys
    settings.QAWARD_FIELD_KEYS = [new, old]
    run()
    rotated = raw_tokens()
    output = run()
    assert "privacy.PersonIdentity.id_number: 0 re-encrypted, 3 already under the current key" in output
    assert raw_tokens() == rotated


def test_each_batch_is_audited_with_counts_only(settings, fernet_keys, old_rows):
    old, new = fernet_keys
    settings.QAWARD_FIELD_KEYS = [new, old]
    rotate_field_keys(batch_size=2)
    events = list(AuditEvent.objects.filter(action="privacy.field_keys_rotated").order_by("id"))
    # id_number: batches of 2 + 1 rows; phone: 1 + 1 rotated values (one row is empty).
    assert [(e.after["field"], e.after["rows"]) for e in events] == [
        ("privacy.PersonIdentity.id_number", 2),
        ("privacy.PersonIdentity.id_number", 1),
        ("privacy.PersonIdentity.phone", 1),
        ("privacy.PersonIdentity.phone", 1),
    ]
    dump = repr([(e.before, e.after, e.message) for e in events])
    assert ID_NUMBER not in dump and old not in dump and new not in dump


def test_a_missing_old_key_stops_with_a_clear_message(settings, fernet_keys, old_rows):
    _old, new = fernet_keys
    settings.QAWARD_FIELD_KEYS = [new]
    with pytest.raises(CommandError, match="Put the old key back"):
        run()
    assert raw_tokens() == old_rows  # nothing half-written


def test_every_encrypted_field_is_found():
    labels = {f"{model._meta.label}.{field.name}" for model, field in encrypted_fields()}
    assert {"privacy.PersonIdentity.id_number", "privacy.PersonIdentity.phone"} <= labels


def test_reindex_after_a_new_index_key(settings, old_rows):
    assert people_with_id_number(ID_NUMBER).count() == 2
    settings.QAWARD_INDEX_KEY = "a-new-index-key-0123456789-abcdefghijklmnopqrstuvwxyz"
    assert people_with_id_number(ID_NUMBER).count() == 0  # old digests no longer match

    output = run("--reindex")
    assert "privacy.PersonIdentity.id_number_index: 3 re-indexed, 0 index already current, 0 empty" in output
    assert people_with_id_number(ID_NUMBER).count() == 2
    assert people_with_id_number(OTHER_ID_NUMBER).get().name == "李四"


def test_batch_size_must_be_positive():
    with pytest.raises(CommandError, match="at least 1"):
        run("--batch-size", "0")
