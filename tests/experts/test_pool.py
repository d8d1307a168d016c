"""Expert pool: profiles, status, credit record, agencies (domain functions, audited)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from qaward.accounts.models import Role, RoleAssignment
from qaward.audit.models import AuditEvent
from qaward.experts.domain import agency, credit, pool, queries
from qaward.experts.enums import EvaluationRating, ExpertStatus, SanctionKind
from qaward.experts.models import Expert

from .helpers import FAW, make_expert, uscc

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_create_expert_normalises_codes_and_is_audited(world):
    staff = world.p.holders[Role.OFFICE_STAFF]
    expert = make_expert(world.p.program, actor=staff, industry_codes="2614、c36, M", keywords="汽车，质量")
    assert expert.industry_codes == ["C2614", "C36", "M"]
    assert expert.keywords == ["汽车", "质量"]
    assert expert.code == f"E{expert.pk:05d}"
    assert list(queries.pool_of(world.p.program)) == [expert]
    assert list(queries.pool_of(world.q.program)) == []
    event = AuditEvent.objects.get(action="experts.expert_created")
    assert event.program_id == world.p.program.pk and event.actor == staff


def test_invalid_profile_lists_every_problem_in_chinese(world):
    with pytest.raises(ValidationError) as caught:
        make_expert(
            world.p.program,
            name="",
            employer_uscc="912201011234567890",
            industry_codes="Z99、26",
            region_code="99",
        )
    errors = caught.value.message_dict
    assert set(errors) >= {"name", "employer_uscc", "industry_codes", "region_code"}
    assert "校验码" in errors["employer_uscc"][0]
    assert "Z99" in errors["industry_codes"][0]
    assert not Expert.objects.exists()


def test_office_of_another_program_may_not_add_or_change(world):
    other_staff = world.q.holders[Role.OFFICE_STAFF]
    with pytest.raises(PermissionDenied):
        make_expert(world.p.program, actor=other_staff)
    expert = make_expert(world.p.program)
    with pytest.raises(PermissionDenied):
        pool.update_expert(expert=expert, program=world.q.program, actor=other_staff, title="x")


def test_update_records_only_the_changes(world):
    staff = world.p.holders[Role.OFFICE_STAFF]
    expert = make_expert(world.p.program, actor=staff)
    pool.update_expert(expert=expert, program=world.p.program, actor=staff, title="研究员", may_lead=True)
    event = AuditEvent.objects.get(action="experts.expert_updated")
    assert event.before == {"title": "教授", "may_lead": False}
    assert event.after == {"title": "研究员", "may_lead": True}


def test_status_needs_reason_and_article_and_leaving_the_pool_keeps_the_record(world):
    staff = world.p.holders[Role.OFFICE_STAFF]
    expert = make_expert(world.p.program, actor=staff)
    with pytest.raises(ValidationError):
        pool.set_status(
            expert=expert,
            status=ExpertStatus.SUSPENDED,
            reason="",
            article="",
            program=world.p.program,
            actor=staff,
        )
    pool.set_status(
        expert=expert,
        status=ExpertStatus.SUSPENDED,
        reason="本届评审期间出国",
        article="办法未规定，由评委办确定",
        program=world.p.program,
        actor=staff,
    )
    expert.refresh_from_db()
    assert expert.status == ExpertStatus.SUSPENDED
    pool.remove_from_pool(expert=expert, program=world.p.program, actor=staff, reason="退休")
    assert not queries.pool_of(world.p.program).exists()
    assert queries.pool_of(world.p.program, include_former=True).get() == expert


def test_sanction_disqualifies_with_the_rulebook_article(world):
    staff = world.p.holders[Role.OFFICE_STAFF]
    expert = make_expert(world.p.program, actor=staff)
    credit.record_evaluation(
        expert=expert,
        program=world.p.program,
        evaluator="长春某汽车零部件有限公司",
        rating=EvaluationRating.POOR,
        comment="现场评审时接受宴请",
        actor=staff,
    )
    sanction = credit.impose_sanction(
        expert=expert,
        program=world.p.program,
        kind=SanctionKind.DISQUALIFICATION,
        reason="现场评审时接受申报组织宴请",
        actor=staff,
    )
    assert sanction.article.endswith("第四十条(一)")
    expert.refresh_from_db()
    assert expert.status == ExpertStatus.DISQUALIFIED and "第四十条(一)" in expert.status_article
    record = queries.credit_record(expert, [world.p.program])
    assert record["evaluations"].get().article.endswith("第三十九条")
    assert record["sanctions"].get() == sanction
    # The other program's office sees nothing of P's credit entries.
    assert not queries.credit_record(expert, [world.q.program])["sanctions"].exists()


def test_poor_evaluation_needs_a_description(world):
    expert = make_expert(world.p.program)
    with pytest.raises(ValidationError):
        credit.record_evaluation(
            expert=expert,
            program=world.p.program,
            evaluator="某公司",
            rating=EvaluationRating.POOR,
            actor=None,
        )


def test_former_employment_and_relationship(world):
    staff = world.p.holders[Role.OFFICE_STAFF]
    expert = make_expert(world.p.program, actor=staff)
    pool.add_former_employment(
        expert=expert, employer_name="中国第一汽车集团有限公司", employer_uscc=FAW,
        ended=dt.date(2022, 6, 30), program=world.p.program, actor=staff,
    )  # fmt: skip
    with pytest.raises(ValidationError):
        pool.add_former_employment(
            expert=expert, employer_name="某厂", started=dt.date(2020, 1, 1), ended=dt.date(2019, 1, 1),
            program=world.p.program, actor=staff,
        )  # fmt: skip
    pool.declare_relationship(
        expert=expert,
        kind="coaching",
        counterparty_name="吉林某食品有限公司",
        program=world.p.program,
        actor=staff,
    )
    assert expert.former_employments.count() == 1 and expert.relationships.count() == 1


def test_agency_only_where_the_rulebook_allows_and_staff_limited_to_that_program(world):
    jilin_staff = world.p.holders[Role.OFFICE_STAFF]
    with pytest.raises(ValidationError) as caught:
        agency.entrust_agency(
            program=world.p.program, name="某咨询公司", uscc=FAW, scope="组织评审", entrusted_from=dt.date(2026, 1, 1),
            actor=jilin_staff,
        )  # fmt: skip
    assert "第三方" in str(caught.value)
    jinzhong_staff = world.q.holders[Role.OFFICE_STAFF]
    firm = agency.entrust_agency(
        program=world.q.program, name="山西某质量技术服务有限公司", uscc=uscc("91140700MA0123456"),
        scope="组建评审组、组织材料评审和现场评审", entrusted_from=dt.date(2027, 3, 1), actor=jinzhong_staff,
    )  # fmt: skip
    assert "第十三条" in firm.article
    worker = world.nobody
    # The office cannot appoint office staff itself (accounts policy); the platform admin does.
    with pytest.raises(PermissionDenied):
        agency.appoint_agency_staff(agency=firm, user=worker, actor=jinzhong_staff)
    agency.appoint_agency_staff(agency=firm, user=worker, actor=world.admin)
    role = RoleAssignment.objects.get(user=worker, revoked_at__isnull=True)
    assert role.role == Role.OFFICE_STAFF and role.program == world.q.program
    agency.end_entrustment(agency=firm, reason="委托期满", actor=jinzhong_staff)
    assert not RoleAssignment.objects.filter(user=worker, revoked_at__isnull=True).exists()
