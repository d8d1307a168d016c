"""File names: the name the user gave is kept only as data; the name on disk is generated."""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import datetime

MAX_ORIGINAL_NAME = 200
FALLBACK_NAME = "file"

# Cc: control characters; Cf: format characters such as U+202E RIGHT-TO-LEFT OVERRIDE, which can
# make "report\u202efdp.exe" display as "reportexe.pdf"; Zl/Zp: line and paragraph separators.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}
_DOT_RUNS = re.compile(r"\.{2,}")


def sanitise_original_name(name: str | None) -> str:
    """The user's file name made safe to keep and show: no directories, no control or format
    characters, no ``..``, no leading or trailing dots or spaces, at most 200 characters with the
    extension kept. Never used as a path."""
    text = unicodedata.normalize("NFC", str(name or ""))
    # Browsers and old clients may send a full path, with either separator.
    text = re.split(r"[\\/]", text)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE_CATEGORIES)
    text = _DOT_RUNS.sub(".", text)
    text = text.strip(" .\t")
    if not text:
        return FALLBACK_NAME
    if len(text) > MAX_ORIGINAL_NAME:
        stem, dot, extension = text.rpartition(".")
        if dot and stem and 0 < len(extension) <= 16:
            text = stem[: MAX_ORIGINAL_NAME - len(extension) - 1].rstrip(" .") + "." + extension
        else:
            text = text[:MAX_ORIGINAL_NAME].rstrip(" .")
    return text


def generate_storage_name(*, file_id: uuid.UUID, extension: str, when: datetime) -> str:
    """``<yyyy>/<mm>/<uuid hex>.<ext>``: nothing the user typed reaches the disk. ``extension``
    comes from the sniffed type."""
    if not re.fullmatch(r"[a-z0-9]{1,8}", extension):
        raise ValueError(f"unexpected extension {extension!r}")
    return f"{when:%Y}/{when:%m}/{file_id.hex}.{extension}"
