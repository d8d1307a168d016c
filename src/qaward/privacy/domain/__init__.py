"""Writes of the privacy app. Reads are in ``qaward.privacy.domain.queries``."""

from qaward.privacy.domain.identities import record_person_identity
from qaward.privacy.domain.keys import (
    FieldRotation,
    encrypted_fields,
    reindex_blind_indexes,
    rotate_field_keys,
)

__all__ = [
    "FieldRotation",
    "encrypted_fields",
    "record_person_identity",
    "reindex_blind_indexes",
    "rotate_field_keys",
]
