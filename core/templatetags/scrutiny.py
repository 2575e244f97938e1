import html

from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

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
    return mark_safe(_rag(rag))


@register.simple_tag
def status_tag(action):
    return mark_safe(_status(action))


# One date language (core/dates.py): `{{ day|table_date }}` in tables, `{{ day|prose_date }}` in sentences and
# headings (`{{ day|prose_date:"weekday" }}` where the weekday matters).
@register.filter
def table_date(value):
    return dates.table_date(value)


@register.filter
def prose_date(value, weekday=""):
    return dates.prose_date(value, weekday=bool(weekday))


# --- the cells of includes/action_table.html --------------------------------------------------------------
# Drawn here rather than by a chain of {% if key == ... %} per cell: the action log's fifty rows of nine columns
# spent most of the page's time in that chain (about 2,500 conditions), and format_html() per cell cost half
# as much again, so the cells are plain strings with every value escaped by esc(). tests/test_action_table.py
# holds this HTML equal to what the template drew.

EXEMPT = ' <strong class="tag tag-exempt">Exempt</strong>'
OVERDUE = ' <strong class="tag tag-overdue">Overdue</strong>'


def esc(value):
    """What autoescaping writes for a value (django.utils.html.escape), without its lazy-string wrapper."""
    return html.escape(str(value))


def _rag(rag):
    return f'<strong class="tag tag-rag-{esc(rag)}">{esc(RAG_LABELS.get(rag, "Not rated"))}</strong>'


def _status(action):
    return f'<strong class="tag tag-status-{esc(action.status)}">{esc(action.get_status_display())}</strong>'


def _cell(label, content, css=""):
    css = f' class="{css}"' if css else ""
    return f'<td role="cell" data-label="{label}"{css}>{content}</td>'


def _clip(text, limit):
    """Truncator(text).chars(limit), but a text that fits is returned as it is: Truncator walks every character of
    it to find where to cut, and most texts fit (2 ms of the tracker's 33 at 100,000 actions)."""
    return text if len(text) <= limit else Truncator(text).chars(limit)


def _truncated(text, limit):
    return _clip(text, int(limit)) if limit else text


def _ref_cell(action, label, limit, with_committee):
    return _cell("Ref", f'<a href="{esc(action.get_absolute_url())}" class="ref">{esc(action.reference)}</a>')


def _action_cell(action, label, limit, with_committee):
    text = esc(_truncated(action.text, limit))
    if with_committee:
        committee = action.committee
        text += f'<span class="cell-caption">{esc(committee.short_name or committee.name)}</span>'
    return _cell("Action", text, "col-action")


def _owner_cell(action, label, limit, with_committee):
    return _cell(label, esc(action.owner_display))


def _agreed_cell(action, label, limit, with_committee):
    item = action.source_item
    if not item:
        return _cell("Agreed at", "Not recorded")
    day, title = esc(table_date(item.meeting.date)), esc(_clip(item.title, 60))
    content = f'{day}, item {esc(item.number)}<span class="cell-caption">{title}</span>'
    return _cell("Agreed at", content + (EXEMPT if item.exempt else ""))


def _meeting_date_cell(action, label, limit, with_committee):
    item = action.source_item
    return _cell("Meeting date", esc(table_date(item.meeting.starts_at if item else "")))


def _item_cell(action, label, limit, with_committee):
    item = action.source_item
    return _cell("Item", (esc(item) + (EXEMPT if item.exempt else "")) if item else "")


def _due_cell(action, label, limit, with_committee):
    return _cell("Due", esc(action.due_display) + (OVERDUE if action.is_overdue() else ""))


def _rag_cell(action, label, limit, with_committee):
    content = _rag(action.rag)
    suggested = action.suggested_rag()
    if suggested and suggested != action.rag:
        content += f' <span class="suggested-rag">suggested {_rag(suggested)}</span>'
    if action.proposed_rag:
        content += f' <span class="proposed-rag">proposed {_rag(action.proposed_rag)}</span>'
    return _cell("RAG", content)


def _status_cell(action, label, limit, with_committee):
    content = _status(action)
    if action.discharged_on:
        content += f' <span class="cell-caption">{esc(table_date(action.discharged_on))}</span>'
    return _cell("Status", content)


def _days_cell(action, label, limit, with_committee):
    return _cell("Days outstanding", esc(action.days_outstanding()), "numeric")


def _latest_cell(action, label, limit, with_committee):
    if not action.latest_update_text:
        return _cell("Latest update", "None yet", "col-latest")
    text = _clip(action.latest_update_text, 160) if limit else action.latest_update_text
    at = esc(table_date(action.latest_update_at))
    return _cell("Latest update", f'<span class="cell-caption">{at}</span>{esc(text)}', "col-latest")


CELLS = {
    "ref": _ref_cell,
    "action": _action_cell,
    "owner": _owner_cell,
    "officer": _owner_cell,
    "agreed": _agreed_cell,
    "meeting_date": _meeting_date_cell,
    "item": _item_cell,
    "due": _due_cell,
    "rag": _rag_cell,
    "status": _status_cell,
    "days": _days_cell,
    "latest": _latest_cell,
}


@register.simple_tag
def action_cells(action, cols, text_limit="", with_committee=""):
    """The <td>s of one action's row, for the columns `cols` (action_columns)."""
    return mark_safe("".join(CELLS[key](action, label, text_limit, with_committee) for key, label in cols))
