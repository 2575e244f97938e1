"""The values stored so lists can use indexes (issue 10) stay what they summarise, whatever door changes them."""

import datetime

import pytest
from django.db.models import F

from actions.models import Action, ActionUpdate
from actions.scale import grow
from core import clock
from meetings.models import Committee, Meeting

from .conftest import at


def stored(action):
    return Action.objects.values_list("due_on", "latest_update_id").get(pk=action.pk)


def test_due_on_is_the_due_date_when_there_is_one(make_action):
    action = make_action(due_date=clock.today() + datetime.timedelta(days=10))
    assert stored(action)[0] == clock.today() + datetime.timedelta(days=10)


def test_due_on_is_the_due_meetings_uk_day(make_action, committee):
    # 23:30 UK time in summer is the next day in UTC: the stored day is the UK one.
    late = clock.local_datetime(datetime.date(2031, 7, 1), datetime.time(23, 30))
    meeting = Meeting.objects.create(committee=committee, starts_at=late)
    action = make_action(due_meeting=meeting)
    assert stored(action)[0] == datetime.date(2031, 7, 1)


def test_moving_the_due_meeting_moves_its_actions_due_day(make_action, next_meeting):
    action = make_action(due_meeting=next_meeting)
    dated = make_action(due_meeting=next_meeting, due_date=clock.today() + datetime.timedelta(days=3))
    next_meeting.starts_at = at(40)
    next_meeting.save()
    assert stored(action)[0] == next_meeting.date
    assert stored(dated)[0] == clock.today() + datetime.timedelta(days=3), "its own date still rules"


def test_deleting_the_due_meeting_leaves_no_stale_due_day(make_action, next_meeting):
    action = make_action(due_meeting=next_meeting)
    Meeting.objects.filter(pk=next_meeting.pk).delete()
    assert stored(action)[0] is None


def test_editing_the_due_point_recomputes_due_on(make_action, next_meeting, clerk_user):
    action = make_action(due_date=clock.today() + datetime.timedelta(days=5))
    action.edit(by=clerk_user, due_date=None, due_meeting=next_meeting)
    assert stored(action)[0] == next_meeting.date


def test_overdue_and_due_by_read_the_stored_day(make_action, committee):
    yesterday = clock.today() - datetime.timedelta(days=1)
    past = Meeting.objects.create(committee=committee, starts_at=at(-3))
    by_date = make_action(due_date=yesterday)
    by_meeting = make_action(due_meeting=past)
    make_action(due_date=clock.today())
    assert set(Action.objects.overdue()) == {by_date, by_meeting}


def test_latest_update_points_at_the_newest_entry_with_words(make_action, clerk_user):
    action = make_action()
    assert stored(action)[1] is None
    first = action.add_update("Draft written.", by=clerk_user)
    assert stored(action)[1] == first.pk
    action.set_rag("amber", by=clerk_user)  # no words: the latest update stays the draft
    assert stored(action)[1] == first.pk
    second = action.add_update("Sent to the Director.", by=clerk_user)
    assert stored(action)[1] == second.pk
    listed = Action.objects.with_related().get(pk=action.pk)
    assert listed.latest_update_text == "Sent to the Director."


def test_an_update_recorded_late_does_not_hide_a_newer_one(make_action, clerk_user):
    action = make_action()
    newer = action.add_update("Report drafted.", by=clerk_user)
    action.add_update("Phoned the provider.", by=clerk_user, at=clock.now() - datetime.timedelta(days=7))
    assert stored(action)[1] == newer.pk


def test_a_note_given_when_the_action_is_recorded_is_its_latest_update(committee, item):
    action = Action.record(text="Circulate the figures", committee=committee, source_item=item, note="From the minutes")
    entry = ActionUpdate.objects.get(action=action)
    assert stored(action)[1] == entry.pk


@pytest.mark.django_db
def test_the_scale_generator_builds_a_decade_the_way_a_council_looks():
    counts = grow(2_000, seed=7)
    assert counts["actions"] == 2_000
    assert Committee.objects.count() == 20
    assert 2.5 <= counts["updates"] / counts["actions"] <= 3.1
    old = Action.objects.filter(created_at__lt=clock.now() - datetime.timedelta(days=400))
    assert old.outstanding().count() < 0.1 * old.count(), "most actions older than a year are discharged"
    wrong_due = Action.objects.exclude(due_date=None).exclude(due_on=F("due_date"))
    assert not wrong_due.exists()
    with_words = Action.objects.filter(updates__text__gt="").distinct()
    assert with_words.filter(latest_update=None).count() == 0


def test_the_migration_fills_both_for_actions_made_before_them(make_action, next_meeting, clerk_user):
    from importlib import import_module

    from django.apps import apps

    fill = import_module("actions.migrations.0005_fill_due_on_and_latest_update").fill
    by_meeting = make_action(due_meeting=next_meeting)
    by_date = make_action(due_date=clock.today() + datetime.timedelta(days=9))
    update = by_date.add_update("Half done.", by=clerk_user)
    by_date.set_rag("amber", by=clerk_user)  # an entry without words after it
    Action.objects.update(due_on=None, latest_update=None)
    fill(apps, None)
    assert stored(by_meeting) == (next_meeting.date, None)
    assert stored(by_date) == (clock.today() + datetime.timedelta(days=9), update.pk)
