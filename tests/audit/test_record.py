"""``record``: links each event to the one before, refuses to run outside a transaction, copies
rule verdicts, and picks up the current request (id, IP, browser)."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.test import RequestFactory

from qaward.accounts.models import Role
from qaward.audit.chain import GENESIS_HASH, HASHED_FIELDS, event_hash
from qaward.audit.context import AuditRequestMiddleware, current_request
from qaward.audit.domain import AuditOutsideTransaction, record
from qaward.audit.domain.queries import verify_chain
from qaward.audit.models import AuditEvent
from qaward.rulebooks.engine.verdict import Verdict

from .conftest import make_user, record_at

pytestmark = pytest.mark.integration


def stored_hash(event: AuditEvent) -> str:
    event = AuditEvent.objects.get(pk=event.pk)  # as the database gives it back
    return event_hash({name: getattr(event, name) for name in HASHED_FIELDS}, event.prev_hash)


@pytest.mark.django_db
def test_events_link_into_a_chain(cycle_a):
    actor = make_user("wang")
    first = record_at(actor=actor, action="cycle.create", obj=cycle_a, after={"number": 2})
    second = record_at(
        actor=actor, action="cycle.open", obj=cycle_a, before={"status": "draft"}, after={"status": "open"}
    )
    third = record_at(actor=None, action="cycle.close", obj=cycle_a)

    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3
    for event in (first, second, third):
        assert re.fullmatch(r"[0-9a-f]{64}", event.hash)
        assert stored_hash(event) == event.hash  # the stored row reproduces its hash exactly
    assert verify_chain() == (True, third.hash, 3, None, "")


@pytest.mark.django_db
def test_event_fields(cycle_a, program_a):
    actor = make_user("wang")
    event = record_at(
        actor=actor, action="cycle.open", obj=cycle_a, role=Role.OFFICE_STAFF, after={"status": "open"}
    )
    event = AuditEvent.objects.get(pk=event.pk)
    assert event.actor == actor
    assert event.actor_label == "wang"
    assert event.role == "office_staff"
    assert (event.object_type, event.object_id) == ("programs.cycle", str(cycle_a.pk))
    assert event.object_label == str(cycle_a)
    assert event.program == program_a  # taken from the cycle
    assert event.after == {"status": "open"}
    assert event.before is None
    assert (event.request_id, event.ip, event.user_agent) == ("", "", "")  # no request: a task
    assert event.occurred_at.utcoffset().total_seconds() == 0


@pytest.mark.django_db
def test_program_given_directly_or_as_the_object(program_a, program_b):
    assert record_at(action="program.update", obj=program_a).program_id == program_a.pk
    assert record_at(action="report.generate", program=program_b).program_id == program_b.pk
    assert record_at(action="system.start").program_id is None


@pytest.mark.django_db
def test_without_an_actor_the_label_says_public_or_system():
    assert record_at(action="public.view").actor_label == "系统"
    request = RequestFactory().get("/")
    assert record_at(action="public.view", request=request).actor_label == "公众"


@pytest.mark.django_db
def test_a_rule_verdict_is_copied(program_a):
    verdict = Verdict(
        rule_id="eligibility.operating_years",
        outcome="refuse",
        message="申报单位须正常经营满三年（吉政办规〔2023〕3号 第十条）",
        cite="第十条",
        citation="吉政办规〔2023〕3号 第十条",
        rulebook="jilin@2",
    )
    event = AuditEvent.objects.get(
        pk=record_at(action="application.refuse", program=program_a, verdict=verdict).pk
    )
    assert event.rule_id == "eligibility.operating_years"
    assert event.citation == "吉政办规〔2023〕3号 第十条"
    assert event.rulebook_version == "jilin@2"
    assert event.message == verdict.message


@pytest.mark.django_db(transaction=True)
def test_recording_outside_a_transaction_is_refused():
    assert not transaction.get_connection().in_atomic_block
    with pytest.raises(AuditOutsideTransaction, match="transaction.atomic"):
        record(actor=None, action="cycle.open")
    assert AuditEvent.objects.count() == 0
    with transaction.atomic():
        record(actor=None, action="cycle.open")
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["", "open", "Cycle.Open", "cycle open", "cycle.", "a." + "x" * 100])
def test_actions_must_be_dotted_verbs(action):
    with transaction.atomic(), pytest.raises(ValueError, match="dotted"):
        record(actor=None, action=action)


@pytest.mark.django_db
def test_sqlite_without_immediate_transactions_is_refused(monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL serialises appends with an advisory lock")
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"  # the project's setting
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", {})
    with transaction.atomic(), pytest.raises(ImproperlyConfigured, match="IMMEDIATE"):
        record(actor=None, action="cycle.open")


@pytest.mark.django_db
def test_the_current_request_supplies_id_ip_and_browser():
    seen = {}

    def view(request):
        with transaction.atomic():
            seen["event"] = record(actor=None, action="public.view")
        seen["current"] = current_request()
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Mozilla/5.0 " + "x" * 400)
    response = AuditRequestMiddleware(view)(request)

    event = AuditEvent.objects.get(pk=seen["event"].pk)
    assert seen["current"] is request
    assert current_request() is None  # reset once the response is out
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert event.request_id == response["X-Request-ID"]
    assert event.ip == "203.0.113.9"
    assert event.user_agent.startswith("Mozilla/5.0 ") and len(event.user_agent) == 255
    assert event.actor_label == "公众"


@pytest.mark.django_db
def test_every_response_carries_a_request_id(client):
    first = client.get("/accounts/login/")["X-Request-ID"]
    second = client.get("/accounts/login/")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and re.fullmatch(r"[0-9a-f]{32}", second)
    assert first != second
