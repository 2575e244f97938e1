"""Writing a minutes proposal to the database: people, owners, due words, standing and work-programme items."""

import datetime

import pytest

from actions.importer import MinutesImportError, parse_minutes
from actions.importer.apply import AlreadyImported, create_meeting_from_proposal, fingerprint
from actions.models import Action, ActionUpdate
from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Meeting,
    Person,
    Resolution,
    StandingItem,
    WorkProgrammeItem,
)
from meetings.people import Register
from tests.conftest import at

MINUTES = """
HEALTH AND WELLBEING OVERVIEW AND SCRUTINY COMMITTEE

Minutes of a meeting held on Tuesday 14 May 2024 at 6.00 pm

Present: Councillor A Okonjo (in the Chair)
Councillors B Lancaster, C Fenwick and D Hartley

Also in attendance: Priya Shah - Director of Public Health

Apologies for absence: Councillor E Morrow

4 DECLARATIONS OF INTEREST

Councillor Lancaster declared a personal interest as she volunteers at the food bank.

5 WINTER PRESSURES UPDATE

The Director of Public Health presented the report.

It was agreed:
1. The update be noted.
2. The winter pressures dashboard to be a standing item on the agenda.
3. A report on vaccination uptake to be brought to a future meeting.
ACTION: Priya Shah

6 HOUSING AND HEALTH

Resolved that (1) the report be noted; (2) the Head of Housing to circulate the damp and mould figures by 30 June 2024.

The meeting ended at 7.40 pm.
"""

ALL_MODELS = (Meeting, Attendance, Declaration, AgendaItem, Resolution, Action, ActionUpdate, StandingItem, Person)


def counts():
    return {model.__name__: model.objects.count() for model in ALL_MODELS + (WorkProgrammeItem,)}


def proposal_for(text=MINUTES):
    return parse_minutes(text)


def actions_of(meeting):
    return list(Action.objects.filter(source_item__meeting=meeting).order_by("pk"))


@pytest.fixture
def health(committee):
    committee.name = "Health and Wellbeing Overview and Scrutiny Committee"
    committee.short_name = "HWB"
    committee.save()
    return committee


def test_draft_meeting_gets_items_resolutions_and_actions(health, clerk_user):
    meeting = create_meeting_from_proposal(proposal_for(), health, clerk_user, fingerprint(MINUTES))
    assert meeting.status == Meeting.Status.MINUTES_DRAFT
    assert meeting.imported_from == fingerprint(MINUTES)
    assert meeting.date == datetime.date(2024, 5, 14)
    items = list(meeting.items.all())
    assert [(i.number, i.title) for i in items] == [
        ("4", "Declarations of Interest"),
        ("5", "Winter Pressures Update"),
        ("6", "Housing and Health"),
    ]
    assert items[0].kind == AgendaItem.Kind.PROCEDURAL and items[1].kind == AgendaItem.Kind.REPORT
    assert meeting.ends_at.hour == 19 and meeting.ends_at.minute == 40
    winter = meeting.items.get(title__icontains="winter")
    assert [r.text for r in winter.resolutions.all()][0].startswith("The update be noted")
    texts = [a.text for a in actions_of(meeting)]
    assert texts == [
        "A report on vaccination uptake to be brought to a future meeting",
        "The Head of Housing to circulate the damp and mould figures by 30 June 2024",
    ]
    first = actions_of(meeting)[0]
    assert first.updates.get().kind == ActionUpdate.Kind.CREATED
    assert first.updates.get().by == clerk_user


def test_attendance_maps_status_chair_and_capacity(health):
    meeting = create_meeting_from_proposal(proposal_for(), health)
    chair = meeting.attendances.get(in_chair=True)
    assert chair.person.name == "A Okonjo" and chair.status == Attendance.Status.PRESENT
    shah = meeting.attendances.get(person__name="Priya Shah")
    assert shah.status == Attendance.Status.IN_ATTENDANCE
    assert shah.capacity == "Director of Public Health"
    assert meeting.attendances.get(person__name__endswith="Morrow").status == Attendance.Status.APOLOGIES


