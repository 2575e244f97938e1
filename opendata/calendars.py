"""iCalendar files (the icalendar library): a committee's meetings, a councillor's committees, an owner's actions due.

Times are written in Europe/London with its VTIMEZONE (built by icalendar from zoneinfo), so a calendar
app shows 6.30 pm whatever side of the clock change. UIDs are meeting-<pk>@<host> and action-<pk>@<host>,
so an app updates an event when a meeting moves; SEQUENCE is the record's version (it rises with each save).
A cancelled meeting stays in the file with STATUS:CANCELLED, so apps strike it out instead of leaving it.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from core import clock
from meetings.models import Meeting

PRODID = "-//Scrutiny//Committee calendars//EN"


def calendar(name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    return cal


def meeting_event(meeting, host, absolute):
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("sequence", meeting.version)
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    if meeting.ends_at:
        event.add("dtend", timezone.localtime(meeting.ends_at))
    cancelled = meeting.status == Meeting.Status.CANCELLED
    event.add("summary", f"{'Cancelled: ' if cancelled else ''}{meeting.committee.name}")
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if meeting.venue:
        event.add("location", meeting.venue)
    event.add("url", absolute(meeting.get_absolute_url()))
    event.add(
        "description", f"{meeting.get_status_display()}. Agenda and minutes: {absolute(meeting.get_absolute_url())}"
    )
    return event


def action_event(action, host, absolute):
    """An all-day event on the UK day the action falls due."""
    event = Event()
    event.add("uid", f"action-{action.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("sequence", action.version)
    event.add("dtstart", action.due_on)
    event.add("dtend", action.due_on + datetime.timedelta(days=1))
    event.add("summary", f"Due: {action.reference} {action.text[:80]}")
    event.add("status", "CONFIRMED")
    event.add("url", absolute(action.get_absolute_url()))
    event.add("description", f"{action.text}\n\nRAG: {action.get_rag_display()}. {absolute(action.get_absolute_url())}")
    return event


def ics_response(cal, filename):
    cal.add_missing_timezones()
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def meetings_calendar(request, name, meetings, filename):
    host = request.get_host().split(":")[0]
    cal = calendar(name)
    for meeting in meetings.select_related("committee"):
        cal.add_component(meeting_event(meeting, host, request.build_absolute_uri))
    return ics_response(cal, filename)


def actions_calendar(request, name, actions, filename):
    host = request.get_host().split(":")[0]
    cal = calendar(name)
    for action in actions:
        cal.add_component(action_event(action, host, request.build_absolute_uri))
    return ics_response(cal, filename)


def since():
    """How far back a calendar reaches: a year of past meetings is plenty for an app, and keeps files small."""
    return clock.start_of(clock.today() - datetime.timedelta(days=366))
