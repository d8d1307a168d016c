"""The demo accounts: created by ``manage.py load_demo`` and listed on the login page in demo mode.

The passwords are public by design. ``load_demo`` refuses to run unless DEBUG or QAWARD_DEMO is
on, so these accounts never appear on a production site by accident.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str | Promise
    program_name: str = ""  # the award this office account works for (a proper name, not translated)
    is_superuser: bool = False
    full_name: str = ""
    # The role granted by load_demo (a qaward.accounts.models.Role value), in ``program_name``.
    role_code: str = ""
    # Shown under the role on the login page: the recommending unit or the applicant organisation.
    affiliation: str = ""
    # For recommenders: the recommending unit they act for (see demo_units.py).
    unit_name: str = ""


_OFFICE = _("Award office staff")
_JILIN = "吉林省质量奖"

DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "admin",
        "Larch-Tundra-6184",
        _("Platform administrator"),
        is_superuser=True,
        full_name="系统管理员",
        role_code="platform_admin",
    ),
    DemoAccount(
        "jilin_staff", "Pine-Harbor-2753", _OFFICE, _JILIN, full_name="王晓梅", role_code="office_staff"
    ),
    DemoAccount(
        "changchun_staff",
        "Maple-Quartz-9406",
        _OFFICE,
        "长春市市长质量奖",
        full_name="李建国",
        role_code="office_staff",
    ),
    DemoAccount(
        "tacheng_staff",
        "Cedar-Ember-5817",
        _OFFICE,
        "塔城地区政府质量奖",
        full_name="阿依古丽",
        role_code="office_staff",
    ),
    DemoAccount(
        "jinzhong_staff",
        "Birch-Lantern-3620",
        _OFFICE,
        "晋中市质量奖",
        full_name="张志强",
        role_code="office_staff",
    ),
    DemoAccount(
        "jian_staff",
        "Willow-Comet-7359",
        _OFFICE,
        "吉安市市长质量奖",
        full_name="刘芳",
        role_code="office_staff",
    ),
    DemoAccount(
        "jilin_supervisor",
        "Aspen-Ridge-4071",
        _("Supervisor"),
        _JILIN,
        full_name="马红梅",
        role_code="supervisor",
    ),
    DemoAccount(
        "jilin_expert", "Poplar-Delta-8326", _("Expert"), _JILIN, full_name="陈志远", role_code="expert"
    ),
    DemoAccount(
        "jilin_recommender",
        "Spruce-Meadow-4182",
        _("Recommender"),
        _JILIN,
        full_name="赵立新",
        role_code="recommender",
        affiliation="长春市市场监督管理局",
        unit_name="长春市市场监督管理局",
    ),
    DemoAccount(
        "jilin_applicant",
        "Juniper-Falcon-2964",
        _("Applicant contact"),
        _JILIN,
        full_name="孙丽娜",
        role_code="applicant",
        affiliation="长春北辰精密机械有限公司",
    ),
)


@dataclass(frozen=True)
class DemoRegistration:
    """A recommender registration left waiting for the office, so the approval page has work."""

    username: str
    password: str
    full_name: str
    email: str
    phone: str
    program_name: str
    unit_name: str


DEMO_PENDING_REGISTRATIONS: tuple[DemoRegistration, ...] = (
    DemoRegistration(
        "jilin_city_recommender",
        "Hemlock-Brook-5531",
        "周建华",
        "zhou.jianhua@example.cn",
        "0432-62458810",
        _JILIN,
        "吉林市市场监督管理局",
    ),
)
