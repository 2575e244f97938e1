"""The committee page lists every past meeting, twenty to a page, newest first."""

from meetings.models import Meeting

from .conftest import at


def links(page, meetings):
    return [m for m in meetings if f'href="{m.get_absolute_url()}"' in page]


def test_older_past_meetings_stay_reachable_page_by_page(anonymous, committee):
    meetings = [
        Meeting.objects.create(committee=committee, starts_at=at(-10 - 7 * n), status=Meeting.Status.PUBLISHED)
        for n in range(25)
    ]
    newest = anonymous.get(committee.get_absolute_url()).content.decode()
    oldest = anonymous.get(committee.get_absolute_url(), {"page": 2}).content.decode()
    assert links(newest, meetings) == meetings[:20]
    assert links(oldest, meetings) == meetings[20:]
    assert "Page 1 of 2" in newest and 'href="?page=2#past-meetings" rel="next"' in newest
    assert "Page 2 of 2" in oldest and 'href="?page=1#past-meetings" rel="prev"' in oldest


def test_no_page_links_while_the_past_fits_on_one_page(anonymous, past_meeting):
    page = anonymous.get(past_meeting.committee.get_absolute_url()).content.decode()
    assert past_meeting.get_absolute_url() in page
    assert 'class="pagination"' not in page
