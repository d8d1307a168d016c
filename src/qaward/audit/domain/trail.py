"""Writes about the trail itself: an export of audit events is audited too (who took a copy)."""

from __future__ import annotations

from django.db import transaction

from qaward.audit.domain.recording import record
from qaward.audit.models import AuditEvent


@transaction.atomic
def log_trail_export(*, actor, filters: dict, row_count: int, program=None) -> AuditEvent:
    return record(
        actor=actor,
        action="audit.export",
        after={"filters": filters, "rows": row_count},
        program=program,
    )
