"""The facts vocabulary: what an eligibility condition may ask about an applicant.

Documented for authors in docs/rulebooks.md; a test checks every rulebook uses only these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

FactType = Literal["bool", "number", "int", "dates"]


@dataclass(frozen=True)
class Fact:
    name: str
    type: FactType
    label: str
    kinds: tuple[str, ...]


_ORG = ("organization",)
_PERSON = ("individual", "team")

FACTS: dict[str, Fact] = {
    f.name: f
    for f in [
        Fact("registered_in_jurisdiction", "bool", "在本行政区域内依法注册登记", _ORG),
        Fact("legal_person", "bool", "具有法人资格", _ORG),
        Fact("is_enterprise", "bool", "为企业（非机关、事业单位或社会组织）", _ORG),
        Fact("is_branch", "bool", "为分支、内设或派出机构", _ORG),
        Fact("parent_recommendation", "bool", "已取得上级法人组织的申报推荐意见", _ORG),
        Fact("years_operating", "number", "正常经营（运行）年数", _ORG),
        Fact("new_economy", "bool", "属于“四新”（新技术、新产业、新业态、新模式）领域", _ORG),
        Fact("provincial_zjtx", "bool", "列入省级“专精特新”中小企业", _ORG),
        Fact("major_incident_dates", "dates", "重大质量、安全、环保、公共卫生等事故的发生日期", _ORG),
        Fact("fatal_accident_dates", "dates", "生产安全亡人事故的发生日期", _ORG),
        Fact("bad_credit_record_dates", "dates", "不良信用记录的产生日期", _ORG),
        Fact("iso9001_years", "number", "ISO 9001 或其他国际通行管理体系认证有效运行年数", _ORG),
        Fact("excellence_model_years", "number", "推广应用卓越绩效等先进管理模式年数", _ORG),
        Fact("consecutive_profitable_years", "number", "近年连续盈利年数", _ORG),
        Fact("for_profit", "bool", "从事生产、经营活动（营利性组织）", _ORG),
        Fact("safety_standardization_level", "int", "安全生产标准化等级（一级最高）", _ORG),
        Fact("years_quality_work", "number", "从事质量相关工作年数", _PERSON),
        Fact("years_quality_work_in_region", "number", "在本地区从事质量相关工作年数", _PERSON),
        Fact("works_in_jurisdiction", "bool", "在本地区从事质量工作", _PERSON),
        Fact("is_legal_representative", "bool", "为所在组织的法定代表人", _PERSON),
        Fact("employer_major_incident_dates", "dates", "所在组织重大事故的发生日期", _PERSON),
        Fact("employer_major_complaint_dates", "dates", "所在组织重大质量投诉的发生日期", _PERSON),
        Fact("employer_fatal_accident_dates", "dates", "所在组织生产安全亡人事故的发生日期", _PERSON),
        Fact("employer_safety_standardization_level", "int", "所在组织安全生产标准化等级", _PERSON),
        Fact("team_size", "int", "团队人数", ("team",)),
    ]
}


class FactError(ValueError):
    """A fact given with a value of the wrong type; the message names the fact in plain words."""


def coerce(name: str, value: Any) -> Any:
    """Check a fact value against the vocabulary and normalise it (dates become ``date`` objects)."""
    fact = FACTS.get(name)
    kind = fact.type if fact else None
    label = f"“{fact.label}”（{name}）" if fact else f"“{name}”"
    if kind == "bool":
        if not isinstance(value, bool):
            raise FactError(f"{label}应为 true 或 false，实际为 {value!r}")
    elif kind in ("number", "int"):
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise FactError(f"{label}应为非负数字，实际为 {value!r}")
        if kind == "int" and int(value) != value:
            raise FactError(f"{label}应为整数，实际为 {value!r}")
    elif kind == "dates":
        if not isinstance(value, list | tuple):
            raise FactError(f"{label}应为日期列表（YYYY-MM-DD），没有则填 []")
        return [_as_date(label, item) for item in value]
    return value


def _as_date(label: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise FactError(f"{label}中的“{value}”不是有效日期（应为 YYYY-MM-DD）") from None
