"""Platform admins see the list of stored files, read-only: files are created by uploads,
withdrawn through the domain, and never deleted."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from qaward.documents.models import StoredFile

TRADE_SECRET_MASK = _("(trade secret)")


@admin.register(StoredFile)
class StoredFileAdmin(admin.ModelAdmin):
    list_display = [
        "display_name",
        "slot",
        "program",
        "content_type",
        "size",
        "trade_secret",
        "scan_status",
        "state",
        "uploaded_by",
        "uploaded_at",
    ]
    list_filter = ["slot", "state", "scan_status", "trade_secret", "program"]
    list_select_related = ["program", "uploaded_by"]
    search_fields = ["sha256"]
    date_hierarchy = "uploaded_at"
    # original_name is left out: a trade-secret file's name may itself reveal the secret.
    fields = [
        "id",
        "display_name",
        "download_link",
        "slot",
        "program",
        "content_type",
        "size",
        "sha256",
        "trade_secret",
        "owner_content_type",
        "owner_object_id",
        "uploaded_by",
        "uploaded_at",
        "scan_status",
        "scan_detail",
        "state",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawal_reason",
    ]
    readonly_fields = fields

    @admin.display(description=_("original file name"))
    def display_name(self, obj: StoredFile) -> str:
        return str(TRADE_SECRET_MASK) if obj.trade_secret else obj.original_name

    @admin.display(description=_("download"))
    def download_link(self, obj: StoredFile) -> str:
        # The link goes through the permission-checked view like any other download.
        url = reverse("documents:download", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("download"))

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
