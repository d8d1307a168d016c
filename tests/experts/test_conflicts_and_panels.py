"""Conflicts of every kind block assignment and access; panels, invitations and the solver."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from qaward.accounts.models import Role
from qaward.applications.models import Applicant
from qaward.audit.models import AuditEvent
from qaward.experts.domain import assignment, conflicts, panels, pool, queries
from qaward.experts.enums import ConflictStatus, MemberStatus, PanelStage
from qaward.experts.models import Conflict, ConflictPolicy, PanelMember

from .helpers import FAW, JLU, make_application, make_cycle, make_expert, uscc

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

FAW_PARENT = uscc("91220101000000001")
FAW_SISTER = uscc("91220101000000002")


@pytest.fixture
def setting(world):
    program = world.p.program
    staff = world.p.holders[Role.OFFICE_STAFF]
    cycle = make_cycle(program)
    group = make_application(cycle, "中国第一汽车集团有限公司", uscc_code=FAW_PARENT)
    faw = make_application(
        cycle,
        "一汽解放汽车有限公司",
        uscc_code=FAW,
        parent=group.applicant,
        contact=world.p.holders[Role.APPLICANT],
    )
    food = make_application(cycle, "吉林省长白山食品有限公司", uscc_code=uscc("91220500123450001"),
                            industry="C1491", keywords="食品 乳制品", unit=world.p.unit)  # fmt: skip
    experts = {
        "own": make_expert(program, "张海峰", employer_name="一汽解放汽车有限公司", employer_uscc=FAW, may_lead=True),
        "sister": make_expert(program, "刘志强", employer_name="一汽丰越", employer_uscc=FAW_SISTER),
        "former": make_expert(program, "王立", employer_name="吉林大学", employer_uscc=JLU),
        "coach": make_expert(program, "赵敏", employer_name="长春某咨询公司", industry_codes=["C14"]),
        "unit": make_expert(program, "孙悦", employer_name=world.p.unit.name, industry_codes=["C14"]),
        "free1": make_expert(program, "陈志远", employer_name="长春理工大学", may_lead=True, user=world.p.holders[Role.EXPERT]),
        "free2": make_expert(program, "李红", employer_name="吉林省计量院", industry_codes=["C36", "C14"]),
        "free3": make_expert(program, "周平", employer_name="吉林省标准院", industry_codes=["C1491"], may_lead=True),
    }  # fmt: skip
    # A sister branch known to the system (an applicant of another year), under the same parent.
    Applicant.objects.create(
        kind="organization", name="一汽丰越汽车有限公司", uscc=FAW_SISTER, parent=group.applicant
    )
    pool.add_former_employment(
        expert=experts["former"], employer_name="一汽解放汽车有限公司", employer_uscc=FAW,
        ended=dt.date.today() - dt.timedelta(days=400), program=program, actor=None,
    )  # fmt: skip
    pool.declare_relationship(
        expert=experts["coach"], kind="coaching", counterparty_name="吉林省长白山食品有限公司", program=program,
        actor=None,
    )  # fmt: skip
    return world, program, staff, cycle, {"group": group, "faw": faw, "food": food}, experts


def test_detection_finds_each_ground_and_is_idempotent(setting):
    world, program, staff, cycle, apps, experts = setting
    found = conflicts.detect_conflicts(cycle=cycle, actor=staff)
    got = {(c.expert.name, c.application.applicant.name, c.rule) for c in found}
    assert ("张海峰", "一汽解放汽车有限公司", "same_employer") in got
    assert ("张海峰", "中国第一汽车集团有限公司", "group") in got  # employer is a branch of the applicant
    assert ("刘志强", "一汽解放汽车有限公司", "group") in got  # sister branch under the same parent
    assert ("王立", "一汽解放汽车有限公司", "former_employer") in got
    assert ("赵敏", "吉林省长白山食品有限公司", "relationship") in got
    assert not any(name == "孙悦" for name, *_rest in got)  # recommending unit: off by default
    assert all(c.status == ConflictStatus.UPHELD and c.article.endswith("第四十条(三)") for c in found)
    assert conflicts.detect_conflicts(cycle=cycle, actor=staff) == []
    ConflictPolicy.objects.filter(program=program).update(
        same_recommending_unit=True, former_employer_years=1
    )
    again = conflicts.detect_conflicts(cycle=cycle, actor=staff)
    assert {(c.expert.name, c.rule) for c in again} == {("孙悦", "recommending_unit")}
    event = AuditEvent.objects.filter(action="experts.conflict_detected").first()
    assert event.citation.endswith("第四十条(三)") and event.rule_id.startswith("supervision.recusal")


def test_former_employer_outside_the_window_is_not_a_conflict(setting):
    world, program, staff, cycle, apps, experts = setting
    ConflictPolicy.objects.create(program=program, former_employer_years=1)
    found = conflicts.detect_conflicts(cycle=cycle, actor=staff)
    assert not any(c.rule == "former_employer" for c in found)


def test_applicant_request_blocks_while_pending_and_the_office_decides(setting):
    world, program, staff, cycle, apps, experts = setting
    contact = world.p.holders[Role.APPLICANT]
    with pytest.raises(ValidationError):
        conflicts.request_recusal(
            application=apps["faw"], named_person="李红", reason="", evidence="", actor=contact
        )
    with pytest.raises(PermissionDenied):  # not this applicant's application
        conflicts.request_recusal(
            application=apps["food"], named_person="李红", reason="理由", evidence="证明", actor=contact
        )
    request = conflicts.request_recusal(
        application=apps["faw"], named_person="李红", reason="曾为我公司竞争对手提供咨询", evidence="合同复印件",
        actor=contact,
    )  # fmt: skip
    assert request.status == ConflictStatus.PENDING and request.expert == experts["free2"]
    assert request.article.endswith("第四十条(四)")
    panel = panels.create_panel(
        cycle=cycle,
        stage=PanelStage.MATERIAL_REVIEW,
        name="一汽解放资料评审组",
        applications=[apps["faw"]],
        actor=staff,
    )
    with pytest.raises(ValidationError) as caught:
        panels.add_member(panel=panel, expert=experts["free2"], actor=staff)
    assert "利害关系" in str(caught.value) or "conflict" in str(caught.value)
    conflicts.decide_conflict(conflict=request, uphold=False, reason="理由不成立", actor=staff)
    panels.add_member(panel=panel, expert=experts["free2"], actor=staff)


def test_solver_never_proposes_a_conflicted_expert_and_explains(setting):
    world, program, staff, cycle, apps, experts = setting
    conflicts.detect_conflicts(cycle=cycle, actor=staff)
    created = panels.create_panels_per_application(
        cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, actor=staff, size=2
    )
    run = assignment.run_solver(panels=created, actor=staff)
    blocked = conflicts.blocking_pairs([a for a in apps.values()])
    for member in PanelMember.objects.filter(status=MemberStatus.INVITED).select_related("panel"):
        for application in member.panel.applications.all():
            assert (application.pk, member.expert_id) not in blocked
    assert PanelMember.objects.filter(status=MemberStatus.INVITED).count() == 2 * len(created)
    assert run.input_hash and run.solver and run.gap is not None
    assert all("total" in m.components for m in PanelMember.objects.filter(status=MemberStatus.INVITED))
    assert all(PanelMember.objects.filter(panel=p, is_leader=True).count() <= 1 for p in created)
    event = AuditEvent.objects.get(action="experts.solver_run")
    assert event.after["input_hash"] == run.input_hash
    # Re-running keeps locked and accepted seats.
    member = PanelMember.objects.filter(panel=created[0], status=MemberStatus.INVITED).first()
    panels.set_locked(member=member, locked=True, actor=staff)
    assignment.run_solver(panels=created, actor=staff)
    member.refresh_from_db()
    assert member.status == MemberStatus.INVITED


def test_decline_refills_that_seat_only_and_conflict_decline_records_it(setting):
    world, program, staff, cycle, apps, experts = setting
    panel = panels.create_panel(
        cycle=cycle, stage=PanelStage.ONSITE_REVIEW, name="长白山食品现场评审组", applications=[apps["food"]],
        actor=staff, size=2,
    )  # fmt: skip
    panels.add_member(panel=panel, expert=experts["free3"], actor=staff, leader=True)
    mine = panels.add_member(panel=panel, expert=experts["free1"], actor=staff)
    expert_user = world.p.holders[Role.EXPERT]
    with pytest.raises(PermissionDenied):
        panels.respond(member=mine, accept=False, reason="workload", actor=staff)
    with pytest.raises(ValidationError):
        panels.respond(member=mine, accept=False, reason="conflict", note="", actor=expert_user)
    panels.respond(member=mine, accept=False, reason="conflict", note="本人曾为其提供培训", actor=expert_user)
    seated = {m.expert.name: m for m in panel.seated()}
    assert "陈志远" not in seated and "周平" in seated and seated["周平"].is_leader
    assert len(seated) == 2  # the free seat was re-filled by the solver
    assert Conflict.objects.get(expert=experts["free1"], application=apps["food"]).kind == "declared"


def test_separate_defense_panel_excludes_earlier_panel_members(setting):
    world, program, staff, cycle, apps, experts = setting
    material = panels.create_panel(
        cycle=cycle,
        stage=PanelStage.MATERIAL_REVIEW,
        name="食品资料评审组",
        applications=[apps["food"]],
        actor=staff,
    )
    panels.add_member(panel=material, expert=experts["free3"], actor=staff)
    defense = panels.create_panel(
        cycle=cycle, stage=PanelStage.DEFENSE, name="陈述答辩评审组", applications=[apps["food"]], actor=staff
    )
    assert defense.separate and defense.article.endswith("第二十五条")
    with pytest.raises(ValidationError):
        panels.add_member(panel=defense, expert=experts["free3"], actor=staff)


def test_activation_needs_one_accepted_leader_and_dissolution_keeps_the_record(setting):
    world, program, staff, cycle, apps, experts = setting
    panel = panels.create_panel(
        cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, name="食品资料评审组", applications=[apps["food"]], actor=staff,
        size=1,
    )  # fmt: skip
    member = panels.add_member(panel=panel, expert=experts["free1"], actor=staff)
    with pytest.raises(ValidationError):
        panels.activate_panel(panel=panel, actor=staff)
    panels.respond(member=member, accept=True, actor=world.p.holders[Role.EXPERT])
    with pytest.raises(ValidationError):  # no leader yet
        panels.activate_panel(panel=panel, actor=staff)
    panels.set_leader(member=member, actor=staff)
    panels.activate_panel(panel=panel, actor=staff)
    panels.close_stage(cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, actor=staff)
    panel.refresh_from_db()
    assert panel.is_dissolved and panel.members.count() == 1
    with pytest.raises(ValidationError):
        panels.add_member(panel=panel, expert=experts["free2"], actor=staff)


def test_leader_must_be_qualified(setting):
    world, program, staff, cycle, apps, experts = setting
    panel = panels.create_panel(
        cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, name="组", applications=[apps["food"]], actor=staff
    )
    with pytest.raises(ValidationError):
        panels.add_member(panel=panel, expert=experts["free2"], actor=staff, leader=True)


def test_access_rule_every_condition(setting):
    """assigned + accepted + declared no conflict + no other conflict + panel not dissolved."""
    world, program, staff, cycle, apps, experts = setting
    user = world.p.holders[Role.EXPERT]
    food = apps["food"]
    panel = panels.create_panel(
        cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, name="组", applications=[food], actor=staff, size=1
    )
    assert not queries.expert_may_see_application(user, food)
    member = panels.add_member(panel=panel, expert=experts["free1"], actor=staff)
    assert not queries.expert_may_see_application(user, food)  # invited only
    panels.respond(member=member, accept=True, actor=user)
    assert not queries.expert_may_see_application(user, food)  # no declaration yet
    conflicts.declare(member=member, application=food, has_conflict=False, statement="", actor=user)
    assert queries.expert_may_see_application(user, food)
    assert not queries.expert_may_see_application(user, apps["faw"])  # not assigned to it
    assert not queries.expert_may_see_application(world.q.holders[Role.EXPERT], food)
    other = conflicts.request_recusal(
        application=apps["faw"],
        named_person="陈志远",
        reason="r",
        evidence="e",
        actor=world.p.holders[Role.APPLICANT],
    )
    assert queries.expert_may_see_application(user, food)  # a request about another application
    conflicts.pin_conflict(
        expert=experts["free1"], application=food, reason="其配偶在该公司任职", actor=staff
    )
    assert not queries.expert_may_see_application(user, food)
    member.refresh_from_db()
    assert member.status == MemberStatus.REMOVED
    assert other.status == ConflictStatus.PENDING


def test_declaring_a_conflict_removes_the_seat_and_access(setting):
    world, program, staff, cycle, apps, experts = setting
    user = world.p.holders[Role.EXPERT]
    food = apps["food"]
    panel = panels.create_panel(
        cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, name="组", applications=[food], actor=staff, size=1
    )
    member = panels.add_member(panel=panel, expert=experts["free1"], actor=staff)
    panels.respond(member=member, accept=True, actor=user)
    with pytest.raises(PermissionDenied):
        conflicts.declare(member=member, application=food, has_conflict=False, statement="", actor=staff)
    conflicts.declare(
        member=member, application=food, has_conflict=True, statement="曾任该公司顾问", actor=user
    )
    member.refresh_from_db()
    assert member.status == MemberStatus.REMOVED
    assert not queries.expert_may_see_application(user, food)
    assert AuditEvent.objects.filter(action="experts.declared").exists()
