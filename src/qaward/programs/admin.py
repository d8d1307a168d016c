"""Platform-admin screens. Programs and cycles are never deleted: the regulations require the
records of every cycle to be kept, so deletion is switched off rather than merely discouraged."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.programs.domain.cycles import pin_rulebook
from qaward.programs.models import (
    AwardProgram,
    CalendarOverride,
    CalendarYear,
    Cycle,
    Jurisdiction,
    RecommendingUnit,
)


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level"]
    list_filter = ["level"]
    search_fields = ["code", "name"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class CycleInline(admin.TabularInline):
    model = Cycle
    fields = ["number", "year", "call_opens", "call_closes", "status", "rulebook_id", "rulebook_version"]
    readonly_fields = fields
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # added through the cycle form, which pins the rulebook

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AwardProgram)
class AwardProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "jurisdiction", "rulebook_id", "rulebook_version", "office_name", "active"]
    list_filter = ["active", "jurisdiction__level"]
    list_select_related = ["jurisdiction"]
    search_fields = ["name", "slug", "office_name"]
    readonly_fields = ["created_at"]
    inlines = [CycleInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ["program", "number", "year", "call_opens", "call_closes", "status", "rulebook_id"]
    list_filter = ["status", "year", "program"]
    list_select_related = ["program"]
    fields = [
        "program", "number", "year", "call_opens", "call_closes", "status",
        "rulebook_id", "rulebook_version", "created_at",
    ]  # fmt: skip
    readonly_fields = ["rulebook_id", "rulebook_version", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        # Moving a cycle to another program would detach it from its pinned rulebook.
        if obj is not None:
            return ["program", "number", *self.readonly_fields]
        return self.readonly_fields

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            pin_rulebook(obj)
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RecommendingUnit)
class RecommendingUnitAdmin(admin.ModelAdmin):
    """Recommending units are switched off (``active``), never deleted: their recommendations and
    their users' role history refer to them."""

    list_display = ["name", "program", "kind", "region_code", "active"]
    list_filter = ["active", "kind", "program"]
    list_select_related = ["program"]
    search_fields = ["name", "region_code"]
    readonly_fields = ["created_at"]

    def get_readonly_fields(self, request, obj=None):
        # Moving a unit to another program would carry its recommenders into that program.
        if obj is not None:
            return ["program", *self.readonly_fields]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class YearListFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(date__year=self.value())
        return queryset


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "complete", "source", "entered_by", "entered_at"]
    list_filter = ["complete"]
    readonly_fields = ["entered_by", "entered_at"]

    def save_model(self, request, obj, form, change) -> None:
        # Who last vouched for this year's dates, and when.
        obj.entered_by = request.user
        obj.entered_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ["date", "is_workday", "note"]
    list_filter = [YearListFilter, "is_workday"]
    search_fields = ["note"]
    date_hierarchy = "date"
