"""The chair's pre-meeting brief: every section, on a committee crafted to exercise each one."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.models import Action
from actions.views import BRIEF_SHOWN
from meetings.models import (
    AgendaItem,
    Declaration,
    Meeting,
    Person,
    StandingItem,
    WorkProgrammeItem,
)
from tests.conftest import at


def section(page, title_id):
    """The HTML of one section of the brief, found by its heading's id."""
    start = page.index(f'aria-labelledby="{title_id}"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def crafted(committee, past_meeting, item, make_action):
    """A committee with something for every section of the brief, and things that must stay out."""
    today = timezone.localdate()
    StandingItem.objects.create(
        committee=committee, title="Walk through social services", active_from=today - datetime.timedelta(days=60)
    )
    StandingItem.objects.create(
        committee=committee,
        title="Retired standing item",
        active_from=today - datetime.timedelta(days=300),
        active_until=today - datetime.timedelta(days=100),
    )
    WorkProgrammeItem.objects.create(
        committee=committee, title="Housing for care leavers report", timing=WorkProgrammeItem.Timing.NEXT_MEETING
    )
    WorkProgrammeItem.objects.create(committee=committee, title="Someday item", timing=WorkProgrammeItem.Timing.TBC)
    next_meeting = Meeting.create_with_agenda(committee, at(14), venue="Bury Town Hall")
    AgendaItem.objects.create(meeting=next_meeting, number="20", order=20, title="Ofsted improvement plan update")
    councillor = Person.objects.create(name="T Pilkington", kind=Person.Kind.COUNCILLOR)
    Declaration.objects.create(
        meeting=past_meeting, person=councillor, item=item, type=Declaration.Type.PERSONAL, text="Foster carer"
    )
    owner = Person.objects.create(name="Jeanette Richards")
    due_at_next = make_action(text="Highlight report due at the next meeting", due_meeting=next_meeting, owner=owner)
    due_at_next.add_update("Board signs it off next week")
    overdue = make_action(text="Cost of the recruitment video", due_date=today - datetime.timedelta(days=10))
    later = make_action(text="Annual review much later", due_date=today + datetime.timedelta(days=90))
    completed = make_action(text="Audit activity shared with members")
    completed.mark_completed(note="Circulated by email")
    discharged = make_action(text="Old discharged action", due_date=today - datetime.timedelta(days=20))
    discharged.discharge(note="Done")
    return {
        "next": next_meeting,
        "due_at_next": due_at_next,
        "overdue": overdue,
        "later": later,
        "completed": completed,
        "discharged": discharged,
    }


def brief_url(committee):
    return reverse("actions:brief", args=[committee.slug])


def test_brief_defaults_to_the_next_meeting(chair, committee, crafted):
    response = chair.get(brief_url(committee))
    assert response.context["meeting"] == crafted["next"]
    page = response.content.decode()
    assert f"{timezone.localtime(crafted['next'].starts_at):%A %-d %B %Y}" in page
    assert "Bury Town Hall" in page
    assert "S Wright" in page  # the chair


def test_agenda_as_it_stands(chair, committee, crafted):
    agenda = section(chair.get(brief_url(committee)).content.decode(), "agenda-title")
    for title in (
        "Apologies for absence",
        "Walk through social services",
        "Housing for care leavers report",
        "Ofsted improvement plan update",
    ):
        assert title in agenda
    assert agenda.index("Apologies for absence") < agenda.index("Ofsted improvement plan update")


def test_standing_items_are_the_active_ones(chair, committee, crafted):
    standing = section(chair.get(brief_url(committee)).content.decode(), "standing-title")
    assert "Walk through social services" in standing
    assert "Retired standing item" not in standing


def test_actions_due_at_this_meeting_or_overdue_with_latest_update(chair, committee, crafted):
    due = section(chair.get(brief_url(committee)).content.decode(), "due-title")
    assert "Highlight report due at the next meeting" in due
    assert "Board signs it off next week" in due
    assert "Cost of the recruitment video" in due and "Overdue" in due
    assert "Annual review much later" not in due
    assert "Audit activity shared with members" not in due
    assert "Old discharged action" not in due


def test_completed_actions_await_discharge(chair, committee, crafted):
    awaiting = section(chair.get(brief_url(committee)).content.decode(), "awaiting-title")
    assert "Audit activity shared with members" in awaiting
    assert "Circulated by email" in awaiting
    assert "Highlight report" not in awaiting


def test_work_programme_items_for_this_meeting(chair, committee, crafted):
    work = section(chair.get(brief_url(committee)).content.decode(), "work-title")
    assert "Housing for care leavers report" in work
    assert "on the agenda as item" in work
    assert "Someday item" not in work


def test_previous_minutes_to_approve(chair, committee, crafted, past_meeting):
    minutes = section(chair.get(brief_url(committee)).content.decode(), "minutes-title")
    assert past_meeting.get_absolute_url() in minutes
    assert f"{past_meeting.starts_at:%-d %B %Y}" in minutes


def test_declarations_made_at_the_last_meeting(chair, committee, crafted):
    declarations = section(chair.get(brief_url(committee)).content.decode(), "declarations-title")
    assert "Cllr T Pilkington" in declarations
    assert "Foster carer" in declarations
    assert "Personal" in declarations


def test_any_chosen_meeting(chair, committee, crafted, past_meeting):
    response = chair.get(brief_url(committee), {"meeting": past_meeting.pk})
    assert response.context["meeting"] == past_meeting
    assert "first meeting: there are no previous minutes" in response.content.decode()


def test_meeting_of_another_committee_cannot_be_chosen(chair, committee, crafted, other_committee):
    elsewhere = Meeting.objects.create(committee=other_committee, starts_at=at(5))
    response = chair.get(brief_url(committee), {"meeting": elsewhere.pk})
    assert response.context["meeting"] == crafted["next"]
    assert "There is a problem" in response.content.decode()


def test_no_meeting_scheduled(chair, committee):
    response = chair.get(brief_url(committee))
    assert response.status_code == 200
    assert "No meeting of this committee is scheduled" in response.content.decode()


def test_the_brief_is_not_public(anonymous, committee, crafted):
    response = anonymous.get(brief_url(committee))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_committees_members_and_the_clerks_may_read_the_brief_others_may_not(
    councillor, chair, officer, clerk, committee, other_committee, crafted
):
    # Need to know: the brief shows the committee's draft and exempt business.
    for client in (councillor, chair, clerk):
        assert client.get(brief_url(committee)).status_code == 200
    assert officer.get(brief_url(committee)).status_code == 403  # an officer who sits on no committee
    assert councillor.get(brief_url(other_committee)).status_code == 403  # a committee they do not sit on


def test_print_stylesheet_is_linked_for_print(chair, committee, crafted):
    page = chair.get(brief_url(committee)).content.decode()
    assert 'href="/static/css/print.css" media="print"' in page
    assert page.count('class="brief-part"') == 3


def test_brief_query_count_does_not_grow(chair, committee, crafted, make_action, past_meeting):
    def add(n):
        for i in range(n):
            action = make_action(due_meeting=crafted["next"], text=f"Due {i}")
            action.add_update(f"Update {i}")
            make_action(text=f"Completed {i}").mark_completed()
            Declaration.objects.create(meeting=past_meeting, person=Person.objects.create(name=f"P {i}"), text="x")

    add(5)
    with CaptureQueriesContext(connection) as five:
        chair.get(brief_url(committee))
    add(45)
    with CaptureQueriesContext(connection) as fifty:
        chair.get(brief_url(committee))
    assert len(fifty) == len(five)
    assert Action.objects.filter(committee=committee).count() > 100


def test_a_long_list_is_capped_and_links_to_the_tracker_for_the_rest(chair, committee, make_action, next_meeting):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for n in range(BRIEF_SHOWN + 5):
        make_action(text=f"Overdue action {n}", due_date=yesterday - datetime.timedelta(days=n % 20))
    due_here = make_action(text="Due at the next meeting", due_meeting=next_meeting)
    page = chair.get(reverse("actions:brief", args=[committee.slug])).content.decode()
    due = page[page.index('id="due-title"') : page.index('id="awaiting-title"')]
    assert due.count('class="ref"') == BRIEF_SHOWN
    assert due_here.reference in due, "what is due at this meeting comes first"
    assert "And 6 more due or overdue" in due
    link = f"/actions/?committee={committee.slug}&amp;due_by={next_meeting.date:%Y-%m-%d}"
    assert link in due
    tracker = chair.get(link.replace("&amp;", "&")).content.decode()
    assert "Overdue action 19" in tracker, "the tracker lists the longest overdue first"


def test_the_meeting_choice_lists_two_years_and_those_to_come_with_older_ones_a_link_away(
    chair, committee, past_meeting, next_meeting
):
    old = Meeting.objects.create(committee=committee, starts_at=at(-800), status=Meeting.Status.PUBLISHED)
    url = reverse("actions:brief", args=[committee.slug])
    page = chair.get(url).content.decode()
    choice = page[page.index('<select name="meeting"') : page.index("</select>")]
    assert f'value="{past_meeting.pk}"' in choice and f'value="{next_meeting.pk}"' in choice
    assert f'value="{old.pk}"' not in choice
    assert f'href="?every=1&amp;meeting={next_meeting.pk}">Include meetings more than two years ago' in page
    every = chair.get(f"{url}?every=1&meeting={next_meeting.pk}").content.decode()
    assert f'value="{old.pk}"' in every and 'name="every" value="1"' in every
    assert "Include meetings more than two years ago" not in every
    # An older meeting asked for by address: its brief, and it is in the choice, chosen.
    chosen = chair.get(f"{url}?meeting={old.pk}").content.decode()
    assert f'<option value="{old.pk}" selected>' in chosen
    assert f"Pre-meeting brief: {committee.name}, " in chosen
