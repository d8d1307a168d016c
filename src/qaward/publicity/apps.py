from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicityConfig(AppConfig):
    name = "qaward.publicity"
    label = "publicity"
    verbose_name = _("Publicity and objections")
