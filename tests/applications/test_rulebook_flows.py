"""Each of the five rulebooks: an organisation (and, where admitted, an individual and a team)
goes from draft to submitted; rule-driven refusals name the article in the message and in the
audit log (``application.submit.refused``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from tests.applications import scenario as sc

from qaward.applications.domain import editing, profiles, publicity
from qaward.applications.domain.submission import submit_application
from qaward.applications.enums import ApplicantKind, ApplicationState
from qaward.applications.models import ApplicantBan, AwardRecord
from qaward.audit.models import AuditEvent

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ADMITTED = {
    "jilin-2023": ("organization", "individual"),
    "changchun-2018": ("organization",),
    "tacheng-2023": ("organization",),
    "jinzhong-2023": ("organization", "individual", "team"),
    "jian-2023": ("organization", "individual"),
}


def submit(s, application, via=None):
    route, unit = sc.route_for(s, via)
    return submit_application(
        application=application, actor=s.contact, route_id=route, recommending_unit=unit
    )


def assert_refused(s, application, article: str, via=None):
    """Submission is refused, the message names ``article`` and the refusal is audited with it."""
    with pytest.raises(ValidationError) as refused:
        submit(s, application, via)
    message = " ".join(refused.value.messages)
    assert article in message, message
    event = AuditEvent.objects.filter(
        action="application.submit.refused", object_id=str(application.pk)
    ).last()
    assert event is not None and article in event.citation, event and event.citation
    application.refresh_from_db()
    assert application.state == ApplicationState.DRAFT
    return message


@pytest.mark.parametrize("rulebook_id", sorted(ADMITTED))
def test_every_admitted_kind_reaches_submission(rulebook_id):
    s = sc.program_for(rulebook_id)
    for kind in ADMITTED[rulebook_id]:
        applicant = sc.make_profile(s, kind)
        tracks = s.book.applicant_kinds[kind].tracks
        application = sc.fill(s, sc.start(s, applicant, track=tracks[0].id if tracks else ""))
        application = submit(s, application)
        assert application.state in (ApplicationState.SUBMITTED, ApplicationState.FORMAL_REVIEW)
        assert application.route and application.submitted_at
        assert application.self_check["rulebook"] == f"{s.book.id}@{s.book.version}"
        event = AuditEvent.objects.filter(action__in=["application.submit", "application.submit_direct"],
                                          object_id=str(application.pk)).get()  # fmt: skip
        assert event.rule_id == "route_allowed"


def test_jilin_refusals():
    s = sc.program_for("jilin-2023")
    outside = sc.make_profile(s, region_code=sc.OUTSIDE)
    assert_refused(s, sc.fill(s, sc.start(s, outside, track="general")), "第十五条(二)")

    short = sc.fill(s, sc.start(s, sc.make_profile(s), track="general"))
    start = dt.date(2026, 11, 2)  # Monday: three working days to Wednesday
    publicity.save_internal_publicity(
        application=short,
        actor=s.contact,
        values={"starts_on": start, "ends_on": start + dt.timedelta(days=2)},
    )
    assert "只有3个工作日" in assert_refused(s, short, "第十八条(三)")

    banned = sc.make_profile(s)
    ApplicantBan.objects.create(
        applicant=banned, program=s.program, ground="false_materials", starts_on=s.today - dt.timedelta(days=400),
        ends_on=s.today + dt.timedelta(days=1000), reason="提供虚假材料", rule_id="false_materials",
        citation="吉政办规〔2023〕3号 第三十五条第一款", rulebook="jilin-2023@1",
    )  # fmt: skip
    assert_refused(s, sc.fill(s, sc.start(s, banned, track="general")), "第三十五条第一款")

    winner = sc.make_profile(s)
    AwardRecord.objects.create(
        applicant=winner, program=s.program, tier="award", awarded_on=s.today.replace(year=s.today.year - 2)
    )
    assert_refused(s, sc.fill(s, sc.start(s, winner, track="general")), "第五条")

    elsewhere = sc.fill(s, sc.start(s, sc.make_profile(s, region_code="220203"), track="general"))
    assert "属地推荐" in assert_refused(s, elsewhere, "第十四条", via="region")


def test_jilin_nominee_winner_may_apply_for_the_award_but_is_warned():
    s = sc.program_for("jilin-2023")
    nominee = sc.make_profile(s)
    AwardRecord.objects.create(
        applicant=nominee,
        program=s.program,
        tier="nominee",
        awarded_on=s.today.replace(year=s.today.year - 2),
    )
    application = sc.fill(s, sc.start(s, nominee, tier="nominee", track="general"))
    from qaward.applications.domain.checks import run_self_check

    check = run_self_check(application, s.today)
    assert any(i.verdict.rule_id == "nominee_not_regranted" for i in check.items)
    assert submit(s, application).state == ApplicationState.SUBMITTED


def test_changchun_refusals():
    s = sc.program_for("changchun-2018")
    incident = sc.fill(s, sc.start(s, sc.make_profile(s)))
    data = dict(incident.form_data, fact_major_incident_dates="some",
                fact_major_incident_dates__dates=(s.today - dt.timedelta(days=700)).isoformat())  # fmt: skip
    editing.save_form(application=incident, actor=s.contact, data=data)
    assert_refused(s, incident, "第八条(一)")

    banned = sc.make_profile(s)
    ApplicantBan.objects.create(
        applicant=banned, program=s.program, ground="false_materials", starts_on=s.today - dt.timedelta(days=30),
        ends_on=s.today.replace(year=s.today.year + 5), reason="弄虚作假", rule_id="false_materials",
        citation="长府发〔2018〕8号 第二十条", rulebook="changchun-2018@1",
    )  # fmt: skip
    assert_refused(s, sc.fill(s, sc.start(s, banned)), "第二十条")

    no_report = sc.fill(s, sc.start(s, sc.make_profile(s)), skip=("self_evaluation",))
    assert "自我评价报告尚未填写" in assert_refused(s, no_report, "第十四条")

    undeclared = sc.fill(s, sc.start(s, sc.make_profile(s)), skip=("declarations",))
    assert "尚未作出承诺" in assert_refused(s, undeclared, "第十四条")


def test_tacheng_refusals_and_branches():
    s = sc.program_for("tacheng-2023")
    parent = sc.make_profile(s)
    branch = profiles.create_applicant(
        kind=ApplicantKind.ORGANIZATION, actor=s.contact, parent_uscc=parent.uscc,
        values={"name": "塔城分公司", "uscc": sc.uscc("654201"), "region_code": "654201", "org_type": "enterprise",
                "legal_person": False, "founded": dt.date(2010, 1, 1), "industry_code": "C36"},
    )  # fmt: skip
    without_opinion = sc.start(s, branch)
    sc.fill(s, without_opinion, skip=("publicity",))
    publicity.save_internal_publicity(
        application=without_opinion, actor=s.contact, proof=sc.pdf(),
        values={"starts_on": s.today - dt.timedelta(days=30), "ends_on": s.today - dt.timedelta(days=15),
                "outcome": "no_objection"},
    )  # fmt: skip
    assert_refused(s, without_opinion, "第九条、第十二条")
    # With the parent's sealed opinion the branch may go ahead.
    publicity.save_internal_publicity(
        application=without_opinion, actor=s.contact, letter=sc.pdf("opinion.pdf"),
        values={"opinion_unit": parent.name, "opinion_recommends": True, "opinion_text": "同意推荐"},
    )  # fmt: skip
    assert submit(s, without_opinion).state == ApplicationState.SUBMITTED

    young = sc.make_profile(s, founded=s.today.replace(year=s.today.year - 2))
    assert_refused(s, sc.fill(s, sc.start(s, young)), "第九条(二)")

    running = sc.fill(s, sc.start(s, sc.make_profile(s)))
    publicity.save_internal_publicity(
        application=running, actor=s.contact,
        values={"starts_on": s.today - dt.timedelta(days=10), "ends_on": s.today + dt.timedelta(days=3)},
    )  # fmt: skip
    assert "公示期结束后才能提交" in assert_refused(s, running, "第十二条")


def test_jinzhong_refusals():
    s = sc.program_for("jinzhong-2023")
    crowd = sc.make_profile(s, ApplicantKind.TEAM, members=4)
    message = assert_refused(s, sc.fill(s, sc.start(s, crowd, track="qc_group")), "第十一条")
    assert "现为4人" in message

    institute = sc.make_profile(s, org_type="public_institution")
    assert_refused(s, sc.fill(s, sc.start(s, institute)), "第三条")

    winner = sc.make_profile(s)
    AwardRecord.objects.create(
        applicant=winner, program=s.program, tier="award", awarded_on=dt.date(2024, 9, 1), cycle_number=2
    )
    assert_refused(s, sc.fill(s, sc.start(s, winner)), "第六条")

    credit = sc.fill(s, sc.start(s, sc.make_profile(s)))
    data = dict(credit.form_data, fact_bad_credit_record_dates="some",
                fact_bad_credit_record_dates__dates=(s.today - dt.timedelta(days=200)).isoformat())  # fmt: skip
    editing.save_form(application=credit, actor=s.contact, data=data)
    assert_refused(s, credit, "第九条(六)")


def test_jian_refusals():
    s = sc.program_for("jian-2023")
    new_cert = sc.make_profile(
        s, certificates=[{"name": "ISO 9001", "issued": (s.today - dt.timedelta(days=400)).isoformat()}]
    )
    assert_refused(s, sc.fill(s, sc.start(s, new_cert)), "第十条(四)")

    no_certificate_file = sc.fill(s, sc.start(s, sc.make_profile(s)), skip=("materials",))
    for item in ("application_form", "licence", "cond_safety_standardization_1", "cond_profitable_1"):
        from qaward.applications.domain.materials import add_material

        add_material(application=no_certificate_file, actor=s.contact, item_id=item, uploaded_file=sc.pdf())
    assert "ISO9001" in assert_refused(s, no_certificate_file, "第十条(四)")

    no_grade = sc.make_profile(s, safety_level="none")
    assert_refused(s, sc.fill(s, sc.start(s, no_grade)), "第十条(六)")

    person = sc.make_profile(s, ApplicantKind.INDIVIDUAL)
    application = sc.start(s, person)
    sc.fill(s, application, skip=("publicity",))
    publicity.save_internal_publicity(
        application=application, actor=s.contact, proof=sc.pdf(),
        values={"starts_on": s.today - dt.timedelta(days=30), "ends_on": s.today - dt.timedelta(days=15),
                "outcome": "no_objection"},
    )  # fmt: skip
    assert "申报推荐意见" in assert_refused(s, application, "第十三条(二)")


def test_the_call_deadline_and_correction_deadline():
    s = sc.program_for("jilin-2023")
    application = sc.fill(s, sc.start(s, sc.make_profile(s), track="general"))
    route, unit = sc.route_for(s, "region")
    with pytest.raises(ValidationError, match="截止"):
        submit_application(application=application, actor=s.contact, route_id=route, recommending_unit=unit,
                           today=s.cycle.call_closes + dt.timedelta(days=1))  # fmt: skip
    submitted = submit(s, application, "region")
    from qaward.applications.domain.transitions import apply_transition

    apply_transition(application=submitted, name="return_for_correction", actor=None, system=True, reason="缺少财务报表",
                     extra={"correction_due": s.cycle.call_closes + dt.timedelta(days=10)})  # fmt: skip
    submitted.refresh_from_db()
    with pytest.raises(ValidationError, match="补正期限"):
        submit_application(
            application=submitted, actor=s.contact, today=s.cycle.call_closes + dt.timedelta(days=11)
        )
    resubmitted = submit_application(
        application=submitted, actor=s.contact, today=s.cycle.call_closes + dt.timedelta(days=1)
    )
    assert resubmitted.state == ApplicationState.SUBMITTED and resubmitted.recommending_unit == unit


def test_withdrawal_is_a_state_with_a_reason():
    from qaward.applications.domain.submission import withdraw_application

    s = sc.program_for("changchun-2018")
    application = sc.start(s, sc.make_profile(s))
    with pytest.raises(ValidationError):
        withdraw_application(application=application, actor=s.contact, reason="")
    withdrawn = withdraw_application(application=application, actor=s.contact, reason="今年暂不申报")
    assert withdrawn.state == ApplicationState.WITHDRAWN
    assert withdrawn.state_changes.get().reason == "今年暂不申报"


@pytest.mark.parametrize(
    ("rulebook_id", "article"),
    [
        ("jilin-2023", "第十七条"),
        ("changchun-2018", "第十三条"),
        ("jinzhong-2023", "第十八条(一)"),
        ("jian-2023", "第十三条(一)"),
        ("tacheng-2023", "办法未规定"),  # the office's call notice alone sets the dates
    ],
)
def test_a_late_submission_cites_the_article_on_the_call(rulebook_id, article):
    s = sc.program_for(rulebook_id)
    tracks = s.book.applicant_kinds["organization"].tracks
    application = sc.fill(s, sc.start(s, sc.make_profile(s), track=tracks[0].id if tracks else ""))
    route, unit = sc.route_for(s)
    with pytest.raises(ValidationError) as refused:
        submit_application(application=application, actor=s.contact, route_id=route, recommending_unit=unit,
                           today=s.cycle.call_closes + dt.timedelta(days=1))  # fmt: skip
    assert "截止" in str(refused.value) and article in str(refused.value)
    event = AuditEvent.objects.filter(
        action="application.submit.refused", object_id=str(application.pk)
    ).last()
    assert event is not None and article in event.citation
