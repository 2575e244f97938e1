"""In-place action controls: each swaps just the row, writes the timeline through the verbs, refuses stale edits."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from actions.models import Action, ActionUpdate

from .conftest import HTMX, version_of

# Session, user, groups; the row, read locked in the view's transaction (here a savepoint, as the test runs in a
# transaction of its own; in production BEGIN and COMMIT, which are not counted), so the verb neither reads it
# again nor takes a savepoint of its own; the timeline entry, the row (its version claimed by the lock, not by a
# second conditional UPDATE) and its history row; the view's release; then the due meeting, which is also the
# workspace meeting, read once to draw the row. No second fetch of the row to draw it: the verb leaves it as
# saved. The action's search entry is not rewritten: a RAG change alters nothing it shows. (16 before issue 10b,
# 11 before 10e: the row was read, then read again locked, in a savepoint.)
WRITE_QUERIES = 10


def control(client, name, action, headers=None, **data):
    data.setdefault("version", action.version)
    return client.post(reverse(f"actions:{name}", args=[action.pk]), data, **(headers or {}))


def test_change_rag_with_a_reason_swaps_the_row(clerk, make_action):
    action = make_action()
    response = control(clerk, "set_rag", action, HTMX, rag="red", reason="Missed the date")
    content = response.content.decode()
    assert content.lstrip().startswith('<div class="action-row') and f'id="action-{action.pk}"' in content
    assert "RAG set to Red." in content and "<html" not in content
    update = action.updates.first()
    assert (update.kind, update.rag_before, update.rag_after, update.text) == ("rag", "green", "red", "Missed the date")


def test_without_javascript_a_control_redirects_back_with_a_message(clerk, make_action, next_meeting):
    action = make_action()
    back = next_meeting.get_absolute_url()
    response = control(clerk, "add_update", action, text="Report drafted", next=back)
    assert response.status_code == 302 and response.url == back
    assert action.updates.first().text == "Report drafted"
    assert (
        control(clerk, "add_update", action, text="Another", next="https://evil.example/").url
        == action.get_absolute_url()
    )


def test_update_mark_completed_discharge_and_reopen(clerk, make_action, held_meeting):
    action = make_action()
    control(clerk, "add_update", action, HTMX, text="Drafting", rag="amber")
    action.refresh_from_db()
    assert (action.status, action.rag) == ("in_progress", "amber")
    control(clerk, "mark_completed", action, HTMX, note="Sent to members")
    action.refresh_from_db()
    response = control(
        clerk,
        "discharge",
        action,
        HTMX,
        on="",
        at_meeting=held_meeting.pk,
        evidence="Report brought to the meeting",
        workspace_meeting=held_meeting.pk,
    )
    action.refresh_from_db()
    assert (action.status, action.discharged_at_meeting, action.discharged_on) == (
        "discharged",
        held_meeting,
        held_meeting.date,
    )
    assert action.evidence == "Report brought to the meeting"
    assert "Discharged." in response.content.decode() and "Reopen" in response.content.decode()
    control(clerk, "reopen", action, HTMX, note="Members not satisfied")
    action.refresh_from_db()
    assert action.status == "in_progress" and action.discharged_on is None
    kinds = list(action.updates.order_by("at", "pk").values_list("kind", flat=True))
    assert kinds == ["created", "update", "status", "discharge", "reopen"]


def test_close_needs_a_reason(clerk, make_action):
    action = make_action()
    response = control(clerk, "close", action, HTMX, reason="")
    assert "This field is required" in response.content.decode() and "There is a problem" in response.content.decode()
    control(clerk, "close", action, HTMX, reason="Superseded by the new plan")
    action.refresh_from_db()
    assert (action.status, action.closed_reason) == ("closed", "Superseded by the new plan")


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_bad_input_writes_nothing(clerk, make_action, headers):
    action = make_action()
    control(clerk, "set_rag", action, headers, rag="pink")
    control(clerk, "add_update", action, headers, text="")
    control(clerk, "discharge", action, headers, on="", at_meeting="")
    control(clerk, "discharge", action, headers, on="not a date")
    action.refresh_from_db()
    assert action.updates.count() == 1 and (action.rag, action.status, action.version) == ("green", "open", 1)


def test_discharge_at_another_committees_meeting_is_refused(clerk, make_action, other_committee):
    from meetings.models import Meeting

    from .conftest import at

    elsewhere = Meeting.objects.create(committee=other_committee, starts_at=at(3))
    action = make_action()
    response = control(clerk, "discharge", action, HTMX, at_meeting=elsewhere.pk)
    assert "Select a valid choice" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "open"


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_second_clerk_on_a_stale_row_is_refused_and_shown_the_current_state(clerk, make_action, headers):
    action = make_action()
    loaded_version = action.version
    action.set_rag("amber", reason="Changed by the first clerk")
    response = control(clerk, "set_rag", action, headers, rag="red", version=loaded_version)
    action.refresh_from_db()
    assert action.rag == "amber" and action.updates.filter(kind=ActionUpdate.Kind.RAG).count() == 1
    if headers:
        content = response.content.decode()
        assert "changed by someone else" in content and "It is now Amber" in content
        assert f'name="version" value="{action.version}"' in content
    else:
        assert response.status_code == 302
        messages = [str(m) for m in response.wsgi_request._messages]
        assert any("changed by someone else" in m for m in messages)


def test_discharged_action_cannot_be_discharged_again_or_completed(clerk, make_action):
    action = make_action()
    action.discharge(note="Done")
    action.refresh_from_db()
    response = control(clerk, "mark_completed", action, HTMX)
    assert "Reopen the action" in response.content.decode()
    response = control(clerk, "discharge", action, HTMX, on="2030-01-01")
    assert "reopen it first" in response.content.decode()
    assert action.updates.count() == 2


def test_meeting_page_draws_controls_only_when_the_clerk_opens_them(clerk, make_action, next_meeting):
    action = make_action(due_meeting=next_meeting)
    page = clerk.get(next_meeting.get_absolute_url()).content.decode()
    assert f'id="action-{action.pk}"' in page
    assert reverse("actions:discharge", args=[action.pk]) not in page  # not drawn until asked for
    opened = reverse("actions:row_controls", args=[action.pk])
    assert opened in page


def test_opening_controls_swaps_in_the_row_with_them_in_fixed_queries(
    clerk, make_action, next_meeting, django_assert_num_queries
):
    action = make_action(due_meeting=next_meeting)
    url = reverse("actions:row_controls", args=[action.pk]) + f"?meeting={next_meeting.pk}"
    headers = {**HTMX, "HTTP_HX_CURRENT_URL": f"http://testserver{next_meeting.get_absolute_url()}"}
    with django_assert_num_queries(5):  # session, user, groups, the row, its due meeting (the workspace meeting here)
        content = clerk.get(url, **headers).content.decode()
    assert content.lstrip().startswith('<div class="action-row') and "<html" not in content
    assert reverse("actions:discharge", args=[action.pk]) in content
    assert f'name="workspace_meeting" value="{next_meeting.pk}"' in content
    assert f'name="next" value="{next_meeting.get_absolute_url()}"' in content


def test_opening_controls_without_javascript_goes_to_the_action_page(clerk, make_action):
    action = make_action()
    response = clerk.get(reverse("actions:row_controls", args=[action.pk]))
    assert response.status_code == 302 and response.url == action.get_absolute_url()
    page = clerk.get(response.url).content.decode()
    assert reverse("actions:discharge", args=[action.pk]) in page


@pytest.mark.parametrize("who", ["councillor", "officer", "anonymous"])
def test_only_clerks_open_controls(request, who, make_action):
    action = make_action()
    response = request.getfixturevalue(who).get(reverse("actions:row_controls", args=[action.pk]), **HTMX)
    assert response.status_code in (403, 404)


def test_a_refused_discharge_keeps_what_the_clerk_typed(clerk, make_action):
    action = make_action()
    response = control(clerk, "discharge", action, HTMX, on="not a date", evidence="Report <b>brought</b> in July")
    content = response.content.decode()
    assert "There is a problem" in content
    assert 'value="Report &lt;b&gt;brought&lt;/b&gt; in July"' in content  # kept, and escaped
    action.refresh_from_db()
    assert action.status == action.Status.OPEN


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["no-js", "htmx"])
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"on_day": "31", "on_month": "6", "on_year": "2026"}, "Discharged on must be a real date"),
        ({"on_day": "4", "on_month": "", "on_year": "2026"}, "Discharged on must include a month"),
    ],
)
def test_a_bad_discharge_date_gets_the_gov_uk_message_and_discharges_nothing(
    clerk, make_action, headers, typed, message
):
    action = make_action()
    response = control(clerk, "discharge", action, headers, evidence="Report brought in July", **typed)
    if headers:  # htmx: the row comes back with the message and what was typed in the Day, Month and Year boxes
        content = response.content.decode()
        assert message in content and "Discharged on: " not in content
        for name, value in typed.items():
            assert (
                f'name="{name}" id="action-{action.pk}-discharge-{name.replace("_", "-")}" value="{value}"' in content
            )
        assert content.count('aria-invalid="true"') == 3
    else:  # no JavaScript: back to the page with the message
        assert response.status_code == 302
        assert message in [m.message for m in get_messages(response.wsgi_request)][0]
    action.refresh_from_db()
    assert (action.status, action.discharged_on, action.version) == ("open", None, 1)


def test_the_discharge_date_is_three_boxes_set_to_the_workspace_meeting(clerk, make_action, held_meeting):
    action = make_action()
    url = reverse("actions:row_controls", args=[action.pk])
    content = clerk.get(url, {"meeting": held_meeting.pk}, **HTMX).content.decode()
    day = held_meeting.date
    for part in ("day", "month", "year"):
        assert f'name="on_{part}" id="action-{action.pk}-discharge-on-{part}" value="{getattr(day, part)}"' in content
    assert 'type="date"' not in content
    control(clerk, "discharge", action, HTMX, on_day=str(day.day), on_month=str(day.month), on_year=str(day.year))
    action.refresh_from_db()
    assert (action.status, action.discharged_on) == ("discharged", day)


def test_a_stale_close_keeps_the_reason_typed(clerk, make_action):
    action = make_action()
    seen = action.version
    action.set_rag("red")  # another clerk got there first
    response = control(clerk, "close", action, HTMX, version=seen, reason="Superseded by the new plan")
    content = response.content.decode()
    assert "changed by someone else" in content and 'value="Superseded by the new plan"' in content
    action.refresh_from_db()
    assert action.status == action.Status.OPEN


def test_a_stale_rag_change_keeps_the_rating_chosen_and_the_reason_typed(clerk, make_action):
    action = make_action()
    seen = action.version
    action.set_rag("red", reason="Slipped")  # another clerk got there first
    response = control(clerk, "set_rag", action, HTMX, version=seen, rag="green", reason="On track")
    content = response.content.decode()
    assert "changed by someone else" in content and 'value="On track"' in content
    assert '<option value="green" selected>' in content and '<option value="red" selected>' not in content
    action.refresh_from_db()
    assert action.rag == "red"


def test_a_rag_change_answers_with_the_saved_row_without_fetching_it_again(
    clerk, make_action, next_meeting, django_assert_num_queries
):
    action = make_action(due_meeting=next_meeting)
    url = reverse("actions:set_rag", args=[action.pk])
    data = {"rag": "red", "version": version_of(action), "workspace_meeting": next_meeting.pk}
    with django_assert_num_queries(WRITE_QUERIES):
        response = clerk.post(url, data, **HTMX)
    assert 'class="tag tag-rag-red"' in response.content.decode()
    assert Action.objects.get(pk=action.pk).rag == "red"
