"""'Make this an action' from a resolution: an action, a promise to a future committee, or a standing item."""

import pytest
from django.urls import reverse

from actions.models import Action, ActionUpdate, AlreadyAnAction
from meetings.models import Meeting, Person, Resolution, StandingItem, WorkProgrammeItem

from .conftest import HTMX, at


@pytest.fixture
def resolution(item):
    return Resolution.objects.create(
        item=item, text="The highlight report for the Improvement Plan be brought to the Committee."
    )


@pytest.fixture
def jeanette(db):
    return Person.objects.create(name="Jeanette Richards", job_title="Executive Director of Children's Services")


def make(client, resolution, headers=None, **data):
    data.setdefault("creates", "action")
    data.setdefault("text", resolution.text)
    data.setdefault("rag", "green")
    return client.post(reverse("actions:make_action", args=[resolution.pk]), data, **(headers or {}))


def test_form_is_prefilled_with_the_resolution_and_offers_people_to_type_ahead(clerk, resolution, jeanette):
    page = clerk.get(reverse("actions:make_action", args=[resolution.pk]), **HTMX).content.decode()
    assert "The highlight report for the Improvement Plan be brought to the Committee.</textarea>" in page
    assert f'list="owner-options-{resolution.pk}"' in page
    assert '<option value="Jeanette Richards, Executive Director of Children&#x27;s Services">' in page
    assert "<html" not in page
    assert "<html" in clerk.get(reverse("actions:make_action", args=[resolution.pk])).content.decode()


def test_action_with_a_named_owner_due_at_the_next_meeting(clerk, resolution, jeanette, next_meeting):
    response = make(
        clerk,
        resolution,
        HTMX,
        owner="Jeanette Richards, Executive Director of Children's Services",
        due_meeting="next",
        rag="amber",
    )
    action = Action.objects.get()
    assert (action.owner, action.owner_post, action.due_meeting, action.rag) == (jeanette, "", next_meeting, "amber")
    assert (action.source_resolution, action.source_item) == (resolution, resolution.item)
    assert action.updates.get().kind == ActionUpdate.Kind.CREATED
    content = response.content.decode()
    assert f"Action {action.reference} recorded." in content
    assert (
        f'hx-swap-oob="beforeend:#resolution-actions-{resolution.pk}"' in content
        and f'id="action-{action.pk}"' in content
    )
    # The item's one-line summary counts the new action, and the resolution no longer offers to make one.
    assert f'id="item-{resolution.item_id}-counts" hx-swap-oob="true"' in content and "1 action" in content
    assert f'id="make-action-link-{resolution.pk}" hx-swap-oob="true">Action {action.reference} made' in content


def test_owner_typed_as_a_post_due_at_a_chosen_meeting(clerk, resolution, next_meeting):
    later = Meeting.objects.create(committee=next_meeting.committee, starts_at=at(60))
    response = make(clerk, resolution, owner="Strategic Director", keep_as_post="on", due_meeting=str(later.pk))
    action = Action.objects.get()
    assert (action.owner, action.owner_post, action.due_meeting) == (None, "Strategic Director", later)
    assert response.status_code == 302
    assert response.url.endswith(f"?item={resolution.item_id}#resolution-{resolution.pk}")


def test_due_in_words_or_by_date(clerk, resolution, jeanette):
    make(clerk, resolution, owner="Jeanette Richards", due_note="early in the new municipal year")
    another = Resolution.objects.create(item=resolution.item, text="A second report be brought.", order=2)
    make(clerk, another, owner="jeanette richards", due_date="2031-05-01")  # one action per resolution
    words, dated = Action.objects.order_by("pk")
    assert (words.owner, words.due_note) == (jeanette, "early in the new municipal year")
    assert (dated.owner, str(dated.due_date)) == (jeanette, "2031-05-01")


def test_promise_to_a_future_committee_creates_the_linked_work_programme_item(clerk, resolution, jeanette):
    make(clerk, resolution, creates="future", owner="Jeanette Richards", text="A report on housing for care leavers")
    action = Action.objects.get()
    work = WorkProgrammeItem.objects.get()
    assert action.work_programme_item == work
    assert (work.title, work.timing, work.committee) == (
        "A report on housing for care leavers",
        "tbc",
        resolution.item.meeting.committee,
    )
    assert action.due_note == "A future committee"


