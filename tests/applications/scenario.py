"""Build, for any rulebook, a program with a cycle open today, its recommending units, an applicant
contact and an application filled in completely, so a test can break exactly one thing."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from qaward.accounts.models import Role, RoleAssignment, User
from qaward.applications.domain import editing, materials, profiles, publicity
from qaward.applications.domain.starting import begin_application
from qaward.applications.domain.today import local_today
from qaward.applications.enums import ApplicantKind
from qaward.applications.spec import requirements
from qaward.applications.spec.form import form_fields
from qaward.identifiers.resident_id import resident_id_check_char
from qaward.identifiers.uscc import uscc_check_char
from qaward.programs.domain.cycles import create_cycle
from qaward.programs.enums import CycleStatus
from qaward.programs.models import AwardProgram, Jurisdiction, RecommendingUnit, RecommendingUnitKind
from qaward.rulebooks import registry

_serial = itertools.count(1)

# A county or district inside each rulebook's jurisdiction, for registered addresses and units.
INSIDE = {"jilin-2023": "220104", "changchun-2018": "220182", "tacheng-2023": "654201",
          "jinzhong-2023": "140702", "jian-2023": "360802"}  # fmt: skip
OUTSIDE = "110105"


def uscc(region: str = "220104") -> str:
    body = f"9{1}{region}MA{next(_serial):07d}"[:17]
    body = body.replace("I", "1").replace("O", "0")
    return body + uscc_check_char(body)


def resident_id(region: str = "220104", birth: str = "19800101") -> str:
    body = f"{region}{birth}{next(_serial) % 1000:03d}"
    return body + resident_id_check_char(body)


def pdf(name: str = "file.pdf") -> SimpleUploadedFile:
    body = f"1 0 obj\n<< /Type /Catalog >>\nendobj\n% {name}\n".encode()
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@dataclass
class Setting:
    book: object
    program: AwardProgram
    cycle: object
    contact: User
    units: dict  # via -> RecommendingUnit
    today: dt.date


def program_for(rulebook_id: str, *, today: dt.date | None = None) -> Setting:
    book = registry.get(rulebook_id)
    today = today or local_today()
    place = book.jurisdiction
    jurisdiction, _ = Jurisdiction.objects.get_or_create(
        code=place.code, defaults={"name": place.name, "level": place.level}
    )
    slug = f"{rulebook_id.split('-')[0]}{next(_serial)}"
    program = AwardProgram.objects.create(
        jurisdiction=jurisdiction, name=book.award_name, slug=slug, rulebook_id=book.id,
        rulebook_version=book.version, office_name=book.office,
    )  # fmt: skip
    cycle = create_cycle(
        program=program, number=3, year=today.year, call_opens=today - dt.timedelta(days=40),
        call_closes=today + dt.timedelta(days=30), status=CycleStatus.OPEN,
    )  # fmt: skip
    units = {}
    for route in book.intake.routes:
        kind = RecommendingUnitKind.DIRECT_OFFICE if route.via == "direct" else route.via
        if kind in units:
            continue
        region = INSIDE[book.id][:4] + "00" if route.via == "region" else ""
        units[route.via] = RecommendingUnit.objects.create(
            program=program, name=f"{route.label[:30]}{next(_serial)}", kind=kind, region_code=region
        )
    contact = User.objects.create_user(username=f"contact{next(_serial)}", password="x", full_name="孙丽娜")
    RoleAssignment.objects.create(user=contact, role=Role.APPLICANT, program=program)
    return Setting(book, program, cycle, contact, units, today)


def make_profile(s: Setting, kind: str = ApplicantKind.ORGANIZATION, *, members: int = 2, **overrides):
    region = INSIDE[s.book.id]
    if kind == ApplicantKind.ORGANIZATION:
        values = {
            "name": f"测试精密机械有限公司{next(_serial)}",
            "uscc": uscc(region),
            "region_code": region,
            "org_type": "enterprise",
            "legal_person": True,
            "founded": s.today.replace(year=s.today.year - 12),
            "industry_code": "C3670",
            "size": "medium",
            "tags": [],
            "certificates": [
                {"name": "ISO 9001", "number": "00119Q1", "issued": "2015-03-01", "expires": ""}
            ],
            "safety_level": "2",
        }
        values.update(overrides)
        return profiles.create_applicant(kind=kind, actor=s.contact, values=values)
    if kind == ApplicantKind.INDIVIDUAL:
        values = {"name": "李质量", "employer_name": "测试精密机械有限公司", "years_in_quality_work": 15,
                  "years_in_region": 10, "region_code": region}  # fmt: skip
        values.update(overrides)
        return profiles.create_applicant(
            kind=kind, actor=s.contact, values=values, id_number=resident_id(region), phone="13904310000"
        )
    team = profiles.create_applicant(
        kind=kind, actor=s.contact, values={"name": "QC攻关小组", "region_code": region}
    )
    for index in range(members):
        profiles.add_team_member(
            team=team, actor=s.contact, name=f"成员{index + 1}", id_number=resident_id(region),
            values={"role_in_team": "组员", "employer_name": "测试公司", "years_in_quality_work": 8,
                    "years_in_region": 8, "works_in_jurisdiction": True},
        )  # fmt: skip
    return team


GOOD_ANSWERS = {"yesno": "yes", "dates": "none", "decimal": "10", "int": "5", "level": "2"}
NO_ANSWERS = {"fact_is_legal_representative": "no"}


def form_data(book, kind: str) -> dict:
    data = {}
    for spec in form_fields(book, kind):
        if spec.section == "facts":
            data[spec.name] = NO_ANSWERS.get(spec.name, GOOD_ANSWERS[spec.kind])
        elif spec.kind == "phone":
            data[spec.name] = "0431-85551234"
        elif spec.kind in ("int", "decimal"):
            data[spec.name] = "1200"
        else:
            data[spec.name] = f"{spec.label}的内容"
    return data


def fill(s: Setting, application, *, skip: tuple[str, ...] = ()):
    """Fill every part of ``application`` so that it passes the self-check."""
    book, actor = s.book, s.contact
    if "form" not in skip:
        editing.save_form(application=application, actor=actor, data=form_data(book, application.kind))
    if "self_evaluation" not in skip:
        rubric = editing.rubric_of(application)
        data = {f"item_{i.id}": f"{i.label}：我们的做法和成效。" for i in rubric.items}
        editing.save_self_evaluation(application=application, actor=actor, data=data)
    if "declarations" not in skip:
        accepted = [d.id for d in requirements.declarations(book)]
        editing.save_declarations(application=application, actor=actor, accepted=accepted)
    if "materials" not in skip:
        for item in requirements.material_items(book, application.kind):
            if item.required:
                materials.add_material(
                    application=application, actor=actor, item_id=item.id, uploaded_file=pdf()
                )
    requirement = publicity.requirement_of(application)
    if requirement is not None and "publicity" not in skip:
        start = s.today - dt.timedelta(days=21)
        values = {"starts_on": start, "ends_on": start + dt.timedelta(days=13), "place": "公司公告栏",
                  "outcome": "no_objection"}  # fmt: skip
        letter = None
        if requirement.opinion_by:
            values.update(opinion_unit="上级单位", opinion_recommends=True, opinion_text="同意推荐",
                          opinion_date=s.today - dt.timedelta(days=5))  # fmt: skip
            letter = pdf("opinion.pdf")
        publicity.save_internal_publicity(
            application=application, actor=actor, values=values, proof=pdf("proof.pdf"), letter=letter
        )
    application.refresh_from_db()
    return application


def start(s: Setting, applicant, tier: str = "award", track: str = ""):
    return begin_application(cycle=s.cycle, applicant=applicant, tier=tier, actor=s.contact, track=track)


def route_for(s: Setting, via: str | None = None):
    """(route id, unit) of the first route (or the first with ``via``)."""
    route = next(r for r in s.book.intake.routes if via is None or r.via == via)
    return route.id, s.units.get(route.via)
