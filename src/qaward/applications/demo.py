"""Demo data of this app, loaded by `manage.py load_demo` after programs and accounts.

`load(report)` is idempotent (an applicant already registered is skipped) and goes through the
domain functions, so the demo's applicants, drafts, uploads and submissions are audited like real
ones. Applications end as draft, submitted or returned; later demos move some further.
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from qaward.applications.demo_data import APPLICANTS, UNITS, DemoApplicant
from qaward.applications.domain import editing, materials, profiles, publicity
from qaward.applications.domain.awards import record_past_award
from qaward.applications.domain.drafts import start_application
from qaward.applications.domain.submission import submit_application
from qaward.applications.domain.today import local_today
from qaward.applications.domain.transitions import apply_transition
from qaward.applications.models import Applicant
from qaward.applications.spec import requirements
from qaward.applications.spec.form import form_fields
from qaward.identifiers.resident_id import resident_id_check_char
from qaward.identifiers.uscc import uscc_check_char
from qaward.programs.models import AwardProgram, Cycle, RecommendingUnit

DEMO_CONTACT_PASSWORD = "Quality-Demo-2026!"
_FACT_ANSWERS = {"yesno": "yes", "dates": "none", "decimal": "6", "int": "5", "level": "2"}
_NO = {"fact_is_legal_representative": "no"}


def demo_uscc(region: str, serial: int) -> str:
    body = f"91{region}MA{serial:07d}"
    return body + uscc_check_char(body)


def demo_resident_id(region: str, serial: int) -> str:
    body = f"{region}1975{(serial % 12) + 1:02d}{(serial % 27) + 1:02d}{serial % 1000:03d}"
    return body + resident_id_check_char(body)


def _pdf(name: str) -> SimpleUploadedFile:
    body = f"1 0 obj\n<< /Type /Catalog >>\nendobj\n% qaward demo: {name}\n".encode()
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def _contact(username: str, full_name: str, program, report):
    from qaward.accounts.domain.queries import has_role
    from qaward.accounts.domain.roles import grant_role, register_applicant

    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = register_applicant(
            username=username, password=DEMO_CONTACT_PASSWORD, full_name=full_name,
            email=f"{username}@example.cn", phone="0431-85550000", program=program,
        )  # fmt: skip
        report(f"applicant contact {username}")
    elif not has_role(user, "applicant", program):
        grant_role(user=user, role="applicant", program=program, actor=None)
    return user


def _units(report) -> None:
    for slug, name, kind, region in UNITS:
        program = AwardProgram.objects.filter(slug=slug).first()
        if program is None or RecommendingUnit.objects.filter(program=program, name=name).exists():
            continue
        with transaction.atomic():
            unit = RecommendingUnit(program=program, name=name, kind=kind, region_code=region)
            unit.full_clean()
            unit.save()
        report(f"recommending unit {name} ({program})")


def _profile(demo: DemoApplicant, contact, serial: int):
    region = demo.region
    if demo.kind == "organization":
        parent = Applicant.objects.filter(name=demo.parent).first() if demo.parent else None
        values = {
            "name": demo.name, "uscc": demo_uscc(region, serial), "region_code": region, "org_type": "enterprise",
            "legal_person": parent is None, "founded": demo.founded, "industry_code": demo.industry,
            "size": demo.size, "tags": list(demo.tags), "safety_level": "2",
            "certificates": [{"name": "ISO 9001", "number": f"00{serial}Q2{serial:04d}", "issued": "2012-05-10",
                              "expires": "2027-05-09"}],
        }  # fmt: skip
        return profiles.create_applicant(
            kind="organization", actor=contact, values=values,
            parent_uscc=parent.uscc if parent else "", parent_name=parent.name if parent else "",
        )  # fmt: skip
    if demo.kind == "individual":
        values = {"name": demo.name, "employer_name": demo.employer, "years_in_quality_work": 22,
                  "years_in_region": 18, "region_code": region}  # fmt: skip
        return profiles.create_applicant(
            kind="individual", actor=contact, values=values, id_number=demo_resident_id(region, serial),
            phone="13904310000",
        )  # fmt: skip
    team = profiles.create_applicant(
        kind="team", actor=contact, values={"name": demo.name, "region_code": region}
    )
    for index, (name, role) in enumerate(demo.members):
        profiles.add_team_member(
            team=team, actor=contact, name=name, id_number=demo_resident_id(region, serial * 10 + index),
            values={"role_in_team": role, "employer_name": "晋中太行液压机械有限公司", "years_in_quality_work": 9 + index,
                    "years_in_region": 9, "works_in_jurisdiction": True},
        )  # fmt: skip
    return team


def _form_data(book, demo: DemoApplicant) -> dict:
    data = {}
    for spec in form_fields(book, demo.kind):
        if spec.section == "facts":
            data[spec.name] = _NO.get(spec.name, _FACT_ANSWERS[spec.kind])
        elif spec.name == "keywords":
            data[spec.name] = demo.keywords
        elif spec.kind == "phone":
            data[spec.name] = "0431-85551234"
        elif spec.kind == "int":
            data[spec.name] = "860"
        elif spec.kind == "decimal":
            data[spec.name] = "52600"
        else:
            data[spec.name] = f"{demo.name}：{spec.label}（演示数据）"
    return data


def _fill(application, demo: DemoApplicant, contact, complete: bool, today: dt.date) -> None:
    book = editing.book_of(application)
    data = _form_data(book, demo)
    if not complete:  # a draft in progress: the first half of the form and of the report
        data = dict(itertools.islice(data.items(), len(data) // 2))
    editing.save_form(application=application, actor=contact, data=data)
    items = editing.rubric_of(application).items
    items = items if complete else items[:3]
    texts = {
        f"item_{i.id}": f"{i.label}：{i.guidance or i.label}方面的做法、展开情况和近三年成效。" for i in items
    }
    editing.save_self_evaluation(application=application, actor=contact, data=texts)
    for item in requirements.material_items(book, demo.kind):
        if item.required and (complete or item.id == "application_form"):
            materials.add_material(
                application=application, actor=contact, item_id=item.id, uploaded_file=_pdf(f"{item.label}.pdf"),
                trade_secret=item.id.startswith("cond_"),
            )  # fmt: skip
    if not complete:
        return
    editing.save_declarations(
        application=application, actor=contact, accepted=[d.id for d in requirements.declarations(book)]
    )
    requirement = publicity.requirement_of(application)
    if requirement is not None and demo.publicity:
        starts, ends = demo.publicity
        values = {
            "starts_on": starts,
            "ends_on": ends,
            "place": "单位公告栏和内部网站",
            "outcome": "no_objection",
        }
        letter = None
        if requirement.opinion_by:
            unit = demo.parent or demo.employer or demo.name
            values.update(opinion_unit=unit, opinion_recommends=True, opinion_text="经审查符合申报条件，公示无异议，同意推荐。",
                          opinion_date=ends + dt.timedelta(days=3))  # fmt: skip
            letter = _pdf("申报推荐意见.pdf")
        publicity.save_internal_publicity(
            application=application,
            actor=contact,
            values=values,
            proof=_pdf("内部公示照片.pdf"),
            letter=letter,
        )


def _load_one(demo: DemoApplicant, serial: int, report) -> None:
    program = AwardProgram.objects.filter(slug=demo.program).first()
    if program is None or Applicant.objects.filter(name=demo.name).exists():
        return
    cycle = Cycle.objects.filter(program=program).order_by("-number").first()
    contact = _contact(demo.contact, demo.contact_name, program, report)
    applicant = _profile(demo, contact, serial)
    report(f"applicant {applicant.name}")
    if demo.past_award:
        tier, awarded_on, number = demo.past_award
        record_past_award(applicant=applicant, program=program, tier=tier, awarded_on=awarded_on, cycle_number=number,
                          actor=None, achievement="卓越绩效管理模式")  # fmt: skip
    application = start_application(
        cycle=cycle, applicant=applicant, tier=demo.tier, track=demo.track, actor=contact
    )
    today = demo.submit_on or local_today()
    _fill(application, demo, contact, complete=demo.state != "draft", today=today)
    report(f"application {application.reference} ({demo.state})")
    if demo.state == "draft":
        return
    route = next(r for r in editing.book_of(application).intake.routes if r.via == demo.route_via)
    unit = RecommendingUnit.objects.filter(program=program, name=demo.unit).first()
    application = submit_application(
        application=application, actor=contact, route_id=route.id, recommending_unit=unit,
        today=demo.submit_on,
    )  # fmt: skip
    if demo.state == "returned":
        from qaward.accounts.models import Role, RoleAssignment

        holder = RoleAssignment.objects.filter(
            role=Role.RECOMMENDER, program=program, recommending_unit=unit, revoked_at__isnull=True
        ).first()
        apply_transition(
            application=application, name="return_for_correction", actor=holder.user if holder else None,
            system=holder is None, reason="近三年财务数据与审计报告不一致，请核对后补充审计报告并重新提交。",
            extra={"correction_due": local_today() + dt.timedelta(days=10)},
        )  # fmt: skip


def load(report) -> None:
    _units(report)
    for serial, demo in enumerate(APPLICANTS, start=101):
        _load_one(demo, serial, report)
