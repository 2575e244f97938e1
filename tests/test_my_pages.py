"""'My actions' for an officer who owns actions, and 'My committees' for a councillor."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.models import Action, ActionUpdate
from meetings.models import AgendaItem, Committee, Meeting, Membership
from tests.conftest import at

MINE = reverse("actions:mine")
MY_COMMITTEES = reverse("actions:my_committees")


def update_url(action):
    return reverse("actions:owner_update", args=[action.pk])


def owner_post(action, text="Report drafted; going to the Board", rag="", version=None, **extra):
    prefix = f"action-{action.pk}"
    data = {f"{prefix}-text": text, f"{prefix}-rag": rag, f"{prefix}-version": version or action.version}
    return {**data, **extra}


# --- my actions -------------------------------------------------------------------------------


def test_my_actions_lists_only_my_outstanding_actions(officer, officer_user, make_action):
    mine = make_action(owner=officer_user.person, text="Provide the cost of the campaign video")
    done = make_action(owner=officer_user.person, text="Already discharged job")
    done.discharge(note="Done")
    make_action(text="Somebody else's job")
    page = officer.get(MINE).content.decode()
    assert f'id="action-{mine.pk}"' in page
    assert "Provide the cost of the campaign video" in page
    assert "Already discharged job" not in page
    assert "Somebody else" not in page


def test_owner_posts_an_update_and_proposes_a_rag_without_javascript(officer, officer_user, make_action):
    action = make_action(owner=officer_user.person)
    response = officer.post(update_url(action), owner_post(action, rag="amber"))
    assert response.status_code == 302 and response.url == MINE
    action.refresh_from_db()
    # A proposal, not a change: the clerk accepts or rejects it (issue 11).
    assert (action.rag, action.proposed_rag) == (Action.Rag.GREEN, Action.Rag.AMBER)
    assert action.status == Action.Status.IN_PROGRESS
    update = action.updates.first()
    assert update.text == "Report drafted; going to the Board"
    assert update.from_owner and update.by == officer_user
    assert (update.rag_before, update.rag_after, update.proposed_rag) == ("green", "green", "amber")
    assert "Your update on" in officer.get(MINE).content.decode()


def test_owner_update_with_htmx_swaps_the_card_in_place(officer, officer_user, make_action):
    action = make_action(owner=officer_user.person)
    response = officer.post(update_url(action), owner_post(action), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith(f'<article class="card" id="action-{action.pk}"')
    assert "Your update is on the timeline." in page
    action.refresh_from_db()
    # The fresh form carries the new version, so a second update is accepted.
    assert f'name="action-{action.pk}-version" value="{action.version}"' in page
    assert "Report drafted; going to the Board" in page  # now the latest update


def test_owner_update_can_return_to_the_action_page(officer, officer_user, make_action):
    action = make_action(owner=officer_user.person)
    response = officer.post(update_url(action), owner_post(action, next=action.get_absolute_url()))
    assert response.url == action.get_absolute_url()
    evil = officer.post(update_url(action), owner_post(Action.objects.get(pk=action.pk), next="https://evil.example/"))
    assert evil.url == MINE


def test_empty_update_writes_nothing_and_says_why(officer, officer_user, make_action):
    action = make_action(owner=officer_user.person)
    before = ActionUpdate.objects.count()
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = officer.post(update_url(action), owner_post(action, text=""), **headers)
        page = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in page and "Enter a progress update" in page
    assert ActionUpdate.objects.count() == before


def test_stale_update_is_refused_and_shows_the_current_value(officer, officer_user, clerk_user, make_action):
    action = make_action(owner=officer_user.person)
    loaded_version = action.version
    action.set_rag(Action.Rag.RED, by=clerk_user, reason="Clerk changed it meanwhile")
    before = ActionUpdate.objects.count()
    response = officer.post(
        update_url(action), owner_post(action, rag="green", version=loaded_version), HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert "Someone else changed this action" in page and "it is now Red" in page
    assert ActionUpdate.objects.count() == before
    action.refresh_from_db()
    assert action.rag == Action.Rag.RED
    # What the owner typed is kept, now against the current version, so they can send it knowingly.
    assert "Report drafted; going to the Board" in page
    assert f'name="action-{action.pk}-version" value="{action.version}"' in page


def test_only_the_owner_may_post_an_owners_update(councillor, officer, make_action):
    action = make_action()
    before = ActionUpdate.objects.count()
    assert officer.post(update_url(action), owner_post(action)).status_code == 403
    assert councillor.post(update_url(action), owner_post(action)).status_code == 403
    assert ActionUpdate.objects.count() == before


def test_an_owner_cannot_discharge_through_the_update_form(officer, officer_user, make_action):
    action = make_action(owner=officer_user.person)
    sneaky = owner_post(action, status="discharged", **{f"action-{action.pk}-status": "discharged"})
    officer.post(update_url(action), sneaky)
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert action.discharged_on is None


def test_the_public_is_sent_to_sign_in(anonymous, make_action):
    action = make_action()
    assert anonymous.get(MINE).status_code == 302
    assert anonymous.post(update_url(action), owner_post(action)).status_code == 302
    assert not action.updates.filter(kind=ActionUpdate.Kind.UPDATE).exists()


def test_update_must_be_a_post(officer, officer_user, make_action):
    action = make_action(owner=officer_user.person)
    assert officer.get(update_url(action)).status_code == 405


def test_my_actions_query_count_does_not_grow(officer, officer_user, make_action):
    def add(n):
        for i in range(n):
            make_action(owner=officer_user.person).add_update(f"Progress {i}")

    add(5)
    with CaptureQueriesContext(connection) as five:
        officer.get(MINE)
    add(45)
    with CaptureQueriesContext(connection) as fifty:
        officer.get(MINE)
    assert len(fifty) == len(five)


# --- my committees ---------------------------------------------------------------------------


def test_my_committees_shows_next_meeting_and_counts(councillor, make_action, next_meeting, other_committee):
    make_action(due_date=timezone.localdate() - datetime.timedelta(days=2))
    make_action()
    make_action().discharge(note="Done")
    page = councillor.get(MY_COMMITTEES).content.decode()
    assert next_meeting.committee.name in page
    assert other_committee.name not in page
    assert f"{timezone.localtime(next_meeting.starts_at):%A %-d %B %Y}" in page
    assert "2 outstanding" in page
    assert "1 overdue" in page
    assert f"?committee={next_meeting.committee.slug}&amp;overdue=on" in page
    assert reverse("actions:brief", args=[next_meeting.committee.slug]) in page


def test_my_committees_leaves_out_past_memberships(councillor_user, councillor, other_committee):
    Membership.objects.create(
        person=councillor_user.person,
        committee=other_committee,
        start_date=timezone.localdate() - datetime.timedelta(days=400),
        end_date=timezone.localdate() - datetime.timedelta(days=30),
    )
    assert other_committee.name not in councillor.get(MY_COMMITTEES).content.decode()


def test_my_committees_query_count_does_not_grow(councillor_user, councillor, make_action):
    def add_committees(n, start):
        for i in range(start, start + n):
            committee = Committee.objects.create(name=f"Panel {i}", short_name=f"P{i}")
            Membership.objects.create(person=councillor_user.person, committee=committee)
            Meeting.objects.create(committee=committee, starts_at=at(7))
            item = AgendaItem.objects.create(
                meeting=Meeting.objects.create(committee=committee, starts_at=at(-9)), title="Report"
            )
            make_action(committee=committee, source_item=item)

    add_committees(5, 0)
    with CaptureQueriesContext(connection) as five:
        councillor.get(MY_COMMITTEES)
    add_committees(45, 5)
    with CaptureQueriesContext(connection) as fifty:
        response = councillor.get(MY_COMMITTEES)
    assert len(fifty) == len(five)
    assert len(re.findall(r'class="card"', response.content.decode())) == 51


def test_councillor_home_reaches_overdue_for_my_committee_in_one_click(councillor, make_action, other_committee):
    late = make_action(due_date=timezone.localdate() - datetime.timedelta(days=5), text="Late report")
    make_action(text="Not late yet")
    home = councillor.get("/").content.decode()
    link = re.search(r'href="([^"]*overdue=on[^"]*)"', home).group(1).replace("&amp;", "&")
    page = councillor.get(link).content.decode()
    assert f'id="action-{late.pk}"' in page
    assert "Not late yet" not in page
