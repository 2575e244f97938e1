from django.contrib import admin

from .models import Evidence, ReminderPolicy, Reporting, SentReminder, UpdateRequest


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    """Every reminder send_reminders sent: read-only, the record of what went out."""

    list_display = ["sent_on", "action", "kind", "to", "cc", "subject"]
    list_filter = ["kind", "sent_on"]
    search_fields = ["action__reference", "to", "cc"]
    date_hierarchy = "sent_on"
    list_select_related = ["action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(UpdateRequest)
class UpdateRequestAdmin(admin.ModelAdmin):
    list_display = ["owner", "meeting", "reply_by", "sent_at", "answered_at", "reminded_at", "revoked_at"]
    list_filter = ["reply_by"]
    readonly_fields = ["nonce", "sent_at", "answered_at", "reminded_at"]
    raw_id_fields = ["owner", "meeting", "actions", "sent_by"]


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(admin.ModelAdmin):
    list_display = ["committee", "enabled", "days_before", "on_the_day", "overdue_every", "escalate_after"]


admin.site.register(Reporting)


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["original_name", "action", "content_type", "size", "uploaded_at"]
    raw_id_fields = ["action", "update", "request"]
    readonly_fields = ["file", "content_type", "size"]
