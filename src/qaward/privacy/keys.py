"""Key configuration for encryption at rest, read once by ``qaward.settings``.

Imported while settings load, so nothing here may touch ``django.conf.settings`` or models.

- ``QAWARD_FIELD_KEYS``: comma-separated Fernet keys. The first encrypts; every key decrypts,
  so an old key stays listed until ``manage.py rotate_field_keys`` has re-encrypted the data.
- ``QAWARD_INDEX_KEY``: the HMAC key of the blind indexes (find a person by ID number without
  decrypting every row). Separate from SECRET_KEY, so rotating SECRET_KEY breaks no lookup.

Without DEBUG or a test run, a missing or malformed key stops the process at startup; in
development both are derived from SECRET_KEY, so a checkout works with no configuration.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

MIN_INDEX_KEY_LENGTH = 32
GENERATE_FIELD_KEY = (
    "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
)
GENERATE_INDEX_KEY = "python -c 'import secrets; print(secrets.token_urlsafe(48))'"


def _derived(label: str, secret_key: str) -> bytes:
    return hashlib.sha256(f"qaward development {label}\x00{secret_key}".encode()).digest()


def field_keys_from_env(raw: list[str], *, production: bool, secret_key: str) -> list[str]:
    """The Fernet keys to use, first one encrypting. ``raw`` is the parsed env list."""
    keys = [key.strip() for key in raw if key.strip()]
    if not keys:
        if production:
            raise ImproperlyConfigured(
                "QAWARD_FIELD_KEYS is not set. With DEBUG off, set QAWARD_FIELD_KEYS to one or more "
                "comma-separated Fernet keys (the first encrypts, all decrypt), e.g. the output of "
                f"`{GENERATE_FIELD_KEY}`. Keep every key that still protects data: without it the "
                "encrypted ID and phone numbers cannot be read."
            )
        return [base64.urlsafe_b64encode(_derived("field key", secret_key)).decode()]
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            # Never echo the value: it is a secret, and a near-miss is one too.
            raise ImproperlyConfigured(
                f"QAWARD_FIELD_KEYS: key {position} of {len(keys)} is not a Fernet key "
                f"(32 bytes, url-safe base64, 44 characters). Generate one with `{GENERATE_FIELD_KEY}`."
            ) from None
    return keys


def index_key_from_env(raw: str, *, production: bool, secret_key: str) -> str:
    """The blind-index HMAC key."""
    key = raw.strip()
    if not key:
        if production:
            raise ImproperlyConfigured(
                "QAWARD_INDEX_KEY is not set. With DEBUG off, set QAWARD_INDEX_KEY to a random "
                f"string of at least {MIN_INDEX_KEY_LENGTH} characters, e.g. the output of "
                f"`{GENERATE_INDEX_KEY}`. Changing it later requires "
                "`manage.py rotate_field_keys --reindex`."
            )
        return _derived("index key", secret_key).hex()
    if len(key) < MIN_INDEX_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"QAWARD_INDEX_KEY is too short: use at least {MIN_INDEX_KEY_LENGTH} random characters, "
            f"e.g. the output of `{GENERATE_INDEX_KEY}`."
        )
    if key == secret_key:
        raise ImproperlyConfigured(
            "QAWARD_INDEX_KEY must differ from SECRET_KEY: rotating SECRET_KEY would otherwise "
            "break every lookup by ID number."
        )
    return key
