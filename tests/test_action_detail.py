"""An action's page: where it came from, its facts, and its whole timeline newest first."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.models import Action
from meetings.models import Person, Resolution


def test_shows_where_the_action_came_from(councillor, make_action, item, past_meeting):
    resolution = Resolution.objects.create(item=item, text="It was agreed: a report on housing for care leavers.")
    owner = Person.objects.create(name="Jeanette Richards", job_title="Executive Director")
    action = make_action(source_resolution=resolution, owner=owner, rag=Action.Rag.AMBER, due_date=past_meeting.date)
    page = councillor.get(action.get_absolute_url()).content.decode()
    for expected in (
        action.reference,
        "It was agreed: a report on housing for care leavers.",
        "5. Improvement Plan",
        past_meeting.get_absolute_url(),
        f"{past_meeting.starts_at:%-d %B %Y}",
        "Jeanette Richards",
        ">Amber<",
        "Open",
        "Overdue",
    ):
        assert expected in page, expected


def test_timeline_is_newest_first_with_every_kind_of_entry(clerk, clerk_user, make_action):
    start = timezone.now() - datetime.timedelta(days=20)
    action = make_action(created_at=start, note="Agreed at the meeting")
    action.add_update("First progress note", by=clerk_user, at=start + datetime.timedelta(days=1))
    action.set_rag(Action.Rag.RED, by=clerk_user, reason="Slipped", at=start + datetime.timedelta(days=2))
    action.add_update("Owner says nearly done", as_owner=True, at=start + datetime.timedelta(days=3))
    action.mark_completed(by=clerk_user, note="Report circulated", at=start + datetime.timedelta(days=4))
    page = clerk.get(action.get_absolute_url()).content.decode()
    timeline = page[page.index('class="timeline"') :]
    order = [
        timeline.index(text)
        for text in (
            "Report circulated",
            "Owner says nearly done",
            "Slipped",
            "First progress note",
            "Agreed at the meeting",
        )
    ]
    assert order == sorted(order)
    assert "Owner&#x27;s update" in timeline or "Owner's update" in timeline
    rag_change = r'RAG\s*<strong class="tag tag-rag-green">Green</strong>\s*to\s*<strong class="tag tag-rag-red">Red<'
    assert re.search(rag_change, timeline)
    assert "Status In progress to Completed, awaiting discharge" in timeline
    assert "by clerk" in timeline


def test_the_public_sees_the_timeline_but_not_who_wrote_it(anonymous, clerk_user, make_action):
    action = make_action()
    action.add_update("Progress reported", by=clerk_user)
    page = anonymous.get(action.get_absolute_url()).content.decode()
    assert "Progress reported" in page
    assert "by clerk" not in page


def test_public_gets_404_for_exempt_and_unpublished_actions(anonymous, make_action, exempt_item, unpublished_item):
    assert anonymous.get(make_action(source_item=exempt_item).get_absolute_url()).status_code == 404
    assert anonymous.get(make_action(source_item=unpublished_item).get_absolute_url()).status_code == 404


def test_members_see_their_committees_exempt_and_unpublished_actions_other_officers_do_not(
    councillor, officer, officer_user, make_action, exempt_item, unpublished_item
):
    exempt = make_action(source_item=exempt_item)
    draft = make_action(source_item=unpublished_item)
    for action in (exempt, draft):
        assert councillor.get(action.get_absolute_url()).status_code == 200
        assert officer.get(action.get_absolute_url()).status_code == 404
    assert "Exempt" in councillor.get(exempt.get_absolute_url()).content.decode()
    # Owning an action from the exempt item gives its officer the need to know it.
    owned = make_action(source_item=exempt_item, owner=officer_user.person)
    assert officer.get(owned.get_absolute_url()).status_code == 200
    assert officer.get(exempt.get_absolute_url()).status_code == 200


def test_owner_sees_the_update_form_others_do_not(officer, officer_user, councillor, make_action):
    action = make_action(owner=officer_user.person)
    url = action.get_absolute_url()
    field = f'name="action-{action.pk}-text"'
    assert field in officer.get(url).content.decode()
    assert field not in councillor.get(url).content.decode()


def test_no_update_form_once_discharged(officer, officer_user, make_action):
    action = make_action(owner=officer_user.person)
    action.discharge(note="Done")
    assert "Give an update" not in officer.get(action.get_absolute_url()).content.decode()


def test_detail_query_count_does_not_grow_with_the_timeline(councillor, make_action):
    action = make_action()
    for n in range(5):
        action.add_update(f"Update {n}")

    with CaptureQueriesContext(connection) as five:
        councillor.get(action.get_absolute_url())
    for n in range(45):
        action.add_update(f"More {n}")
    with CaptureQueriesContext(connection) as fifty:
        councillor.get(action.get_absolute_url())
    assert len(fifty) == len(five)


def test_clerk_gets_the_workspace_controls_and_others_do_not(clerk, councillor, make_action):
    action = make_action()
    url = action.get_absolute_url()
    clerk_page = clerk.get(url).content.decode()
    assert "Clerk&#x27;s controls" in clerk_page or "Clerk's controls" in clerk_page
    assert f'action="{reverse("actions:discharge", args=[action.pk])}"' in clerk_page
    assert f'name="next" value="{url}"' in clerk_page
    assert reverse("actions:discharge", args=[action.pk]) not in councillor.get(url).content.decode()
