"""The workspace shaped like the meeting (issue 11): an agenda index, items collapsed to one line and opened
one at a time (server-side, ?item=), next/previous, shortcuts listed, and item management only in Edit agenda mode."""

import pytest
from django.urls import reverse

from actions.models import Action
from meetings.models import AgendaItem, Resolution

from .conftest import HTMX


@pytest.fixture
def agenda(next_meeting):
    return [
        AgendaItem.objects.create(meeting=next_meeting, number=str(n), order=n, title=f"Item title {n}")
        for n in range(1, 4)
    ]


def page_of(client, meeting, query=""):
    return client.get(f"{meeting.get_absolute_url()}{query}").content.decode()


def body_of(page, item):
    return page.split(f'id="item-{item.pk}-body"')[1].split(">")[0]


def test_items_are_collapsed_to_one_line_until_one_is_asked_for(clerk, next_meeting, agenda):
    page = page_of(clerk, next_meeting)
    assert all("hidden" in body_of(page, item) for item in agenda)
    page = page_of(clerk, next_meeting, f"?item={agenda[1].pk}")
    assert "hidden" not in body_of(page, agenda[1])
    assert "hidden" in body_of(page, agenda[0]) and "hidden" in body_of(page, agenda[2])
    assert f'aria-controls="item-{agenda[1].pk}-body">2. Item title 2' in page
    assert 'aria-expanded="true"' in page and page.count('aria-expanded="true"') == 1


def test_an_item_that_is_not_on_this_meeting_opens_nothing(clerk, next_meeting, agenda, item):
    page = page_of(clerk, next_meeting, f"?item={item.pk}")
    assert 'aria-expanded="true"' not in page


def test_each_line_says_the_minutes_status_and_counts_resolutions_and_actions(clerk, next_meeting, agenda, committee):
    first = agenda[0]
    first.minutes_text = "Members discussed it."
    first.save()
    resolution = Resolution.objects.create(item=first, text="Noted.")
    Action.record(text="Report back", committee=committee, source_item=first, source_resolution=resolution)
    page = page_of(clerk, next_meeting)
    line = page.split(f'id="item-{first.pk}-counts"')[1].split("</span>\n")[0]
    assert "Minuted" in line and "1 resolution" in line and "1 action" in line
    # The index marks the items minuted so far.
    assert "(minuted)" in page.split(f'id="index-{first.pk}-counts"')[1].split("</a>")[0]
    assert "(minuted)" not in page.split(f'id="index-{agenda[1].pk}-counts"')[1].split("</a>")[0]
    line = page.split(f'id="item-{agenda[1].pk}-counts"')[1].split("</span>\n")[0]
    assert "No minutes yet" in line and "0 resolutions" in line and "0 actions" in line


def test_the_agenda_index_links_every_item_and_works_without_javascript(clerk, next_meeting, agenda):
    page = page_of(clerk, next_meeting)
    index = page.split('id="agenda-index"')[1].split("</nav>")[0]
    for item in agenda:
        assert f'href="?item={item.pk}#item-{item.pk}"' in index


def test_an_open_item_links_to_the_next_and_previous(clerk, next_meeting, agenda):
    page = page_of(clerk, next_meeting, f"?item={agenda[1].pk}")
    assert f'href="?item={agenda[0].pk}#item-{agenda[0].pk}" data-open-item="{agenda[0].pk}" rel="prev"' in page
    assert f'href="?item={agenda[2].pk}#item-{agenda[2].pk}" data-open-item="{agenda[2].pk}" rel="next"' in page


def test_keyboard_shortcuts_are_listed_on_the_page(clerk, next_meeting, agenda):
    page = page_of(clerk, next_meeting)
    shortcuts = page.split('id="shortcuts"')[1].split("</dl>")[0]
    for said in ("Next item", "Previous item", "Add a resolution", "Make its newest resolution an action", "Esc"):
        assert said in shortcuts


def test_move_delete_and_edit_buttons_show_only_in_edit_agenda_mode(clerk, next_meeting, agenda):
    item = agenda[0]
    move = reverse("meetings:item_move", args=[next_meeting.pk, item.pk])
    edit = reverse("meetings:item_edit", args=[next_meeting.pk, item.pk])
    renumber = reverse("meetings:items_renumber", args=[next_meeting.pk])
    page = page_of(clerk, next_meeting)
    assert move not in page and edit not in page and renumber not in page and "Edit agenda" in page
    page = page_of(clerk, next_meeting, "?edit=1")
    assert move in page and edit in page and renumber in page and "Done editing the agenda" in page


def test_an_htmx_move_redraws_the_agenda_still_in_edit_mode_with_the_same_item_open(clerk, next_meeting, agenda):
    url = reverse("meetings:item_move", args=[next_meeting.pk, agenda[2].pk])
    here = f"http://testserver{next_meeting.get_absolute_url()}?edit=1&item={agenda[2].pk}"
    response = clerk.post(url, {"direction": "up", "version": 1}, **HTMX, HTTP_HX_CURRENT_URL=here)
    page = response.content.decode()
    assert reverse("meetings:item_move", args=[next_meeting.pk, agenda[0].pk]) in page
    assert "hidden" not in body_of(page, agenda[2])


def test_without_javascript_a_move_returns_to_edit_mode(clerk, next_meeting, agenda):
    url = reverse("meetings:item_move", args=[next_meeting.pk, agenda[2].pk])
    response = clerk.post(url, {"direction": "up", "version": 1})
    assert response.url.endswith(f"?edit=1#item-{agenda[2].pk}")


def test_adding_an_item_in_place_opens_it_focuses_it_and_announces_it(clerk, next_meeting, agenda):
    url = reverse("meetings:item_add", args=[next_meeting.pk])
    response = clerk.post(url, {"title": "Youth Justice Plan", "kind": "report"}, **HTMX)
    added = AgendaItem.objects.get(title="Youth Justice Plan")
    page = response.content.decode()
    assert "hidden" not in body_of(page, added)
    assert f'aria-controls="item-{added.pk}-body" data-focus-after-swap' in page
    assert "data-announce>Item 4. Youth Justice Plan added and opened." in page


def test_adding_a_resolution_in_place_focuses_it_announces_it_and_refreshes_the_counts(clerk, next_meeting, agenda):
    item = agenda[0]
    url = reverse("meetings:resolution_add", args=[next_meeting.pk, item.pk])
    page = clerk.post(url, {"text": "The report be noted."}, **HTMX).content.decode()
    resolution = Resolution.objects.get()
    assert 'tabindex="-1" data-focus-after-swap>The report be noted.' in page
    assert "data-announce>Resolution 1 added to item 1." in page
    assert f'id="item-{item.pk}-counts" hx-swap-oob="true"' in page and "1 resolution" in page
    assert f'id="index-{item.pk}-counts" hx-swap-oob="true"' in page
    assert resolution.item == item


def test_the_workspace_has_a_polite_live_region(clerk, next_meeting, agenda):
    assert '<div id="workspace-announcer" class="visually-hidden" aria-live="polite"></div>' in page_of(
        clerk, next_meeting
    )
