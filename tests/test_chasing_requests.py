"""'Request updates for this meeting': emails through a real SMTP server, the workspace panel, one reminder."""

import datetime

import pytest
from django.urls import reverse

from actions.models import ActionUpdate
from chasing.models import UpdateRequest
from core import clock
from meetings.models import Person

from .chasing_helpers import link_in, parts, subject
from .conftest import HTMX


@pytest.fixture
def owners(db):
    return [
        Person.objects.create(name="Dana Director", email="dana@council.example"),
        Person.objects.create(name="Omar Officer", email="omar@council.example"),
        Person.objects.create(name="Nobody Reachable"),  # no email address
        Person.objects.create(name="Long Gone", email="gone@council.example", active=False),
    ]


@pytest.fixture
def due(make_action, owners, next_meeting, committee):
    dana, omar, unreachable, gone = owners
    today = clock.today()
    return {
        "dana_1": make_action(owner=dana, due_meeting=next_meeting, text="Dana's first"),
        "dana_2": make_action(owner=dana, due_date=today + datetime.timedelta(days=3), text="Dana's second"),
        "omar": make_action(owner=omar, due_date=today - datetime.timedelta(days=10), text="Omar's overdue one"),
        "later": make_action(owner=omar, due_date=next_meeting.date + datetime.timedelta(days=1), text="After it"),
        "unreachable": make_action(owner=unreachable, due_meeting=next_meeting, text="Nobody can be emailed"),
        "gone": make_action(owner=gone, due_meeting=next_meeting, text="Owner has left"),
    }


def boxes(day):
    """The reply-by date as the clerk types it: Day, Month and Year boxes."""
    return {"reply_by_day": str(day.day), "reply_by_month": str(day.month), "reply_by_year": str(day.year)}


def request_updates(clerk, meeting, reply_by):
    return clerk.post(reverse("chasing:request_updates", args=[meeting.pk]), boxes(reply_by))


def test_each_owner_of_actions_due_by_the_meeting_gets_one_email_through_smtp(
    clerk, smtp_inbox, due, next_meeting, settings
):
    reply_by = next_meeting.date - datetime.timedelta(days=4)
    response = request_updates(clerk, next_meeting, reply_by)
    assert response.status_code == 302
    by_recipient = {tuple(to): message for to, message in smtp_inbox.received}
    assert set(by_recipient) == {("dana@council.example",), ("omar@council.example",)}
    dana = by_recipient[("dana@council.example",)]
    assert subject(dana) == f"Update needed on 2 actions by {reply_by:%-d %B %Y} – {settings.COUNCIL_NAME}"
    text, html = parts(dana)
    for body in (text, html):
        assert settings.COUNCIL_NAME in body
        assert due["dana_1"].reference in body and due["dana_2"].reference in body
        assert "/chasing/update/" in body
    assert due["later"].reference not in parts(by_recipient[("omar@council.example",)])[0]
    asked = UpdateRequest.objects.get(owner__email="dana@council.example")
    assert set(asked.actions.all()) == {due["dana_1"], due["dana_2"]}
    # Every message sent is on the action's timeline, and is not its latest update.
    entry = due["dana_1"].updates.get(kind=ActionUpdate.Kind.MESSAGE)
    assert "Request for an update emailed to Dana Director" in entry.text
    due["dana_1"].refresh_from_db()
    assert due["dana_1"].latest_update_id != entry.pk


def test_requesting_twice_does_not_email_the_same_owner_twice(clerk, smtp_inbox, due, next_meeting):
    request_updates(clerk, next_meeting, next_meeting.date)
    request_updates(clerk, next_meeting, next_meeting.date)
    assert len(smtp_inbox.messages) == 2


def test_workspace_panel_shows_who_has_answered_and_who_has_not(clerk, anonymous, smtp_inbox, due, next_meeting):
    request_updates(clerk, next_meeting, next_meeting.date)
    dana_message = next(m for to, m in smtp_inbox.received if to == ["dana@council.example"])
    action = due["dana_1"]
    link = link_in(dana_message)
    data = {"action": action.pk, f"action-{action.pk}-text": "On track", f"action-{action.pk}-version": action.version}
    assert anonymous.post(link, data).status_code == 302
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    panel = page[page.index('id="chasing"') :]
    assert "1 of 2 owners asked has answered" in panel
    dana_row = panel[panel.index("Dana Director") :][:800]
    omar_row = panel[panel.index("Omar Officer") :][:800]
    assert "Answered" in dana_row and "Send one reminder" not in dana_row
    assert "Not yet" in omar_row and "Send one reminder" in omar_row


