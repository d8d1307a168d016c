"""Withdrawing a file: a state change, never a delete (the bytes stay for the retention period)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.documents.enums import FileState
from qaward.documents.models import StoredFile


@transaction.atomic
def withdraw_file(*, stored_file: StoredFile, actor, reason: str = "") -> StoredFile:
    """Mark ``stored_file`` withdrawn. The caller has checked ``documents.withdraw_storedfile``."""
    from qaward.audit.domain import record

    locked = StoredFile.objects.select_for_update().get(pk=stored_file.pk)
    if locked.state == FileState.WITHDRAWN:
        raise ValidationError(
            _("“%(name)s” has already been withdrawn."),
            code="already_withdrawn",
            params={"name": locked.original_name},
        )
    before = {"state": locked.state}
    locked.state = FileState.WITHDRAWN
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = actor
    locked.withdrawal_reason = reason.strip()[:500]
    locked.save(update_fields=["state", "withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    record(
        actor=actor,
        action="file.withdraw",
        obj=locked,
        before=before,
        after={"state": locked.state, "reason": locked.withdrawal_reason},
        program=locked.program,
    )
    return locked
