"""Excel import and export of a program's expert pool (openpyxl).

Import is all or nothing: every row is checked first; if any row has a problem nothing is
written and the report lists each problem by row and column, in Chinese. A workbook that is not
a readable .xlsx is refused with a message, never a crash.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from qaward.experts.domain import pool
from qaward.experts.domain.common import check_actor, clean_uscc, record_event
from qaward.experts.enums import ExpertStatus
from qaward.experts.models import Expert

# (key, header). Headers are the workbook's contract with the office; they stay Chinese.
COLUMNS = (
    ("code", "专家编号"),
    ("name", "姓名"),
    ("employer_name", "工作单位"),
    ("employer_uscc", "工作单位统一社会信用代码"),
    ("region_code", "地区代码"),
    ("title", "职称/资格"),
    ("industry_codes", "行业代码"),
    ("keywords", "专业关键词"),
    ("languages", "语言"),
    ("may_lead", "可任组长"),
    ("max_load", "最高工作量"),
    ("status", "状态"),
    ("phone", "手机"),
    ("email", "电子邮箱"),
    ("former", "曾任职单位"),
)
HEADERS = {header: key for key, header in COLUMNS}
YES, NO = "是", "否"
STATUS_TEXT = {
    ExpertStatus.ACTIVE: "在库",
    ExpertStatus.SUSPENDED: "暂停",
    ExpertStatus.DISQUALIFIED: "取消资格",
}
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


@dataclass
class RowProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行「{self.column}」：{self.message}"


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def _date(text: str, *, end: bool) -> dt.date:
    m = _MONTH.match(text.strip())
    if not m:
        raise ValueError(f"日期「{text}」应写成 2021-06 或 2021-06-30")
    year, month = int(m.group(1)), int(m.group(2))
    if m.group(3):
        return dt.date(year, month, int(m.group(3)))
    if end:  # "until 2021-06" means to the end of June
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, month, 1)


def parse_former(text: str) -> list[dict]:
    """ "单位|代码|2015-01|2021-06；单位2||2010-03|2014-12" → dicts. Raises ValueError."""
    out = []
    for part in re.split(r"[;；\n]+", text or ""):
        if not part.strip():
            continue
        bits = [b.strip() for b in part.split("|")]
        if len(bits) != 4 or not bits[0] or not bits[3]:
            raise ValueError(
                f"「{part.strip()}」应写成 单位名称|统一社会信用代码|起始年月|截止年月（代码和起始年月可空）"
            )
        uscc = clean_uscc(bits[1], "former") if bits[1] else ""
        started = _date(bits[2], end=False) if bits[2] else None
        ended = _date(bits[3], end=True)
        if started and started > ended:
            raise ValueError(f"「{bits[0]}」的起始年月晚于截止年月")
        out.append({"employer_name": bits[0], "employer_uscc": uscc, "started": started, "ended": ended})
    return out


def _row_problems(row_no: int, error: ValidationError) -> list[RowProblem]:
    headers = dict(COLUMNS)
    out = []
    for key, messages in error.message_dict.items():
        column = headers.get(key, key if key != "__all__" else "")
        out.extend(RowProblem(row_no, column, m) for m in messages)
    return out


def _open_sheet(data: bytes):
    from openpyxl import load_workbook

    from qaward.documents.archives import ArchiveRefused, inspect_zip

    if len(data) > MAX_BYTES:
        raise ValidationError(_("The workbook is larger than 5 MB; split it into several files."))
    try:
        inspect_zip(io.BytesIO(data))
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ArchiveRefused:
        raise ValidationError(_("The file is not a readable Excel workbook (.xlsx).")) from None
    except Exception:  # openpyxl raises many kinds of errors for broken files
        raise ValidationError(_("The file is not a readable Excel workbook (.xlsx).")) from None
    return book.worksheets[0]


def read_rows(data: bytes) -> tuple[list[tuple[int, dict]], list[RowProblem]]:
    """The data rows as (row number, {key: text}) plus problems with the header itself."""
    sheet = _open_sheet(data)
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        return [], [RowProblem(1, "", _("The first row must hold the column headers."))]
    keys = [HEADERS.get(_text(cell)) for cell in header]
    missing = [h for k, h in COLUMNS if k in ("name", "industry_codes") and k not in keys]
    if missing:
        return [], [
            RowProblem(1, h, _("This column is missing; download the template for the layout."))
            for h in missing
        ]
    out = []
    for number, values in enumerate(rows, start=2):
        record = {k: _text(v) for k, v in zip(keys, values, strict=False) if k}
        if not any(record.values()):
            continue
        out.append((number, record))
        if len(out) > MAX_ROWS:
            return [], [RowProblem(number, "", _("At most 5000 experts per workbook."))]
    return out, []


def _check_row(number: int, record: dict, program, seen: dict) -> tuple[dict, list[RowProblem]]:
    problems: list[RowProblem] = []
    expert = None
    code = record.get("code", "")
    if code:
        m = re.fullmatch(r"E(\d+)", code.upper())
        expert = Expert.objects.filter(pk=int(m.group(1))).first() if m else None
        if expert is None or not expert.memberships.filter(program=program, ended_at__isnull=True).exists():
            problems.append(
                RowProblem(number, "专家编号", f"本奖项专家库中没有编号为「{code}」的专家；新专家请留空")
            )
        elif code.upper() in seen:
            problems.append(RowProblem(number, "专家编号", f"与第{seen[code.upper()]}行重复"))
        else:
            seen[code.upper()] = number
    lead = record.get("may_lead", "")
    if lead not in ("", YES, NO):
        problems.append(RowProblem(number, "可任组长", "请填「是」或「否」"))
    status_text = record.get("status", "")
    status = next((k for k, v in STATUS_TEXT.items() if v == status_text), None)
    if status_text and status is None:
        problems.append(RowProblem(number, "状态", f"请填 {'、'.join(STATUS_TEXT.values())} 之一"))
    if status and status != ExpertStatus.ACTIVE and (expert is None or expert.status != status):
        problems.append(
            RowProblem(number, "状态", "暂停和取消资格须在专家页面填写理由和条款，不能通过导入设置")
        )
    profile = {k: record.get(k, "") for k in pool.PROFILE_FIELDS}
    profile["may_lead"] = lead == YES
    profile["max_load"] = record.get("max_load") or 5
    try:
        profile = pool.clean_profile(profile)
    except ValidationError as error:
        problems.extend(_row_problems(number, error))
    try:
        former = parse_former(record.get("former", ""))
    except (ValueError, ValidationError) as error:
        message = error.messages[0] if isinstance(error, ValidationError) else str(error)
        problems.append(RowProblem(number, "曾任职单位", message))
        former = []
    return {"expert": expert, "profile": profile, "former": former, "status": status}, problems


def import_pool(*, program, data: bytes, actor) -> ImportReport:
    """Check every row; write all of them (one transaction) only when none has a problem."""
    check_actor(actor, "experts.manage_pool", program)
    report = ImportReport()
    try:
        rows, report.problems = read_rows(data)
    except ValidationError as error:
        report.problems = [RowProblem(0, "", m) for m in error.messages]
        return report
    report.rows = len(rows)
    checked, seen = [], {}
    for number, record in rows:
        item, problems = _check_row(number, record, program, seen)
        report.problems.extend(problems)
        checked.append(item)
    if report.problems or not checked:
        if not checked and not report.problems:
            report.problems.append(RowProblem(2, "", _("The workbook has no expert rows.")))
        return report
    _write(program, checked, actor, report)
    return report


@transaction.atomic
def _write(program, checked: list[dict], actor, report: ImportReport) -> None:
    for item in checked:
        expert = item["expert"]
        if expert is None:
            expert = pool.create_expert(program=program, actor=actor, **item["profile"])
            report.created.append(expert.name)
        else:
            pool.update_expert(expert=expert, program=program, actor=actor, **item["profile"])
            report.updated.append(expert.name)
        known = {(f.employer_name, f.ended) for f in expert.former_employments.all()}
        for former in item["former"]:
            if (former["employer_name"], former["ended"]) not in known:
                pool.add_former_employment(expert=expert, program=program, actor=actor, **former)
        if item["status"] and item["status"] != expert.status and item["status"] == ExpertStatus.ACTIVE:
            # Suspension and disqualification need a reason and article: only on the profile page.
            pool.set_status(
                expert=expert, status=item["status"], reason="", article="", program=program, actor=actor
            )
    record_event(
        actor=actor,
        action="experts.pool_imported",
        obj=program,
        after={"created": len(report.created), "updated": len(report.updated)},
        program=program,
    )


def _former_text(expert: Expert) -> str:
    parts = []
    for f in expert.former_employments.all():
        start = f.started.strftime("%Y-%m") if f.started else ""
        parts.append(f"{f.employer_name}|{f.employer_uscc}|{start}|{f.ended:%Y-%m}")
    return "；".join(parts)


def export_pool(experts) -> bytes:
    """The workbook of ``experts`` in the import layout (a round trip changes nothing)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "专家库"
    sheet.append([header for _key, header in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for e in experts:
        sheet.append(
            [
                e.code, e.name, e.employer_name, e.employer_uscc, e.region_code, e.title,
                "、".join(e.industry_codes), "、".join(e.keywords), "、".join(e.languages),
                YES if e.may_lead else NO, e.max_load, STATUS_TEXT.get(e.status, e.status),
                e.phone, e.email, _former_text(e),
            ]
        )  # fmt: skip
    for column, width in zip(
        "ABCDEFGHIJKLMNO", (10, 10, 28, 22, 9, 18, 22, 28, 10, 9, 10, 9, 14, 24, 50), strict=True
    ):
        sheet.column_dimensions[column].width = width
    notes = book.create_sheet("填写说明")
    for line in (
        ("专家编号", "导出时生成；新专家留空，修改已有专家时保留原编号。"),
        ("行业代码", "GB/T 4754 代码，门类字母或 2–4 位数字，如 C、C26、C2614；多个用顿号分隔。"),
        ("可任组长", "是 / 否"),
        ("状态", "在库 / 暂停 / 取消资格；暂停和取消资格须在专家页面填写理由和条款。"),
        (
            "曾任职单位",
            "单位名称|统一社会信用代码|起始年月|截止年月，多段用分号分隔，如 长春一汽|…|2010-03|2018-06",
        ),
        ("导入规则", "全部行检查无误才导入；任何一行有问题时一行也不导入，并逐行列出问题。"),
    ):
        notes.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
