"""Two award programs, each fully populated, for permission tests.

Every program has one holder of each role, a recommending unit, a pending recommender
registration (written through the domain, so the audit trail has events about it) and an open
invitation. Every person, unit and address is a distinct string, so a test can assert that a page
shows nothing of a program the viewer has no business in: "data present that could leak".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from qaward.accounts.domain.roles import register_recommender
from qaward.accounts.models import Invitation, Role, RoleAssignment
from qaward.programs.models import AwardProgram, Jurisdiction, RecommendingUnit, RecommendingUnitKind

PASSWORD = "Matrix-Pass-2026!"

PROGRAM_ROLES = [
    Role.OFFICE_STAFF,
    Role.COMMITTEE,
    Role.SUPERVISOR,
    Role.RECOMMENDER,
    Role.APPLICANT,
    Role.EXPERT,
    Role.PANEL_LEADER,
]


@dataclass
class ProgramWorld:
    program: AwardProgram
    unit: RecommendingUnit
    holders: dict[str, object]  # role value -> user holding it in this program only
    pending: object  # a user whose recommender registration awaits the office
    invitation: Invitation
    people: list[str] = field(default_factory=list)  # names, units, addresses: must not leak

    @property
    def name(self) -> str:
        return self.program.name


@dataclass
class World:
    p: ProgramWorld  # the program the objects under test belong to
    q: ProgramWorld  # another program, full of data that must not leak into P's pages
    admin: object
    nobody: object  # signed in, holds no role anywhere

    def actor(self, role: str, relation: str):
        """The user for a matrix cell: ``relation`` "same" holds ``role`` in P, "other" in Q."""
        if role == "anonymous":
            return AnonymousUser()
        if role == "no_role":
            return self.nobody
        if role == Role.PLATFORM_ADMIN:
            return self.admin
        return (self.p if relation == "same" else self.q).holders[role]


def _user(username: str, full_name: str, **extra):
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, full_name=full_name, email=f"{username}@example.cn", **extra
    )


def _program(slug, name, code, jurisdiction, level, rulebook_id, office_name) -> AwardProgram:
    place = Jurisdiction.objects.create(code=code, name=jurisdiction, level=level)
    return AwardProgram.objects.create(
        jurisdiction=place, name=name, slug=slug, rulebook_id=rulebook_id, office_name=office_name
    )


def build_program(slug: str, program: AwardProgram, unit_name: str, names: dict[str, str]) -> ProgramWorld:
    unit = RecommendingUnit.objects.create(program=program, name=unit_name, kind=RecommendingUnitKind.REGION)
    holders = {}
    for role in PROGRAM_ROLES:
        user = _user(f"{slug}_{role}", names[role])
        RoleAssignment.objects.create(
            user=user,
            role=role,
            program=program,
            recommending_unit=unit if role == Role.RECOMMENDER else None,
        )
        holders[role] = user
    registration = register_recommender(
        username=f"{slug}_pending",
        password=PASSWORD,
        full_name=names["pending"],
        email=f"{slug}.pending@example.cn",
        phone="13900000000",
        recommending_unit=unit,
        program=program,
    )
    invitation = Invitation.objects.create(
        email=f"invitee@{slug}.example.cn",
        full_name=names["invitee"],
        role=Role.EXPERT,
        program=program,
        invited_by=holders[Role.OFFICE_STAFF],
    )
    people = [*names.values(), unit_name, invitation.email, f"{slug}.pending@example.cn"]
    return ProgramWorld(program, unit, holders, registration.user, invitation, people)


def build_world() -> World:
    jilin = _program(
        "jilin", "吉林省质量奖", "220000", "吉林省", "province", "jilin-2023", "吉林省质量奖评审委员会办公室"
    )
    jinzhong = _program(
        "jinzhong",
        "晋中市质量奖",
        "140700",
        "晋中市",
        "city",
        "jinzhong-2023",
        "晋中市质量奖评审委员会办公室",
    )
    p = build_program(
        "jilin",
        jilin,
        "长春市市场监督管理局",
        {
            Role.OFFICE_STAFF: "王晓梅",
            Role.COMMITTEE: "钱学敏",
            Role.SUPERVISOR: "马红梅",
            Role.RECOMMENDER: "赵立新",
            Role.APPLICANT: "孙丽娜",
            Role.EXPERT: "陈志远",
            Role.PANEL_LEADER: "黄启明",
            "pending": "周明远",
            "invitee": "冯若兰",
        },
    )
    q = build_program(
        "jinzhong",
        jinzhong,
        "榆次区市场监督管理局",
        {
            Role.OFFICE_STAFF: "张志强",
            Role.COMMITTEE: "郝建军",
            Role.SUPERVISOR: "任秀英",
            Role.RECOMMENDER: "武文斌",
            Role.APPLICANT: "贾晓燕",
            Role.EXPERT: "乔振华",
            Role.PANEL_LEADER: "阎国庆",
            "pending": "韩雪梅",
            "invitee": "卫丽君",
        },
    )
    admin = _user("platform_admin", "系统管理员")
    RoleAssignment.objects.create(user=admin, role=Role.PLATFORM_ADMIN)
    nobody = _user("nobody", "刘无名")
    return World(p=p, q=q, admin=admin, nobody=nobody)


def login(client, user) -> None:
    """Sign ``user`` in on the test client (nothing for the anonymous visitor)."""
    if getattr(user, "is_authenticated", False):
        client.force_login(user)


def assert_absent(page: str, forbidden: list[str], *, except_for: list[str] = ()) -> None:
    """Fail naming the first string of ``forbidden`` found in ``page`` (``except_for`` aside)."""
    leaked = [s for s in forbidden if s and s not in except_for and s in page]
    assert not leaked, f"leaked onto the page: {leaked}"
