"""Scheduling a meeting and editing its agenda, minutes and resolutions in place."""

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, Meeting, Person, Resolution, StandingItem

from .conftest import HTMX, version_of


def test_clerk_schedules_a_meeting_with_the_committees_own_procedural_items(clerk, committee):
    committee.procedural_items = "Apologies for absence\nMinutes of the last meeting\nUrgent business"
    committee.save()
    StandingItem.objects.create(committee=committee, title="Ofsted improvement work", active_from="2020-01-01")
    url = reverse("meetings:meeting_create", args=[committee.slug])
    response = clerk.post(
        url,
        {"date": "2031-03-12", "start_time": "17:30", "end_time": "19:00", "venue": "Chamber", "with_procedural": "on"},
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    titles = list(meeting.items.order_by("order").values_list("number", "title"))
    assert titles == [
        ("1", "Apologies for absence"),
        ("2", "Minutes of the last meeting"),
        ("3", "Ofsted improvement work"),
        ("4", "Urgent business"),
    ]
    assert meeting.venue == "Chamber" and meeting.ends_at.hour == 19


def test_scheduling_with_bad_times_shows_errors_and_writes_nothing(clerk, committee):
    url = reverse("meetings:meeting_create", args=[committee.slug])
    response = clerk.post(url, {"date": "", "start_time": "18:00", "end_time": "17:00"})
    assert response.status_code == 200
    # The GOV.UK date input's own message for a missing date (issue 11).
    assert b"There is a problem" in response.content and b"Enter the date" in response.content
    assert not Meeting.objects.exists()


def test_clerk_edits_the_procedural_items_of_a_committee(clerk, committee):
    url = reverse("meetings:committee_procedural", args=[committee.slug])
    clerk.post(url, {"procedural_items": "Apologies\nDeclarations", "default_venue": "Room 1"})
    committee.refresh_from_db()
    assert committee.procedural_item_titles() == ["Apologies", "Declarations"]


def item_data(**overrides):
    data = {
        "number": "6",
        "title": "Improvement Plan",
        "kind": "report",
        "description": "Report attached",
        "version": "",
    }
    data.update(overrides)
    return data


def test_add_item_with_officers_and_exempt_flag_over_htmx_returns_the_agenda(clerk, next_meeting):
    lead = Person.objects.create(name="Jeanette Richards")
    data = item_data(lead_officer=lead.pk, contact_officer=lead.pk, exempt="on", exempt_reason="Paragraph 3")
    response = clerk.post(reverse("meetings:item_add", args=[next_meeting.pk]), data, **HTMX)
    item = AgendaItem.objects.get()
    assert (item.lead_officer, item.exempt, item.order) == (lead, True, 1)
    assert b'id="agenda"' in response.content and b"<html" not in response.content
    assert b"Improvement Plan" in response.content


def test_add_item_with_a_number_already_taken_is_refused(clerk, next_item):
    url = reverse("meetings:item_add", args=[next_item.meeting_id])
    response = clerk.post(url, item_data(number=next_item.number))
    assert b"already on this agenda" in response.content and b"There is a problem" in response.content
    assert AgendaItem.objects.count() == 1
    response = clerk.post(url, item_data(number=next_item.number), **HTMX)
    assert b"already on this agenda" in response.content and b'id="agenda"' in response.content


def test_edit_item_without_js_redirects_and_with_htmx_swaps_the_heading(clerk, next_item):
    url = reverse("meetings:item_edit", args=[next_item.meeting_id, next_item.pk])
    response = clerk.post(url, item_data(number="5", title="Improvement Plan (revised)", version=1))
    assert response.status_code == 302 and response.url.endswith(f"#item-{next_item.pk}")
    response = clerk.post(url, item_data(number="5", title="Improvement Plan v3", version=2), **HTMX)
    assert response.headers["HX-Retarget"] == f"#item-head-{next_item.pk}"
    assert b"Improvement Plan v3" in response.content
    assert f'id="item-{next_item.pk}-version" hx-swap-oob="true"'.encode() in response.content
    next_item.refresh_from_db()
    assert (next_item.title, next_item.version) == ("Improvement Plan v3", 3)


def test_second_clerk_editing_a_stale_item_is_refused_and_shown_the_current_title(clerk, next_item):
    url = reverse("meetings:item_edit", args=[next_item.meeting_id, next_item.pk])
    clerk.post(url, item_data(number="5", title="First clerk's title", version=1))
    response = clerk.post(url, item_data(number="5", title="Second clerk's title", version=1), **HTMX)
    next_item.refresh_from_db()
    assert next_item.title == "First clerk's title"
    assert b"Someone else saved this" in response.content and b"First clerk&#x27;s title" in response.content
    assert b'name="version" value="2"' in response.content


def test_move_swaps_position_and_number_and_renumber_makes_them_sequential(clerk, next_meeting):
    a, b, c = (
        AgendaItem.objects.create(meeting=next_meeting, number=n, order=int(n), title=n) for n in ("1", "2", "3")
    )
    up = {"direction": "up"}
    response = clerk.post(reverse("meetings:item_move", args=[next_meeting.pk, c.pk]), {**up, "version": 1}, **HTMX)
    assert response.status_code == 200
    order = list(next_meeting.items.order_by("order").values_list("title", "number"))
    assert order == [("1", "1"), ("3", "2"), ("2", "3")]
    already_first = {**up, "version": version_of(a)}
    clerk.post(reverse("meetings:item_move", args=[next_meeting.pk, a.pk]), already_first)
    assert next_meeting.items.order_by("order").first() == a
    AgendaItem.objects.filter(pk=b.pk).update(number="9a")
    clerk.post(reverse("meetings:items_renumber", args=[next_meeting.pk]), {"agenda": next_meeting.agenda_signature()})
    assert list(next_meeting.items.order_by("order").values_list("number", flat=True)) == ["1", "2", "3"]


def test_delete_item_but_not_one_that_has_actions(clerk, next_item, make_action):
    url = reverse("meetings:item_delete", args=[next_item.meeting_id, next_item.pk])
    make_action(source_item=next_item)
    response = clerk.post(url, {"version": 1}, **HTMX)
    assert b"cannot be deleted" in response.content and AgendaItem.objects.filter(pk=next_item.pk).exists()
    next_item.actions.all().delete()
    assert clerk.post(url, {"version": 1}).status_code == 302
    assert not AgendaItem.objects.filter(pk=next_item.pk).exists()


def test_minutes_text_saves_in_place_and_a_stale_save_keeps_the_other_clerks_words(clerk, next_item):
    url = reverse("meetings:item_minutes", args=[next_item.meeting_id, next_item.pk])
    response = clerk.post(url, {"minutes_text": "Members asked about acronyms.", "version": 1}, **HTMX)
    assert b"Saved at" in response.content and f'id="minutes-{next_item.pk}"'.encode() in response.content
    response = clerk.post(url, {"minutes_text": "Overwrite attempt", "version": 1}, **HTMX)
    next_item.refresh_from_db()
    assert next_item.minutes_text == "Members asked about acronyms."
    assert b"Current saved minutes" in response.content and b"Members asked about acronyms." in response.content
    response = clerk.post(url, {"minutes_text": "Plain browser", "version": 2})
    assert response.status_code == 302


def test_resolutions_add_edit_reorder_and_delete(clerk, next_item):
    add = reverse("meetings:resolution_add", args=[next_item.meeting_id, next_item.pk])
    for text in ("The report be noted.", "A highlight report be brought to the Committee."):
        response = clerk.post(add, {"text": text}, **HTMX)
        assert f'id="resolutions-{next_item.pk}"'.encode() in response.content
    first, second = next_item.resolutions.order_by("order")
    move = reverse("meetings:resolution_move", args=[next_item.meeting_id, second.pk])
    clerk.post(move, {"direction": "up", "version": 1})
    assert list(next_item.resolutions.order_by("order")) == [second, first]
    assert version_of(first) == 2  # reordering moved it, so a page drawn before must not overwrite it
    edit = reverse("meetings:resolution_edit", args=[next_item.meeting_id, first.pk])
    response = clerk.post(edit, {"text": "The report be noted with thanks.", "vote": "unanimous", "version": 2}, **HTMX)
    assert response.headers["HX-Retarget"] == f"#resolutions-{next_item.pk}"
    first.refresh_from_db()
    assert (first.text, first.vote) == ("The report be noted with thanks.", "unanimous")
    delete = reverse("meetings:resolution_delete", args=[next_item.meeting_id, first.pk])
    clerk.post(delete, {"version": version_of(first)}, **HTMX)
    assert list(next_item.resolutions.all()) == [second]


def test_empty_resolution_is_refused_next_to_the_field(clerk, next_item):
    add = reverse("meetings:resolution_add", args=[next_item.meeting_id, next_item.pk])
    response = clerk.post(add, {"text": "  "}, **HTMX)
    assert b"This field is required" in response.content and b"There is a problem" in response.content
    assert not Resolution.objects.exists()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_stale_resolution_edit_is_refused(clerk, next_item, headers):
    resolution = Resolution.objects.create(item=next_item, text="Original")
    Resolution.objects.filter(pk=resolution.pk).update(text="Changed elsewhere", version=2)
    edit = reverse("meetings:resolution_edit", args=[next_item.meeting_id, resolution.pk])
    response = clerk.post(edit, {"text": "Mine", "version": 1}, **headers)
    resolution.refresh_from_db()
    assert resolution.text == "Changed elsewhere"
    assert b"Someone else saved this" in response.content and b"Changed elsewhere" in response.content


def test_new_item_without_a_number_gets_the_next_one(clerk, next_meeting):
    AgendaItem.objects.create(meeting=next_meeting, number="6a", order=1, title="Sub item")
    AgendaItem.objects.create(meeting=next_meeting, number="7", order=2, title="Seven")
    clerk.post(reverse("meetings:item_add", args=[next_meeting.pk]), {"title": "Late report", "kind": "report"})
    assert next_meeting.items.get(title="Late report").number == "8"
