"""Only clerks edit: everyone else is refused on every workspace URL, with or without htmx."""

import pytest
from django.urls import reverse

from actions.models import Action, ActionUpdate
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Resolution

from .conftest import HTMX


@pytest.fixture
def world(past_meeting, next_meeting, members):
    """One of everything a workspace URL can point at, on a published and an unpublished meeting."""
    objects = {}
    for key, meeting in (("published", past_meeting), ("unpublished", next_meeting)):
        item = AgendaItem.objects.create(meeting=meeting, number="7", order=7, title="Budget")
        resolution = Resolution.objects.create(item=item, text="Noted")
        attendance = Attendance.objects.create(meeting=meeting, person=members[0])
        declaration = Declaration.objects.create(meeting=meeting, person=members[1], text="School governor")
        action = Action.record(
            text="Do it", committee=meeting.committee, source_item=item, source_resolution=resolution
        )
        objects[key] = dict(
            meeting=meeting,
            item=item,
            resolution=resolution,
            attendance=attendance,
            declaration=declaration,
            action=action,
        )
    return objects


def edit_urls(o):
    m, i, r = o["meeting"].pk, o["item"].pk, o["resolution"].pk
    return [
        reverse("meetings:meeting_edit", args=[m]),
        reverse("meetings:meeting_status", args=[m]),
        reverse("meetings:item_add", args=[m]),
        reverse("meetings:items_renumber", args=[m]),
        reverse("meetings:attendance_set", args=[m]),
        reverse("meetings:attendee_add", args=[m]),
        reverse("meetings:substitute_add", args=[m]),
        reverse("meetings:public_attendance", args=[m]),
        reverse("meetings:attendance_remove", args=[m, o["attendance"].pk]),
        reverse("meetings:declaration_add", args=[m]),
        reverse("meetings:declaration_delete", args=[m, o["declaration"].pk]),
        reverse("meetings:item_edit", args=[m, i]),
        reverse("meetings:item_delete", args=[m, i]),
        reverse("meetings:item_move", args=[m, i]),
        reverse("meetings:item_minutes", args=[m, i]),
        reverse("meetings:resolution_add", args=[m, i]),
        reverse("meetings:resolution_edit", args=[m, r]),
        reverse("meetings:resolution_delete", args=[m, r]),
        reverse("meetings:resolution_move", args=[m, r]),
        reverse("actions:make_action", args=[r]),
        *(reverse(f"actions:{name}", args=[o["action"].pk]) for name in CONTROLS),
    ]


CONTROLS = ["set_rag", "add_update", "mark_completed", "discharge", "reopen", "close"]


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (Meeting, AgendaItem, Resolution, Attendance, Declaration, Action, ActionUpdate)
    ]


@pytest.mark.parametrize("role", ["councillor", "chair", "officer"])
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_council_users_who_are_not_clerks_get_403_and_nothing_changes(request, role, headers, world):
    client = request.getfixturevalue(role)
    before = snapshot()
    for which in ("published", "unpublished"):
        for url in edit_urls(world[which]):
            data = {"version": 1, "text": "x", "status": "present", "to": "held", "rag": "red", "reason": "x"}
            # 404 where need to know hides the draft itself (an officer who sits on no committee).
            hidden = which == "unpublished" and role == "officer"
            assert client.post(url, data, **headers).status_code == (404 if hidden else 403), url
            assert client.get(url, **headers).status_code in ((404, 405) if hidden else (403, 405)), url
    assert snapshot() == before


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_public_gets_404_for_unpublished_business_and_403_for_published(anonymous, headers, world):
    before = snapshot()
    for url in edit_urls(world["unpublished"]):
        assert anonymous.post(url, {"version": 1}, **headers).status_code == 404, url
    for url in edit_urls(world["published"]):
        assert anonymous.post(url, {"version": 1}, **headers).status_code == 403, url
    assert snapshot() == before


def test_public_never_learns_of_an_exempt_items_action(anonymous, past_meeting, exempt_item):
    action = Action.record(text="Renegotiate", committee=past_meeting.committee, source_item=exempt_item)
    assert anonymous.post(reverse("actions:set_rag", args=[action.pk]), {"rag": "red"}).status_code == 404


def test_clerk_reaches_every_workspace_form(clerk, world):
    for url in edit_urls(world["unpublished"]):
        response = clerk.get(url)
        assert response.status_code in (200, 405), url


def test_creating_a_meeting_is_for_clerks_only(councillor, anonymous, committee):
    url = reverse("meetings:meeting_create", args=[committee.slug])
    assert councillor.post(url, {"date": "2030-01-01", "start_time": "17:30"}).status_code == 403
    assert anonymous.post(url, {"date": "2030-01-01", "start_time": "17:30"}, **HTMX).status_code == 403
    assert councillor.post(reverse("meetings:committee_procedural", args=[committee.slug])).status_code == 403
    assert not Meeting.objects.exists()
