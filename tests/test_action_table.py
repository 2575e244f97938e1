"""The action tables' cells drawn by the action_cells tag (core/templatetags/scrutiny.py) must be the very same HTML
the template's chain of conditions drew: the same labels, links, dates, tags and escaping, for every column."""

import datetime
from pathlib import Path

import pytest
from django.template import engines
from django.test.html import parse_html
from django.utils.html import escape

from actions.models import Action
from core import clock
from core.templatetags.scrutiny import ACTION_COLUMNS
from meetings.models import Person

# What includes/action_table.html drew for each row's cells before the tag, kept as the reference.
OLD_CELLS = (Path(__file__).parent / "reference" / "action_table_cells.html").read_text()
REFERENCE = engines["django"].from_string(
    "{% load scrutiny %}{% with cols=columns|action_columns %}{% for action in actions %}<tr>"
    + OLD_CELLS
    + "</tr>{% endfor %}{% endwith %}"
)
TAG = engines["django"].from_string(
    "{% load scrutiny %}{% with cols=columns|action_columns %}{% for action in actions %}<tr>"
    "{% action_cells action cols text_limit with_committee %}</tr>{% endfor %}{% endwith %}"
)


@pytest.fixture
def varied(committee, item, exempt_item, next_meeting, clerk_user, make_action):
    """Rows that take each branch of each column: escaping, exempt items, no item, owners by person and post,
    due by date, meeting and note, overdue, suggested and proposed RAG, discharged, long and missing updates."""
    committee.short_name = "CYP & Co"
    committee.save()
    person = Person.objects.create(name="Jo <Bloggs>", kind=Person.Kind.OFFICER)
    today = clock.today()
    rows = [
        (
            dict(text="Report on <b>care</b> & leavers " * 8),
            dict(
                owner=person,
                due_date=today - datetime.timedelta(days=9),
                due_on=today - datetime.timedelta(days=9),
                rag="red",
            ),
        ),
        (
            dict(source_item=exempt_item),
            dict(
                owner=person,
                owner_post="Head of Service",
                proposed_rag="amber",
                status=Action.Status.COMPLETED,
                rag="green",
            ),
        ),
        (
            dict(source_item=None),
            dict(
                owner_post="Director & Co",
                due_note="early <next> year",
                status=Action.Status.DISCHARGED,
                discharged_on=today,
            ),
        ),
        (dict(), dict(due_meeting=next_meeting, due_on=next_meeting.date)),
        (dict(), dict()),
    ]
    made = []
    for fields, changes in rows:
        action = make_action(**fields)
        Action.objects.filter(pk=action.pk).update(**changes)
        made.append(action.pk)
    Action.objects.get(pk=made[0]).add_update("Figures <due> & sent " * 20, by=clerk_user)
    Action.objects.get(pk=made[3]).add_update("Done", by=clerk_user)
    return list(Action.objects.filter(pk__in=made).with_related().order_by("pk"))


@pytest.mark.parametrize("text_limit", ["", 140])
@pytest.mark.parametrize("with_committee", ["", True])
def test_the_cells_tag_draws_what_the_template_drew_for_every_column(varied, text_limit, with_committee):
    context = {"actions": varied, "columns": " ".join(ACTION_COLUMNS), "text_limit": text_limit}
    context["with_committee"] = with_committee
    drawn = TAG.render(context)
    assert parse_html(drawn) == parse_html(REFERENCE.render(context))
    assert "&lt;b&gt;care&lt;/b&gt; &amp; leavers" in drawn and "<b>" not in drawn  # escaped, once
    for shown in ('class="tag tag-exempt"', 'class="tag tag-overdue"', 'class="suggested-rag"', 'class="proposed-rag"'):
        assert shown in drawn, shown
    assert "Figures &lt;due&gt; &amp; sent" in drawn


def test_the_log_page_draws_its_rows_with_the_tag(councillor, committee, varied):
    html = councillor.get(f"/actions/log/{committee.slug}/?show=all").content.decode()
    for action in varied:
        assert f'<a href="{action.get_absolute_url()}" class="ref">{escape(action.reference)}</a>' in html
