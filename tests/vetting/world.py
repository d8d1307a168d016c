"""One award program per rulebook with a cycle, two recommending units, office staff, a
recommender per unit and an applicant contact; applications with facts that pass (or await
evidence for) every condition, taken from the rulebook's own scenarios."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.applications.makers import make_application, make_user

from qaward.accounts.domain.roles import grant_role
from qaward.accounts.models import Role
from qaward.documents.domain.uploads import store_upload
from qaward.programs.domain.cycles import create_cycle
from qaward.programs.enums import CycleStatus
from qaward.programs.models import AwardProgram, Jurisdiction, RecommendingUnit, RecommendingUnitKind
from qaward.rulebooks import registry

SCENARIOS = Path(registry.__file__).parent / "scenarios"
# A scenario per rulebook and kind whose facts pass (or only await a reviewer's judgement).
PASSING = {
    ("jilin-2023", "organization"): "01-organization-five-years.yaml",
    ("changchun-2018", "organization"): "01-unincorporated-organisation-passes.yaml",
    ("tacheng-2023", "organization"): "01-ordinary-org-passes.yaml",
    ("jinzhong-2023", "organization"): "01-enterprise-three-years-passes.yaml",
    ("jinzhong-2023", "team"): "10-team-of-three-passes.yaml",
    ("jian-2023", "organization"): "19-organization-eligible.yaml",
    ("jian-2023", "individual"): "25-individual-eligible.yaml",
}
RULEBOOKS = ["jilin-2023", "changchun-2018", "tacheng-2023", "jinzhong-2023", "jian-2023"]
TINY_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def passing_facts(rulebook_id: str, kind: str) -> dict:
    data = yaml.safe_load((SCENARIOS / rulebook_id / PASSING[(rulebook_id, kind)]).read_text("utf-8"))
    return data["given"]["facts"]


@dataclass
class VWorld:
    book: object
    program: AwardProgram
    cycle: object
    unit: RecommendingUnit
    other_unit: RecommendingUnit
    staff: object
    recommender: object
    other_recommender: object
    contact: object

    def application(self, state="submitted", kind="organization", **extra):
        from qaward.applications.models import Applicant

        applicant = Applicant.objects.create(kind=kind, name=f"申报者{Applicant.objects.count() + 1}")
        applicant.contacts.add(self.contact)
        application = make_application(
            self.cycle, state=state, applicant=applicant, recommending_unit=self.unit, **extra
        )
        application.facts = passing_facts(self.book.id, kind)
        application.route = self.book.intake.routes[0].id
        application.save(update_fields=["facts", "route"])
        return application

    def pdf(self, actor, name="credit.pdf"):
        return store_upload(
            uploaded_file=SimpleUploadedFile(name, TINY_PDF, content_type="application/pdf"),
            slot="credit_check", actor=actor, program=self.program,
        )  # fmt: skip


def build(rulebook_id: str) -> VWorld:
    book = registry.get(rulebook_id)
    place = book.jurisdiction
    jurisdiction, _ = Jurisdiction.objects.get_or_create(
        code=place.code, defaults={"name": place.name, "level": place.level}
    )
    slug = rulebook_id.split("-")[0]
    program = AwardProgram.objects.create(
        jurisdiction=jurisdiction, name=book.award_name, slug=slug, rulebook_id=book.id,
        rulebook_version=book.version, office_name=f"{book.award_name}评审委员会办公室",
    )  # fmt: skip
    cycle = create_cycle(
        program=program, number=1, year=2026, call_opens=dt.date(2026, 3, 1), call_closes=dt.date(2026, 12, 31),
        status=CycleStatus.OPEN,
    )  # fmt: skip
    unit = RecommendingUnit.objects.create(
        program=program, name=f"{slug}推荐单位甲", kind=RecommendingUnitKind.REGION
    )
    other = RecommendingUnit.objects.create(
        program=program, name=f"{slug}推荐单位乙", kind=RecommendingUnitKind.REGION
    )
    staff = make_user(f"{slug}_office", email=f"{slug}_office@example.cn")
    grant_role(user=staff, role=Role.OFFICE_STAFF, program=program, actor=None)
    recommender = make_user(f"{slug}_rec", email=f"{slug}_rec@example.cn")
    grant_role(user=recommender, role=Role.RECOMMENDER, program=program, actor=None, recommending_unit=unit)
    other_recommender = make_user(f"{slug}_rec2")
    grant_role(
        user=other_recommender, role=Role.RECOMMENDER, program=program, actor=None, recommending_unit=other
    )
    contact = make_user(f"{slug}_applicant", email=f"{slug}_applicant@example.cn")
    return VWorld(book, program, cycle, unit, other, staff, recommender, other_recommender, contact)
