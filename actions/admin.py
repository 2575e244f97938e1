from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyInline, VersionedAdmin

from .models import Action, ActionUpdate


class ActionUpdateInline(ReadOnlyInline, admin.TabularInline):
    """The timeline is the record of what happened: read here, never rewritten."""

    model = ActionUpdate
    fields = ["at", "by", "kind", "text", "from_owner", "rag_before", "rag_after", "status_before", "status_after"]
    show_change_link = False


@admin.register(Action)
class ActionAdmin(VersionedAdmin, SimpleHistoryAdmin):
    # Status, RAG and discharge change only through the action's verbs (its page), so the timeline tells all.
    readonly_fields = [
        "reference",
        "created_at",
        "rag",
        "status",
        "closed_reason",
        "discharged_on",
        "discharged_at_meeting",
        "evidence",
    ]
    list_display = ["reference", "text", "committee", "owner", "rag", "status", "due_date"]
    list_filter = ["committee", "rag", "status"]
    search_fields = ["reference", "text", "owner__name", "owner_post"]
    autocomplete_fields = ["owner"]
    raw_id_fields = [
        "source_item",
        "source_resolution",
        "due_meeting",
        "work_programme_item",
    ]
    inlines = [ActionUpdateInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.save()
            obj.open_timeline(by=request.user, note="Recorded in the admin.")
            return
        fields = [name for name in form.changed_data if name != "seen_version"]
        if fields:
            changes = {name: form.cleaned_data[name] for name in fields}
            obj.edit(by=request.user, expected_version=form.cleaned_data["seen_version"], **changes)


@admin.register(ActionUpdate)
class ActionUpdateAdmin(admin.ModelAdmin):
    list_display = ["action", "at", "kind", "by", "from_owner"]
    list_filter = ["kind", "from_owner"]
    search_fields = ["action__reference", "text"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
