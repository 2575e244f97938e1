"""The meeting's life as its own control (issue 11): a status strip offering only the next valid steps,
publishing and cancelling confirmed on a page that says what will happen, and approval only at a held meeting."""

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, Meeting, WorkProgrammeItem

from .conftest import at, version_of


def post_status(client, meeting, to, **extra):
    data = {"to": to, "version": version_of(meeting), **extra}
    return client.post(reverse("meetings:meeting_status", args=[meeting.pk]), data)


def status_of(meeting):
    meeting.refresh_from_db()
    return meeting.status


def content(response):
    return response.content.decode()


def strip(page):
    return page.split('id="lifecycle"')[1].split("</section>")[0]


def test_strip_shows_where_the_meeting_is_and_offers_only_its_next_steps(clerk, next_meeting):
    section = strip(content(clerk.get(next_meeting.get_absolute_url())))
    assert "Meeting status: Scheduled" in section
    assert 'aria-current="step">Scheduled' in section
    for stage in ("Held", "Minutes draft", "Minutes approved", "Published"):
        assert stage in section
    assert "Mark as held" in section and "Cancel this meeting" in section
    assert "Publish minutes" not in section and "Start draft minutes" not in section


def test_a_held_meeting_offers_draft_minutes_not_cancel_or_publish(clerk, held_meeting):
    section = strip(content(clerk.get(held_meeting.get_absolute_url())))
    assert 'aria-current="step">Held' in section
    assert "Start draft minutes" in section and "Back to scheduled" in section
    assert "Cancel this meeting" not in section and "Publish minutes" not in section


def test_status_controls_are_not_in_a_minutes_panel(clerk, next_meeting):
    page = content(clerk.get(next_meeting.get_absolute_url()))
    assert '<h2 id="lifecycle-title">Minutes</h2>' not in page
    assert page.index('id="lifecycle"') < page.index('id="attendance"')


def test_publishing_asks_first_and_says_who_will_see_what(clerk, committee):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-3), status="minutes_draft")
    AgendaItem.objects.create(meeting=meeting, number="1", order=1, title="Budget")
    AgendaItem.objects.create(meeting=meeting, number="2", order=2, title="Contract", exempt=True)
    response = post_status(clerk, meeting, "published")
    page = content(response)
    assert response.status_code == 200 and status_of(meeting) == "minutes_draft"
    assert "Publish the minutes of" in page and "Anyone, signed in or not" in page
    assert "1 exempt item will stay private" in page
    assert 'name="confirmed" value="yes"' in page and "Yes, publish the minutes" in page
    post_status(clerk, meeting, "published", confirmed="yes")
    assert status_of(meeting) == "published"


def test_publishing_a_meeting_with_no_exempt_items_says_everything_becomes_public(clerk, committee):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-3), status="minutes_draft")
    page = content(post_status(clerk, meeting, "published"))
    assert "No item is exempt, so the minutes of every item become public." in page and "0 exempt" not in page


def test_cancelling_asks_first_and_says_what_happens_to_the_work_programme(clerk, committee, next_meeting):
    item = next_meeting.append_item("Libraries review", AgendaItem.Kind.WORK_PROGRAMME)
    WorkProgrammeItem.objects.create(
        committee=committee, title="Libraries review", status="scheduled", scheduled_for=item
    )
    page = content(post_status(clerk, next_meeting, "cancelled"))
    assert status_of(next_meeting) == "scheduled"
    assert "Cancel the meeting of" in page and "1 work-programme item on its agenda will go back to planned" in page
    post_status(clerk, next_meeting, "cancelled", confirmed="yes")
    assert status_of(next_meeting) == "cancelled"


def test_confirmation_page_carries_the_version_the_clerk_saw_so_a_stale_page_is_still_refused(clerk, next_meeting):
    page = content(post_status(clerk, next_meeting, "cancelled", version=1))
    assert 'name="version" value="1"' in page
    Meeting.objects.filter(pk=next_meeting.pk).update(version=2, venue="Moved")  # someone else saved meanwhile
    response = post_status(clerk, next_meeting, "cancelled", version=1, confirmed="yes")
    assert status_of(next_meeting) == "scheduled"
    assert any("changed" in str(m) for m in response.wsgi_request._messages)


def test_an_impossible_publish_is_refused_without_asking(clerk, next_meeting):
    response = post_status(clerk, next_meeting, "published")
    assert response.status_code == 302 and status_of(next_meeting) == "scheduled"


def test_minutes_cannot_be_approved_at_a_meeting_not_yet_held(clerk, committee, next_meeting):
    previous = Meeting.objects.create(committee=committee, starts_at=at(-30), status="minutes_draft")
    with pytest.raises(ValueError, match="only once it is being held"):
        previous.move_to("minutes_approved", previous.version, approved_at=next_meeting)
    response = post_status(clerk, previous, "minutes_approved", approved_at=next_meeting.pk)
    assert status_of(previous) == "minutes_draft" and previous.approved_at_meeting is None
    assert response.status_code == 302


def test_minutes_are_approved_at_a_held_later_meeting_of_the_same_committee(committee, other_committee, held_meeting):
    previous = Meeting.objects.create(committee=committee, starts_at=at(-30), status="minutes_draft")
    elsewhere = Meeting.objects.create(committee=other_committee, starts_at=at(-1), status="held")
    with pytest.raises(ValueError):
        previous.move_to("minutes_approved", previous.version, approved_at=elsewhere)
    previous.move_to("minutes_approved", previous.version, approved_at=held_meeting)
    assert status_of(previous) == "minutes_approved" and previous.approved_at_meeting == held_meeting


def test_the_approve_form_lists_only_later_meetings_that_have_been_held(clerk, committee, next_meeting, held_meeting):
    earlier = Meeting.objects.create(committee=committee, starts_at=at(-30), status="minutes_draft")
    section = strip(content(clerk.get(earlier.get_absolute_url())))
    assert f'<option value="{held_meeting.pk}">' in section
    assert f'<option value="{next_meeting.pk}">' not in section
