"""The project's own routes, for tests that must notice when a URL is added without being checked."""

from django.urls import URLResolver, get_resolver

# Named routes no role opens as a page with GET: each is a form's target and answers GET with 405.
POST_ONLY = frozenset(
    {
        "logout",
        "meetings:meeting_status",
        "meetings:items_renumber",
        "meetings:attendance_set",
        "meetings:attendance_remove",
        "meetings:public_attendance",
        "meetings:declaration_delete",
        "meetings:item_delete",
        "meetings:item_move",
        "meetings:item_minutes",
        "meetings:resolution_add",
        "meetings:resolution_delete",
        "meetings:resolution_move",
        "actions:owner_update",
        "actions:set_rag",
        "actions:add_update",
        "actions:mark_completed",
        "actions:discharge",
        "actions:reopen",
        "actions:close",
        "actions:accept_rag",
        "actions:reject_rag",
        "actions:change_owner",
        "actions:change_due",
        "actions:import_confirm",
        "meetings:work_schedule",
        "meetings:work_defer",
        "meetings:work_drop",
        "chasing:remind",
        "chasing:revoke",
        "recommendations:respond",
        "recommendations:plan",
        "recommendations:progress",
        "recommendations:outcome",
        "opendata:calendar_token",
    }
)


def patterns(resolver=None, namespace=""):
    """Every route of the project's own apps (the admin's are Django's): (qualified name, pattern)."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from patterns(pattern, inner)
        else:
            yield (f"{namespace}{pattern.name}" if pattern.name else ""), pattern


def route_names():
    return {name for name, _ in patterns() if name}
