"""Calls for applications: cycle rule per rulebook (refusal with article, override with reason),
发文字号 format, rulebook version pinned, audit."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from tests.publicity.makers import make_cycle, make_office_staff, make_program

from qaward.audit.models import AuditEvent
from qaward.programs.domain.calls import open_cycle, publish_call_notice
from qaward.programs.enums import CycleStatus
from qaward.programs.models import CallNotice, Cycle
from qaward.programs.models.call_notice import parse_doc_no

pytestmark = pytest.mark.django_db


def _notice(year: int, seq: int = 1, **overrides) -> dict:
    fields = {
        "year": year,
        "call_opens": date(year, 3, 2),
        "call_closes": date(year, 5, 29),
        "published_on": date(year, 2, 20),
        "title": f"关于开展{year}年度质量奖申报工作的通知",
        "doc_no": f"质奖办〔{year}〕{seq}号",
        "body": "各有关单位：现开展质量奖申报工作。",
        "materials": "申报表\n自我评价报告\n- 证实性材料",
        "contact": "联系人：王老师，电话：0431-88888888",
    }
    fields.update(overrides)
    return fields


@pytest.mark.unit
@pytest.mark.parametrize("good", ["吉质奖办〔2026〕1号", "晋质强办〔2027〕12号", "塔行办规〔2023〕1号"])
def test_doc_no_format_accepts(good):
    assert parse_doc_no(good)[1] in (2023, 2026, 2027)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("bad", "hint"),
    [
        ("吉质奖办[2026]1号", "〔〕"),
        ("吉质奖办（2026）1号", "〔〕"),
        ("吉质奖办〔26〕1号", "四位"),
        ("吉质奖办〔2026〕1", "号"),
        ("吉质奖办〔2026〕01号", ""),
        ("〔2026〕1号", ""),
    ],
)
def test_doc_no_format_refuses_with_a_hint(bad, hint):
    with pytest.raises(ValidationError) as refused:
        parse_doc_no(bad)
    assert "吉质奖办〔2026〕1号" in str(refused.value.messages) and hint in str(refused.value.messages)


def test_open_cycle_publishes_notice_pins_rulebook_and_audits():
    program = make_program("jilin-2023")
    make_cycle(program, number=1, year=2024, status=CycleStatus.AWARDED)
    staff = make_office_staff(program)
    notice = open_cycle(program=program, actor=staff, **_notice(2026))
    cycle = notice.cycle
    assert (cycle.number, cycle.year, cycle.status) == (2, 2026, CycleStatus.OPEN)
    assert (cycle.rulebook_id, cycle.rulebook_version) == (program.rulebook_id, program.rulebook_version)
    assert (
        notice.materials == ["申报表", "自我评价报告", "证实性材料"] and notice.issuer == program.office_name
    )
    event = AuditEvent.objects.get(action="programs.open_cycle")
    assert event.rule_id == "cycle_rule" and "第四条" in event.citation


def test_doc_no_year_must_match_publication_and_nothing_is_created():
    program = make_program("jilin-2023")
    staff = make_office_staff(program)
    with pytest.raises(ValidationError) as refused:
        open_cycle(program=program, actor=staff, **_notice(2026, doc_no="吉质奖办〔2025〕3号"))
    assert "doc_no" in refused.value.message_dict
    assert not Cycle.objects.filter(program=program).exists()


def test_jinzhong_every_three_years_refused_then_overridden_with_reason():
    program = make_program("jinzhong-2023")
    make_cycle(program, number=1, year=2024, status=CycleStatus.AWARDED)
    staff = make_office_staff(program)
    with pytest.raises(ValidationError) as refused:
        open_cycle(program=program, actor=staff, **_notice(2026))
    message = str(refused.value)
    assert "3年" in message and "2027" in message and "第五条第一款" in message
    refusal = AuditEvent.objects.get(action="programs.open_cycle.refused")
    assert refusal.rule_id == "cycle_rule" and "第五条第一款" in refusal.citation
    assert not Cycle.objects.filter(program=program, year=2026).exists()

    notice = open_cycle(
        program=program, actor=staff, override_reason="市政府要求提前一年开展评选", **_notice(2026)
    )
    assert notice.cycle_rule_override == "市政府要求提前一年开展评选"
    override = AuditEvent.objects.get(action="programs.open_cycle.override")
    assert (
        override.after["override_reason"] == "市政府要求提前一年开展评选"
        and "第五条第一款" in override.citation
    )


def test_jinzhong_three_years_later_passes():
    program = make_program("jinzhong-2023")
    make_cycle(program, number=1, year=2024, status=CycleStatus.AWARDED)
    notice = open_cycle(program=program, actor=make_office_staff(program), **_notice(2027))
    assert notice.cycle.year == 2027 and notice.cycle_rule_override == ""


def test_tacheng_alternates_every_other_year():
    # Tacheng runs every 2 years, alternating with the autonomous-region award (第四条): after 2024
    # the next is 2026; 2025 is the region's year.
    program = make_program("tacheng-2023")
    make_cycle(program, number=1, year=2024, status=CycleStatus.AWARDED)
    staff = make_office_staff(program)
    with pytest.raises(ValidationError, match="2026.*第四条"):
        open_cycle(program=program, actor=staff, **_notice(2025))
    assert open_cycle(program=program, actor=staff, **_notice(2026)).cycle.number == 2


def test_same_year_twice_is_refused_even_with_a_reason():
    program = make_program("jilin-2023")
    make_cycle(program, number=1, year=2026)
    with pytest.raises(ValidationError, match="2026年已有一届"):
        open_cycle(
            program=program, actor=make_office_staff(program), override_reason="再来一届", **_notice(2026)
        )


def test_publishing_the_notice_of_a_draft_cycle_opens_it():
    program = make_program("jian-2023")
    make_cycle(program, number=1, year=2024, status=CycleStatus.AWARDED)
    draft = make_cycle(program, number=2, year=2026, status=CycleStatus.DRAFT)
    fields = _notice(2026)
    for key in ("year", "call_opens", "call_closes"):
        fields.pop(key)
    publish_call_notice(cycle=draft, actor=make_office_staff(program), **fields)
    draft.refresh_from_db()
    assert draft.status == CycleStatus.OPEN and CallNotice.objects.filter(cycle=draft).count() == 1
