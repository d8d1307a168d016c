from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "qaward.audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        # Receivers for login, logout and failed logins; permission rules for the trail views.
        from qaward.audit import receivers, rules  # noqa: F401
