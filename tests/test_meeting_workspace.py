"""The meeting page: the clerk's workspace, everyone else's read view, and how fast it stays."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actions.models import Action
from actions.workspace_views import MATTERS_SHOWN
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Resolution

from .conftest import HTMX, at

# Session, user, groups, then one query per section whatever its length. The panels' people lists load when
# opened (since issue 11 the first declaration's form too, so the page stays short; the allowance stays a ceiling).
# Each includes one query for the resolutions' named (recorded) votes, with their people (issue 11).
CLERK_PAGE_QUERIES = 17  # matters arising: its rows, their due meetings, the count left to the tracker; update requests
FIRST_DECLARATION_FORM_QUERIES = 2
READ_PAGE_QUERIES = 10


def test_clerk_gets_the_workspace_with_every_section(clerk, next_meeting, next_item, members):
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    for section in ('id="attendance"', 'id="declarations"', 'id="matters"', 'id="agenda"', 'id="item-edit-slot-'):
        assert section in page
    assert "Make this an action" not in page  # no resolutions yet
    assert "R Gold" in page and "Improvement Plan update" in page


def test_councillor_gets_the_read_view_without_edit_controls(councillor, next_meeting, next_item):
    page = councillor.get(next_meeting.get_absolute_url()).content.decode()
    assert "Improvement Plan update" in page
    assert reverse("meetings:item_edit", args=[next_meeting.pk, next_item.pk]) not in page
    assert 'id="attendance"' not in page


def test_public_cannot_see_an_unpublished_meeting(anonymous, next_meeting):
    assert anonymous.get(next_meeting.get_absolute_url()).status_code == 404


def fill(meeting, items, actions_per_item, committee, owner):
    start = meeting.items.count()
    for n in range(start, start + items):
        item = AgendaItem.objects.create(meeting=meeting, number=str(n + 1), order=n + 1, title=f"Item {n}")
        resolution = Resolution.objects.create(item=item, text=f"Noted {n}")
        for _ in range(actions_per_item):
            Action.record(
                text="Do it", committee=committee, source_item=item, source_resolution=resolution, owner=owner
            )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["clerk", "councillor"])
def test_meeting_page_query_count_does_not_grow_with_items_or_actions(request, who, committee, members):
    client = request.getfixturevalue(who)
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-2), status=Meeting.Status.MINUTES_DRAFT)
    previous = Meeting.objects.create(committee=committee, starts_at=at(-40), status=Meeting.Status.PUBLISHED)
    fill(previous, 3, 2, committee, members[0])
    Action.objects.update(due_meeting=meeting, due_on=meeting.date)  # matters arising at this meeting
    Attendance.objects.create(meeting=meeting, person=members[0], in_chair=True)
    Declaration.objects.create(meeting=meeting, person=members[1], text="Governor of a school")
    fill(meeting, 15, 2, committee, members[1])
    small = count_queries(client, meeting.get_absolute_url())
    fill(meeting, 5, 3, committee, members[2])
    Action.objects.filter(source_item__meeting=previous).update(due_meeting=meeting, due_on=meeting.date)
    assert count_queries(client, meeting.get_absolute_url()) == small
    assert small == (CLERK_PAGE_QUERIES if who == "clerk" else READ_PAGE_QUERIES)


def test_clerk_meeting_page_of_15_items_and_30_actions_renders_in_fixed_queries(
    clerk, committee, members, django_assert_max_num_queries
):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-2), status=Meeting.Status.MINUTES_DRAFT)
    fill(meeting, 15, 2, committee, members[0])
    assert Action.objects.count() == 30
    last = meeting.items.order_by("order").last()
    with django_assert_max_num_queries(CLERK_PAGE_QUERIES + FIRST_DECLARATION_FORM_QUERIES):
        page = clerk.get(f"{meeting.get_absolute_url()}?item={last.pk}").content.decode()
    assert page.count('class="action-row') == 2  # the open item's; the others' come when opened
    with django_assert_max_num_queries(CLERK_PAGE_QUERIES):
        body = clerk.get(reverse("meetings:item_body", args=[meeting.pk, last.pk]), **HTMX).content.decode()
    assert body.count('class="action-row') == 2


def test_only_the_open_item_is_drawn_whole_and_the_others_say_where_to_fetch_theirs(clerk, past_meeting, item):
    other = AgendaItem.objects.create(meeting=past_meeting, number="6", order=6, title="Budget", minutes_text="Saved")
    Resolution.objects.create(item=other, text="That the budget be noted.")
    page = clerk.get(f"{past_meeting.get_absolute_url()}?item={item.pk}").content.decode()
    assert f'id="minutes-{item.pk}"' in page
    assert f'id="minutes-{other.pk}"' not in page and "That the budget be noted." not in page
    body_url = reverse("meetings:item_body", args=[past_meeting.pk, other.pk])
    assert f'data-load="{body_url}"' in page
    assert "1 resolution" in page  # its line of counts is on the page all the same
    editing = clerk.get(f"{past_meeting.get_absolute_url()}?edit=1").content.decode()
    assert f'data-load="{body_url}?edit=1"' in editing


def test_an_item_fetched_when_opened_comes_open_with_its_minutes_resolutions_and_actions(
    clerk, past_meeting, item, make_action
):
    resolution = Resolution.objects.create(item=item, text="That a report be brought back.")
    make_action(text="A report on the plan", source_resolution=resolution)
    response = clerk.get(reverse("meetings:item_body", args=[past_meeting.pk, item.pk]), **HTMX)
    section = response.content.decode()
    assert section.lstrip().startswith(f'<section class="agenda-item is-open" id="item-{item.pk}"')
    assert f'id="minutes-{item.pk}"' in section and "That a report be brought back." in section
    assert "A report on the plan" in section and "data-load" not in section


def test_an_items_body_address_without_htmx_opens_the_item_in_the_workspace(clerk, past_meeting, item):
    response = clerk.get(reverse("meetings:item_body", args=[past_meeting.pk, item.pk]) + "?edit=1")
    assert response.status_code == 302
    assert response["Location"] == f"{past_meeting.get_absolute_url()}?item={item.pk}&edit=1#item-{item.pk}"


def test_an_items_body_is_the_clerks_and_only_through_its_own_meeting(
    clerk, councillor, anonymous, past_meeting, next_meeting, item
):
    url = reverse("meetings:item_body", args=[past_meeting.pk, item.pk])
    assert councillor.get(url, **HTMX).status_code == 403
    assert anonymous.get(url, **HTMX).status_code in (302, 403)  # to sign in, or refused
    through_another = reverse("meetings:item_body", args=[next_meeting.pk, item.pk])
    assert clerk.get(through_another, **HTMX).status_code == 404
    assert clerk.get(through_another).status_code == 404


def test_matters_arising_are_capped_with_a_link_to_the_rest(clerk, committee, item, next_meeting):
    for n in range(MATTERS_SHOWN + 2):
        Action.record(text=f"Matter {n}", committee=committee, source_item=item, due_meeting=next_meeting)
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    matters = page[page.index('id="matters"') :]
    assert matters.count('<div class="action-row') == MATTERS_SHOWN
    assert "And 2 more due by this meeting" in matters
    assert f"due_by={next_meeting.date:%Y-%m-%d}" in matters
