"""Navigation entries this app adds to the top bar (see qaward.navigation)."""

from django.utils.translation import gettext_lazy as _

from qaward.navigation import NavItem

NAV_ITEMS: list = [
    NavItem(_("Expert pool"), "experts:home", "experts.browse_pools", 40),
    NavItem(_("My review panels"), "experts:mine", "experts.view_own_work", 41),
]
