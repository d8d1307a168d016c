"""Pure (no Django) validation and masking of Chinese identifiers.

- 统一社会信用代码, GB 32100-2015: ``validate_uscc``, ``uscc_check_char``, ``is_valid_uscc``,
  ``uscc_region``.
- 公民身份号码, GB 11643-1999: ``validate_resident_id``, ``resident_id_check_char``,
  ``is_valid_resident_id``, ``resident_id_birth_date``, ``resident_id_sex``,
  ``resident_id_region``.
- Masking for display: ``mask_resident_id``, ``mask_phone``, ``mask_name``, ``mask_middle``.

Validators return the normalised value or raise ``IdentifierError`` whose message (Chinese)
says exactly what is wrong; ``qaward.privacy`` wraps them as Django validators and form fields.
"""

from __future__ import annotations

from qaward.identifiers.errors import IdentifierError
from qaward.identifiers.masking import mask_middle, mask_name, mask_phone, mask_resident_id
from qaward.identifiers.resident_id import (
    Sex,
    is_valid_resident_id,
    resident_id_birth_date,
    resident_id_check_char,
    resident_id_region,
    resident_id_sex,
    validate_resident_id,
)
from qaward.identifiers.uscc import is_valid_uscc, uscc_check_char, uscc_region, validate_uscc

__all__ = [
    "IdentifierError",
    "Sex",
    "is_valid_resident_id",
    "is_valid_uscc",
    "mask_middle",
    "mask_name",
    "mask_phone",
    "mask_resident_id",
    "resident_id_birth_date",
    "resident_id_check_char",
    "resident_id_region",
    "resident_id_sex",
    "uscc_check_char",
    "uscc_region",
    "validate_resident_id",
    "validate_uscc",
]
