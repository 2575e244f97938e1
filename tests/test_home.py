"""Each role's home page, and what the public must never see on it."""

import pytest

from meetings.models import Meeting


@pytest.fixture
def draft_meeting(committee):
    from tests.conftest import at

    return Meeting.objects.create(committee=committee, starts_at=at(-3), status=Meeting.Status.MINUTES_DRAFT)


def test_public_home_lists_published_meetings_only(anonymous, past_meeting, draft_meeting):
    page = anonymous.get("/").content.decode()
    assert past_meeting.get_absolute_url() in page
    assert draft_meeting.get_absolute_url() not in page


def test_public_never_sees_exempt_items(anonymous, past_meeting, item, exempt_item):
    page = anonymous.get(past_meeting.get_absolute_url()).content.decode()
    assert item.title in page
    assert exempt_item.title not in page
    assert "Exempt item" in page


def test_public_gets_404_for_an_unpublished_meeting(anonymous, draft_meeting):
    assert anonymous.get(draft_meeting.get_absolute_url()).status_code == 404


def test_public_cannot_open_an_action_from_an_exempt_item(anonymous, make_action, exempt_item):
    action = make_action(source_item=exempt_item)
    assert anonymous.get(action.get_absolute_url()).status_code == 404


def test_clerk_home_shows_overdue_actions(clerk, make_action, past_meeting):
    action = make_action(due_meeting=past_meeting, text="Audit activity to be shared with members")
    page = clerk.get("/").content.decode()
    assert "Audit activity to be shared with members" in page
    assert action.reference in page


def test_officer_home_lists_their_own_actions(officer, officer_user, make_action):
    make_action(owner=officer_user.person, text="Provide the cost of the campaign video")
    make_action(text="Somebody else's job")
    page = officer.get("/").content.decode()
    assert "Provide the cost of the campaign video" in page
    assert "Somebody else&#x27;s job" not in page and "Somebody else's job" not in page
