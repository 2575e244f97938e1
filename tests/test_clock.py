"""Date logic at any hour: the same answers at 00:30, 05:00, 12:00 and 23:30 UK time, on an
ordinary day and on both days the clocks change (29 March and 25 October 2026).

Each test runs with the clock frozen (time-machine) at every one of those moments, and builds its
data relative to that moment, as the suite does relative to the real clock.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from actions.models import Action
from actions.views import committee_summaries
from core import clock
from meetings.models import AgendaItem, Committee, Meeting

from .conftest import at

LONDON = ZoneInfo("Europe/London")
DAYS = {"ordinary": datetime.date(2026, 12, 2), "clocks go forward": datetime.date(2026, 3, 29)}
DAYS["clocks go back"] = datetime.date(2026, 10, 25)
TIMES = [datetime.time(0, 30), datetime.time(5, 0), datetime.time(12, 0), datetime.time(23, 30)]
MOMENTS = [
    pytest.param(datetime.datetime.combine(day, time, tzinfo=LONDON), id=f"{name} {time:%H:%M}")
    for name, day in DAYS.items()
    for time in TIMES
]


@pytest.fixture(params=MOMENTS)
def moment(request):
    with time_machine.travel(request.param, tick=False):
        yield request.param


@pytest.fixture
def calendar(moment, committee, make_action, db):
    """Meetings yesterday evening, this morning, this evening and tomorrow; actions due around today."""
    today = moment.date()
    yesterday = Meeting.objects.create(committee=committee, starts_at=at(-1), status=Meeting.Status.HELD)
    this_morning = Meeting.objects.create(committee=committee, starts_at=at(0, 9, 30))
    tomorrow = Meeting.objects.create(committee=committee, starts_at=at(1))
    due = {
        "yesterday": make_action(text="Due yesterday", due_date=today - datetime.timedelta(days=1)),
        "today": make_action(text="Due today", due_date=today),
        "at yesterday's meeting": make_action(text="At yesterday's meeting", due_meeting=yesterday),
        "at this morning's meeting": make_action(text="At this morning's meeting", due_meeting=this_morning),
        "tomorrow": make_action(text="Due tomorrow", due_date=today + datetime.timedelta(days=1)),
    }
    return {"today": today, "yesterday": yesterday, "this_morning": this_morning, "tomorrow": tomorrow, "due": due}


def test_today_is_the_uk_date_whatever_the_hour(moment):
    assert clock.today() == moment.date()


def test_a_meeting_is_upcoming_until_the_end_of_its_day_and_past_from_midnight(calendar, committee):
    upcoming = list(Meeting.objects.filter(committee=committee).upcoming())
    past = list(Meeting.objects.filter(committee=committee).past())
    assert calendar["this_morning"] in upcoming and calendar["tomorrow"] in upcoming
    assert calendar["yesterday"] in past and calendar["yesterday"] not in upcoming
    assert committee.next_meeting() == calendar["this_morning"]


def test_overdue_means_the_uk_day_it_was_due_has_ended(calendar):
    overdue = set(Action.objects.overdue().values_list("text", flat=True))
    assert overdue == {"Due yesterday", "At yesterday's meeting"}
    for name, action in calendar["due"].items():
        loaded = Action.objects.with_related().get(pk=action.pk)
        assert loaded.is_overdue() == (loaded.text in overdue), name


def test_the_list_page_counts_and_filters_overdue_with_the_same_rule(calendar, councillor, committee):
    response = councillor.get(reverse("actions:list"), {"overdue": "on"})
    assert response.context["counts"]["overdue"] == 2
    assert {a.text for a in response.context["page"]} == {"Due yesterday", "At yesterday's meeting"}
    summary = committee_summaries(Committee.objects.filter(pk=committee.pk)).get()
    assert summary.overdue_count == 2 and summary.next_meeting_pk == calendar["this_morning"].pk


def test_due_by_the_next_meeting_includes_what_is_due_this_morning(calendar, councillor):
    response = councillor.get(reverse("actions:list"), {"due_next": "on"})
    texts = {a.text for a in response.context["page"]}
    assert {"Due today", "At this morning's meeting", "Due yesterday"} <= texts and "Due tomorrow" not in texts


def test_the_log_discharged_since_the_last_meeting_starts_at_yesterdays_meeting(calendar, councillor, committee):
    # Yesterday's meeting is "the last meeting" from midnight, whatever hour it started.
    Meeting.objects.filter(pk=calendar["yesterday"].pk).update(status=Meeting.Status.PUBLISHED)
    recent, older = calendar["due"]["today"], calendar["due"]["tomorrow"]
    recent.discharge(on=calendar["today"])
    older.discharge(on=calendar["today"] - datetime.timedelta(days=2))
    response = councillor.get(reverse("actions:log", args=[committee.slug]), {"show": "discharged"})
    assert response.context["since"] == calendar["yesterday"]
    shown = {action.pk for action in response.context["actions"]}
    assert recent.pk in shown and older.pk not in shown


def test_days_outstanding_counts_uk_calendar_days(moment, make_action):
    action = make_action(created_at=at(-10, 12))
    assert action.days_outstanding() == 10


def test_the_brief_is_for_the_meeting_held_today_until_midnight(calendar, chair, committee):
    response = chair.get(reverse("actions:brief", args=[committee.slug]))
    assert response.context["meeting"] == calendar["this_morning"]


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (datetime.date(2026, 4, 30), datetime.date(2025, 5, 1)),
        (datetime.date(2026, 5, 1), datetime.date(2026, 5, 1)),
        (datetime.date(2026, 12, 31), datetime.date(2026, 5, 1)),
        (datetime.date(2027, 1, 1), datetime.date(2026, 5, 1)),
    ],
)
def test_the_municipal_year_starts_on_the_first_of_may(day, start):
    assert clock.municipal_year(day) == start
    assert clock.municipal_year_label(start.year) == f"{start.year}/{(start.year + 1) % 100:02d}"


def test_the_municipal_year_an_action_was_agreed_in_is_counted_in_uk_days(make_action, committee):
    # 00:30 UK time on 1 May is 23:30 UTC on 30 April: the new municipal year in the UK, the old one in UTC.
    may = datetime.date(2026, 5, 1)
    actions = {}
    for label, moment in (
        ("april", clock.local_datetime(may - datetime.timedelta(days=1), datetime.time(23, 30))),
        ("may", clock.local_datetime(may, datetime.time(0, 30))),
    ):
        meeting = Meeting.objects.create(committee=committee, starts_at=moment, status=Meeting.Status.PUBLISHED)
        item = AgendaItem.objects.create(meeting=meeting, number="1", order=1, title="Late business")
        actions[label] = make_action(source_item=item, created_at=moment)
    last_year = set(Action.objects.agreed_between(datetime.date(2025, 5, 1), may))
    this_year = set(Action.objects.agreed_between(may, datetime.date(2027, 5, 1)))
    assert last_year == {actions["april"]} and this_year == {actions["may"]}