def test_promise_to_the_next_meeting_targets_it_in_the_work_programme(clerk, resolution, next_meeting):
    make(clerk, resolution, creates="future", owner="Strategic Director", keep_as_post="on", due_meeting="next")
    work = WorkProgrammeItem.objects.get()
    assert (work.timing, work.target_meeting) == ("meeting", next_meeting)
    assert Action.objects.get().due_meeting == next_meeting


def test_standing_item_resolution_creates_a_standing_item_not_an_action(clerk, resolution):
    response = make(clerk, resolution, HTMX, creates="standing", text="Ofsted improvement work")
    standing = StandingItem.objects.get()
    assert (standing.title, standing.source_resolution, standing.committee) == (
        "Ofsted improvement work",
        resolution,
        resolution.item.meeting.committee,
    )
    assert not Action.objects.exists()
    assert "is now a standing item" in response.content.decode()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_bad_input_shows_errors_and_writes_nothing(clerk, resolution, next_meeting, headers):
    response = make(clerk, resolution, headers, owner="", text="", due_meeting="next", due_date="2031-01-01")
    content = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in content
    for message in ("Say who owns the action", "This field is required", "not both"):
        assert message in content
    assert not Action.objects.exists() and not WorkProgrammeItem.objects.exists()


def test_a_meeting_from_another_committee_cannot_be_the_due_meeting(clerk, resolution, other_committee):
    elsewhere = Meeting.objects.create(committee=other_committee, starts_at=at(20))
    response = make(clerk, resolution, owner="Strategic Director", due_meeting=str(elsewhere.pk))
    assert "Select a valid choice" in response.content.decode()
    assert not Action.objects.exists()


def test_a_resolution_already_made_an_action_is_not_made_one_twice(clerk, resolution):
    make(clerk, resolution, HTMX, owner="Strategic Director", keep_as_post="on")
    first = Action.objects.get()
    response = make(
        clerk, resolution, HTMX, owner="Strategic Director", keep_as_post="on"
    )  # a second click on a stale form
    assert Action.objects.count() == 1
    page = response.content.decode()
    assert f"Action {first.reference} was already made from this resolution" in page and 'role="alert"' in page
    response = make(clerk, resolution, owner="Strategic Director", keep_as_post="on")  # and without JavaScript
    assert Action.objects.count() == 1 and response.status_code == 302
    assert any(first.reference in str(m) for m in response.wsgi_request._messages)


def test_a_resolution_that_gave_an_action_may_still_promise_a_report_once(clerk, resolution):
    make(clerk, resolution, owner="Strategic Director", keep_as_post="on")
    make(clerk, resolution, creates="future", owner="", text="A further report")
    make(clerk, resolution, creates="future", owner="", text="A further report")  # a second click
    assert Action.objects.count() == 2 and WorkProgrammeItem.objects.count() == 1


def test_the_model_refuses_a_second_action_from_one_resolution(resolution):
    first = Action.record_from_resolution(resolution, text="Report back", committee=resolution.item.meeting.committee)
    with pytest.raises(AlreadyAnAction) as refused:
        Action.record_from_resolution(resolution, text="Report back", committee=resolution.item.meeting.committee)
    assert refused.value.action == first and Action.objects.count() == 1


def test_workspace_offers_make_this_an_action_only_until_one_is_made(clerk, resolution):
    url = f"{resolution.item.meeting.get_absolute_url()}?item={resolution.item_id}"
    assert "Make this an action" in clerk.get(url).content.decode()
    make(clerk, resolution, owner="Strategic Director", keep_as_post="on")
    page = clerk.get(url).content.decode()
    made = Action.objects.get()
    assert "Make this an action" not in page and f"Action {made.reference} made from this" in page
    # The action sits right under the resolution it came from.
    block = page.split(f'id="resolution-{resolution.pk}"')[1].split("</li>")[0]
    assert f'id="action-{made.pk}"' in block
