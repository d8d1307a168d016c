"""The audit trail as an Excel workbook: the columns the trail page shows, never before/after
data (it may hold personal data that the trail page does not show either)."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from qaward.audit.labels import action_label, object_text, role_label

HEADER = ["编号", "时间（北京时间）", "操作人", "角色", "操作", "对象", "所属奖项", "依据", "说明"]
WIDTHS = [10, 22, 16, 14, 28, 36, 22, 40, 60]


def _text(sheet, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=str(value or ""))
    # Always text: a username or label such as "=HYPERLINK(…)" must not become a formula.
    cell.data_type = "s"
    return cell


def write_workbook(events) -> bytes:
    """``events``: an iterable of AuditEvent with ``program`` selected; streamed row by row."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("审计日志")
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    bold = Font(bold=True)
    header = []
    for title in HEADER:
        cell = _text(sheet, title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for event in events:
        when = WriteOnlyCell(sheet, value=timezone.localtime(event.occurred_at).replace(tzinfo=None))
        when.number_format = "yyyy-mm-dd hh:mm:ss"
        sheet.append(
            [
                event.pk,
                when,
                _text(sheet, event.actor_label),
                _text(sheet, role_label(event.role)),
                _text(sheet, action_label(event.action)),
                _text(sheet, object_text(event)),
                _text(sheet, event.program.name if event.program_id else ""),
                _text(sheet, event.citation),
                _text(sheet, event.message),
            ]
        )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
