"""Demo data of the vetting app, loaded by `manage.py load_demo` after the applications demo.

In each demo program's latest cycle the applications show every vetting state: one still with
the recommending unit, one under formal review, two accepted and published on the acceptance
list (where the regulation has one), one not recommended and one not accepted with its letter.
The applicant demo's submitted applications are used first; missing ones are created through
the applications domain. Every step goes through the vetting domain functions, as the
recommending unit's and the office's staff would take it (windows are dated in the past so
that they have closed). Idempotent: a cycle that already has vetting records is left alone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from qaward.accounts.domain.roles import grant_role
from qaward.accounts.models import Role, RoleAssignment
from qaward.applications.domain.drafts import start_application
from qaward.applications.domain.transitions import apply_transition
from qaward.applications.enums import ApplicationState as S
from qaward.applications.models import Applicant, Application
from qaward.audit.domain import record
from qaward.documents.domain.uploads import store_upload
from qaward.programs.models import AwardProgram, RecommendingUnit, RecommendingUnitKind
from qaward.rulebooks import registry
from qaward.vetting.domain import consultations, formal, lists, recommender
from qaward.vetting.domain.base import today
from qaward.vetting.enums import ConsultationOutcome, ConsultedBy, CreditResult
from qaward.vetting.models import RecommenderReview

SCENARIOS = Path(registry.__file__).parent / "scenarios"
PASSING = {
    "jilin-2023": "01-organization-five-years.yaml",
    "changchun-2018": "01-unincorporated-organisation-passes.yaml",
    "tacheng-2023": "01-ordinary-org-passes.yaml",
    "jinzhong-2023": "01-enterprise-three-years-passes.yaml",
    "jian-2023": "19-organization-eligible.yaml",
}
# Demo organisations per program, in the order of the states they end in.
NAMES = {
    "jilin": ["吉林省华信精密仪器有限公司", "长春新锐汽车零部件有限公司", "吉林省北方种业股份有限公司",
              "长春光谷电子科技有限公司", "吉林市松江化工有限公司", "延边长白山食品有限公司"],
    "changchun": ["长春东盛轨道装备有限公司", "长春吉农米业有限公司", "长春华润药业有限公司",
                  "农安县金穗粮油有限公司", "榆树市鑫达酿造有限公司", "长春嘉禾物流有限公司"],
    "tacheng": ["塔城地区红星乳业有限公司", "额敏县天山棉业有限公司", "乌苏市金河建材有限公司",
                "沙湾市丰源农业科技有限公司", "托里县矿业发展有限公司", "裕民县草原畜牧有限公司"],
    "jinzhong": ["晋中市太行机械制造有限公司", "平遥古城牛肉食品有限公司", "介休市同盛焦化有限公司",
                 "榆次区晋商纺织有限公司", "太谷县农谷科技有限公司", "祁县玻璃器皿有限公司"],
    "jian": ["吉安市井冈电子信息有限公司", "吉安县庐陵新材料有限公司", "泰和县乌鸡食品有限公司",
             "万安县赣江建材有限公司", "永丰县蔬菜产业有限公司", "遂川县狗牯脑茶业有限公司"],
}  # fmt: skip
PLAN = ["submitted", "formal_review", "accepted", "accepted", "not_recommended", "not_accepted"]
PDF = b"%PDF-1.4\n% demo credit check record\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def load(report) -> None:
    for program in AwardProgram.objects.filter(slug__in=NAMES).order_by("pk"):
        # The latest cycle whose call has opened (a future cycle has nothing to vet yet).
        cycle = program.cycles.filter(call_opens__lte=today()).order_by("-year", "-number").first()
        if cycle is None or RecommenderReview.objects.filter(application__cycle=cycle).exists():
            continue
        if Application.objects.filter(cycle=cycle, state__in=[S.NOT_ACCEPTED, S.ACCEPTED]).exists():
            continue
        _load_cycle(program, cycle, report)


def _office(program):
    assignment = (
        RoleAssignment.objects.filter(program=program, role=Role.OFFICE_STAFF, revoked_at__isnull=True)
        .select_related("user")
        .first()
    )
    return assignment.user if assignment else None


def _unit_and_recommender(program, report):
    unit = (
        RecommendingUnit.objects.filter(program=program, active=True)
        .exclude(kind=RecommendingUnitKind.DIRECT_OFFICE)
        .order_by("pk")
        .first()
    )
    if unit is None:
        unit = RecommendingUnit(
            program=program, name=f"{program.jurisdiction.name}市场监督管理局", kind=RecommendingUnitKind.REGION,
            region_code=program.jurisdiction.code,
        )  # fmt: skip
        unit.full_clean()
        unit.save()
        report(f"recommending unit {unit}")
    assignment = (
        RoleAssignment.objects.filter(recommending_unit=unit, role=Role.RECOMMENDER, revoked_at__isnull=True)
        .select_related("user")
        .first()
    )
    if assignment is not None:
        return unit, assignment.user
    user = get_user_model().objects.create_user(
        username=f"{program.slug}_unit_clerk", password=None, full_name=f"{unit.name}经办人"
    )
    grant_role(user=user, role=Role.RECOMMENDER, program=program, actor=None, recommending_unit=unit)
    report(f"recommender {user.username} (no password: demo data only)")
    return unit, user


def _applications(program, cycle, unit, actor, report) -> list:
    """The cycle's submitted applications routed to ``unit``, topped up to six."""
    book = registry.get(cycle.rulebook_id)
    facts = yaml.safe_load((SCENARIOS / book.id / PASSING[book.id]).read_text("utf-8"))["given"]["facts"]
    found = list(
        Application.objects.filter(cycle=cycle, state=S.SUBMITTED, recommending_unit=unit).order_by("pk")
    )
    for name in NAMES[program.slug]:
        if len(found) >= len(PLAN):
            break
        if Applicant.objects.filter(name=name).exists():
            continue
        with transaction.atomic():
            applicant = Applicant(kind="organization", name=name, region_code=unit.region_code or "")
            applicant.full_clean()
            applicant.save()
            record(actor=None, action="vetting.demo_applicant", obj=applicant, after={"name": name},
                   program=program)  # fmt: skip
            application = start_application(cycle=cycle, applicant=applicant, tier="award", actor=actor)
            application.recommending_unit = unit
            application.route = next(
                (r.id for r in book.intake.routes if r.via == "region"), book.intake.routes[0].id
            )
            application.facts = facts
            application.save(update_fields=["recommending_unit", "route", "facts"])
            apply_transition(application=application, name="submit", actor=None, system=True)
        application.refresh_from_db()
        report(f"demo application {application.reference} {name}")
        found.append(application)
    return found


