"""Need to know, as a matrix: draft minutes and exempt items reach the clerks, the committee's members,
a substitute at that meeting and the officers named on (or owning an action from) that item; every
other council user sees what the public sees."""

import pytest
from django.urls import reverse

from actions.models import Action
from meetings.models import AgendaItem, Attendance, Meeting, Person

from .conftest import at, client_for, make_user

SECRET = "Contract with Acme Care Ltd"


@pytest.fixture
def theirs(other_committee):
    """Committee B's business: a draft meeting, and a published meeting with two exempt items."""
    draft = Meeting.objects.create(committee=other_committee, starts_at=at(-3), status=Meeting.Status.MINUTES_DRAFT)
    AgendaItem.objects.create(meeting=draft, number="3", order=3, title="Waiting lists", minutes_text="Draft words")
    published = Meeting.objects.create(committee=other_committee, starts_at=at(-40), status=Meeting.Status.PUBLISHED)
    lead = Person.objects.create(name="Oliver Lead", job_title="Head of Commissioning")
    exempt = AgendaItem.objects.create(
        meeting=published, number="9", order=9, title=SECRET, exempt=True, lead_officer=lead, minutes_text="Terms"
    )
    other_exempt = AgendaItem.objects.create(meeting=published, number="10", order=10, title="Staffing", exempt=True)
    return {"draft": draft, "published": published, "exempt": exempt, "other_exempt": other_exempt, "lead": lead}


def status(client, url):
    return client.get(url).status_code


def test_a_member_of_committee_a_cannot_open_committee_bs_draft_minutes_or_exempt_items(councillor, theirs):
    assert status(councillor, theirs["draft"].get_absolute_url()) == 404
    page = councillor.get(theirs["published"].get_absolute_url()).content.decode()
    assert SECRET not in page and "Exempt item" in page and "Terms" not in page
    assert status(councillor, reverse("actions:brief", args=[theirs["draft"].committee.slug])) == 403


def test_a_member_reads_their_own_committees_drafts_and_exempt_items(
    councillor, committee, unpublished_item, exempt_item
):
    assert status(councillor, unpublished_item.meeting.get_absolute_url()) == 200
    assert exempt_item.title in councillor.get(exempt_item.meeting.get_absolute_url()).content.decode()


def test_a_substitute_reads_the_meeting_they_substituted_at(councillor_user, councillor, theirs):
    member = Person.objects.create(name="B Member", kind=Person.Kind.COUNCILLOR)
    Attendance.objects.create(meeting=theirs["draft"], person=councillor_user.person, substitute_for=member)
    assert "Draft words" in councillor.get(theirs["draft"].get_absolute_url()).content.decode()
    assert SECRET not in councillor.get(theirs["published"].get_absolute_url()).content.decode()


def test_an_officer_named_on_an_exempt_item_reads_that_item_and_no_other(theirs):
    lead = client_for(make_user("lead", "Officer", theirs["lead"]))
    page = lead.get(theirs["published"].get_absolute_url()).content.decode()
    assert SECRET in page and "Terms" in page
    assert "Staffing" not in page
    assert status(lead, theirs["draft"].get_absolute_url()) == 404


def test_an_officer_owning_an_action_from_an_exempt_item_reads_the_action_and_the_item(officer, officer_user, theirs):
    action = Action.record(
        text="Renegotiate the contract", committee=theirs["exempt"].meeting.committee, source_item=theirs["exempt"]
    )
    assert status(officer, action.get_absolute_url()) == 404
    action.edit(owner=officer_user.person)
    assert status(officer, action.get_absolute_url()) == 200
    assert SECRET in officer.get(theirs["published"].get_absolute_url()).content.decode()


def test_other_council_users_see_what_the_public_sees_plus_their_own_actions(officer, anonymous, theirs):
    for url in (theirs["draft"].get_absolute_url(), theirs["published"].get_absolute_url()):
        assert status(officer, url) == status(anonymous, url)
    assert SECRET not in officer.get(theirs["published"].get_absolute_url()).content.decode()
    assert SECRET not in officer.get(reverse("actions:list"), {"q": "Acme"}).content.decode()


def test_clerks_read_everything(clerk, theirs):
    assert status(clerk, theirs["draft"].get_absolute_url()) == 200
    assert SECRET in clerk.get(theirs["published"].get_absolute_url()).content.decode()
