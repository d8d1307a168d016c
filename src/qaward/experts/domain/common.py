"""Helpers shared by the expert writes: audit hook, permission check, field cleaning."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError

from qaward.identifiers import IdentifierError, validate_uscc
from qaward.matching import normalise_code
from qaward.programs.validators import validate_gb2260_code

LIST_SEPARATORS = re.compile(r"[、,，;；\s]+")


def record_event(**kwargs):
    from qaward.audit.domain import record

    return record(**kwargs)


def check_actor(actor, perm: str, obj) -> None:
    """Refuse an actor beyond their rights (views check the same rule first and answer 404).
    ``actor=None`` is the system itself (demo loader, management commands)."""
    import rules

    if actor is not None and not rules.has_perm(perm, actor, obj):
        raise PermissionDenied(f"{actor} may not {perm} on {obj!r}")


def acting_role(actor, program) -> str:
    from qaward.accounts.domain.queries import acting_role as role_of

    return role_of(actor, program)


def split_list(value) -> list[str]:
    """ "C26、C27, 化工" → ["C26", "C27", "化工"]; lists pass through stripped; blanks dropped."""
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else LIST_SEPARATORS.split(str(value))
    return list(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))


def clean_codes(value, field: str = "industry_codes") -> list[str]:
    codes, errors = [], []
    for raw in split_list(value):
        try:
            codes.append(normalise_code(raw))
        except ValueError as error:
            errors.append(str(error))
    if errors:
        raise ValidationError({field: errors})
    return list(dict.fromkeys(codes))


def clean_uscc(value: str, field: str = "employer_uscc") -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return validate_uscc(value)
    except IdentifierError as error:
        raise ValidationError({field: str(error)}) from None


def clean_region(value: str, field: str = "region_code") -> str:
    value = (value or "").strip()
    if value:
        try:
            validate_gb2260_code(value)
        except ValidationError as error:
            raise ValidationError({field: error.messages}) from None
    return value


def require_text(value: str, field: str, message) -> str:
    """``value`` stripped, or a refusal on ``field`` with the (already translated) ``message``."""
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value
