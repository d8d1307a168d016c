"""The application form (申报表) of a rulebook and applicant kind.

Two parts: the general fields every 申报表 of that kind asks for (office-defined: the regulations
prescribe a 申报表 but not its fields), and one field per eligibility fact that the rulebook's
conditions ask about and that the applicant profile cannot supply (e.g. accident dates, years of
profit). Profile-derived facts (founding date → years operating, tags → 四新 …) are not asked
again: the applicant edits the profile instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from qaward.rulebooks.facts import FACTS
from qaward.rulebooks.schema import Condition, Rulebook

# Facts read from the applicant profile (or the internal publicity record), per kind.
DERIVED_FACTS: dict[str, frozenset[str]] = {
    "organization": frozenset(
        {
            "registered_in_jurisdiction",
            "legal_person",
            "is_enterprise",
            "is_branch",
            "parent_recommendation",
            "years_operating",
            "new_economy",
            "provincial_zjtx",
            "iso9001_years",
            "safety_standardization_level",
        }
    ),
    "individual": frozenset({"years_quality_work", "years_quality_work_in_region"}),
    "team": frozenset(
        {"years_quality_work", "years_quality_work_in_region", "works_in_jurisdiction", "team_size"}
    ),
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str  # text, textarea, phone, int, decimal, yesno, dates, level
    required: bool = True
    help: str = ""
    max_length: int | None = None
    fact: str | None = None  # the eligibility fact this field declares
    cite: str | None = None  # the article asking for it
    section: str = "general"  # general | facts


def _general(kind: str) -> list[FieldSpec]:
    keywords = FieldSpec(
        "keywords",
        "专业领域关键词",
        "text",
        required=True,
        max_length=300,
        help="用顿号或逗号分隔，如：轨道客车、焊接、质量管理体系；用于匹配评审专家。",
    )
    phone = FieldSpec("contact_phone", "联系电话", "phone", max_length=20)
    address = FieldSpec("address", "通讯地址", "text", max_length=200)
    if kind == "organization":
        return [
            FieldSpec("legal_representative", "法定代表人（负责人）", "text", max_length=50),
            FieldSpec("contact_name", "联系人", "text", max_length=50),
            phone,
            address,
            FieldSpec("employees", "职工人数", "int"),
            FieldSpec(
                "revenue", "上年度营业收入（万元）", "decimal", required=False, help="非营利性组织可不填。"
            ),
            FieldSpec("main_business", "主营业务及主要产品（服务）", "textarea", max_length=500),
            FieldSpec("summary", "单位简介", "textarea", max_length=2000),
            FieldSpec("achievements", "主要质量成就和创新做法", "textarea", max_length=3000),
            keywords,
        ]
    if kind == "individual":
        return [
            FieldSpec("position", "职务、职称", "text", max_length=100),
            phone,
            address,
            FieldSpec("education", "学历", "text", required=False, max_length=50),
            FieldSpec("work_history", "质量工作经历", "textarea", max_length=2000),
            FieldSpec("achievements", "主要事迹和贡献", "textarea", max_length=3000),
            keywords,
        ]
    return [
        FieldSpec("project", "成果（课题）名称", "text", max_length=200),
        FieldSpec("leader", "团队负责人", "text", max_length=50),
        phone,
        address,
        FieldSpec("achievements", "团队主要成果", "textarea", max_length=3000),
        keywords,
    ]


def _walk(cond: Condition):
    yield cond
    for child in (cond.any_of or ()) + (cond.all_of or ()):
        yield from _walk(child)
    applies_if = getattr(cond, "applies_if", None)
    if applies_if is not None:
        yield from _walk(applies_if)


def facts_asked(book: Rulebook, kind: str) -> dict[str, list]:
    """Every fact the rulebook's conditions for ``kind`` ask about → the conditions asking."""
    asked: dict[str, list] = {}
    for condition in book.eligibility.get(kind, ()):  # type: ignore[call-overload]
        for node in _walk(condition):
            if node.fact:
                asked.setdefault(node.fact, [])
                if condition not in asked[node.fact]:
                    asked[node.fact].append(condition)
    return asked


def _fact_kind(fact_name: str) -> str:
    fact = FACTS[fact_name]
    if fact_name.endswith("safety_standardization_level"):
        return "level"
    return {"bool": "yesno", "number": "decimal", "int": "int", "dates": "dates"}[fact.type]


def fact_fields(book: Rulebook, kind: str) -> list[FieldSpec]:
    derived = DERIVED_FACTS.get(kind, frozenset())
    fields = []
    for fact_name, conditions in facts_asked(book, kind).items():
        if fact_name in derived:
            continue
        first = conditions[0]
        help_text = "；".join(f"{c.label}（{book.cite(c.cite)}）" for c in conditions)
        if FACTS[fact_name].type == "dates":
            help_text = (
                "近年来没有发生的选“没有”；发生过的选“有”并逐行填写发生日期（YYYY-MM-DD）。" + help_text
            )
        label = FACTS[fact_name].label
        if FACTS[fact_name].type == "dates":
            label = label.removesuffix("的发生日期").removesuffix("的产生日期") + "：近年来是否发生"
        fields.append(
            FieldSpec(
                name=f"fact_{fact_name}",
                label=label,
                kind=_fact_kind(fact_name),
                help=help_text,
                fact=fact_name,
                cite=first.cite,
                section="facts",
            )
        )
    return fields


def form_fields(book: Rulebook, kind: str) -> list[FieldSpec]:
    """All fields of the application form of ``kind`` under ``book``, in display order."""
    return _general(kind) + fact_fields(book, kind)
