"""The audit table refuses UPDATE and DELETE at the database (raw SQL, the ORM, the admin)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from qaward.audit.models import AuditEvent
from qaward.audit.triggers import TABLE, TRIGGER_NAMES

from .conftest import make_user, record_at

pytestmark = [pytest.mark.integration]


def installed_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal AND tgenabled <> 'D'",
                [TABLE],
            )
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE])
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db
def test_migrations_install_both_triggers():
    assert installed_triggers() == set(TRIGGER_NAMES)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "statement",
    [
        f"UPDATE {TABLE} SET message = 'rewritten' WHERE id = %s",
        f"UPDATE {TABLE} SET hash = prev_hash WHERE id = %s",
        f"DELETE FROM {TABLE} WHERE id = %s",
    ],
)
def test_raw_sql_cannot_change_or_remove_an_event(statement):
    event = record_at(action="cycle.open", after={"status": "open"})
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, [event.pk])
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.message, stored.hash) == ("", event.hash)


@pytest.mark.django_db
def test_the_orm_cannot_change_or_remove_an_event():
    event = record_at(action="cycle.open")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(message="rewritten")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        event.message = "rewritten"
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).message == ""


@pytest.mark.django_db
def test_the_admin_lists_events_but_offers_no_add_change_or_delete(client):
    admin = make_user("root", superuser=True)
    event = record_at(actor=admin, action="cycle.open")
    client.force_login(admin)
    base = "/admin/audit/auditevent/"
    listing = client.get(base)
    assert listing.status_code == 200
    assert "cycle.open" in listing.content.decode()
    assert client.get(f"{base}add/").status_code == 403
    assert client.get(f"{base}{event.pk}/delete/").status_code == 403
    detail = client.get(f"{base}{event.pk}/change/")
    assert detail.status_code == 200  # view only
    assert 'name="_save"' not in detail.content.decode()
    assert client.post(f"{base}{event.pk}/change/", {"message": "rewritten"}).status_code == 403
    bulk = client.post(base, {"action": "delete_selected", "_selected_action": [event.pk]})
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert bulk.status_code in (200, 302)


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_log_and_keeps_the_triggers():
    # Django's test runner flushes after every transactional test; on SQLite that is a DELETE.
    record_at(action="cycle.open")
    call_command("flush", interactive=False, verbosity=0)
    assert AuditEvent.objects.count() == 0
    assert installed_triggers() == set(TRIGGER_NAMES)
    event = record_at(action="cycle.open")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
