"""The expert pages: who sees what (404 for outsiders), forms that refuse without losing input,
and files of an application closed to a conflicted expert (data present that could leak)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from tests.documents.samples import pdf_bytes, upload
from tests.permissions.world import assert_absent

from qaward.accounts.models import Role
from qaward.documents.domain.uploads import store_upload
from qaward.experts.domain import conflicts, panels
from qaward.experts.enums import PanelStage
from qaward.experts.models import Expert, PanelMember

from .helpers import make_application, make_cycle, make_expert

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "qaward.documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path, "base_url": None},
        },
    }
    settings.QAWARD_CLAMD_SOCKET = ""
    settings.QAWARD_CLAMD_TCP = ""


@pytest.fixture
def scene(world):
    program = world.p.program
    staff = world.p.holders[Role.OFFICE_STAFF]
    cycle = make_cycle(program)
    app = make_application(cycle, "长春某轨道客车股份有限公司", contact=world.p.holders[Role.APPLICANT])
    expert = make_expert(program, "陈志远", user=world.p.holders[Role.EXPERT], may_lead=True)
    secret = make_expert(world.q.program, "乔保密")  # another program's expert: must not leak
    panel = panels.create_panel(
        cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, name="轨道客车资料评审组", applications=[app], actor=staff,
        size=1,
    )  # fmt: skip
    member = panels.add_member(panel=panel, expert=expert, actor=staff, leader=True)
    return world, program, staff, cycle, app, expert, secret, panel, member


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_pool_pages_for_the_office_and_404_for_others(client, scene):
    world, program, staff, cycle, app, expert, secret, panel, member = scene
    urls = [
        reverse("experts:pool", args=[program.slug]),
        reverse("experts:expert", args=[program.slug, expert.pk]),
        reverse("experts:conflicts", args=[program.slug]),
        reverse("experts:panels", args=[program.slug, cycle.number]),
        reverse("experts:workload", args=[program.slug, cycle.number]),
        reverse("experts:export", args=[program.slug]),
    ]
    for url in urls:
        response = get(client, staff, url)
        assert response.status_code == 200, url
        if response["Content-Type"].startswith("text/html"):
            assert_absent(response.content.decode(), ["乔保密", *world.q.people])
    for outsider in (world.q.holders[Role.OFFICE_STAFF], world.p.holders[Role.APPLICANT], world.nobody):
        for url in urls:
            assert get(client, outsider, url).status_code == 404, (outsider, url)
    # The other program's expert is not reachable through P's pool.
    assert get(client, staff, reverse("experts:expert", args=[program.slug, secret.pk])).status_code == 404


def test_add_expert_form_keeps_input_and_shows_chinese_errors(client, scene):
    world, program, staff, *_ = scene
    client.force_login(staff)
    response = client.post(
        reverse("experts:expert_new", args=[program.slug]),
        {"name": "新专家", "industry_codes": "Q99", "employer_uscc": "123", "max_load": 5},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "新专家" in page and "Q99" in page
    assert "统一社会信用代码应为18位" in page
    assert not Expert.objects.filter(name="新专家").exists()


def test_import_report_page(client, scene):
    world, program, staff, *_ = scene
    client.force_login(staff)
    bad = io.BytesIO(b"not excel")
    bad.name = "pool.xlsx"
    response = client.post(reverse("experts:import", args=[program.slug]), {"workbook": bad})
    assert response.status_code == 200 and "Excel" in response.content.decode()


def test_expert_answers_declares_and_then_the_file_opens_until_a_conflict(client, scene):
    world, program, staff, cycle, app, expert, secret, panel, member = scene
    user = world.p.holders[Role.EXPERT]
    stored = store_upload(
        uploaded_file=upload("自评报告.pdf", pdf_bytes("self evaluation")), slot="self_evaluation",
        actor=world.p.holders[Role.APPLICANT], program=program, owner=app, trade_secret=True,
    )  # fmt: skip
    file_url = reverse("documents:download", args=[stored.pk])
    page = get(client, user, reverse("experts:mine")).content.decode()
    assert "轨道客车资料评审组" in page
    assert client.get(file_url).status_code == 404  # invited only
    client.post(reverse("experts:respond", args=[member.pk]), {"accept": "1"})
    assert client.get(file_url).status_code == 404  # accepted, not declared
    client.post(reverse("experts:declare", args=[member.pk, app.pk]), {"has_conflict": "0"})
    assert client.get(file_url).status_code == 200
    # Another expert (the other program's) never sees it.
    assert get(client, world.q.holders[Role.EXPERT], file_url).status_code == 404
    # The applicant asks for a recusal: pending already closes the file.
    client.force_login(world.p.holders[Role.APPLICANT])
    response = client.post(
        reverse("experts:request_recusal", args=[app.pk]),
        {
            "named_person": "陈志远",
            "reason": "其曾为我司竞争对手提供咨询",
            "evidence": "咨询合同编号 2025-18",
        },
    )
    assert response.status_code == 302
    assert get(client, user, file_url).status_code == 404
    # Pending: the seat waits for the office's decision; upheld: the expert leaves the panel.
    assert PanelMember.objects.get(pk=member.pk).is_seated
    request = expert.conflicts.get()
    conflicts.decide_conflict(conflict=request, uphold=True, reason="理由成立", actor=staff)
    assert not PanelMember.objects.get(pk=member.pk).is_seated
    assert get(client, user, file_url).status_code == 404


def test_applicant_of_another_application_cannot_ask(client, scene):
    world, program, staff, cycle, app, *_ = scene
    other = make_application(cycle, "别家公司")
    client.force_login(world.p.holders[Role.APPLICANT])
    assert client.get(reverse("experts:request_recusal", args=[other.pk])).status_code == 404


def test_dissolved_panel_closes_access(client, scene):
    world, program, staff, cycle, app, expert, secret, panel, member = scene
    user = world.p.holders[Role.EXPERT]
    panels.respond(member=member, accept=True, actor=user)
    conflicts.declare(member=member, application=app, has_conflict=False, statement="", actor=user)
    stored = store_upload(
        uploaded_file=upload("申报书.pdf", pdf_bytes("form")), slot="application_form",
        actor=world.p.holders[Role.APPLICANT], program=program, owner=app,
    )  # fmt: skip
    url = reverse("documents:download", args=[stored.pk])
    assert get(client, user, url).status_code == 200
    panels.close_stage(cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, actor=staff)
    assert get(client, user, url).status_code == 404


def test_panel_builder_runs_the_solver(client, scene):
    world, program, staff, cycle, app, expert, secret, panel, member = scene
    make_expert(program, "刘备选", employer_name="吉林省标准研究院", may_lead=True)
    client.force_login(staff)
    panels.remove_member(member=member, actor=staff, reason="调整")
    response = client.post(
        reverse("experts:solve", args=[program.slug, cycle.number]), {"stage": PanelStage.MATERIAL_REVIEW}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "qa-solver-run" in page and panel.seated().count() == 1


def test_a_recusal_request_may_carry_an_evidence_file_only_the_office_sees(client, scene):
    world, program, staff, cycle, app, expert, secret, panel, member = scene
    applicant = world.p.holders[Role.APPLICANT]
    client.force_login(applicant)
    url = reverse("experts:request_recusal", args=[app.pk])
    refused = client.post(url, {"named_person": "陈志远", "reason": "其曾为我司竞争对手提供咨询"})
    assert (
        refused.status_code == 200 and "请说明或附上相关证明材料" in refused.content.decode()
    )  # no evidence
    sent = client.post(
        url,
        {"named_person": "陈志远", "reason": "其曾为我司竞争对手提供咨询",
         "evidence_upload": upload("咨询合同.pdf", pdf_bytes("contract"))},
    )  # fmt: skip
    assert sent.status_code == 302
    evidence = expert.conflicts.get().evidence_file
    assert evidence is not None and evidence.owner is None and evidence.program == program
    file_url = reverse("documents:download", args=[evidence.pk])
    assert client.get(file_url).status_code == 200  # the applicant who sent it
    assert get(client, staff, file_url).status_code == 200
    assert get(client, world.p.holders[Role.EXPERT], file_url).status_code == 404
    queue = get(client, staff, reverse("experts:conflicts", args=[program.slug])).content.decode()
    assert file_url in queue