def test_existing_people_are_matched_and_new_people_added(health):
    existing = Person.objects.create(name="B Lancaster", kind=Person.Kind.COUNCILLOR)
    before = Person.objects.count()
    meeting = create_meeting_from_proposal(proposal_for(), health)
    assert meeting.attendances.filter(person=existing).exists()
    # Six people attend; one of them was already in the register.
    assert Person.objects.count() == before + meeting.attendances.count() - 1
    okonjo = Person.objects.get(name="A Okonjo")
    assert okonjo.kind == Person.Kind.COUNCILLOR
    assert Person.objects.get(name="Priya Shah").kind == Person.Kind.OFFICER


def test_declaration_by_surname_is_the_attendee_with_that_surname(health):
    Person.objects.create(name="Zara Lancaster", kind=Person.Kind.OFFICER)
    meeting = create_meeting_from_proposal(proposal_for(), health)
    declaration = Declaration.objects.get(meeting=meeting)
    assert declaration.person.name == "B Lancaster"
    assert "food bank" in declaration.text


def test_surname_only_owner_matches_the_one_councillor_with_that_surname(health):
    lancaster = Person.objects.create(name="J Lancaster", kind=Person.Kind.COUNCILLOR)
    Person.objects.create(name="Jo Lancaster-Smith", kind=Person.Kind.OFFICER)
    register = Register()
    assert register.match("Councillor Lancaster") == lancaster
    assert register.match("Cllr J Lancaster") == lancaster
    assert register.match("J. Lancaster") == lancaster
    assert register.match("Councillor Nobody") is None


def test_surname_shared_by_two_councillors_is_not_guessed(db):
    Person.objects.create(name="J Smith", kind=Person.Kind.COUNCILLOR)
    Person.objects.create(name="K Smith", kind=Person.Kind.COUNCILLOR)
    assert Register().match("Councillor Smith") is None
    assert Register().match("Councillor K Smith").name == "K Smith"


def test_clerk_can_insist_on_a_new_person(health):
    existing = Person.objects.create(name="A Okonjo", kind=Person.Kind.COUNCILLOR)
    proposal = proposal_for()
    proposal["attendance"][0]["person_id"] = "new"
    meeting = create_meeting_from_proposal(proposal, health)
    chair = meeting.attendances.get(in_chair=True).person
    assert chair != existing and chair.name == "A Okonjo"


def test_owner_matched_to_register_else_kept_as_post(health):
    shah = Person.objects.create(name="Priya Shah", job_title="Director of Public Health")
    meeting = create_meeting_from_proposal(proposal_for(), health)
    vaccination = Action.objects.get(source_item__meeting=meeting, text__icontains="vaccination")
    assert vaccination.owner == shah and vaccination.owner_post == ""
    damp = Action.objects.get(source_item__meeting=meeting, text__icontains="damp")
    assert damp.owner is None
    assert damp.owner_post == "Head of Housing"


def test_owner_chosen_by_the_clerk_wins(health):
    chosen = Person.objects.create(name="Irfan Alam", job_title="Improvement Programme Manager")
    proposal = proposal_for()
    item = next(i for i in proposal["items"] if i["actions"])
    item["actions"][0]["owner_id"] = chosen.pk
    item["actions"][0]["rag"] = "amber"
    meeting = create_meeting_from_proposal(proposal, health)
    action = actions_of(meeting)[0]
    assert action.owner == chosen and action.rag == "amber"


def test_owner_matched_by_post(health):
    head = Person.objects.create(name="Rob Kaye", job_title="Head of Housing")
    meeting = create_meeting_from_proposal(proposal_for(), health)
    damp = Action.objects.get(source_item__meeting=meeting, text__icontains="damp")
    assert damp.owner == head and damp.owner_post == "Head of Housing"


