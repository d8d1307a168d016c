"""A program with an accepted application on an open acceptance-list window, its office, its
recommending unit's user, a supervisor and the applicant's contact: the cast of an objection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from tests.applications.makers import make_application, make_user
from tests.publicity.makers import make_cycle, make_office_staff, make_program

from qaward.accounts.domain.roles import grant_role
from qaward.accounts.models import Role
from qaward.applications.enums import ApplicationState
from qaward.objections.domain.filing import Objector
from qaward.programs.models import RecommendingUnit
from qaward.publicity.domain.windows import open_window

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ID_NUMBER = "11010519491231002X"


def png(name: str = "证据.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def pdf(name: str = "证据.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@dataclass
class Case:
    program: object
    cycle: object
    unit: object
    application: object
    window: object
    entry: object
    office: object
    recommender: object
    supervisor: object
    contact: object


def make_case(rulebook_id: str = "jilin-2023", *, starts_on: dt.date | None = None, slug: str | None = None,
              window_id: str = "acceptance") -> Case:  # fmt: skip
    program = make_program(rulebook_id, slug=slug)
    cycle = make_cycle(program)
    unit = RecommendingUnit.objects.create(program=program, name=f"{program.name}推荐单位", kind="region")
    office = make_office_staff(program)
    recommender = make_user()
    grant_role(user=recommender, role=Role.RECOMMENDER, program=program, actor=None, recommending_unit=unit)
    supervisor = make_user()
    grant_role(user=supervisor, role=Role.SUPERVISOR, program=program, actor=None)
    contact = make_user()
    grant_role(user=contact, role=Role.APPLICANT, program=program, actor=None)
    application = make_application(
        cycle,
        state=ApplicationState.ACCEPTED,
        recommending_unit=unit,
        name="长白山测试装备有限公司",
        contact=contact,
    )
    window = open_window(
        cycle=cycle, rule_window_id=window_id, applications=[application],
        starts_on=starts_on or timezone.localdate(), actor=office,
    )  # fmt: skip
    return Case(program, cycle, unit, application, window, window.entries.get(), office, recommender, supervisor,
                contact)  # fmt: skip


def individual(**changes) -> Objector:
    data = dict(
        kind="individual", name="王秀英", id_number=ID_NUMBER, phone="13912345678",
        address="长春市南关区人民大街1号", id_proof=png("王秀英身份证.png"),
    )  # fmt: skip
    data.update(changes)
    return Objector(**data)


def unit(**changes) -> Objector:
    data = dict(
        kind="unit", name="吉林省某质量协会", phone="0431-88886666", address="长春市朝阳区西民主大街2号",
        sealed_letter=pdf("盖章异议函.pdf"),
    )  # fmt: skip
    data.update(changes)
    return Objector(**data)
