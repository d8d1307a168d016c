"""Navigation entries this app adds to the top bar (see qaward.navigation)."""

from django.utils.translation import gettext_lazy as _

from qaward.navigation import NavItem

NAV_ITEMS: list = [
    NavItem(_("Objections"), "objections:index", "objections.view_index", 40),
    NavItem(_("Complaints"), "objections:complaints", "objections.view_complaints_index", 42),
    NavItem(_("Objection cases"), "objections:own_cases", "objections.view_own_cases", 44),
]
