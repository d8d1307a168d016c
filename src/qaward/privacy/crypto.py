"""Encryption at rest (Fernet) and blind indexes, with the keys from settings.

Read per call through a cache keyed by the configured keys, so ``override_settings`` in tests
and a reloaded configuration take effect without a restart hook.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import unicodedata

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class UndecryptableValue(RuntimeError):
    """Stored ciphertext that no configured key opens."""


@functools.lru_cache(maxsize=8)
def _fernets(keys: tuple[str, ...]) -> tuple[Fernet, MultiFernet]:
    fernets = [Fernet(key) for key in keys]
    return fernets[0], MultiFernet(fernets)


def _configured() -> tuple[Fernet, MultiFernet]:
    return _fernets(tuple(settings.QAWARD_FIELD_KEYS))


def encrypt(plaintext: str) -> str:
    """A Fernet token (ASCII text) under the first configured key."""
    return _configured()[0].encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _configured()[1].decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError):
        raise UndecryptableValue(
            "An encrypted value could not be decrypted with any key in QAWARD_FIELD_KEYS. Was a key "
            "removed before `manage.py rotate_field_keys` re-encrypted the data under the new one?"
        ) from None


def is_current(token: str) -> bool:
    """True when ``token`` is already encrypted under the first (current) key."""
    try:
        _configured()[0].decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeEncodeError):
        return False
    return True


def rotate(token: str) -> str:
    """``token`` re-encrypted under the current key (its original timestamp kept)."""
    try:
        return _configured()[1].rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeEncodeError):
        raise UndecryptableValue(
            "An encrypted value could not be decrypted with any key in QAWARD_FIELD_KEYS, so it "
            "cannot be rotated. Put the old key back at the end of QAWARD_FIELD_KEYS and run again."
        ) from None


def normalise_for_index(value: str) -> str:
    """What two spellings of the same identifier share: NFKC, outer spaces off, upper case."""
    return unicodedata.normalize("NFKC", value).strip().upper()


def blind_index(value: str, purpose: str) -> str:
    """HMAC-SHA256 (hex) of the normalised ``value`` under ``QAWARD_INDEX_KEY``, separated by
    ``purpose`` so the same number indexed for two purposes gives unrelated digests.

    Equal values give equal digests, so ``filter(<index>=blind_index(number, purpose))`` finds
    a person without decrypting any row; the digest cannot be reversed without the key.
    """
    if not purpose or "\x00" in purpose:
        raise ValueError("purpose must be a non-empty name without NUL characters")
    message = f"{purpose}\x00{normalise_for_index(value)}".encode()
    return hmac.new(settings.QAWARD_INDEX_KEY.encode(), message, hashlib.sha256).hexdigest()
