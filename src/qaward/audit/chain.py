"""The hash chain, as pure functions: canonical JSON of an event's fields and its SHA-256 link.

``hash = sha256(canonical_json(fields) + prev_hash)``. The field list is fixed: changing it (or
the encoding) would make every existing event fail verification, so a change needs a versioned
scheme, not an edit here.

Values are normalised to plain JSON *before* they are stored and hashed (``to_json_value``), so
what the database gives back hashes to exactly the same bytes: PostgreSQL's ``jsonb`` reorders
keys and prints numbers its own way, which is harmless only when the canonical form re-sorts keys
and every number survives the round trip unchanged.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import math
import re
import uuid
from collections.abc import Mapping
from typing import Any

# The first event links to this instead of a previous hash.
GENESIS_HASH = "0" * 64

# Hashed, in this order of documentation (the JSON itself is key-sorted).
HASHED_FIELDS: tuple[str, ...] = (
    "occurred_at",
    "actor_id",
    "actor_label",
    "role",
    "action",
    "object_type",
    "object_id",
    "object_label",
    "program_id",
    "before",
    "after",
    "rule_id",
    "citation",
    "rulebook_version",
    "message",
    "request_id",
    "ip",
    "user_agent",
)

# Keys whose values never belong in an audit record, whatever a caller passes in before/after.
_SECRET_KEY = re.compile(
    r"password|passwd|secret|(^|_)(token|otp|totp|backup_codes?|private_key|api_key)s?(_|$)", re.I
)
REDACTED = "[已隐去]"


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return iso_utc(value) if value.tzinfo else value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date | dt.time | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if hasattr(value, "pk") and hasattr(value, "_meta"):  # a model instance: its key, not its repr
        return value.pk
    # Lazy translation strings and enum members (TextChoices are str already).
    return str(value)


def iso_utc(moment: dt.datetime) -> str:
    """ISO 8601 in UTC with microseconds, e.g. ``2026-03-01T08:00:00.000000+00:00``."""
    if moment.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _plain(value: Any, *, redact: bool) -> Any:
    if isinstance(value, str):
        # PostgreSQL refuses NUL in text and jsonb; keep the record instead of failing the change.
        return value.replace("\x00", "\ufffd")
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("audit before/after values must be finite numbers")
        # jsonb prints 1e300 as a 301-digit integer; storing integral floats as ints keeps the
        # value identical after the round trip (non-integral floats print the same either way).
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        result = {}
        for key, item in value.items():
            key = str(key)
            result[key] = REDACTED if redact and _SECRET_KEY.search(key) else _plain(item, redact=redact)
        return result
    if isinstance(value, list | tuple):
        return [_plain(item, redact=redact) for item in value]
    return _plain(_default(value), redact=redact)


def to_json_value(value: Any) -> Any:
    """``value`` as plain JSON data (dict/list/str/int/float/bool/None): dates and times as ISO
    strings, Decimals as strings, model instances as their key, secret-looking keys redacted."""
    return _plain(value, redact=True)


def canonical_json(data: Mapping[str, Any]) -> str:
    return json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_default, allow_nan=False
    )


def hashed_payload(values: Mapping[str, Any]) -> dict[str, Any]:
    """The fixed field list, taken from an event (a mapping of field name to stored value)."""
    payload = {name: values[name] for name in HASHED_FIELDS}
    payload["occurred_at"] = iso_utc(payload["occurred_at"])
    return payload


def event_hash(values: Mapping[str, Any], prev_hash: str) -> str:
    text = canonical_json(hashed_payload(values)) + prev_hash
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
