"""Factories for the expert tests (through the domain functions, so the audit chain holds)."""

from __future__ import annotations

from qaward.experts.domain import pool
from qaward.identifiers import uscc_check_char


def uscc(first17: str) -> str:
    """A valid 统一社会信用代码 from its first 17 characters."""
    return first17 + uscc_check_char(first17)


FAW = uscc("91220101123456789")  # an employer
JLU = uscc("12220000412345678")
HOSPITAL = uscc("12220100MB1234567")


def make_expert(program, name="李建国", *, actor=None, **extra):
    data = {
        "employer_name": "吉林大学",
        "employer_uscc": JLU,
        "region_code": "220100",
        "title": "教授",
        "industry_codes": ["C36"],
        "keywords": ["汽车", "质量管理"],
        "may_lead": False,
        "max_load": 5,
    }
    data.update(extra)
    return pool.create_expert(program=program, actor=actor, name=name, **data)
