from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "qaward.accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Login security: session stamps at login, lockout audit, sessions ended on deactivation.
        from qaward.accounts.security import signals  # noqa: F401
