"""Automated refusals: every "no" a rule gives is recorded before it is shown.

The brief requires that every automated decision (ineligible, late objection, ban, quota full,
deadline) names the rule and its article in the message *and* in the audit log. A refusal
changes nothing else, so it is recorded in a transaction of its own and then raised as a
``ValidationError`` carrying the verdict. Call ``refuse`` *outside* the atomic block of the
change it refuses: an enclosing transaction that rolls back would take the record with it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from qaward.audit.domain.recording import record


class RuleRefused(ValidationError):
    """A ValidationError whose message comes from a rulebook verdict (``.verdict``)."""

    def __init__(self, verdict, field: str | None = None):
        self.verdict = verdict
        message = getattr(verdict, "message", None) or verdict["message"]
        super().__init__({field: [message]} if field else message, code="rule")


def refuse(*, actor, action: str, verdict, obj=None, program=None, field: str | None = None, role: str = ""):
    """Record ``action`` + ``.refused`` with the verdict, then raise ``RuleRefused``."""
    with transaction.atomic():
        record(
            actor=actor,
            action=f"{action}.refused",
            obj=obj,
            verdict=verdict,
            program=program,
            role=role,
        )
    raise RuleRefused(verdict, field=field)
