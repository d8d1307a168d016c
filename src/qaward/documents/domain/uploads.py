"""Storing an upload: check it, scan it, write it privately, record it."""

from __future__ import annotations

import logging
import uuid
import weakref

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.documents.enums import ScanStatus
from qaward.documents.inspection import CheckedUpload, inspect_upload
from qaward.documents.models import StoredFile
from qaward.documents.names import generate_storage_name, sanitise_original_name
from qaward.documents.scan import ScanResult, scan_stream
from qaward.documents.slots import get_slot
from qaward.documents.storage import private_storage

logger = logging.getLogger(__name__)


def store_upload(
    *,
    uploaded_file,
    slot: str,
    actor,
    program=None,
    owner=None,
    trade_secret: bool = False,
    public: bool = False,
) -> StoredFile:
    """Check ``uploaded_file`` against ``slot``, scan it, store it privately and return its row.

    ``public=True``: the file comes from a visitor without an account (a portal form such as an
    objection) or from the system itself (a letter no user issued, ``store_generated_pdf``);
    ``actor`` may then be None and the file has no uploader (only the office of its program may
    download it).

    Refusals are ValidationErrors whose (Chinese) messages name the file and the limit. Call it
    outside any enclosing transaction where possible: the audit event of an infected upload is
    written before the refusal is raised, and survives only if nothing rolls it back.
    """
    slot_def = get_slot(slot)
    if not public and (actor is None or not getattr(actor, "is_authenticated", False)):
        raise ValueError("store_upload needs the authenticated user who uploads the file")
    if not getattr(actor, "is_authenticated", False):
        actor = None
    name = sanitise_original_name(getattr(uploaded_file, "name", ""))

    with inspect_upload(uploaded_file, slot=slot_def, name=name) as checked:
        scan = scan_stream(checked.file)
        if scan.status == ScanStatus.INFECTED:
            _record_refusal("file.rejected_infected", actor, program, name, slot, checked, scan, trade_secret)
            raise ValidationError(
                _("“%(name)s” contains a virus (%(signature)s) and was not accepted."),
                code="infected",
                params={"name": name, "signature": scan.detail},
            )
        if scan.status == ScanStatus.ERROR and getattr(settings, "QAWARD_CLAMD_REQUIRED", False):
            _record_refusal(
                "file.rejected_scan_error", actor, program, name, slot, checked, scan, trade_secret
            )
            raise ValidationError(
                _(
                    "“%(name)s” could not be checked for viruses because the virus scanner is "
                    "unavailable; please try again later."
                ),
                code="scan_unavailable",
                params={"name": name},
            )
        return _save(
            checked=checked,
            scan=scan,
            name=name,
            slot=slot,
            actor=actor,
            program=program,
            owner=owner,
            trade_secret=trade_secret,
        )


def _save(*, checked: CheckedUpload, scan: ScanResult, name, slot, actor, program, owner, trade_secret):
    from qaward.audit.domain import record

    storage = private_storage()
    file_id = uuid.uuid4()
    now = timezone.now()
    target = generate_storage_name(file_id=file_id, extension=checked.file_type.extension, when=now)
    # The bytes are written before the row. If this block fails they are removed at once; if an
    # enclosing transaction rolls back later they are removed by _remove_unless_committed.
    stored_name = storage.save(target, File(checked.file, name=target))
    try:
        with transaction.atomic():
            stored = StoredFile.objects.create(
                id=file_id,
                slot=slot,
                original_name=name,
                content_type=checked.file_type.mime,
                size=checked.size,
                sha256=checked.sha256,
                storage_name=stored_name,
                trade_secret=bool(trade_secret),
                program=program,
                owner_content_type=ContentType.objects.get_for_model(owner) if owner is not None else None,
                owner_object_id=str(owner.pk) if owner is not None else "",
                uploaded_by=actor,
                uploaded_at=now,
                scan_status=scan.status,
                scan_detail=scan.detail,
            )
            record(
                actor=actor,
                action="file.upload",
                obj=stored,
                after=upload_facts(stored),
                program=program,
            )
            _remove_unless_committed(storage, stored_name)
    except BaseException:
        _delete_quietly(storage, stored_name)
        raise
    return stored


def upload_facts(stored: StoredFile) -> dict:
    """What the audit log keeps about an upload: metadata, never content, and not the name of a
    trade-secret file (the name can give the secret away; the file id identifies it)."""
    return {
        "slot": stored.slot,
        "original_name": "" if stored.trade_secret else stored.original_name,
        "content_type": stored.content_type,
        "size": stored.size,
        "sha256": stored.sha256,
        "storage_name": stored.storage_name,
        "confidential": stored.trade_secret,  # the audit log redacts keys containing "secret"
        "scan_status": stored.scan_status,
        "scan_detail": stored.scan_detail,
        "owner": (
            f"{stored.owner_content_type.app_label}.{stored.owner_content_type.model}:{stored.owner_object_id}"
            if stored.owner_content_type_id
            else ""
        ),
    }


def _record_refusal(
    action, actor, program, name, slot, checked: CheckedUpload, scan: ScanResult, trade_secret: bool
) -> None:
    from qaward.audit.domain import record

    with transaction.atomic():
        record(
            actor=actor,
            action=action,
            after={
                "slot": slot,
                "original_name": "" if trade_secret else name,
                "confidential": bool(trade_secret),
                "content_type": checked.file_type.mime,
                "size": checked.size,
                "sha256": checked.sha256,
                "scan_status": scan.status,
                "scan_detail": scan.detail,
            },
            program=program,
        )


def _remove_unless_committed(storage, name: str) -> None:
    """Delete ``name`` from ``storage`` if the current transaction does not commit.

    Django has on_commit but no on_rollback. A rollback (of the transaction, or of the savepoint
    the callback was registered in) or a closed connection discards the pending on_commit
    callbacks; the finalizer fires when our callback is discarded (CPython frees it at once) and
    deletes the bytes unless the callback ran first, i.e. unless the transaction committed.
    """
    outcome = {"committed": False}

    def mark_committed() -> None:
        outcome["committed"] = True

    weakref.finalize(mark_committed, _delete_unless_committed, storage, name, outcome)
    transaction.on_commit(mark_committed)


def _delete_unless_committed(storage, name: str, outcome: dict) -> None:
    if not outcome["committed"]:
        logger.info("transaction rolled back; removing stored bytes %s", name)
        _delete_quietly(storage, name)


def _delete_quietly(storage, name: str) -> None:
    try:
        storage.delete(name)
    except Exception:  # the rollback must not be masked by a cleanup failure
        logger.exception("could not remove %s after a failed upload", name)
