"""Upload slots as data: what each kind of document may be and how large.

Later issues attach these documents to applications, recommendations and publicity records;
each refers to a slot by its code. Sizes are in bytes (MB here means 1024 × 1024 bytes).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from qaward.documents.filetypes import DOCX, JPEG, PDF, PNG, XLSX, FileType

MB = 1024 * 1024


@dataclass(frozen=True)
class Slot:
    code: str
    label: str | Promise
    allowed: tuple[FileType, ...]
    max_bytes: int

    def allows(self, file_type: FileType | None) -> bool:
        return file_type is not None and file_type in self.allowed

    @property
    def allows_zip_based(self) -> bool:
        return any(t.zip_based for t in self.allowed)

    @property
    def allowed_labels(self) -> str:
        return "、".join(t.label for t in self.allowed)


_SLOTS = (
    Slot("application_form", _("Application form"), (PDF,), 20 * MB),
    Slot("self_evaluation", _("Self-evaluation report"), (PDF, DOCX), 50 * MB),
    Slot("evidence", _("Supporting evidence"), (PDF, JPEG, PNG, DOCX, XLSX), 50 * MB),
    Slot("id_proof", _("Proof of identity"), (PDF, JPEG, PNG), 10 * MB),
    Slot("sealed_letter", _("Letter bearing the official seal"), (PDF, JPEG, PNG), 10 * MB),
    Slot("publicity_proof", _("Proof of in-house publicity"), (PDF, JPEG, PNG), 20 * MB),
    Slot("credit_check", _("Credit record check"), (PDF, JPEG, PNG), 20 * MB),
    # Letters the system writes itself (e.g. 不予受理通知书), see documents/pdf.py.
    Slot("official_letter", _("Official letter"), (PDF,), 20 * MB),
)

SLOTS: dict[str, Slot] = {slot.code: slot for slot in _SLOTS}


def get_slot(code: str) -> Slot:
    try:
        return SLOTS[code]
    except KeyError:
        # A programming error (slots come from code, not from users), hence not a ValidationError.
        raise ValueError(f"unknown upload slot {code!r}; known: {', '.join(SLOTS)}") from None


def slot_choices() -> list[tuple[str, str | Promise]]:
    return [(slot.code, slot.label) for slot in _SLOTS]


def format_size(size: int) -> str:
    """Sizes for messages: "20 MB", "1.5 MB", "900 KB", "12 B"."""
    if size >= MB:
        value = size / MB
        return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"
