"""公民身份号码 (citizen identity number), GB 11643-1999.

Structure (18 characters): 1–6 GB/T 2260 region of first registration · 7–14 birth date
YYYYMMDD · 15–17 sequence (the 17th digit is odd for men, even for women) · 18 check character,
ISO 7064 MOD 11-2: check = "10X98765432"[Σ(digit·weight) mod 11].

The region is deliberately not looked up in a table: people keep the number issued under a
region code that has since been abolished, and such numbers are valid.
"""

from __future__ import annotations

import enum
from datetime import date

from qaward.identifiers._text import normalise, shown
from qaward.identifiers.errors import IdentifierError

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
LENGTH = 18
LEGACY_LENGTH = 15
EARLIEST_BIRTH = date(1900, 1, 1)
_DIGITS = frozenset("0123456789")

# Chinese texts; qaward.privacy.validators carries the same texts as translated gettext msgids
# (a test keeps the two identical).
MESSAGES = {
    "resident_id_length": "公民身份号码应为18位，现在是%(length)s位。",
    "resident_id_legacy": "这是15位的旧身份证号码，请填写现行的18位公民身份号码。",
    "resident_id_character": "公民身份号码第%(position)s位“%(char)s”不是数字。",
    "resident_id_check_character": "公民身份号码第18位（校验码）只能是数字或X，现在是“%(char)s”。",
    "resident_id_birth_date": "公民身份号码第7–14位的出生日期“%(date)s”不是真实存在的日期。",
    "resident_id_birth_future": "公民身份号码中的出生日期%(date)s晚于今天。",
    "resident_id_birth_too_early": "公民身份号码中的出生日期%(date)s早于1900年1月1日。",
    "resident_id_check": (
        "公民身份号码的校验码（第18位）不对：填的是“%(given)s”，按前17位计算应为“%(expected)s”。"
        "请核对是否有抄错的数字。"
    ),
}


class Sex(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


def _error(code: str, **params) -> IdentifierError:
    return IdentifierError(code, MESSAGES[code] % params, **params)


def resident_id_check_char(first17: str) -> str:
    """The check character (0–9 or X) for the first 17 digits."""
    if len(first17) != LENGTH - 1 or not set(first17) <= _DIGITS:
        raise ValueError("resident_id_check_char needs 17 ASCII digits")
    return CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def validate_resident_id(number: str, today: date | None = None) -> str:
    """The normalised number (NFKC, stripped, x → X), or ``IdentifierError`` naming what is
    wrong: length, a non-digit and its position, the birth date (not a date, in the future,
    before 1900), or the check character and what it should be.

    ``today`` defaults to the process's local date; Django code passes ``timezone.localdate()``.
    """
    value = normalise(number)
    if len(value) == LEGACY_LENGTH and set(value) <= _DIGITS:
        raise _error("resident_id_legacy")
    if len(value) != LENGTH:
        raise _error("resident_id_length", length=len(value))
    for position, char in enumerate(value[:17], start=1):
        if char not in _DIGITS:
            raise _error("resident_id_character", position=position, char=shown(char))
    if value[17] not in _DIGITS and value[17] != "X":
        raise _error("resident_id_check_character", char=shown(value[17]))

    raw = value[6:14]
    shown_date = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    try:
        birth = date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        raise _error("resident_id_birth_date", date=shown_date) from None
    if birth > (today or date.today()):
        raise _error("resident_id_birth_future", date=shown_date)
    if birth < EARLIEST_BIRTH:
        raise _error("resident_id_birth_too_early", date=shown_date)

    expected = resident_id_check_char(value[:17])
    if value[17] != expected:
        raise _error("resident_id_check", given=value[17], expected=expected)
    return value


def is_valid_resident_id(number: str, today: date | None = None) -> bool:
    try:
        validate_resident_id(number, today)
    except IdentifierError:
        return False
    return True


def resident_id_birth_date(number: str, today: date | None = None) -> date:
    """The birth date encoded in a valid number (validates first)."""
    value = validate_resident_id(number, today)
    return date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def resident_id_sex(number: str, today: date | None = None) -> Sex:
    """Sex encoded by the 17th digit: odd for male, even for female (validates first)."""
    value = validate_resident_id(number, today)
    return Sex.MALE if int(value[16]) % 2 else Sex.FEMALE


def resident_id_region(number: str, today: date | None = None) -> str:
    """Positions 1–6, the GB/T 2260 region of first registration (validates first)."""
    return validate_resident_id(number, today)[:6]
