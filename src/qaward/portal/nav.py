"""Navigation entries this app adds to the top bar (see qaward.navigation)."""

from django.utils.translation import gettext_lazy as _

from qaward.navigation import NavItem

# Everyone, signed in or not: the public portal.
NAV_ITEMS: list = [NavItem(_("Public notices"), "portal:home", None, order=90)]
