"""Shared building blocks of the rulebook schema: citations, the cited-rule base, periods.

Every rule object of a rulebook says where it comes from: ``cite`` names the article of the
regulation (``第二十条``, ``第三十七条(四)``, ``第十三条第二款``), and ``office_discretion`` marks a
rule the regulation leaves to the award office. ``discretionary`` lists the fields of a cited rule
whose *values* the regulation does not fix (for example the counting mode of a publicity window),
so the UI can say "办法未规定，由评委办确定" instead of inventing a citation.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

_NUM = "〇零一二三四五六七八九十百"
_ONE_CITE = rf"第[{_NUM}]+条(?:第[{_NUM}]+款)?(?:[（(][{_NUM}]+[)）])?"
_CITE_RE = re.compile(rf"^{_ONE_CITE}(?:、{_ONE_CITE})*$")


def _check_cite(value: str) -> str:
    value = value.strip()
    if not _CITE_RE.match(value):
        raise ValueError(
            f"条款引用“{value}”格式不对：应写成“第二十条”“第三十七条(四)”或“第十三条第二款”，"
            "多个条款用顿号“、”分隔"
        )
    return value.replace("（", "(").replace("）", ")")


Citation = Annotated[str, AfterValidator(_check_cite)]

ApplicantKindId = Literal["organization", "individual", "team"]
TierId = Literal["award", "nominee"]
CountingMode = Literal["inclusive", "exclusive"]

KIND_LABELS: dict[str, str] = {"organization": "组织", "individual": "个人", "team": "团队"}
TIER_LABELS: dict[str, str] = {"award": "质量奖", "nominee": "提名奖"}


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a rulebook must not silently drop a rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(Strict):
    """A rule or value that must be traceable to an article, or be marked office discretion."""

    cite: Citation | None = None
    office_discretion: bool = False
    discretionary: tuple[str, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _must_be_sourced(self) -> Rule:
        if not self.cite and not self.office_discretion:
            raise ValueError(
                "缺少条款来源：请写 cite（例如 第二十条），办法未规定的请写 office_discretion: true"
            )
        unknown = [name for name in self.discretionary if name not in type(self).model_fields]
        if unknown:
            raise ValueError(f"discretionary 列出了不存在的字段：{'、'.join(unknown)}")
        return self

    def is_discretionary(self, field: str | None = None) -> bool:
        """True when the regulation leaves this rule (or this one field of it) to the office."""
        return self.office_discretion or (field is not None and field in self.discretionary)


class Period(Strict):
    """A span counted from an event: calendar years or award cycles (评选周期)."""

    years: int | None = Field(default=None, ge=1)
    cycles: int | None = Field(default=None, ge=1)
    counted_from: Literal["event_date", "after_event_year"] = "event_date"

    @model_validator(mode="after")
    def _one_unit(self) -> Period:
        if (self.years is None) == (self.cycles is None):
            raise ValueError("期限必须且只能写 years（年）或 cycles（评选周期）之一")
        if self.cycles is not None and self.counted_from != "event_date":
            raise ValueError("按评选周期计算的期限不能使用 counted_from: after_event_year")
        return self

    def describe(self) -> str:
        if self.cycles is not None:
            return f"{self.cycles}个评选周期"
        suffix = "（不含当年）" if self.counted_from == "after_event_year" else ""
        return f"{self.years}年{suffix}"


class WorkdayLimit(Rule):
    """A deadline in working days, with the counting convention the rulebook chooses."""

    workdays: int | None = Field(default=None, ge=1)
    counting: CountingMode = "exclusive"
