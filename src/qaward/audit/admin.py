"""Read-only admin list of audit events: no add, change or delete, for anyone (the database
triggers refuse changes anyway; this keeps the admin from offering them)."""

from django.contrib import admin

from qaward.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "occurred_at",
        "actor_label",
        "role",
        "action",
        "object_type",
        "object_id",
        "program",
    ]
    list_filter = ["action", "program"]
    list_select_related = ["program"]
    search_fields = ["action", "actor_label", "object_type", "object_id", "object_label", "request_id"]
    ordering = ["-id"]
    date_hierarchy = "occurred_at"
    show_full_result_count = False  # COUNT(*) over millions of rows on every page

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]
