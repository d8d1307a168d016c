"""Navigation entries of the accounts app (see qaward.navigation)."""

from django.utils.translation import gettext_lazy as _

from qaward.navigation import NavItem

NAV_ITEMS = [NavItem(_("User accounts"), "roles:users", perm="accounts.list_users", order=90)]
