from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "qaward.documents"
    label = "documents"
    verbose_name = _("Documents and files")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the permission rules and the storage-location check.
        from qaward.documents import checks, rules  # noqa: F401
