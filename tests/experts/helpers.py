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
    if "employer_name" in extra:  # another employer: its own credit code or none
        data["employer_uscc"] = ""
    data.update(extra)
    return pool.create_expert(program=program, actor=actor, name=name, **data)


def make_cycle(program, number=2):
    import datetime as dt

    from qaward.programs.enums import CycleStatus
    from qaward.programs.models import Cycle

    return Cycle.objects.create(
        program=program,
        number=number,
        year=2026,
        call_opens=dt.date(2026, 3, 1),
        call_closes=dt.date(2026, 4, 30),
        status=CycleStatus.REVIEWING,
        rulebook_id=program.rulebook_id,
        rulebook_version=1,
    )


def make_application(cycle, name, *, uscc_code="", industry="C3670", keywords="汽车 质量管理", parent=None,
                     contact=None, region="220100", unit=None, kind="organization", employer=None):  # fmt: skip
    from django.contrib.auth import get_user_model

    from qaward.applications.enums import ApplicationState
    from qaward.applications.models import Applicant, Application

    applicant = Applicant.objects.create(
        kind=kind, name=name, uscc=uscc_code, parent=parent, region_code=region, industry_code=industry,
        employer=employer,
    )  # fmt: skip
    if contact is not None:
        applicant.contacts.add(contact)
    creator = contact or get_user_model().objects.filter(is_active=True).first()
    n = Application.objects.count() + 1
    return Application.objects.create(
        reference=f"JL2026-{n:04d}", cycle=cycle, applicant=applicant, kind=kind, tier="award",
        state=ApplicationState.ACCEPTED, recommending_unit=unit, title=name, keywords=keywords,
        created_by=creator,
    )  # fmt: skip