def test_clerk_sends_one_reminder_only(clerk, smtp_inbox, due, next_meeting):
    request_updates(clerk, next_meeting, next_meeting.date)
    omar = UpdateRequest.objects.get(owner__name="Omar Officer")
    url = reverse("chasing:remind", args=[omar.pk])
    clerk.post(url)
    clerk.post(url)
    reminders = [m for m in smtp_inbox.messages if subject(m).startswith("Reminder:")]
    assert len(reminders) == 1 and reminders[0]["To"] == "omar@council.example"
    omar.refresh_from_db()
    assert omar.reminded_at is not None
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    assert "has had their one reminder already" in page  # the second press was refused, and said so
    panel = page[page.index('id="chasing"') :]
    omar_row = panel[panel.index("Omar Officer") :][:800]
    assert "(reminded" in omar_row and "Send one reminder" not in omar_row


def test_reply_by_date_after_the_meeting_is_refused_and_nothing_is_sent(clerk, smtp_inbox, due, next_meeting):
    response = request_updates(clerk, next_meeting, next_meeting.date + datetime.timedelta(days=1))
    assert response.status_code == 400
    assert "must be on or before the meeting" in response.content.decode()
    assert smtp_inbox.messages == [] and not UpdateRequest.objects.exists()


def test_the_request_page_works_without_javascript(clerk, next_meeting):
    response = clerk.get(reverse("chasing:request_updates", args=[next_meeting.pk]))
    assert response.status_code == 200
    assert 'name="reply_by_day"' in response.content.decode()


@pytest.mark.parametrize("role", ["councillor", "chair", "officer", "anonymous"])
def test_only_the_clerk_requests_reminds_or_revokes(request, role, clerk, smtp_inbox, due, next_meeting):
    request_updates(clerk, next_meeting, next_meeting.date)
    sent = len(smtp_inbox.messages)
    asked = UpdateRequest.objects.first()
    client = request.getfixturevalue(role)
    for url in (
        reverse("chasing:request_updates", args=[next_meeting.pk]),
        reverse("chasing:remind", args=[asked.pk]),
        reverse("chasing:revoke", args=[asked.pk]),
    ):
        for headers in ({}, HTMX):
            response = client.post(url, {"reply_by": next_meeting.date.isoformat()}, **headers)
            assert response.status_code in (302, 403) and (
                response.status_code == 403 or "/accounts/login/" in response["Location"]
            )
    asked.refresh_from_db()
    assert len(smtp_inbox.messages) == sent and asked.revoked_at is None and asked.reminded_at is None


def test_owners_who_cannot_be_chased_are_listed_for_the_clerk(clerk, councillor, due):
    page = clerk.get(reverse("chasing:unchaseable")).content.decode()
    assert due["unreachable"].reference in page and "No email address" in page
    assert due["gone"].reference in page and "Left the council" in page
    assert due["dana_1"].reference not in page
    assert councillor.get(reverse("chasing:unchaseable")).status_code == 403


def test_the_request_reports_owners_who_cannot_be_emailed(clerk, smtp_inbox, due, next_meeting):
    response = request_updates(clerk, next_meeting, next_meeting.date)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Update requests emailed to 2 owner(s). 2 action(s) have an owner who cannot be emailed."]


def test_the_panel_offers_the_reply_by_date_in_day_month_and_year_boxes(clerk, next_meeting):
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    week_before = next_meeting.date - datetime.timedelta(days=7)
    for name, value in boxes(week_before).items():
        assert f'name="{name}" value="{value}"' in page
    assert 'type="date"' not in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"reply_by_day": "31", "reply_by_month": "2"}, "Reply by must include a year"),
        ({"reply_by_day": "31", "reply_by_month": "2", "reply_by_year": "2031"}, "Reply by must be a real date"),
    ],
)
def test_a_bad_reply_by_date_gets_the_gov_uk_message_keeps_what_was_typed_and_sends_nothing(
    clerk, smtp_inbox, due, next_meeting, typed, message
):
    url = reverse("chasing:request_updates", args=[next_meeting.pk])
    response = clerk.post(url, typed)  # the panel's form is a plain POST: the same page, with or without htmx
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    for name, value in typed.items():
        assert f'name="{name}" value="{value}"' in page
    assert smtp_inbox.messages == [] and not UpdateRequest.objects.exists()
