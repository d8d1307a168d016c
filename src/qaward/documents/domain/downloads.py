"""Downloads are reads, but every download of a trade-secret file is recorded."""

from __future__ import annotations

from django.db import transaction

from qaward.documents.models import StoredFile


@transaction.atomic
def record_trade_secret_download(*, stored_file: StoredFile, actor, role: str = "", request=None) -> None:
    """Audit one download of a file marked 商业秘密; ``role`` is the basis of access."""
    from qaward.audit.domain import record

    record(
        actor=actor,
        action="file.download_trade_secret",
        obj=stored_file,
        after={
            "slot": stored_file.slot,
            "sha256": stored_file.sha256,
            "state": stored_file.state,
        },
        role=role,
        program=stored_file.program,
        request=request,
    )
