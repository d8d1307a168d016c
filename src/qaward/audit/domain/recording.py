"""``record(...)``: the one way an audit event is written.

Appends are serialised so that the chain never forks: each new event links to the hash of the
event written just before it, which must be read and extended by one writer at a time.

- PostgreSQL: ``pg_advisory_xact_lock(AUDIT_LOCK_KEY)`` is held until the surrounding transaction
  commits or rolls back. The next writer's ``SELECT`` of the last hash runs after it obtains the
  lock, and under READ COMMITTED each statement sees everything committed before it started, so
  it sees the previous writer's event.
- SQLite: the project opens every transaction with ``BEGIN IMMEDIATE`` (``transaction_mode`` in
  settings), which takes the database's single write lock when the transaction starts. Only one
  connection can be inside a write transaction at a time, so reading the last hash and inserting
  the next event cannot interleave with another append. ``record`` checks that setting.

Either way ``prev_hash`` is unique in the table, so a fork would fail with IntegrityError rather
than be written.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction
from django.db.models import Model
from django.utils import timezone

from qaward.audit.chain import GENESIS_HASH, HASHED_FIELDS, event_hash, to_json_value
from qaward.audit.context import current_request, request_info
from qaward.audit.models import AuditEvent

# Any fixed 64-bit number, used by no other advisory lock in the project ("QAUDIT" in ASCII).
AUDIT_LOCK_KEY = 0x514155444954

ACTION_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")

PUBLIC_LABEL = "公众"  # a visitor without an account
SYSTEM_LABEL = "系统"  # a command or background task


class AuditOutsideTransaction(RuntimeError):
    """``record`` was called outside ``transaction.atomic``: the event would not be tied to the
    change it describes (one could be kept without the other)."""


def _field(model_field: str, value: str) -> str:
    limit = AuditEvent._meta.get_field(model_field).max_length
    value = str(value or "").replace("\x00", "\ufffd")
    return value[:limit] if limit else value


def _lock_chain(alias: str) -> None:
    connection = connections[alias]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_LOCK_KEY])
    elif connection.vendor == "sqlite":
        mode = (connection.settings_dict.get("OPTIONS") or {}).get("transaction_mode")
        if str(mode).upper() != "IMMEDIATE":
            raise ImproperlyConfigured(
                "The audit log on SQLite needs DATABASES['default']['OPTIONS']['transaction_mode'] "
                "= 'IMMEDIATE', so that appends to the hash chain are serialised."
            )
    else:
        raise ImproperlyConfigured(f"The audit log supports PostgreSQL and SQLite, not {connection.vendor}.")


def _actor_of(actor) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _program_id_of(obj, program) -> int | None:
    if program is not None:
        return program.pk
    if obj is None:
        return None
    from qaward.programs.models import AwardProgram

    if isinstance(obj, AwardProgram):
        return obj.pk
    return getattr(obj, "program_id", None)


def _verdict_fields(verdict) -> dict[str, str]:
    if verdict is None:
        return {}
    get = (
        verdict.get if isinstance(verdict, dict) else lambda name, default="": getattr(verdict, name, default)
    )
    return {
        "rule_id": get("rule_id", ""),
        "citation": get("citation", ""),
        "rulebook_version": get("rulebook", ""),
        "message": get("message", ""),
    }


def append_event(
    *,
    actor,
    action: str,
    obj: Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_label: str = "",
    before: dict | None = None,
    after: dict | None = None,
    verdict=None,
    role: str = "",
    program=None,
    message: str = "",
    request=None,
    using: str = "default",
) -> AuditEvent:
    """``record`` with every field open; for this app's own helpers (security events)."""
    if not transaction.get_connection(using).in_atomic_block:
        raise AuditOutsideTransaction(
            f"audit event {action!r} must be recorded inside transaction.atomic(), in the same "
            "transaction as the change it records"
        )
    if (
        not ACTION_PATTERN.match(action or "")
        or len(action) > AuditEvent._meta.get_field("action").max_length
    ):
        raise ValueError(f"audit action {action!r} must be a dotted lower-case verb such as 'cycle.open'")

    request = request if request is not None else current_request()
    actor = _actor_of(actor)
    if actor is not None:
        actor_label = actor.get_username()
    else:
        actor_label = PUBLIC_LABEL if request is not None else SYSTEM_LABEL
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk) if obj.pk is not None else ""
        object_label = str(obj)
    from_verdict = _verdict_fields(verdict)
    info = request_info(request)

    # Lock first, then take the time: events' times then follow the chain's order.
    _lock_chain(using)
    event = AuditEvent(
        occurred_at=timezone.now(),
        actor=actor,
        actor_label=_field("actor_label", actor_label),
        role=_field("role", getattr(role, "value", role)),
        action=action,
        object_type=_field("object_type", object_type),
        object_id=_field("object_id", object_id),
        object_label=_field("object_label", object_label),
        program_id=_program_id_of(obj, program),
        before=to_json_value(before),
        after=to_json_value(after),
        rule_id=_field("rule_id", from_verdict.get("rule_id", "")),
        citation=_field("citation", from_verdict.get("citation", "")),
        rulebook_version=_field("rulebook_version", from_verdict.get("rulebook_version", "")),
        message=_field("message", message or from_verdict.get("message", "")),
        request_id=_field("request_id", info.request_id),
        ip=info.ip,
        user_agent=info.user_agent,
    )
    last = AuditEvent.objects.using(using).order_by("-id").values_list("hash", flat=True).first()
    event.prev_hash = last or GENESIS_HASH
    # Model attribute names are the hashed field names (``actor_id`` and ``program_id`` included).
    event.hash = event_hash({name: getattr(event, name) for name in HASHED_FIELDS}, event.prev_hash)
    event.save(force_insert=True, using=using)
    return event


def record(
    *,
    actor,
    action: str,
    obj=None,
    before: dict | None = None,
    after: dict | None = None,
    verdict=None,
    role: str = "",
    program=None,
    request=None,
) -> AuditEvent:
    """Append one audit event, in the caller's transaction.

    ``actor``: the user acting (None or an anonymous user for the public or the system).
    ``action``: a dotted verb, ``"cycle.open"``. ``obj``: the model instance acted on; its
    program is taken from it when it is an AwardProgram or has ``program_id``, else pass
    ``program``. ``before``/``after``: what changed, as plain data (secret-looking keys are
    redacted). ``verdict``: the rulebook Verdict when a rule decided (rule id, citation, rulebook
    version and message are copied). ``request``: defaults to the request being served.

    Raises ``AuditOutsideTransaction`` outside ``transaction.atomic``. Side effects of the change
    belong in ``transaction.on_commit``; this function has none.
    """
    return append_event(
        actor=actor,
        action=action,
        obj=obj,
        before=before,
        after=after,
        verdict=verdict,
        role=role,
        program=program,
        request=request,
    )
