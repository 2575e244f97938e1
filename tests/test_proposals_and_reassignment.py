"""Issue 11: an owner's proposed RAG stays a proposal until a clerk decides; the clerk changes owner and due date
with a reason, on the timeline, and never over someone else's change."""

import datetime

import pytest
from django.urls import reverse

from actions.models import Action, ActionUpdate
from core.concurrency import StaleEdit
from meetings.models import Person

from .conftest import HTMX

LIST = reverse("actions:list")


def control(client, name, action, headers=None, **data):
    data.setdefault("version", action.version)
    return client.post(reverse(f"actions:{name}", args=[action.pk]), data, **(headers or {}))


@pytest.fixture
def owned(make_action, officer_user):
    return make_action(owner=officer_user.person, rag=Action.Rag.AMBER)


# --- the model's verbs ---------------------------------------------------------------------------


def test_an_owners_proposal_leaves_the_rag_as_it_is(owned, officer_user):
    owned.propose_rag(Action.Rag.RED, by=officer_user)
    owned.refresh_from_db()
    assert (owned.rag, owned.proposed_rag) == ("amber", "red")
    entry = owned.updates.first()
    assert (entry.kind, entry.proposed_rag, entry.rag_before, entry.rag_after) == (
        "rag_proposed",
        "red",
        "amber",
        "amber",
    )
    assert entry.from_owner


def test_accepting_applies_the_proposal_and_says_so_on_the_timeline(owned, officer_user, clerk_user):
    owned.propose_rag(Action.Rag.RED, by=officer_user)
    owned.accept_proposed_rag(by=clerk_user, reason="Agreed with the Chair")
    owned.refresh_from_db()
    assert (owned.rag, owned.proposed_rag) == ("red", "")
    entry = owned.updates.first()
    assert entry.kind == ActionUpdate.Kind.RAG_ACCEPTED and (entry.rag_before, entry.rag_after) == ("amber", "red")
    assert entry.text == "Proposed RAG Red accepted. Agreed with the Chair"
    assert owned.latest_update == entry


def test_rejecting_keeps_the_rag_and_clears_the_proposal(owned, officer_user, clerk_user):
    owned.propose_rag(Action.Rag.GREEN, by=officer_user)
    owned.reject_proposed_rag(by=clerk_user)
    owned.refresh_from_db()
    assert (owned.rag, owned.proposed_rag) == ("amber", "")
    assert owned.updates.first().text == "Proposed RAG Green rejected."
    assert owned.updates.first().kind == ActionUpdate.Kind.RAG_REJECTED


def test_there_is_nothing_to_accept_or_reject_without_a_proposal(owned, clerk_user):
    for verb in (owned.accept_proposed_rag, owned.reject_proposed_rag):
        with pytest.raises(ValueError, match="no proposed RAG"):
            verb(by=clerk_user)
    assert owned.updates.count() == 1


def test_a_proposal_on_a_discharged_action_is_refused(owned, officer_user, clerk_user):
    owned.discharge(by=clerk_user, note="Done")
    with pytest.raises(ValueError, match="reopen it first"):
        owned.propose_rag(Action.Rag.RED, by=officer_user)


def test_the_clerk_decides_on_the_proposal_as_it_is_now_not_as_first_seen(owned, officer_user, clerk_user):
    seen = Action.objects.get(pk=owned.pk)
    owned.propose_rag(Action.Rag.RED, by=officer_user)
    with pytest.raises(StaleEdit):
        seen.accept_proposed_rag(by=clerk_user, expected_version=seen.version)
    assert Action.objects.get(pk=owned.pk).rag == "amber"


def test_an_owners_update_proposing_the_current_rag_proposes_nothing(owned, officer_user):
    owned.add_update("On track", by=officer_user, as_owner=True, rag=Action.Rag.AMBER)
    owned.refresh_from_db()
    assert owned.proposed_rag == ""


def test_change_owner_says_from_whom_to_whom_and_why(owned, clerk_user):
    jeanette = Person.objects.create(name="Jeanette Richards")
    owned.change_owner(owner=jeanette, by=clerk_user, reason="She leads the review now.")
    owned.refresh_from_db()
    assert owned.owner == jeanette and owned.owner_post == ""
    entry = owned.updates.first()
    assert entry.kind == ActionUpdate.Kind.OWNER
    assert "to Jeanette Richards. She leads the review now." in entry.text and entry.text.startswith(
        "Owner changed from "
    )


def test_change_owner_to_a_post_and_without_a_reason(owned, clerk_user):
    with pytest.raises(ValueError, match="Say why"):
        owned.change_owner(owner_post="Head of Housing", by=clerk_user, reason=" ")
    owned.change_owner(owner_post="Head of Housing", by=clerk_user, reason="Restructure")
    owned.refresh_from_db()
    assert (owned.owner, owned.owner_post) == (None, "Head of Housing")


