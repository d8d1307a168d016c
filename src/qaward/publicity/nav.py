"""Navigation entries this app adds to the top bar (see qaward.navigation)."""

from django.utils.translation import gettext_lazy as _

from qaward.navigation import NavItem

NAV_ITEMS: list = [NavItem(_("Publicity windows"), "publicity:index", "publicity.view_windows", order=40)]
