"""Permissions on award programs (``rules`` predicates; role facts come from accounts)."""

from __future__ import annotations

import rules

from qaward.accounts.rules import holds_role_in_program, is_platform_admin

# Who sees a program on their landing page: the platform administrators and anyone holding a
# role in it. Other programs stay invisible (an outsider asking for one gets 404).
rules.add_perm("programs.view_program", is_platform_admin | holds_role_in_program)