def test_change_due_moves_the_due_day_and_refuses_an_impossible_date(owned, clerk_user):
    new = owned.agreed_on + datetime.timedelta(days=90)
    owned.change_due(due_date=new, by=clerk_user, reason="Waiting for the Ofsted report")
    owned.refresh_from_db()
    assert (owned.due_date, owned.due_on) == (new, new)
    assert owned.updates.first().kind == ActionUpdate.Kind.DUE
    assert "Waiting for the Ofsted report" in owned.updates.first().text
    with pytest.raises(ValueError):
        owned.change_due(due_date=owned.agreed_on - datetime.timedelta(days=400), by=clerk_user, reason="Oops")
    owned.refresh_from_db()
    assert owned.due_date == new


def test_change_due_refuses_a_stale_edit(owned, clerk_user):
    seen_version = owned.version
    owned.change_due(due_note="Next municipal year", by=clerk_user, reason="Deferred")
    with pytest.raises(StaleEdit):
        owned.change_due(due_note="Never", by=clerk_user, reason="x", expected_version=seen_version)


# --- the pages -----------------------------------------------------------------------------------


def test_the_tracker_and_the_action_page_show_proposed_beside_the_current_rag(councillor, owned, officer_user):
    owned.propose_rag(Action.Rag.RED, by=officer_user)
    row = councillor.get(LIST).content.decode()
    row = row[row.index(f'id="action-{owned.pk}"') :]
    amber_then_red = (
        '<strong class="tag tag-rag-amber">Amber</strong> '
        '<span class="proposed-rag">proposed <strong class="tag tag-rag-red">Red</strong>'
    )
    assert f'data-label="RAG">{amber_then_red}' in row
    page = councillor.get(owned.get_absolute_url()).content.decode()
    assert '<span class="proposed-rag">proposed <strong class="tag tag-rag-red">Red</strong></span>' in page


def test_the_officer_proposes_through_my_actions_and_the_clerk_accepts_in_place(officer, clerk, owned):
    officer.post(
        reverse("actions:owner_update", args=[owned.pk]),
        {
            f"action-{owned.pk}-text": "Slipping",
            f"action-{owned.pk}-rag": "red",
            f"action-{owned.pk}-version": owned.version,
        },
    )
    owned.refresh_from_db()
    assert (owned.rag, owned.proposed_rag) == ("amber", "red")
    page = clerk.get(owned.get_absolute_url()).content.decode()
    assert "Accept Red" in page and "Reject, keep Amber" in page
    response = control(clerk, "accept_rag", owned, HTMX, reason="")
    assert "Proposed RAG accepted." in response.content.decode()
    owned.refresh_from_db()
    assert (owned.rag, owned.proposed_rag) == ("red", "")


def test_the_clerk_rejects_without_javascript(clerk, owned, officer_user):
    owned.propose_rag(Action.Rag.GREEN, by=officer_user)
    owned.refresh_from_db()
    response = control(clerk, "reject_rag", owned, reason="Not yet")
    assert response.status_code == 302
    owned.refresh_from_db()
    assert (owned.rag, owned.proposed_rag) == ("amber", "")


def test_change_owner_in_place_links_a_person_and_refuses_an_unknown_or_ambiguous_name(clerk, owned, clerk_user):
    dee = Person.objects.create(name="Dee Richards", kind=Person.Kind.OFFICER, job_title="Head of Housing")
    unknown = control(clerk, "change_owner", owned, HTMX, owner="Richardz Jenny", reason="Moved").content.decode()
    assert "tick “Keep as a post”" in unknown
    both = control(clerk, "change_owner", owned, HTMX, owner="Richards", reason="Moved").content.decode()
    assert "could be any of" in both and "Dee Richards" in both and "Jeanette Richards" in both
    assert owned.updates.count() == 1
    control(clerk, "change_owner", owned, HTMX, owner="Dee Richards", reason="She leads it now")
    owned.refresh_from_db()
    assert owned.owner == dee


def test_change_due_in_place_needs_a_reason_and_a_date_or_words(clerk, owned):
    refused = control(clerk, "change_due", owned, HTMX, due_date="", due_note="", reason="Deferred")
    assert "Give the new due date" in refused.content.decode()
    refused = control(clerk, "change_due", owned, HTMX, due_note="After the summer", reason="")
    assert "Why is the due date changing?" in refused.content.decode()
    control(clerk, "change_due", owned, HTMX, due_note="After the summer", reason="Deferred by the Chair")
    owned.refresh_from_db()
    assert owned.due_note == "After the summer"
