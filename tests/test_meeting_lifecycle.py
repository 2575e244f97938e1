"""Minutes lifecycle and what the public page of a published meeting shows (never exempt content)."""

import pytest
from django.urls import reverse

from actions.models import Action
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Resolution

from .conftest import at, version_of


def move(client, meeting, to, **extra):
    """A status change as the clerk makes it: publishing and cancelling are confirmed on a page first."""
    data = {"to": to, "version": version_of(meeting), "confirmed": "yes", **extra}
    return client.post(reverse("meetings:meeting_status", args=[meeting.pk]), data)


def status(meeting):
    meeting.refresh_from_db()
    return meeting.status


def test_scheduled_to_held_to_draft_to_approved_at_a_later_meeting_to_published(clerk, committee):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-20))
    later = Meeting.objects.create(committee=committee, starts_at=at(-1), status="held")
    move(clerk, meeting, "held")
    move(clerk, meeting, "minutes_draft")
    move(clerk, meeting, "minutes_approved", approved_at=later.pk)
    assert status(meeting) == "minutes_approved" and meeting.approved_at_meeting == later
    move(clerk, meeting, "published")
    assert status(meeting) == "published"


def test_approval_needs_a_later_meeting_of_the_same_committee(clerk, committee, other_committee):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-20), status="minutes_draft")
    earlier = Meeting.objects.create(committee=committee, starts_at=at(-60))
    elsewhere = Meeting.objects.create(committee=other_committee, starts_at=at(5))
    for bad in (earlier.pk, elsewhere.pk, ""):
        move(clerk, meeting, "minutes_approved", approved_at=bad)
        assert status(meeting) == "minutes_draft" and meeting.approved_at_meeting is None


def test_impossible_transition_is_refused_with_a_message(clerk, next_meeting):
    response = move(clerk, next_meeting, "published")
    assert status(next_meeting) == "scheduled"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("cannot move to that" in m for m in messages)
    move(clerk, next_meeting, "nonsense")
    assert status(next_meeting) == "scheduled"


def test_cancelled_meeting_can_be_reinstated(clerk, next_meeting):
    move(clerk, next_meeting, "cancelled")
    assert status(next_meeting) == "cancelled"
    move(clerk, next_meeting, "scheduled")
    assert status(next_meeting) == "scheduled"


def test_workspace_offers_to_approve_the_previous_minutes_once_this_meeting_is_held(clerk, committee, next_meeting):
    previous = Meeting.objects.create(committee=committee, starts_at=at(-30), status="minutes_draft")
    offer = f"Approve the minutes of {previous.starts_at:%-d %B %Y} at this meeting"
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    assert offer not in page and "can be approved here once this meeting is marked as held" in page
    move(clerk, next_meeting, "held")
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    assert offer in page
    response = clerk.post(
        reverse("meetings:meeting_status", args=[previous.pk]),
        {
            "to": "minutes_approved",
            "approved_at": next_meeting.pk,
            "next": next_meeting.get_absolute_url(),
            "version": 1,
        },
    )
    assert response.url == next_meeting.get_absolute_url()
    previous.refresh_from_db()
    assert previous.approved_at_meeting == next_meeting


@pytest.fixture
def published(committee, members):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-10), status="published")
    public = AgendaItem.objects.create(
        meeting=meeting, number="5", order=5, title="Improvement Plan", minutes_text="Members discussed acronyms."
    )
    secret = AgendaItem.objects.create(
        meeting=meeting,
        number="9",
        order=9,
        title="Secret contract negotiation",
        exempt=True,
        minutes_text="The price of the contract is confidential.",
    )
    Resolution.objects.create(item=public, text="A highlight report be brought to the Committee.")
    Resolution.objects.create(item=secret, text="Negotiate the contract price down.")
    Action.record(text="Bring the highlight report", committee=committee, source_item=public)
    Action.record(text="Renegotiate the secret contract", committee=committee, source_item=secret)
    Attendance.objects.create(meeting=meeting, person=members[0], in_chair=True)
    Attendance.objects.create(meeting=meeting, person=members[1], status="apologies")
    Declaration.objects.create(meeting=meeting, person=members[2], item=public, text="School governor")
    Declaration.objects.create(meeting=meeting, person=members[0], item=secret, text="Shareholder in the contractor")
    return meeting


def test_public_page_of_a_published_meeting_shows_the_record(anonymous, published):
    page = anonymous.get(published.get_absolute_url()).content.decode()
    for shown in (
        "Cllr R Gold (in the Chair)",
        "Apologies",
        "School governor",
        "Members discussed acronyms.",
        "A highlight report be brought to the Committee.",
        "Bring the highlight report",
    ):
        assert shown in page, shown


def test_public_never_sees_exempt_items(anonymous, published):
    page = anonymous.get(published.get_absolute_url()).content.decode()
    assert "9. Exempt item" in page
    for hidden in ("Secret contract", "price of the contract", "Negotiate the contract", "Renegotiate", "Shareholder"):
        assert hidden not in page


def test_council_users_see_exempt_items_marked(councillor, published):
    page = councillor.get(published.get_absolute_url()).content.decode()
    assert "Secret contract negotiation" in page and "Exempt" in page
