"""ID and phone numbers are encrypted at rest, decrypted on load, and found by blind index."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ValidationError
from django.db import connection

from qaward.audit.models import AuditEvent
from qaward.privacy.crypto import UndecryptableValue, blind_index
from qaward.privacy.domain import record_person_identity
from qaward.privacy.domain.queries import people_with_id_number
from qaward.privacy.models import PersonIdentity

from .conftest import ID_NUMBER, OTHER_ID_NUMBER, PHONE

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def raw_row(pk: int) -> dict[str, str]:
    table = connection.ops.quote_name(PersonIdentity._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id_number, phone, id_number_index FROM {table} WHERE id = %s", [pk])
        id_number, phone, index = cursor.fetchone()
    return {"id_number": id_number, "phone": phone, "index": index}


@pytest.fixture
def person(make_user) -> PersonIdentity:
    return record_person_identity(actor=make_user("clerk"), name="张三丰", id_number=ID_NUMBER, phone=PHONE)


def test_the_database_holds_ciphertext_not_the_numbers(person, settings):
    raw = raw_row(person.pk)
    for column, plaintext in (("id_number", ID_NUMBER), ("phone", PHONE)):
        assert plaintext not in raw[column]
        assert raw[column].startswith("gAAAAA")  # a Fernet token (version byte 0x80)
        # …that the configured key opens to the plaintext.
        assert Fernet(settings.QAWARD_FIELD_KEYS[0]).decrypt(raw[column].encode()).decode() == plaintext
    assert ID_NUMBER not in raw["index"] and len(raw["index"]) == 64


def test_encrypting_twice_gives_different_ciphertexts(make_user):
    actor = make_user("clerk")
    first = record_person_identity(actor=actor, name="甲", id_number=ID_NUMBER)
    second = record_person_identity(actor=actor, name="乙", id_number=ID_NUMBER)
    assert raw_row(first.pk)["id_number"] != raw_row(second.pk)["id_number"]
    # …while the blind index is equal, which is what makes lookup possible.
    assert raw_row(first.pk)["index"] == raw_row(second.pk)["index"]


def test_values_decrypt_on_load(person):
    loaded = PersonIdentity.objects.get(pk=person.pk)
    assert loaded.id_number == ID_NUMBER
    assert loaded.phone == PHONE
    assert list(PersonIdentity.objects.values_list("id_number", "phone")) == [(ID_NUMBER, PHONE)]
    person.phone = "0431-88886666"
    person.save()
    person.refresh_from_db()
    assert person.phone == "0431-88886666"
    assert "88886666" not in raw_row(person.pk)["phone"]


def test_empty_phone_is_stored_empty(make_user):
    person = record_person_identity(actor=make_user("clerk"), name="李四", id_number=ID_NUMBER)
    assert raw_row(person.pk)["phone"] == ""
    assert PersonIdentity.objects.get(pk=person.pk).phone == ""


def test_the_id_number_is_normalised_before_encryption(make_user):
    person = record_person_identity(actor=make_user("clerk"), name="王五", id_number=" 11010519491231002x ")
    assert PersonIdentity.objects.get(pk=person.pk).id_number == ID_NUMBER


def test_an_invalid_id_number_is_refused_with_a_field_error(make_user):
    with pytest.raises(ValidationError) as exc:
        record_person_identity(actor=make_user("clerk"), name="王五", id_number="110105194912310021")
    assert list(exc.value.message_dict) == ["id_number"]
    assert "校验码" in exc.value.message_dict["id_number"][0]
    assert not PersonIdentity.objects.exists()


def test_encrypted_fields_cannot_be_filtered_by_value(person):
    with pytest.raises(FieldError, match="filter on its BlindIndexField"):
        PersonIdentity.objects.filter(id_number=ID_NUMBER).exists()
    with pytest.raises(FieldError):
        PersonIdentity.objects.filter(phone__contains="1381").exists()
    assert PersonIdentity.objects.filter(phone__isnull=False).count() == 1


def test_the_blind_index_finds_a_person_by_number(person, make_user):
    other = record_person_identity(actor=make_user("other"), name="李四", id_number=OTHER_ID_NUMBER)
    assert list(people_with_id_number(ID_NUMBER)) == [person]
    assert list(people_with_id_number("１１０１０５１９４９１２３１００２ｘ")) == [person]
    assert list(people_with_id_number(OTHER_ID_NUMBER)) == [other]
    assert not people_with_id_number("110105194912310011").exists()


def test_blind_index_depends_on_purpose_and_key(settings):
    digest = blind_index(ID_NUMBER, "resident_id")
    assert blind_index(ID_NUMBER.lower(), "resident_id") == digest
    assert blind_index(ID_NUMBER, "objector") != digest
    settings.QAWARD_INDEX_KEY = "another-index-key-that-is-long-enough-0123456789"
    assert blind_index(ID_NUMBER, "resident_id") != digest
    with pytest.raises(ValueError):
        blind_index(ID_NUMBER, "")


def test_a_value_no_key_opens_fails_loudly(person, settings):
    settings.QAWARD_FIELD_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(UndecryptableValue, match="QAWARD_FIELD_KEYS"):
        PersonIdentity.objects.get(pk=person.pk)


def test_str_and_properties_never_show_the_full_number(person):
    assert str(person) == "张三丰（1101**********002X）"
    assert person.masked_phone == "138****5678"
    assert person.birth_date.isoformat() == "1949-12-31"
    assert person.sex == "female"


def test_the_audit_event_holds_masked_values_only(person):
    event = AuditEvent.objects.get(action="privacy.person_identity_recorded")
    assert event.object_id == str(person.pk)
    assert event.after["id_number"] == "1101**********002X"
    assert event.after["phone"] == "138****5678"
    assert event.after["name"] == "张三丰"
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")
        everything = repr(cursor.fetchall())
    assert ID_NUMBER not in everything
    assert PHONE not in everything
