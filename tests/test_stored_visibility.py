"""Action.public and Action.source_meeting are copies of the source item's answers (issue 10c): after every change
that can move them they must equal the live rule (action_q for an anonymous visitor; the item's meeting), because
the lists read the copies to decide who sees a row."""

import pytest
from django.contrib.auth.models import AnonymousUser

from actions.models import Action, action_q
from meetings.models import AgendaItem, Meeting
from tests.conftest import at, content

pytestmark = pytest.mark.django_db


def assert_copies_follow_the_rule():
    live = set(Action.objects.filter(action_q(AnonymousUser())).values_list("pk", flat=True))
    stored = set(Action.objects.filter(public=True).values_list("pk", flat=True))
    assert stored == live
    for pk, meeting, copy in Action.objects.values_list("pk", "source_item__meeting_id", "source_meeting_id"):
        assert copy == meeting, pk


@pytest.fixture
def actions(make_action, committee, item, exempt_item, unpublished_item):
    return {
        "public": make_action(),
        "exempt": make_action(source_item=exempt_item),
        "draft": make_action(source_item=unpublished_item),
        "no item": make_action(source_item=None),
    }


def test_new_actions_carry_their_items_answers(actions):
    assert_copies_follow_the_rule()
    flags = {name: Action.objects.get(pk=a.pk).public for name, a in actions.items()}
    assert flags == {"public": True, "exempt": False, "draft": False, "no item": False}
    assert actions["public"].public is True  # the saved instance too, not only the row


@pytest.mark.parametrize("update_fields", [None, ["exempt"]])
def test_an_item_made_exempt_and_open_again(actions, item, update_fields):
    item.exempt = True
    item.save(update_fields=update_fields)
    assert_copies_follow_the_rule()
    assert not Action.objects.get(pk=actions["public"].pk).public
    item.exempt = False
    item.save(update_fields=update_fields)
    assert_copies_follow_the_rule()
    assert Action.objects.get(pk=actions["public"].pk).public


def test_an_item_moved_to_a_draft_meeting(actions, item, unpublished_item):
    item.meeting = unpublished_item.meeting
    item.save()
    assert_copies_follow_the_rule()
    assert Action.objects.get(pk=actions["public"].pk).source_meeting_id == unpublished_item.meeting_id


@pytest.mark.parametrize("update_fields", [None, ["status"]])
def test_a_meeting_unpublished_and_published(actions, past_meeting, unpublished_item, update_fields):
    past_meeting.status = Meeting.Status.MINUTES_DRAFT
    past_meeting.save(update_fields=update_fields)
    assert_copies_follow_the_rule()
    assert not Action.objects.filter(public=True).exists()
    draft = unpublished_item.meeting
    draft.status = Meeting.Status.PUBLISHED
    draft.save(update_fields=update_fields)
    assert_copies_follow_the_rule()
    assert Action.objects.get(pk=actions["draft"].pk).public


def test_bulk_updates_of_items_and_meetings(actions, item, past_meeting, unpublished_item):
    AgendaItem.objects.filter(pk=item.pk).update(exempt=True)
    assert_copies_follow_the_rule()
    AgendaItem.objects.filter(pk=item.pk).update(exempt=False, meeting=unpublished_item.meeting)
    assert_copies_follow_the_rule()
    Meeting.objects.filter(pk=unpublished_item.meeting_id).update(status=Meeting.Status.PUBLISHED)
    assert_copies_follow_the_rule()
    Meeting.objects.filter(pk__in=[past_meeting.pk, unpublished_item.meeting_id]).update(status=Meeting.Status.HELD)
    assert_copies_follow_the_rule()
    assert not Action.objects.filter(public=True).exists()
    Meeting.objects.filter(pk=past_meeting.pk).update(status=Meeting.Status.PUBLISHED)
    AgendaItem.objects.bulk_update([AgendaItem(pk=item.pk, meeting_id=past_meeting.pk, exempt=False)], ["meeting"])
    assert_copies_follow_the_rule()
    assert Action.objects.get(pk=actions["public"].pk).public


@pytest.mark.parametrize("update_fields", [None, ["source_item"]])
def test_an_action_moved_to_another_item(actions, exempt_item, item, update_fields):
    action = Action.objects.get(pk=actions["public"].pk)
    action.source_item = exempt_item
    action.save(update_fields=update_fields)
    assert_copies_follow_the_rule()
    action.source_item = None
    action.save(update_fields=update_fields)
    assert_copies_follow_the_rule()
    action.source_item = item
    action.save(update_fields=update_fields)
    assert_copies_follow_the_rule()


def test_a_verb_on_a_row_loaded_before_the_item_closed_does_not_write_back_its_old_copy(actions, item, clerk_user):
    loaded = Action.objects.get(pk=actions["public"].pk)
    assert loaded.public
    AgendaItem.objects.filter(pk=item.pk).update(exempt=True)
    loaded.set_rag(Action.Rag.GREEN, by=clerk_user, reason="On track")
    loaded.add_update("Progress report", by=clerk_user)
    assert_copies_follow_the_rule()
    assert not Action.objects.get(pk=loaded.pk).public


def test_a_full_save_of_a_stale_instance_is_put_right(actions, item):
    loaded = Action.objects.get(pk=actions["public"].pk)
    AgendaItem.objects.filter(pk=item.pk).update(exempt=True)
    loaded.text = "Reworded"
    loaded.save()
    assert_copies_follow_the_rule()


def test_the_lists_follow_the_copies(actions, item, anonymous, councillor):
    reference = actions["public"].reference
    assert reference in content(anonymous.get("/actions/")).decode()
    item.exempt = True
    item.save()
    assert reference not in content(anonymous.get("/actions/")).decode()
    # A member of the committee still needs to know: their meeting, read from the stored meeting.
    assert reference in content(councillor.get("/actions/")).decode()
    assert actions["draft"].reference in content(councillor.get("/actions/")).decode()


def test_a_new_meeting_and_item_change_nothing(actions, committee):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(30))
    AgendaItem.objects.create(meeting=meeting, number="1", order=1, title="New business")
    assert_copies_follow_the_rule()
