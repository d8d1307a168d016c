"""Who may read the audit trail: platform administrators everything; office staff (评委办) and
supervisors (监督) the events of the programs they hold that role in; nobody else anything
(they get 404, not 403: the trail's existence is no business of theirs)."""

from __future__ import annotations

import rules

from qaward.accounts.domain.queries import has_role, is_platform_admin
from qaward.audit.domain.queries import TRAIL_ROLES, trail_program_ids


@rules.predicate
def is_admin(user) -> bool:
    return is_platform_admin(user)


@rules.predicate
def sees_some_program_trail(user) -> bool:
    program_ids = trail_program_ids(user)
    return program_ids is None or program_ids.exists()


@rules.predicate
def sees_program_trail(user, program) -> bool:
    return program is not None and any(has_role(user, role, program) for role in TRAIL_ROLES)


# The trail page and its export, without a program: the events of the programs one may see.
rules.add_perm("audit.view_trail", is_admin | sees_some_program_trail)
# The trail of one program.
rules.add_perm("audit.view_program_trail", is_admin | sees_program_trail)
