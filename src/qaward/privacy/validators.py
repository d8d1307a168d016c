"""Django validators over ``qaward.identifiers``: the pure error becomes a field-level
``ValidationError`` with a translated message (English msgids; the Chinese translations are
the texts of the pure package, kept identical by tests/privacy/test_validators.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.identifiers import IdentifierError
from qaward.identifiers import validate_resident_id as _validate_resident_id
from qaward.identifiers import validate_uscc as _validate_uscc

MESSAGES = {
    "uscc_length": _("A unified social credit code has 18 characters; this one has %(length)s."),
    "uscc_character": _(
        "Character %(position)s of the unified social credit code, “%(char)s”, is not allowed: "
        "use only the digits 0–9 and capital letters other than I, O, S, V and Z."
    ),
    "uscc_check": _(
        "The check character (18th) of the unified social credit code is wrong: it is "
        "“%(given)s”, but the first 17 characters give “%(expected)s”. Check for a mistyped character."
    ),
    "resident_id_length": _("A citizen identity number has 18 characters; this one has %(length)s."),
    "resident_id_legacy": _(
        "This is an old 15-digit identity card number; enter the current 18-character citizen "
        "identity number."
    ),
    "resident_id_character": _(
        "Character %(position)s of the citizen identity number, “%(char)s”, is not a digit."
    ),
    "resident_id_check_character": _(
        "The 18th (check) character of the citizen identity number must be a digit or X, not “%(char)s”."
    ),
    "resident_id_birth_date": _(
        "The birth date in characters 7–14 of the citizen identity number, “%(date)s”, is not a real date."
    ),
    "resident_id_birth_future": _("The birth date %(date)s in the citizen identity number is after today."),
    "resident_id_birth_too_early": _(
        "The birth date %(date)s in the citizen identity number is before 1 January 1900."
    ),
    "resident_id_check": _(
        "The check character (18th) of the citizen identity number is wrong: it is “%(given)s”, "
        "but the first 17 digits give “%(expected)s”. Check for a mistyped digit."
    ),
}


def as_validation_error(error: IdentifierError) -> ValidationError:
    return ValidationError(MESSAGES[error.code], code=error.code, params=error.params)


def normalise_uscc(value: str) -> str:
    """The normalised code, or a ``ValidationError`` saying what is wrong."""
    try:
        return _validate_uscc(value)
    except IdentifierError as error:
        raise as_validation_error(error) from None


def normalise_resident_id(value: str) -> str:
    """The normalised number (birth date checked against today's date in TIME_ZONE)."""
    try:
        return _validate_resident_id(value, today=timezone.localdate())
    except IdentifierError as error:
        raise as_validation_error(error) from None


def validate_uscc(value: str) -> None:
    """Model/form field validator for 统一社会信用代码 (GB 32100-2015)."""
    normalise_uscc(value)


def validate_resident_id(value: str) -> None:
    """Model/form field validator for 公民身份号码 (GB 11643-1999)."""
    normalise_resident_id(value)
