"""Excel import/export of the pool: row-level Chinese problems, all or nothing, round trip."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from qaward.accounts.models import Role
from qaward.experts.domain import excel, queries
from qaward.experts.models import Expert

from .helpers import FAW, make_expert

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def workbook(rows, headers=None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers or [h for _k, h in excel.COLUMNS])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row(**values):
    keys = [k for k, _h in excel.COLUMNS]
    return [values.get(k, "") for k in keys]


def test_good_workbook_imports_everything(world):
    staff = world.p.holders[Role.OFFICE_STAFF]
    data = workbook(
        [
            row(name="张海峰", employer_name="中国第一汽车集团有限公司", employer_uscc=FAW, region_code="220100",
                industry_codes="C36、C3670", keywords="汽车、整车制造", may_lead="是", max_load=6,
                former="长春客车厂||2001-07|2010-12"),
            row(name="刘素芬", employer_name="吉林大学", industry_codes="M74", keywords="检验检测"),
        ]
    )  # fmt: skip
    report = excel.import_pool(program=world.p.program, data=data, actor=staff)
    assert report.ok, [str(p) for p in report.problems]
    assert report.created == ["张海峰", "刘素芬"]
    zhang = Expert.objects.get(name="张海峰")
    assert zhang.may_lead and zhang.max_load == 6 and zhang.industry_codes == ["C36", "C3670"]
    former = zhang.former_employments.get()
    assert former.employer_name == "长春客车厂" and str(former.ended) == "2010-12-31"


def test_one_bad_row_imports_nothing_and_names_row_and_column(world):
    staff = world.p.holders[Role.OFFICE_STAFF]
    data = workbook(
        [
            row(name="张海峰", industry_codes="C36"),
            row(name="", industry_codes="X12", employer_uscc="91220101123456780", may_lead="可以"),
            row(name="王立", industry_codes="C36", former="某厂|2001|2010"),
        ]
    )
    report = excel.import_pool(program=world.p.program, data=data, actor=staff)
    assert not report.ok
    text = [str(p) for p in report.problems]
    assert any(t.startswith("第3行「姓名」") for t in text), text
    assert any(t.startswith("第3行「行业代码」") for t in text), text
    assert any(t.startswith("第3行「工作单位统一社会信用代码」") for t in text), text
    assert any(t.startswith("第3行「可任组长」") for t in text), text
    assert any(t.startswith("第4行「曾任职单位」") for t in text), text
    assert not Expert.objects.exists()


@pytest.mark.parametrize(
    "data",
    [b"not a workbook", b"PK\x03\x04broken zip", workbook([["x"]], headers=["名字", "专业"])],
)
def test_unreadable_or_wrong_layout_is_reported_not_a_crash(world, data):
    report = excel.import_pool(program=world.p.program, data=data, actor=None)
    assert not report.ok and report.problems[0].message
    assert not Expert.objects.exists()


def test_export_round_trip_updates_instead_of_duplicating(world):
    staff = world.p.holders[Role.OFFICE_STAFF]
    expert = make_expert(world.p.program, actor=staff, name="赵振东", may_lead=True)
    make_expert(world.q.program, name="山西专家")  # another program's pool: not exported
    data = excel.export_pool(queries.pool_of(world.p.program))
    sheet = load_workbook(io.BytesIO(data)).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert len(values) == 2 and values[1][0] == expert.code and values[1][9] == "是"
    sheet.cell(row=2, column=6, value="研究员级高级工程师")
    out = io.BytesIO()
    sheet.parent.save(out)
    report = excel.import_pool(program=world.p.program, data=out.getvalue(), actor=staff)
    assert report.ok and report.updated == ["赵振东"] and not report.created
    expert.refresh_from_db()
    assert expert.title == "研究员级高级工程师"


def test_code_of_another_programs_expert_is_refused(world):
    other = make_expert(world.q.program, name="山西专家")
    report = excel.import_pool(
        program=world.p.program,
        data=workbook([row(code=other.code, name="山西专家", industry_codes="C")]),
        actor=None,
    )
    assert not report.ok and report.problems[0].column == "专家编号"
