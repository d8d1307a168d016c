"""Navigation entries this app adds to the top bar (see qaward.navigation)."""

from django.utils.translation import gettext_lazy as _

from qaward.navigation import NavItem

NAV_ITEMS: list = [
    NavItem(_("Recommendation review"), "vetting:recommender_queue", "vetting.view_recommender_queue", 30),
    NavItem(_("Formal review"), "vetting:office_queue", "vetting.view_office_queue", 31),
    NavItem(_("Department consultations"), "vetting:consultations", "vetting.view_consultations", 32),
]
