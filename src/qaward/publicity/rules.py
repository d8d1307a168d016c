"""Permissions on publicity windows (``rules`` predicates over role facts from accounts).

- ``publicity.view_windows`` (a cycle, or none for the menu): the program's office staff,
  supervisors and platform administrators;
- ``publicity.view_window`` (a window): those, plus the recommenders of the unit that runs it;
- ``publicity.manage_window`` (a window: extend, record media publication): the program's office
  staff; for a window a recommending unit runs, that unit's recommenders too.
"""

from __future__ import annotations

import rules

from qaward.accounts.rules import (
    is_office_staff_anywhere,
    is_office_staff_of,
    is_platform_admin,
    is_recommender_of_unit,
    is_supervisor_of,
)


@rules.predicate
def is_recommender_running(user, window) -> bool:
    unit = getattr(window, "recommending_unit", None)
    return unit is not None and is_recommender_of_unit(user, unit)


@rules.predicate
def is_supervisor_anywhere(user) -> bool:
    from qaward.accounts.domain.queries import holds_role_anywhere
    from qaward.accounts.models import Role

    return holds_role_anywhere(user, [Role.SUPERVISOR])


@rules.predicate
def no_object(user, obj) -> bool:
    return obj is None


_office = is_platform_admin | is_office_staff_of | is_supervisor_of
_menu = no_object & (is_platform_admin | is_office_staff_anywhere | is_supervisor_anywhere)

rules.add_perm("publicity.view_windows", _menu | (~no_object & _office))
rules.add_perm("publicity.view_window", _office | is_recommender_running)
rules.add_perm("publicity.manage_window", is_office_staff_of | is_recommender_running)
