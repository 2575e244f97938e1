"""Each domain verb changes the action and leaves exactly one entry on its timeline."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from actions.models import Action, ActionUpdate
from core.concurrency import StaleEdit
from meetings.models import AgendaItem


@pytest.fixture
def action(make_action, clerk_user):
    return make_action(owner=clerk_user.person)


def latest(action):
    return action.updates.order_by("-at", "-pk").first()


def test_recording_an_action_opens_its_timeline(action):
    assert action.reference == "CYP/" + action.source_item.meeting.starts_at.strftime("%Y-%m") + "/01"
    assert [u.kind for u in action.updates.all()] == [ActionUpdate.Kind.CREATED]


def test_references_count_up_within_a_meeting(make_action):
    first, second = make_action(), make_action(text="Second")
    assert first.reference.endswith("/01") and second.reference.endswith("/02")


def test_set_rag_records_before_and_after(action, clerk_user):
    action.set_rag(Action.Rag.RED, by=clerk_user, reason="Slipped a month")
    action.refresh_from_db()
    entry = latest(action)
    assert action.rag == Action.Rag.RED
    assert (entry.kind, entry.rag_before, entry.rag_after, entry.text) == ("rag", "green", "red", "Slipped a month")
    assert entry.by == clerk_user


def test_set_rag_refuses_an_unknown_rating(action):
    with pytest.raises(ValueError):
        action.set_rag("blue")
    assert action.updates.count() == 1


def test_owner_update_starts_the_work_and_is_marked_as_the_owners(action, officer_user):
    action.add_update("Draft written", by=officer_user, as_owner=True, rag=Action.Rag.AMBER)
    action.refresh_from_db()
    entry = latest(action)
    # The owner's rating is a proposal: the RAG stays until a clerk accepts it (issue 11).
    assert action.status == Action.Status.IN_PROGRESS and action.rag == Action.Rag.GREEN
    assert action.proposed_rag == Action.Rag.AMBER and entry.proposed_rag == Action.Rag.AMBER
    assert entry.from_owner and entry.status_before == "open" and entry.status_after == "in_progress"


def test_mark_completed_awaits_discharge(action, clerk_user):
    action.mark_completed(by=clerk_user, note="Report circulated")
    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETED
    assert action in Action.objects.outstanding()
    assert latest(action).status_after == "completed"


def test_discharge_records_date_meeting_and_evidence(action, held_meeting, clerk_user):
    action.discharge(by=clerk_user, at_meeting=held_meeting, note="Report brought to the meeting")
    action.refresh_from_db()
    assert action.status == Action.Status.DISCHARGED
    assert action.discharged_on == held_meeting.date
    assert action.discharged_at_meeting == held_meeting
    assert action.evidence == "Report brought to the meeting"
    assert latest(action).kind == ActionUpdate.Kind.DISCHARGE
    assert action not in Action.objects.outstanding()


def test_reopen_clears_the_discharge(action, held_meeting, clerk_user):
    action.discharge(by=clerk_user, at_meeting=held_meeting)
    action.reopen(by=clerk_user, reason="Committee not satisfied")
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert action.discharged_on is None and action.discharged_at_meeting is None
    assert latest(action).kind == ActionUpdate.Kind.REOPEN
    assert action.updates.count() == 3


def test_close_needs_a_reason_and_records_it(action, clerk_user):
    with pytest.raises(ValueError):
        action.close("  ", by=clerk_user)
    action.close("Superseded by the new plan", by=clerk_user)
    action.refresh_from_db()
    assert action.status == Action.Status.CLOSED and action.closed_reason == "Superseded by the new plan"


def test_verb_with_a_stale_version_is_refused_and_writes_nothing(action, clerk_user):
    seen = action.version
    Action.objects.get(pk=action.pk).set_rag(Action.Rag.AMBER, by=clerk_user)  # another clerk, first
    with pytest.raises(StaleEdit) as refused:
        action.set_rag(Action.Rag.RED, by=clerk_user, expected_version=seen)
    assert refused.value.current.rag == Action.Rag.AMBER
    action.refresh_from_db()
    assert action.rag == Action.Rag.AMBER and action.updates.count() == 2


def test_verb_never_loses_a_change_made_since_the_object_was_loaded(action, clerk_user):
    stale_copy = Action.objects.get(pk=action.pk)
    Action.objects.get(pk=action.pk).set_rag(Action.Rag.RED, by=clerk_user)
    stale_copy.add_update("Progress made", by=clerk_user)
    action.refresh_from_db()
    assert action.rag == Action.Rag.RED  # the update did not write back the old rating


def _reads_of_the_row(queries, action):
    return [
        q["sql"]
        for q in queries
        if q["sql"].startswith("SELECT") and f'"actions_action"."id" = {action.pk}' in q["sql"]
    ]


def test_a_row_held_for_change_serves_the_first_verb_and_the_next_reads_it_again(action, clerk_user):
    with transaction.atomic():
        held = Action.objects.select_for_update().get(pk=action.pk)
        with held.held_for_change():
            with CaptureQueriesContext(connection) as first:
                held.set_rag(Action.Rag.RED, by=clerk_user, expected_version=held.version)
            held.version = 0  # a verb that failed half-way may leave the instance unlike the row ...
            with CaptureQueriesContext(connection) as second:
                held.set_rag(Action.Rag.AMBER, by=clerk_user)
    assert _reads_of_the_row(first, action) == []  # worked from the row the caller locked
    assert len(_reads_of_the_row(second, action)) == 1  # ... so only the first verb trusts it
    action.refresh_from_db()
    assert action.rag == Action.Rag.AMBER and action.version == 3


def test_a_row_held_for_change_is_still_refused_at_a_stale_version(action, clerk_user):
    seen = action.version
    Action.objects.get(pk=action.pk).set_rag(Action.Rag.AMBER, by=clerk_user)  # another clerk, first
    with transaction.atomic():
        held = Action.objects.select_for_update().get(pk=action.pk)
        with held.held_for_change(), pytest.raises(StaleEdit):
            held.set_rag(Action.Rag.RED, by=clerk_user, expected_version=seen)
    action.refresh_from_db()
    assert action.rag == Action.Rag.AMBER


def test_overdue_counts_due_dates_and_due_meetings(make_action, past_meeting, next_meeting):
    today = datetime.date.today()
    late_by_date = make_action(due_date=today - datetime.timedelta(days=1))
    late_by_meeting = make_action(due_meeting=past_meeting)
    on_time = make_action(due_meeting=next_meeting)
    done = make_action(due_date=today - datetime.timedelta(days=9))
    done.discharge(on=today)
    overdue = set(Action.objects.overdue(today))
    assert overdue == {late_by_date, late_by_meeting}
    assert on_time.is_overdue(today) is False and late_by_date.is_overdue(today) is True


def test_due_by_a_meeting_is_that_committees_matters_arising(make_action, next_meeting, other_committee):
    due_here = make_action(due_meeting=next_meeting)
    due_before = make_action(due_date=next_meeting.date - datetime.timedelta(days=3))
    make_action(due_date=next_meeting.date + datetime.timedelta(days=30))
    make_action(committee=other_committee, due_date=next_meeting.date)
    assert set(Action.objects.due_by(next_meeting)) == {due_here, due_before}


def test_matters_arising_are_those_due_less_those_agreed_there_and_those_discharged_there(
    make_action, held_meeting, past_meeting
):
    agreed_there_item = AgendaItem.objects.create(meeting=held_meeting, number="3", order=3, title="Budget")
    due_here = make_action(due_meeting=held_meeting)
    agreed_there = make_action(due_meeting=held_meeting, source_item=agreed_there_item)
    discharged_there = make_action(due_date=held_meeting.date + datetime.timedelta(days=60))
    discharged_there.discharge(at_meeting=held_meeting)
    discharged_earlier = make_action(due_meeting=past_meeting)
    discharged_earlier.discharge(at_meeting=past_meeting)
    assert agreed_there in Action.objects.due_by(held_meeting)
    assert set(Action.objects.matters_arising(held_meeting)) == {due_here, discharged_there}


def test_a_verb_claims_the_version_once_under_its_row_lock_and_still_refuses_a_stale_page(action, clerk_user):
    seen = action.version
    action.set_rag(Action.Rag.RED, by=clerk_user, reason="Slipping", expected_version=seen)
    assert Action.objects.get(pk=action.pk).version == seen + 1 == action.version
    with pytest.raises(StaleEdit):
        Action.objects.get(pk=action.pk).set_rag(Action.Rag.AMBER, by=clerk_user, expected_version=seen)
    stale = Action.objects.get(pk=action.pk)
    Action.objects.get(pk=action.pk).add_update("Someone else's words", by=clerk_user)
    stale.text = "An edit from a page loaded before that update"
    with pytest.raises(StaleEdit):
        stale.save()  # an ordinary save holds no lock: it still makes its own claim
    assert "_held_version" not in action.__dict__  # the verb's hold ended with its save


def test_an_action_belongs_to_the_committee_whose_meeting_agreed_it(committee, other_committee, item):
    with pytest.raises(ValidationError) as refused:
        Action.record(
            text="Agreed at one committee's meeting, filed under another", committee=other_committee, source_item=item
        )
    assert "choose that committee" in str(refused.value.message_dict["committee"])
    assert not Action.objects.exists()