def _load_cycle(program, cycle, report) -> None:
    staff = _office(program)
    if staff is None:
        return
    unit, clerk = _unit_and_recommender(program, report)
    applications = _applications(program, cycle, unit, staff, report)
    book = registry.get(cycle.rulebook_id)
    long_ago = max(today() - dt.timedelta(days=30), cycle.call_opens)
    to_recommend = [a for a, plan in zip(applications, PLAN, strict=False)
                    if plan in ("formal_review", "accepted", "not_accepted")]  # fmt: skip
    for application in to_recommend:
        _prepare(book, application, clerk, program)
    rule = book.intake.recommender_review
    if to_recommend and rule is not None and rule.publicity_window:
        lists.open_recommender_window(unit=unit, applications=to_recommend, actor=clerk, starts_on=long_ago)
        report(f"{program.slug}: recommending unit publicity window")
    for application, plan in zip(applications, PLAN, strict=False):
        application.refresh_from_db()
        if plan == "submitted":
            continue
        if plan == "not_recommended":
            recommender.decline(
                application=application, reason="近三年内发生过一般质量事故，暂不具备推荐条件。", actor=clerk
            )
            report(f"{application.reference} not recommended")
            continue
        recommender.recommend(application=application, opinion="经审核，申报材料完整、真实、准确、合法，同意推荐。",
                              actor=clerk)  # fmt: skip
        application.refresh_from_db()
        if plan == "formal_review":
            report(f"{application.reference} under formal review")
            continue
        _formal_checks(book, application, staff)
        if plan == "accepted":
            formal.accept(application=application, actor=staff)
            report(f"{application.reference} accepted")
        else:
            formal.reject(application=application, actor=staff,
                          reason="申报材料中未提供近三年的财务审计报告，经通知后仍未补正，申报材料不完整。")  # fmt: skip
            report(f"{application.reference} not accepted (letter issued)")
    if book.intake.formal_review.acceptance_window and lists.acceptance_candidates(cycle).exists():
        lists.publish_acceptance_list(cycle=cycle, actor=staff, starts_on=today())
        report(f"{program.slug}: acceptance list published")


def _prepare(book, application, clerk, program) -> None:
    rule = book.intake.recommender_review
    if rule is None:
        return
    recommender.save_checks(application=application, submitted={c: (True, "") for c in rule.checks},
                            opinion=None, actor=clerk)  # fmt: skip
    if rule.credit_check:
        evidence = store_upload(
            uploaded_file=SimpleUploadedFile("信用核查截图.pdf", PDF, content_type="application/pdf"),
            slot="credit_check", actor=clerk, program=program, owner=application,
        )  # fmt: skip
        recommender.record_credit_check(application=application, checked_on=today(), result=CreditResult.CLEAR,
                                        note="国家企业信用信息公示系统查询", evidence=evidence, actor=clerk)  # fmt: skip
    if rule.consult_departments:
        _consult(application, ConsultedBy.RECOMMENDER, clerk)


def _formal_checks(book, application, staff) -> None:
    checks = book.intake.formal_review.checks
    formal.save_formal_checks(application=application, submitted={c: (True, "") for c in checks}, actor=staff)
    if consultations.consultation_rule(book, ConsultedBy.OFFICE):
        _consult(application, ConsultedBy.OFFICE, staff)


def _consult(application, by, actor) -> None:
    departments = consultations.named_departments(application, by)
    asked = consultations.request_consultations(
        application=application, by=by, departments=list(departments), actor=actor,
        requested_on=max(today() - dt.timedelta(days=14), application.cycle.call_opens),
    )  # fmt: skip
    for consultation in asked:
        consultations.answer_consultation(
            consultation=consultation, outcome=ConsultationOutcome.NO_OBJECTION, actor=actor,
            response="经核查，该单位近三年无违法违规记录。", responded_on=today(),
        )  # fmt: skip
