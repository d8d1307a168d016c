"""The hash chain's pure functions: canonical JSON, value normalisation, the link formula."""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import zoneinfo

import pytest

from qaward.audit.chain import (
    GENESIS_HASH,
    HASHED_FIELDS,
    REDACTED,
    canonical_json,
    event_hash,
    iso_utc,
    to_json_value,
)

pytestmark = pytest.mark.unit

MOMENT = dt.datetime(2026, 3, 1, 8, 30, 5, 123, tzinfo=dt.UTC)


def fields(**overrides):
    values = dict.fromkeys(HASHED_FIELDS, "")
    values.update(occurred_at=MOMENT, actor_id=7, program_id=None, before=None, after={"状态": "开放"})
    values.update(overrides)
    return values


def test_canonical_json_is_sorted_compact_and_keeps_chinese():
    text = canonical_json({"b": 1, "a": {"评审": "通过", "z": [1, 2]}})
    assert text == '{"a":{"z":[1,2],"评审":"通过"},"b":1}'


def test_times_are_iso_utc_with_microseconds_whatever_the_zone():
    shanghai = MOMENT.astimezone(zoneinfo.ZoneInfo("Asia/Shanghai"))
    assert iso_utc(shanghai) == "2026-03-01T08:30:05.000123+00:00"
    assert iso_utc(MOMENT.replace(microsecond=0)) == "2026-03-01T08:30:05.000000+00:00"
    with pytest.raises(ValueError):
        iso_utc(dt.datetime(2026, 3, 1))


def test_hash_is_sha256_of_canonical_fields_plus_previous_hash():
    values = fields()
    payload = dict(values, occurred_at="2026-03-01T08:30:05.000123+00:00")
    expected = hashlib.sha256(
        (
            json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + GENESIS_HASH
        ).encode()
    ).hexdigest()
    assert event_hash(values, GENESIS_HASH) == expected


@pytest.mark.parametrize("name", HASHED_FIELDS)
def test_every_hashed_field_changes_the_hash(name):
    base = fields()
    changed = dict(base)
    changed[name] = MOMENT + dt.timedelta(microseconds=1) if name == "occurred_at" else "changed"
    assert event_hash(changed, GENESIS_HASH) != event_hash(base, GENESIS_HASH)


def test_previous_hash_changes_the_hash():
    assert event_hash(fields(), GENESIS_HASH) != event_hash(fields(), "1" * 64)


def test_values_are_normalised_to_what_the_database_gives_back():
    value = to_json_value(
        {
            "amount": decimal.Decimal("12.50"),
            "day": dt.date(2026, 3, 1),
            "when": MOMENT,
            "score": 1.0,
            "big": 1e300,
            "ratio": 0.1,
            3: ("a", "b"),
            "text": "a\x00b",
        }
    )
    assert value == {
        "amount": "12.50",
        "day": "2026-03-01",
        "when": "2026-03-01T08:30:05.000123+00:00",
        "score": 1,
        "big": int(1e300),
        "ratio": 0.1,
        "3": ["a", "b"],
        "text": "a\ufffdb",
    }
    # What is stored reads back identical, so the hash recomputes identically.
    assert json.loads(json.dumps(value)) == value


def test_non_finite_numbers_are_refused():
    with pytest.raises(ValueError):
        to_json_value({"x": float("nan")})


@pytest.mark.parametrize(
    "key", ["password", "new_password1", "secret_key", "token", "otp", "backup_codes", "api_key"]
)
def test_secret_looking_keys_are_redacted(key):
    assert to_json_value({key: "hunter2-Sekrit", "footprint": "kept"}) == {key: REDACTED, "footprint": "kept"}