def test_due_date_words_and_future_meeting(health):
    meeting = create_meeting_from_proposal(proposal_for(), health)
    damp = Action.objects.get(source_item__meeting=meeting, text__icontains="damp")
    assert damp.due_date == datetime.date(2024, 6, 30)
    vaccination = Action.objects.get(source_item__meeting=meeting, text__icontains="vaccination")
    assert vaccination.due_note == "A future meeting"
    work = vaccination.work_programme_item
    assert work.timing == WorkProgrammeItem.Timing.TBC and work.committee == health
    assert "vaccination" in work.title


def _one_action(due):
    return {
        "committee": "x",
        "date": "2024-05-14",
        "start_time": "18:00",
        "end_time": None,
        "attendance": [],
        "declarations": [],
        "items": [
            {
                "number": "5",
                "title": "Budget",
                "resolutions": ["Figures to be circulated."],
                "actions": [{"text": "Figures to be circulated", "owner": None, "due": due}],
                "standing_items": [],
            }
        ],
    }


def test_next_meeting_is_the_committees_following_meeting(committee):
    following = Meeting.objects.create(committee=committee, starts_at=at(400))
    meeting = create_meeting_from_proposal(_one_action("next meeting"), committee)
    action = actions_of(meeting)[0]
    assert action.due_meeting == following and action.due_note == ""
    assert action.source_resolution.text == "Figures to be circulated."


def test_next_meeting_without_one_scheduled_is_a_note(committee):
    meeting = create_meeting_from_proposal(_one_action("next meeting"), committee)
    action = actions_of(meeting)[0]
    assert action.due_meeting is None and action.due_note == "Next meeting"


def test_other_due_words_are_kept_as_a_note(committee):
    meeting = create_meeting_from_proposal(_one_action("early in the new Municipal Year"), committee)
    assert actions_of(meeting)[0].due_note == "early in the new Municipal Year"


def test_standing_item_is_created_by_its_resolution(health):
    meeting = create_meeting_from_proposal(proposal_for(), health)
    standing = StandingItem.objects.get(committee=health)
    assert "winter pressures dashboard" in standing.title.lower()
    assert standing.source_resolution.item.meeting == meeting
    assert "standing item" in standing.source_resolution.text
    assert standing.active_from == meeting.date


def test_reimporting_the_same_minutes_is_refused(health):
    create_meeting_from_proposal(proposal_for(), health, text_fingerprint=fingerprint(MINUTES))
    before = counts()
    reworded = "  " + MINUTES.upper()  # same text re-saved: case and spacing do not matter
    with pytest.raises(AlreadyImported) as refused:
        create_meeting_from_proposal(proposal_for(), health, text_fingerprint=fingerprint(reworded))
    assert refused.value.meeting.imported_from == fingerprint(MINUTES)
    assert counts() == before


def test_another_meeting_the_same_day_is_refused(health):
    Meeting.objects.create(
        committee=health, starts_at=at(0).replace(year=2024, month=5, day=14), status=Meeting.Status.HELD
    )
    before = counts()
    with pytest.raises(AlreadyImported):
        create_meeting_from_proposal(proposal_for(), health, text_fingerprint="something-else")
    assert counts() == before


def test_a_failure_midway_writes_nothing(health, monkeypatch):
    before = counts()
    calls = []

    def explode(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("database went away")

    monkeypatch.setattr(Action, "record", explode)
    with pytest.raises(RuntimeError):
        create_meeting_from_proposal(proposal_for(), health)
    assert calls, "the failure must happen after the meeting, people and items were written"
    assert counts() == before


def test_proposal_without_a_date_is_a_clear_error(committee):
    proposal = _one_action(None)
    proposal["date"] = None
    with pytest.raises(MinutesImportError, match="date"):
        create_meeting_from_proposal(proposal, committee)
    assert not Meeting.objects.exists()
