"""Appends from many connections at once never fork the chain."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from qaward.audit.domain import record
from qaward.audit.domain.queries import verify_chain
from qaward.audit.models import AuditEvent

from .conftest import record_at

pytestmark = pytest.mark.integration

THREADS, PER_THREAD = 4, 25


@pytest.mark.django_db(transaction=True)
def test_concurrent_appends_form_one_chain():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time by design; see the sequential test")
    start = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def append(worker: int) -> None:
        try:  # each thread has its own database connection
            start.wait()
            for i in range(PER_THREAD):
                with transaction.atomic():
                    record(actor=None, action="test.append", after={"worker": worker, "i": i})
        except BaseException as exc:  # reported below, with the thread's traceback lost otherwise
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    check = verify_chain()
    assert (check.ok, check.count) == (True, THREADS * PER_THREAD)
    links = list(AuditEvent.objects.values_list("prev_hash", flat=True))
    assert len(set(links)) == THREADS * PER_THREAD  # no two events share a predecessor
    workers = {event["after"]["worker"] for event in AuditEvent.objects.values("after")}
    assert workers == set(range(THREADS))


@pytest.mark.django_db
def test_sequential_appends_form_one_chain():
    for i in range(THREADS * PER_THREAD):
        record_at(action="test.append", after={"i": i})
    check = verify_chain()
    assert (check.ok, check.count) == (True, THREADS * PER_THREAD)
    assert len(set(AuditEvent.objects.values_list("prev_hash", flat=True))) == THREADS * PER_THREAD


@pytest.mark.django_db
def test_the_database_refuses_a_fork():
    # Should the lock ever be bypassed, a second event naming the same predecessor is refused.
    from django.db import IntegrityError

    first = record_at(action="test.append")
    twin = AuditEvent.objects.get(pk=first.pk)
    twin.pk, twin.hash = None, "f" * 64
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save(force_insert=True)
