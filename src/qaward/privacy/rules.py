"""Who may see a full ID (or phone) number: the office staff of the program concerned and
platform administrators. Everyone else — other roles, other programs' staff, the public — sees
the masked form (个人信息保护法 第五十一条; Jilin 第三十七条(七) for objectors)."""

from __future__ import annotations

import rules

from qaward.accounts.domain.queries import has_role, is_platform_admin
from qaward.accounts.models import Role


@rules.predicate
def is_platform_administrator(user) -> bool:
    return is_platform_admin(user)


@rules.predicate
def is_office_staff_of_program(user, program) -> bool:
    # has_role with program=None would accept office staff of *any* program.
    return program is not None and has_role(user, Role.OFFICE_STAFF, program)


can_see_full_identity = is_platform_administrator | is_office_staff_of_program

rules.set_perm("privacy.view_full_identity", can_see_full_identity)
