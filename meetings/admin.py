from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyInline, VersionedAdmin

from .models import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Membership,
    Person,
    Resolution,
    StandingItem,
    WorkProgrammeItem,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


class StandingItemInline(admin.TabularInline):
    model = StandingItem
    extra = 0
    raw_id_fields = ["source_resolution"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline, StandingItemInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "job_title", "organisation", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "job_title", "organisation", "email"]
    raw_id_fields = ["user"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "committee", "role", "start_date", "end_date"]
    list_filter = ["committee", "role"]
    search_fields = ["person__name", "committee__name"]
    autocomplete_fields = ["person", "committee"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    fk_name = "meeting"
    extra = 0
    autocomplete_fields = ["person", "substitute_for"]


class DeclarationInline(admin.TabularInline):
    model = Declaration
    extra = 0
    autocomplete_fields = ["person"]
    raw_id_fields = ["item"]


class AgendaItemInline(ReadOnlyInline, admin.TabularInline):
    model = AgendaItem
    fields = ["number", "order", "title", "kind", "exempt"]


@admin.register(Meeting)
class MeetingAdmin(VersionedAdmin, SimpleHistoryAdmin):
    # Status moves only through Meeting.move_to (the meeting page), which knows what each move means.
    readonly_fields = ["status", "approved_at_meeting"]
    list_display = ["__str__", "committee", "starts_at", "status"]
    list_filter = ["committee", "status"]
    search_fields = ["committee__name", "venue"]
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline, AttendanceInline, DeclarationInline]


class ResolutionInline(ReadOnlyInline, admin.TabularInline):
    model = Resolution
    fields = ["order", "text", "vote"]


@admin.register(AgendaItem)
class AgendaItemAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "kind", "exempt"]
    list_filter = ["kind", "exempt", "meeting__committee"]
    search_fields = ["title", "minutes_text", "recommendation"]
    autocomplete_fields = ["lead_officer", "contact_officer"]
    raw_id_fields = ["meeting", "standing_item"]
    inlines = [ResolutionInline]


@admin.register(Resolution)
class ResolutionAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "item", "vote"]
    search_fields = ["text"]
    raw_id_fields = ["item"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["person", "meeting", "status", "in_chair"]
    list_filter = ["status", "in_chair"]
    search_fields = ["person__name"]
    raw_id_fields = ["meeting"]
    autocomplete_fields = ["person", "substitute_for"]


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ["person", "meeting", "type", "item"]
    list_filter = ["type"]
    search_fields = ["person__name", "text"]
    raw_id_fields = ["meeting", "item"]


@admin.register(StandingItem)
class StandingItemAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "active_from", "active_until"]
    list_filter = ["committee"]
    search_fields = ["title"]
    raw_id_fields = ["source_resolution"]


@admin.register(WorkProgrammeItem)
class WorkProgrammeItemAdmin(VersionedAdmin):
    list_display = ["title", "committee", "timing", "target_month", "target_meeting", "status"]
    list_filter = ["committee", "timing", "status"]
    search_fields = ["title", "notes"]
    raw_id_fields = ["target_meeting"]
    # Scheduling, deferring and dropping happen on the work programme page, which keeps agendas in step.
    readonly_fields = ["status", "reason", "scheduled_for", "taken_at_item"]
