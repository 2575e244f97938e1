"""The database refuses what must never be, whatever code path tries it."""

import pytest
from django.db import IntegrityError, transaction

from actions.models import Action
from meetings.models import AgendaItem, Attendance, Person


def refuses(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_discharged_action_needs_a_discharge_date(make_action):
    action = make_action()
    refuses(lambda: Action.objects.filter(pk=action.pk).update(status=Action.Status.DISCHARGED))


def test_rag_outside_its_choices_is_refused(make_action):
    action = make_action()
    refuses(lambda: Action.objects.filter(pk=action.pk).update(rag="pink"))


def test_action_status_outside_its_choices_is_refused(make_action):
    action = make_action()
    refuses(lambda: Action.objects.filter(pk=action.pk).update(status="lost"))


def test_closed_action_needs_a_reason(make_action):
    action = make_action()
    refuses(lambda: Action.objects.filter(pk=action.pk).update(status=Action.Status.CLOSED))


def test_attendance_recorded_once_per_person_and_meeting(past_meeting):
    person = Person.objects.create(name="T Pilkington", kind=Person.Kind.COUNCILLOR)
    Attendance.objects.create(meeting=past_meeting, person=person)
    refuses(lambda: Attendance.objects.create(meeting=past_meeting, person=person, status="apologies"))


def test_only_one_person_in_the_chair(past_meeting):
    first, second = (Person.objects.create(name=n, kind=Person.Kind.COUNCILLOR) for n in ("A One", "B Two"))
    Attendance.objects.create(meeting=past_meeting, person=first, in_chair=True)
    refuses(lambda: Attendance.objects.create(meeting=past_meeting, person=second, in_chair=True))


def test_the_chair_must_be_present(past_meeting):
    person = Person.objects.create(name="S Wright", kind=Person.Kind.COUNCILLOR)
    refuses(lambda: Attendance.objects.create(meeting=past_meeting, person=person, status="apologies", in_chair=True))


def test_agenda_number_unique_within_a_meeting(item):
    refuses(lambda: AgendaItem.objects.create(meeting=item.meeting, number=item.number, title="Another item"))


def test_agenda_number_may_repeat_across_meetings(item, next_meeting):
    AgendaItem.objects.create(meeting=next_meeting, number=item.number, title="Same number, other meeting")


def test_unnumbered_items_do_not_clash(past_meeting):
    AgendaItem.objects.create(meeting=past_meeting, number="", title="Late item one")
    AgendaItem.objects.create(meeting=past_meeting, number="", title="Late item two")
    assert past_meeting.items.filter(number="").count() == 2


def test_meeting_cannot_end_before_it_starts(past_meeting):
    past_meeting.ends_at = past_meeting.starts_at.replace(hour=past_meeting.starts_at.hour - 1)
    refuses(past_meeting.save)
