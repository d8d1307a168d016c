"""Programs, cycles and office staff for the publicity and portal tests (no demo load needed)."""

from __future__ import annotations

from datetime import date

from tests.applications.makers import make_user

from qaward.accounts.domain.roles import grant_role
from qaward.accounts.models import Role
from qaward.programs.domain.cycles import create_cycle
from qaward.programs.enums import CycleStatus
from qaward.programs.models import AwardProgram, Jurisdiction
from qaward.rulebooks import registry

NAMES = {
    "jilin-2023": "吉林省质量奖",
    "changchun-2018": "长春市市长质量奖",
    "tacheng-2023": "塔城地区政府质量奖",
    "jinzhong-2023": "晋中市质量奖",
    "jian-2023": "吉安市市长质量奖",
}


def make_program(rulebook_id: str = "jilin-2023", slug: str | None = None) -> AwardProgram:
    book = registry.get(rulebook_id)
    place = book.jurisdiction
    jurisdiction, _ = Jurisdiction.objects.get_or_create(
        code=place.code, defaults={"name": place.name, "level": place.level}
    )
    return AwardProgram.objects.create(
        jurisdiction=jurisdiction,
        name=NAMES[rulebook_id],
        slug=slug or rulebook_id.split("-")[0],
        rulebook_id=rulebook_id,
        rulebook_version=book.version,
        office_name=f"{NAMES[rulebook_id]}评审委员会办公室",
    )


def make_cycle(program: AwardProgram, *, number: int = 1, year: int = 2026, status=CycleStatus.OPEN):
    return create_cycle(
        program=program, number=number, year=year, call_opens=date(year, 3, 1), call_closes=date(year, 5, 31),
        status=status,
    )  # fmt: skip


def make_office_staff(program: AwardProgram, username: str | None = None):
    user = make_user(username)
    grant_role(user=user, role=Role.OFFICE_STAFF, program=program, actor=None)
    return user
