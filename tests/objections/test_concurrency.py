"""50 objections filed at once (PostgreSQL, one connection per thread) are all kept, each with
its own receipt number, and the audit chain stays whole."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from qaward.audit.domain.queries import verify_chain
from qaward.objections.domain.filing import file_objection
from qaward.objections.models import Objection

from .makers import individual, make_case, png

pytestmark = pytest.mark.integration

SUBMISSIONS = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_objections_lose_nothing():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time by design; run with DATABASE_URL=postgres://…")
    case = make_case()
    start = threading.Barrier(SUBMISSIONS)
    errors: list[BaseException] = []
    numbers: list[str] = []

    def submit(n: int) -> None:
        try:
            start.wait()
            filed = file_objection(
                entry=case.entry,
                objector=individual(name=f"异议人{n}"),
                grounds=f"第{n}份异议",
                evidence=[png()],
            )
            numbers.append(filed.objection.number)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Objection.objects.count() == SUBMISSIONS
    assert len(set(numbers)) == SUBMISSIONS
    assert set(Objection.objects.values_list("grounds", flat=True)) == {
        f"第{n}份异议" for n in range(SUBMISSIONS)
    }
    check = verify_chain()
    assert check.ok, check.reason
