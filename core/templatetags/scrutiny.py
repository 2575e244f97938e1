from django import template

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
