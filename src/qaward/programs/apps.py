from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "qaward.programs"
    label = "programs"
    verbose_name = _("Award programs")
    default_auto_field = "django.db.models.BigAutoField"
