"""Helpers shared by the objections domain functions."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qaward.accounts.domain.queries import holds_role_in
from qaward.accounts.models import Role
from qaward.audit.domain import record
from qaward.rulebooks import registry
from qaward.workdays import CalendarYearMissing

# What the audit log and every page not entitled to the objector's identity say instead.
CONFIDENTIAL = "异议人（保密）"


def book_of(cycle):
    return registry.get(cycle.rulebook_id)


def new_token() -> tuple[str, str]:
    """A secret for the status page and its SHA-256 (only the hash is stored)."""
    token = secrets.token_urlsafe(18)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256((token or "").strip().encode()).hexdigest()


def tokens_match(stored_hash: str, token: str) -> bool:
    return bool(stored_hash) and secrets.compare_digest(stored_hash, token_hash(token))


def number_for(prefix: str, pk: int, year: int) -> str:
    """Receipt numbers from the row id: unique without a counter to contend for."""
    return f"{prefix}{year}-{pk:06d}"


def require_office(actor, program) -> None:
    if not holds_role_in(actor, program, [Role.OFFICE_STAFF]):
        raise ValidationError(
            _("Only the award office of this program handles objections."), code="not_allowed"
        )


def require_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: [message]})
    return value


def work_calendar():
    from qaward.programs.calendar import current_work_calendar

    return current_work_calendar()


def due_or_none(compute):
    """``compute()`` or None when the office has not entered the calendar of a year it needs."""
    try:
        return compute()
    except CalendarYearMissing:
        return None


def refuse_all(*, actor, refusals, action: str, program, obj=None, field_map: dict | None = None) -> None:
    """Record every refusal (each in its own transaction, like ``audit.domain.refuse``) and raise
    one ValidationError carrying all messages, keyed by form field."""
    field_map = field_map or {}
    errors: dict[str, list[str]] = {}
    for refusal in refusals:
        with transaction.atomic():
            record(actor=actor, action=f"{action}.refused", obj=obj, verdict=refusal.verdict, program=program)
        key = field_map.get(refusal.field, refusal.field) or NON_FIELD_ERRORS
        errors.setdefault(key, []).append(refusal.verdict.message)
    if errors:
        raise ValidationError(errors, code="rule")
