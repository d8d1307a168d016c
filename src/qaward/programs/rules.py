"""Permissions on award programs (``rules`` predicates; role facts come from accounts)."""

from __future__ import annotations

import rules

from qaward.accounts.rules import (
    holds_role_in_program,
    is_office_staff_of,
    is_platform_admin,
    is_supervisor_of,
)

# Who sees a program on their landing page: the platform administrators and anyone holding a
# role in it. Other programs stay invisible (an outsider asking for one gets 404).
rules.add_perm("programs.view_program", is_platform_admin | holds_role_in_program)

# Cycles and their call notices (views_cycles): the program's office opens a cycle and publishes
# its call; supervisors and platform administrators may look.
rules.add_perm("programs.view_cycles", is_platform_admin | is_office_staff_of | is_supervisor_of)
rules.add_perm("programs.open_cycle", is_office_staff_of)
