from django import template
from django.utils.html import format_html

from core import dates

register = template.Library()

# Every column an action table can show: its key, and its heading.
ACTION_COLUMNS = {
    "ref": "Ref",
    "action": "Action",
    "owner": "Owner",
    "officer": "Responsible officer",
    "agreed": "Agreed at",
    "meeting_date": "Meeting date",
    "item": "Item",
    "due": "Due",
    "rag": "RAG",
    "status": "Status",
    "days": "Days outstanding",
    "latest": "Latest update",
}


@register.filter
def action_columns(keys):
    """Keys such as "ref due" become [("ref", "Ref"), ("due", "Due")]: the columns includes/action_table.html draws."""
    return [(key, ACTION_COLUMNS[key]) for key in keys.split()]


# Tags, not includes: a list draws one per row, and an include costs a template render each time.
RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green"}


@register.simple_tag
def rag_tag(rag):
    return format_html('<strong class="tag tag-rag-{}">{}</strong>', rag, RAG_LABELS.get(rag, "Not rated"))


@register.simple_tag
def status_tag(action):
    return format_html('<strong class="tag tag-status-{}">{}</strong>', action.status, action.get_status_display())


# One date language (core/dates.py): `{{ day|table_date }}` in tables, `{{ day|prose_date }}` in sentences and
# headings (`{{ day|prose_date:"weekday" }}` where the weekday matters).
@register.filter
def table_date(value):
    return dates.table_date(value)


@register.filter
def prose_date(value, weekday=""):
    return dates.prose_date(value, weekday=bool(weekday))
