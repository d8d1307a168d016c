"""Read an upload once and decide whether it may be stored.

The checks run in a fixed order and the first failure is reported as a ValidationError whose
(Chinese) message names the file and the limit: empty, too large (declared size, then the bytes
actually counted), type sniffed from the content and allowed for the slot, and for ZIP-based
types the archive safety checks. The bytes end up in a temporary file that the caller stores
and scans; the SHA-256 is computed while reading.
"""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from qaward.documents import archives
from qaward.documents.filetypes import FileType, ooxml_type, sniff
from qaward.documents.slots import Slot, format_size

_CHUNK = 64 * 1024

_ARCHIVE_MESSAGES = {
    "archive_corrupt": _("“%(name)s” is a damaged or unreadable archive and cannot be accepted."),
    "archive_too_many_entries": _("“%(name)s” contains more than %(limit)s entries and cannot be accepted."),
    "archive_too_large": _("“%(name)s” would unpack to more than %(limit)s and cannot be accepted."),
    "archive_ratio": _(
        "“%(name)s” contains an entry (%(entry)s) compressed more than %(limit)s to 1, which is "
        "typical of a zip bomb; the file cannot be accepted."
    ),
    "archive_ratio_overall": _(
        "“%(name)s” is compressed more than %(limit)s to 1 overall, which is typical of a zip "
        "bomb; the file cannot be accepted."
    ),
    "archive_unsafe_path": _(
        "“%(name)s” contains an entry with an absolute path or “..” (%(entry)s) and cannot be accepted."
    ),
    "archive_encrypted": _(
        "“%(name)s” contains an encrypted entry (%(entry)s); remove the password and upload it again."
    ),
    "archive_nested": _(
        "“%(name)s” contains an archive nested too deeply or of a kind that cannot be checked "
        "(%(entry)s); the file cannot be accepted."
    ),
}


@dataclass
class CheckedUpload:
    """Bytes that passed every check, in a temporary file positioned at 0. Close when done."""

    file: IO[bytes]
    size: int
    sha256: str
    file_type: FileType

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> CheckedUpload:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _declared_size(uploaded_file) -> int | None:
    size = getattr(uploaded_file, "size", None)
    return size if isinstance(size, int) else None


def _chunks(uploaded_file):
    if hasattr(uploaded_file, "chunks"):
        yield from uploaded_file.chunks(_CHUNK)
        return
    while chunk := uploaded_file.read(_CHUNK):
        yield chunk


def _refuse_empty(name: str) -> ValidationError:
    return ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})


def _refuse_too_large(name: str, slot: Slot) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is larger than %(limit)s, the limit for “%(slot)s”."),
        code="too_large",
        params={"name": name, "limit": format_size(slot.max_bytes), "slot": slot.label},
    )


def _refuse_type(name: str, slot: Slot, detected: str) -> ValidationError:
    params = {"name": name, "slot": slot.label, "allowed": slot.allowed_labels}
    if detected:
        return ValidationError(
            _(
                "The content of “%(name)s” is %(detected)s, which “%(slot)s” does not accept "
                "(allowed: %(allowed)s). The file name's extension does not decide the type."
            ),
            code="type_not_allowed",
            params={**params, "detected": detected},
        )
    return ValidationError(
        _("The type of “%(name)s” could not be recognised from its content; “%(slot)s” accepts %(allowed)s."),
        code="type_unknown",
        params=params,
    )


def _refuse_archive(name: str, refusal: archives.ArchiveRefused) -> ValidationError:
    params = {"name": name, **refusal.params}
    if refusal.code == "archive_too_large":
        params["limit"] = format_size(refusal.params["limit"])
    return ValidationError(_ARCHIVE_MESSAGES[refusal.code], code=refusal.code, params=params)


def inspect_upload(
    uploaded_file, *, slot: Slot, name: str, limits: archives.ArchiveLimits = archives.DEFAULT_LIMITS
) -> CheckedUpload:
    """Check ``uploaded_file`` for ``slot``; ``name`` is the sanitised original name."""
    declared = _declared_size(uploaded_file)
    if declared == 0:
        raise _refuse_empty(name)
    if declared is not None and declared > slot.max_bytes:
        raise _refuse_too_large(name, slot)

    # The declared size comes from the client: count the bytes too, and stop reading as soon as
    # the limit is passed.
    spool = tempfile.SpooledTemporaryFile(max_size=2 * archives.MiB)  # noqa: SIM115 - handed on in CheckedUpload
    try:
        digest = hashlib.sha256()
        size = 0
        if hasattr(uploaded_file, "seek"):
            uploaded_file.seek(0)
        for chunk in _chunks(uploaded_file):
            size += len(chunk)
            if size > slot.max_bytes:
                raise _refuse_too_large(name, slot)
            digest.update(chunk)
            spool.write(chunk)
        if size == 0:
            raise _refuse_empty(name)
        spool.seek(0)

        file_type = _decide_type(spool, slot=slot, name=name, limits=limits)
        spool.seek(0)
        return CheckedUpload(file=spool, size=size, sha256=digest.hexdigest(), file_type=file_type)
    except BaseException:
        spool.close()
        raise


def _decide_type(spool, *, slot: Slot, name: str, limits: archives.ArchiveLimits) -> FileType:
    sniffed = sniff(spool)
    if not sniffed.is_zip:
        if slot.allows(sniffed.file_type):
            return sniffed.file_type
        raise _refuse_type(name, slot, sniffed.detected)

    # A ZIP container: refuse early when the slot takes no ZIP-based type, and never read an
    # entry's content before the archive has passed the safety checks.
    if not slot.allows_zip_based:
        raise _refuse_type(name, slot, "ZIP")
    try:
        archives.inspect_zip(spool, limits)
    except archives.ArchiveRefused as refusal:
        raise _refuse_archive(name, refusal) from None
    spool.seek(0)
    with zipfile.ZipFile(spool) as archive:
        file_type = ooxml_type(archive)
    if slot.allows(file_type):
        return file_type
    raise _refuse_type(name, slot, file_type.label if file_type else "ZIP")
