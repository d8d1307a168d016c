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


_OFFICE = _("Award office staff")

DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        "admin", "Larch-Tundra-6184", _("Platform administrator"), is_superuser=True, full_name="系统管理员"
    ),
    DemoAccount("jilin_staff", "Pine-Harbor-2753", _OFFICE, "吉林省质量奖", full_name="王晓梅"),
    DemoAccount("changchun_staff", "Maple-Quartz-9406", _OFFICE, "长春市市长质量奖", full_name="李建国"),
    DemoAccount("tacheng_staff", "Cedar-Ember-5817", _OFFICE, "塔城地区政府质量奖", full_name="阿依古丽"),
    DemoAccount("jinzhong_staff", "Birch-Lantern-3620", _OFFICE, "晋中市质量奖", full_name="张志强"),
    DemoAccount("jian_staff", "Willow-Comet-7359", _OFFICE, "吉安市市长质量奖", full_name="刘芳"),
)
