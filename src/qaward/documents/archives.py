"""Safety checks for ZIP-based uploads (docx, xlsx), made without extracting anything.

Everything is judged from the central directory, except that the first bytes of each entry are
read to spot archives hidden under innocent names, and an archive nested one level deep is read
(bounded by its declared size) so that its own entries can be checked the same way. Deeper
nesting is refused. This module imports nothing from Django; refusals carry a code and the
numbers a message needs.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import BinaryIO

MiB = 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 10_000
    max_total_uncompressed: int = 200 * MiB
    max_ratio: int = 100
    # Entries (and archives) smaller than this are not ratio-checked: they cannot inflate into
    # anything harmful, and small XML parts of genuine Office files compress very well.
    ratio_floor: int = MiB
    # Archives inside the upload may contain no archives themselves.
    max_depth: int = 1


DEFAULT_LIMITS = ArchiveLimits()


class ArchiveRefused(Exception):
    """Why an archive is refused: ``code`` picks the message, ``params`` fill it."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass
class _Totals:
    entries: int = 0
    uncompressed: int = 0
    compressed: int = 0
    nested: list[str] = field(default_factory=list)


# Magic numbers of archive and compression formats (tar's is at offset 257).
_ARCHIVE_MAGIC = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    b"\x1f\x8b",  # gzip
    b"BZh",  # bzip2
    b"\xfd7zXZ\x00",  # xz
    b"7z\xbc\xaf\x27\x1c",  # 7-Zip
    b"Rar!\x1a\x07",  # RAR
    b"\x28\xb5\x2f\xfd",  # zstd
    b"MSCF",  # cabinet
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_TAR_MAGIC = b"ustar"
_DRIVE = re.compile(r"^[A-Za-z]:")


def shown_entry_name(name: str) -> str:
    """An entry name fit for a message: no control or direction-override characters, 100 at most."""
    visible = "".join(ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf", "Zl", "Zp"})
    return visible[:100]


def is_unsafe_entry_name(name: str) -> bool:
    """Absolute paths (POSIX, Windows, drive letters) and any ``..`` component."""
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return True
    return ".." in re.split(r"[\\/]", name)


def ratio_exceeded(uncompressed: int, compressed: int, limits: ArchiveLimits) -> bool:
    if uncompressed <= limits.ratio_floor:
        return False
    return uncompressed > limits.max_ratio * max(compressed, 1)


def inspect_zip(stream: BinaryIO, limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
    """Raise :class:`ArchiveRefused` unless the ZIP in ``stream`` is within ``limits``."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ArchiveRefused("archive_corrupt") from exc
    with archive:
        totals = _Totals()
        _inspect(archive, limits, depth=0, totals=totals)
    stream.seek(0)


def _inspect(archive: zipfile.ZipFile, limits: ArchiveLimits, *, depth: int, totals: _Totals) -> None:
    infos = archive.infolist()
    totals.entries += len(infos)
    if totals.entries > limits.max_entries:
        raise ArchiveRefused("archive_too_many_entries", limit=limits.max_entries)

    compressed = uncompressed = 0
    for info in infos:
        if is_unsafe_entry_name(info.filename):
            raise ArchiveRefused("archive_unsafe_path", entry=shown_entry_name(info.filename))
        # Bit 0: encrypted; bit 6: strong encryption.
        if info.flag_bits & 0x41:
            raise ArchiveRefused("archive_encrypted", entry=shown_entry_name(info.filename))
        if ratio_exceeded(info.file_size, info.compress_size, limits):
            raise ArchiveRefused(
                "archive_ratio", entry=shown_entry_name(info.filename), limit=limits.max_ratio
            )
        compressed += info.compress_size
        uncompressed += info.file_size

    totals.uncompressed += uncompressed
    totals.compressed += compressed
    if totals.uncompressed > limits.max_total_uncompressed:
        raise ArchiveRefused("archive_too_large", limit=limits.max_total_uncompressed)
    if ratio_exceeded(uncompressed, compressed, limits):
        raise ArchiveRefused("archive_ratio_overall", limit=limits.max_ratio)

    for info in infos:
        if info.is_dir() or info.file_size == 0:
            continue
        kind = _archive_kind(archive, info)
        if kind is None:
            continue
        if depth + 1 > limits.max_depth or kind != "zip":
            # Too deep, or a format we cannot look into without unpacking it.
            raise ArchiveRefused("archive_nested", entry=shown_entry_name(info.filename))
        with _spooled_entry(archive, info) as nested_stream:
            try:
                nested = zipfile.ZipFile(nested_stream)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
                raise ArchiveRefused("archive_corrupt") from exc
            with nested:
                _inspect(nested, limits, depth=depth + 1, totals=totals)


def _archive_kind(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    """ "zip", "other" or None, from the entry's first bytes (its name does not matter)."""
    try:
        with archive.open(info) as entry:
            head = entry.read(262)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        # Unsupported compression method, damaged data, or a local header that disagrees.
        raise ArchiveRefused("archive_corrupt") from exc
    if head.startswith(_ZIP_MAGIC):
        return "zip"
    if head.startswith(_ARCHIVE_MAGIC) or head[257:262] == _TAR_MAGIC:
        return "other"
    return None


def _spooled_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The entry's bytes in a temporary file (memory first, disk when large). zipfile stops at
    the declared size and checks the CRC, so a lying header cannot make this read unbounded."""
    spool = tempfile.SpooledTemporaryFile(max_size=8 * MiB)  # noqa: SIM115 - returned open to the caller
    try:
        with archive.open(info) as entry:
            shutil.copyfileobj(entry, spool, 1024 * 1024)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        spool.close()
        raise ArchiveRefused("archive_corrupt") from exc
    spool.seek(0)
    return spool
