"""A new meeting's agenda starts with what the committee always takes."""

import datetime

from meetings.models import AgendaItem, Meeting, StandingItem, WorkProgrammeItem
from tests.conftest import at


def titles(meeting):
    return [(item.number, item.title, item.kind) for item in meeting.items.order_by("order")]


def test_new_agenda_holds_procedural_standing_and_due_work_items(committee, past_meeting):
    StandingItem.objects.create(committee=committee, title="Ofsted improvement work")
    StandingItem.objects.create(
        committee=committee,
        title="Retired item",
        active_from=datetime.date(2020, 1, 1),
        active_until=datetime.date(2021, 1, 1),
    )
    next_up = WorkProgrammeItem.objects.create(
        committee=committee, title="Care leavers housing", timing=WorkProgrammeItem.Timing.NEXT_MEETING
    )
    WorkProgrammeItem.objects.create(committee=committee, title="Some day", timing=WorkProgrammeItem.Timing.TBC)
    WorkProgrammeItem.objects.create(
        committee=committee,
        title="Far future",
        timing=WorkProgrammeItem.Timing.MONTH,
        target_month=(datetime.date.today() + datetime.timedelta(days=400)).replace(day=1),
    )
    committee.procedural_items = "Apologies for absence\nDeclarations of interest\nUrgent business"
    committee.save()

    meeting = Meeting.create_with_agenda(committee, at(20))

    assert titles(meeting) == [
        ("1", "Apologies for absence", AgendaItem.Kind.PROCEDURAL),
        ("2", "Declarations of interest", AgendaItem.Kind.PROCEDURAL),
        ("3", "Ofsted improvement work", AgendaItem.Kind.STANDING_ITEM),
        ("4", "Care leavers housing", AgendaItem.Kind.WORK_PROGRAMME),
        ("5", "Urgent business", AgendaItem.Kind.PROCEDURAL),
    ]
    next_up.refresh_from_db()
    assert next_up.scheduled_for.meeting == meeting


def test_slipped_month_items_come_forward(committee):
    last_month = (datetime.date.today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    WorkProgrammeItem.objects.create(
        committee=committee, title="Vital Signs", timing=WorkProgrammeItem.Timing.MONTH, target_month=last_month
    )
    meeting = Meeting.create_with_agenda(committee, at(3), with_procedural=False)
    assert [item.title for item in meeting.items.all()] == ["Vital Signs"]


def test_other_committees_items_stay_off(committee, other_committee):
    StandingItem.objects.create(committee=other_committee, title="Hospital waiting lists")
    WorkProgrammeItem.objects.create(
        committee=other_committee, title="GP access", timing=WorkProgrammeItem.Timing.NEXT_MEETING
    )
    meeting = Meeting.create_with_agenda(committee, at(5), with_procedural=False)
    assert meeting.items.count() == 0
