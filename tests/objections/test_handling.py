"""The office handles an objection: admissibility with a receipt, verification by the
recommending unit (a missed deadline fails the applicant in Jilin), experts, the decision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from qaward.applications.enums import ApplicationState
from qaward.applications.models import ApplicantBan
from qaward.audit.models import AuditEvent
from qaward.objections.domain.filing import file_objection
from qaward.objections.domain.handling import (
    add_handler,
    apply_missed_deadlines,
    appoint_expert,
    decide_admissibility,
    decide_outcome,
    record_routed_result,
    report_verification,
    request_verification,
    route_out,
)
from qaward.objections.domain.queries import admissibility_deadline, admissible_pending_for_window
from qaward.objections.enums import LetterKind, ObjectionState, Outcome

from .makers import individual, make_case, png

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _admitted(case):
    objection = file_objection(
        entry=case.entry, objector=individual(), grounds="销售数据造假", evidence=[png()]
    ).objection
    return decide_admissibility(objection=objection, admit=True, reason="", actor=case.office)


def test_admitting_issues_a_written_receipt_pdf(django_capture_on_commit_callbacks):
    case = make_case("tacheng-2023")
    with django_capture_on_commit_callbacks(execute=True):  # the PDF is rendered after commit
        objection = _admitted(case)
    assert objection.state == ObjectionState.ADMITTED
    letter = objection.letters.get()
    assert letter.kind == LetterKind.RECEIPT and letter.addressee == "异议人"
    assert letter.file.content_type == "application/pdf" and letter.file.size > 1000
    event = AuditEvent.objects.get(action="objection.admit")
    assert "第二十四条" in event.citation


def test_not_admitting_needs_a_reason_and_sends_a_notice():
    case = make_case()
    objection = file_objection(
        entry=case.entry, objector=individual(), grounds="x", evidence=[png()]
    ).objection
    with pytest.raises(ValidationError):
        decide_admissibility(objection=objection, admit=False, reason="", actor=case.office)
    objection = decide_admissibility(
        objection=objection, admit=False, reason="证据不足以证明所述情况", actor=case.office
    )
    assert objection.state == ObjectionState.NOT_ADMITTED
    assert objection.letters.get().kind == LetterKind.NOT_ADMITTED
    assert not admissible_pending_for_window(case.window)


def test_admissibility_deadline_shows_days_left_and_overdue():
    case = make_case("tacheng-2023")
    objection = file_objection(
        entry=case.entry, objector=individual(), grounds="x", evidence=[png()]
    ).objection
    # Received on a Monday: due the next Monday; on Friday 2 working days are left (Fri, Mon).
    objection.received_on = dt.date(2026, 4, 13)
    objection.admissibility_due = dt.date(2026, 4, 20)
    assert admissibility_deadline(objection, today=dt.date(2026, 4, 17)).left == 2
    late = admissibility_deadline(objection, today=dt.date(2026, 4, 21))
    assert late.overdue and late.left == 0


def test_missed_verification_deadline_fails_the_applicant_in_jilin():
    case = make_case()
    objection = _admitted(case)
    request = request_verification(objection=objection, actor=case.office, message="请核实销售数据",
                                   today=dt.date(2026, 4, 13))  # fmt: skip
    assert request.due_on == dt.date(2026, 4, 27)  # 10 working days, not counting the day sent
    assert apply_missed_deadlines(today=dt.date(2026, 4, 27)) == []  # the last day is still in time
    closed = apply_missed_deadlines(today=dt.date(2026, 4, 28))
    assert [v.pk for v in closed] == [request.pk]
    case.application.refresh_from_db()
    objection.refresh_from_db()
    assert case.application.state == ApplicationState.DISQUALIFIED
    assert (objection.state, objection.outcome) == (ObjectionState.DECIDED, Outcome.RECOMMENDER_MISSED)
    change = case.application.state_changes.get(transition="disqualify")
    assert change.actor is None and change.citation == "吉政办规〔2023〕3号 第三十七条(四)"
    assert "未在规定时间" in change.reason
    # The late report is refused with the article.
    with pytest.raises(ValidationError) as refused:
        report_verification(
            verification=request, report="迟到的报告", actor=case.recommender, today=dt.date(2026, 4, 28)
        )
    assert "第三十七条(四)" in refused.value.messages[0]


def test_the_deadline_command_applies_the_consequence(monkeypatch):
    case = make_case()
    objection = _admitted(case)
    request_verification(objection=objection, actor=case.office, message="请核实", today=dt.date(2025, 1, 2))
    call_command("objections_apply_deadlines")
    case.application.refresh_from_db()
    assert case.application.state == ApplicationState.DISQUALIFIED


def test_a_timely_report_keeps_the_applicant():
    case = make_case()
    objection = _admitted(case)
    request = request_verification(
        objection=objection, actor=case.office, message="请核实", today=dt.date(2026, 4, 13)
    )
    with pytest.raises(ValidationError):
        report_verification(
            verification=request, report="x", actor=case.supervisor, today=dt.date(2026, 4, 14)
        )
    report_verification(
        verification=request, report="经核实，数据属实。", actor=case.recommender, today=dt.date(2026, 4, 27)
    )
    assert apply_missed_deadlines(today=dt.date(2026, 5, 1)) == []
    decide_outcome(
        objection=objection, upheld=False, reason="经调查，异议所述与事实不符。", actor=case.office
    )
    case.application.refresh_from_db()
    assert case.application.state == ApplicationState.ACCEPTED
    objection.refresh_from_db()
    kinds = sorted(objection.letters.values_list("kind", flat=True))
    assert kinds == sorted([LetterKind.RECEIPT, LetterKind.RESULT_OBJECTOR, LetterKind.RESULT_SUBJECT,
                            LetterKind.RESULT_RECOMMENDER])  # fmt: skip


def test_tacheng_missed_deadline_has_no_automatic_consequence():
    case = make_case("tacheng-2023")
    objection = _admitted(case)
    request = request_verification(objection=objection, actor=case.office, message="请核实", workdays=3,
                                   today=dt.date(2026, 4, 13))  # fmt: skip
    apply_missed_deadlines(today=dt.date(2026, 5, 1))
    request.refresh_from_db()
    case.application.refresh_from_db()
    assert request.missed_at is not None and case.application.state == ApplicationState.ACCEPTED


def test_upheld_for_false_materials_disqualifies_and_bans_for_five_years():
    case = make_case()
    objection = _admitted(case)
    decide_outcome(objection=objection, upheld=True, reason="经核实，提供的检测报告系伪造。", actor=case.office,
                   false_materials=True)  # fmt: skip
    case.application.refresh_from_db()
    assert case.application.state == ApplicationState.DISQUALIFIED
    assert case.application.state_changes.get(transition="disqualify").citation.endswith("第二十七条第二款")
    ban = ApplicantBan.objects.get(applicant=case.application.applicant)
    assert ban.citation.endswith("第三十五条第一款")
    assert (ban.ends_on - ban.starts_on).days in (1825, 1826)


def test_jinzhong_has_no_false_materials_ban():
    case = make_case("jinzhong-2023")
    objection = _admitted(case)
    decide_outcome(
        objection=objection, upheld=True, reason="材料不实", actor=case.office, false_materials=True
    )
    assert not ApplicantBan.objects.exists()


def test_defence_objection_is_routed_out_and_its_result_recorded():
    case = make_case()
    objection = _admitted(case)
    objection = route_out(objection=objection, routed_to="省国家安全厅", actor=case.office)
    assert admissible_pending_for_window(case.window)
    with pytest.raises(ValidationError):
        decide_outcome(objection=objection, upheld=False, reason="x", actor=case.office)
    record_routed_result(objection=objection, result="经有关部门核查，未发现问题。", actor=case.office)
    objection = decide_outcome(
        objection=objection, upheld=False, reason="有关部门处理结果：未发现问题。", actor=case.office
    )
    assert objection.outcome == Outcome.NOT_UPHELD
    assert "第三十七条(五)" in AuditEvent.objects.get(action="objection.route_out").citation


def test_experts_need_a_declaration_of_no_interest():
    case = make_case()
    objection = _admitted(case)
    with pytest.raises(ValidationError):
        appoint_expert(objection=objection, actor=case.office, name="李建国")
    appointment = appoint_expert(
        objection=objection, actor=case.office, name="李建国", no_conflict_declared=True
    )
    assert appointment.conflict_checked is False and appointment.no_conflict_declared


def test_handlers_must_hold_a_role_in_the_program():
    case = make_case()
    objection = _admitted(case)
    add_handler(objection=objection, user=case.supervisor, actor=case.office)
    from tests.applications.makers import make_user

    with pytest.raises(ValidationError):
        add_handler(objection=objection, user=make_user(), actor=case.office)
