"""The file types uploads may have, and how a type is recognised from the bytes.

The type is decided by the content, never by the name the user gave the file: ``puremagic``
proposes candidates from magic numbers and our own stricter checks confirm them (a PDF must
*start* with ``%PDF-``; an Office Open XML document must be a ZIP that declares its main part in
``[Content_Types].xml``). This module imports nothing from Django.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import BinaryIO

import puremagic


@dataclass(frozen=True)
class FileType:
    code: str
    mime: str
    extension: str  # used for the generated storage name and the download name
    label: str  # what messages call it; type names are the same in Chinese and English
    zip_based: bool = False


PDF = FileType("pdf", "application/pdf", "pdf", "PDF")
JPEG = FileType("jpeg", "image/jpeg", "jpg", "JPEG")
PNG = FileType("png", "image/png", "png", "PNG")
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
    "Word (.docx)",
    zip_based=True,
)
XLSX = FileType(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsx",
    "Excel (.xlsx)",
    zip_based=True,
)

FILE_TYPES: dict[str, FileType] = {t.code: t for t in (PDF, JPEG, PNG, DOCX, XLSX)}

PDF_SIGNATURE = b"%PDF-"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
ZIP_SIGNATURE = b"PK\x03\x04"

# What puremagic may call a ZIP: the container itself or any format built on it.
_ZIP_FAMILY_MIME_PREFIXES = (
    "application/zip",
    "application/x-zip",
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.ms-",
    "application/vnd.oasis.opendocument.",
    "application/java-archive",
    "application/epub+zip",
)

# The main part an OOXML package declares. Macro-enabled variants (docm, xlsm) and templates
# declare other types and are therefore not recognised as docx/xlsx.
_OOXML_MAIN_PARTS = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
CONTENT_TYPES_PART = "[Content_Types].xml"
_CONTENT_TYPES_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Sniffed:
    """What the first and last bytes say.

    ``file_type`` is set for the single-part types (PDF, JPEG, PNG). ``is_zip`` means a ZIP
    container whose exact type is decided only after the archive has been checked.
    ``detected`` is puremagic's best MIME guess, for messages; empty when nothing matched.
    """

    file_type: FileType | None
    is_zip: bool = False
    detected: str = ""


def _candidates(stream: BinaryIO) -> list[str]:
    try:
        matches = puremagic.magic_stream(stream)
    except (puremagic.PureError, ValueError):
        return []
    finally:
        stream.seek(0)
    return [m.mime_type for m in matches if m.mime_type]


def sniff(stream: BinaryIO) -> Sniffed:
    """Recognise ``stream`` (seekable, positioned anywhere; left at 0) from its content."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    candidates = _candidates(stream)
    detected = candidates[0] if candidates else ""
    for signature, file_type in ((PDF_SIGNATURE, PDF), (PNG_SIGNATURE, PNG), (JPEG_SIGNATURE, JPEG)):
        if head.startswith(signature) and file_type.mime in candidates:
            return Sniffed(file_type, detected=file_type.mime)
    if head.startswith(ZIP_SIGNATURE) and any(c.startswith(_ZIP_FAMILY_MIME_PREFIXES) for c in candidates):
        return Sniffed(None, is_zip=True, detected="application/zip")
    return Sniffed(None, detected=detected)


def ooxml_type(archive: zipfile.ZipFile) -> FileType | None:
    """DOCX or XLSX when the package declares that main part, else None.

    Call only after the archive has passed the safety checks. The content-types part is searched
    as bytes, not parsed as XML, so entity tricks in it cannot do anything.
    """
    try:
        info = archive.getinfo(CONTENT_TYPES_PART)
    except KeyError:
        return None
    if info.file_size > _CONTENT_TYPES_MAX_BYTES:
        return None
    with archive.open(info) as part:
        declared = part.read(_CONTENT_TYPES_MAX_BYTES + 1)
    found = {file_type for marker, file_type in _OOXML_MAIN_PARTS.items() if marker in declared}
    # A package claiming to be both is not something Word or Excel wrote.
    return found.pop() if len(found) == 1 else None
