"""Navigation entries this app adds to the top bar (see qaward.navigation)."""

from django.utils.translation import gettext_lazy as _

from qaward.navigation import NavItem

NAV_ITEMS: list = [
    NavItem(_("My applications"), "applications:mine", "applications.use_applicant_pages", 10),
    NavItem(_("Applicant profiles"), "applications:profiles", "applications.use_applicant_pages", 11),
]
