"""Calendars: files that parse back with icalendar, in London time, with UIDs that survive edits."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from actions.models import Action
from meetings.models import Meeting
from opendata.models import CalendarToken

from .conftest import at


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(cal):
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


@pytest.fixture
def calendar_meetings(committee, past_meeting, next_meeting):
    cancelled = Meeting.objects.create(committee=committee, starts_at=at(21), status=Meeting.Status.CANCELLED)
    return {"published": past_meeting, "next": next_meeting, "cancelled": cancelled}


def committee_ics(client, committee):
    return parse(client.get(reverse("opendata:committee_calendar", args=[committee.slug])))


def test_committee_calendar_has_london_times_and_a_vtimezone(councillor, committee, calendar_meetings):
    cal = committee_ics(councillor, committee)
    tz = cal.walk("VTIMEZONE")
    assert [str(t["tzid"]) for t in tz] == ["Europe/London"]
    assert {sub.name for sub in tz[0].subcomponents} >= {"STANDARD", "DAYLIGHT"}
    event = events(cal)[f"meeting-{calendar_meetings['next'].pk}@testserver"]
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/London"
    assert start == calendar_meetings["next"].starts_at
    assert (start.hour, start.minute) == (17, 30)
    assert "DTSTART;TZID=Europe/London:" in councillor.get(
        reverse("opendata:committee_calendar", args=[committee.slug])
    ).content.decode().replace("\r\n", "\n")


def test_cancelled_meeting_stays_in_the_calendar_marked_cancelled(councillor, committee, calendar_meetings):
    event = events(committee_ics(councillor, committee))[f"meeting-{calendar_meetings['cancelled'].pk}@testserver"]
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]).startswith("Cancelled:")


def test_uids_stay_the_same_across_edits_and_the_sequence_rises(councillor, committee, calendar_meetings):
    meeting = calendar_meetings["next"]
    uid = f"meeting-{meeting.pk}@testserver"
    before = events(committee_ics(councillor, committee))
    meeting.starts_at = at(15, hour=18)
    meeting.venue = "Committee Room 2"
    meeting.save()
    after = events(committee_ics(councillor, committee))
    assert set(before) == set(after)
    assert after[uid].decoded("dtstart").hour == 18 and str(after[uid]["location"]) == "Committee Room 2"
    assert int(after[uid]["sequence"]) > int(before[uid]["sequence"])


def test_public_committee_calendar_follows_the_committee_page_published_meetings_only(
    anonymous, committee, calendar_meetings
):
    found = events(committee_ics(anonymous, committee))
    assert set(found) == {f"meeting-{calendar_meetings['published'].pk}@testserver"}


def test_my_committees_calendar_needs_the_token_and_shows_the_members_meetings(
    anonymous, councillor_user, committee, other_committee, calendar_meetings
):
    Meeting.objects.create(committee=other_committee, starts_at=at(5))
    token = CalendarToken.issue(councillor_user)
    url = reverse("opendata:my_committees_calendar", args=[token.key])
    found = events(parse(anonymous.get(url)))
    assert set(found) == {f"meeting-{m.pk}@testserver" for m in calendar_meetings.values()}


def test_a_revoked_or_reissued_token_stops_working(anonymous, councillor_user):
    old = CalendarToken.issue(councillor_user)
    url = reverse("opendata:my_committees_calendar", args=[old.key])
    assert anonymous.get(url).status_code == 200
    new = CalendarToken.issue(councillor_user)
    assert anonymous.get(url).status_code == 404
    CalendarToken.revoke(councillor_user)
    assert anonymous.get(reverse("opendata:actions_due_calendar", args=[new.key])).status_code == 404
    assert anonymous.get(reverse("opendata:actions_due_calendar", args=["guessed"])).status_code == 404


def test_actions_due_calendar_lists_the_owners_outstanding_actions_as_all_day_events(
    anonymous, officer_user, make_action
):
    due = datetime.date.today() + datetime.timedelta(days=10)
    mine = make_action(text="Send the figures", owner=officer_user.person, due_date=due)
    make_action(text="Someone else's", due_date=due)
    done = make_action(text="Finished already", owner=officer_user.person, due_date=due)
    done.discharge(on=datetime.date.today())
    token = CalendarToken.issue(officer_user)
    found = events(parse(anonymous.get(reverse("opendata:actions_due_calendar", args=[token.key]))))
    assert set(found) == {f"action-{mine.pk}@testserver"}
    event = found[f"action-{mine.pk}@testserver"]
    assert event.decoded("dtstart") == mine.due_on and not isinstance(event.decoded("dtstart"), datetime.datetime)
    mine.set_rag(Action.Rag.RED, reason="Slipping")
    again = events(parse(anonymous.get(reverse("opendata:actions_due_calendar", args=[token.key]))))
    assert set(again) == set(found)


def test_calendar_page_makes_renews_and_revokes_the_addresses(councillor, councillor_user):
    page = reverse("opendata:calendars")
    assert "Make my calendar addresses" in councillor.get(page).content.decode()
    councillor.post(reverse("opendata:calendar_token"))
    first = CalendarToken.objects.get(user=councillor_user).key
    assert first in councillor.get(page).content.decode()
    councillor.post(reverse("opendata:calendar_token"))
    assert CalendarToken.objects.get(user=councillor_user).key != first
    councillor.post(reverse("opendata:calendar_token"), {"revoke": "1"})
    assert not CalendarToken.objects.filter(user=councillor_user).exists()


def test_calendar_page_is_for_council_users(anonymous):
    response = anonymous.get(reverse("opendata:calendars"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
