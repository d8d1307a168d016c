"""The text ``manage.py audit_verify`` and ``qaward audit verify`` print for a chain check."""

from __future__ import annotations

from qaward.audit.chain import iso_utc
from qaward.audit.domain.queries import ChainCheck
from qaward.audit.models import AuditEvent


def describe(check: ChainCheck) -> str:
    """``OK <count> events, head <hash>`` or ``BROKEN at event #<id> (<time>, <action>): <reason>``."""
    if check.ok:
        return f"OK {check.count} events, head {check.head_hash}"
    if check.first_broken_id is None:
        return f"BROKEN after {check.count} verified events, head {check.head_hash}: {check.reason}"
    event = AuditEvent.objects.filter(pk=check.first_broken_id).values("occurred_at", "action").first()
    when = iso_utc(event["occurred_at"]) if event else "?"
    action = event["action"] if event else "?"
    return (
        f"BROKEN at event #{check.first_broken_id} ({when}, {action}): {check.reason} "
        f"(verified before it: {check.count}, last good hash {check.head_hash})"
    )
