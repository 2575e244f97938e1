from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, ActionUpdate


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0
    fields = ["at", "by", "kind", "text", "from_owner", "rag_before", "rag_after", "status_before", "status_after"]
    raw_id_fields = ["by"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "text", "committee", "owner", "rag", "status", "due_date"]
    list_filter = ["committee", "rag", "status"]
    search_fields = ["reference", "text", "owner__name", "owner_post"]
    autocomplete_fields = ["owner"]
    raw_id_fields = [
        "source_item",
        "source_resolution",
        "due_meeting",
        "discharged_at_meeting",
        "work_programme_item",
    ]
    inlines = [ActionUpdateInline]


@admin.register(ActionUpdate)
class ActionUpdateAdmin(admin.ModelAdmin):
    list_display = ["action", "at", "kind", "by", "from_owner"]
    list_filter = ["kind", "from_owner"]
    search_fields = ["action__reference", "text"]
    raw_id_fields = ["action", "by"]
