"""The RAG a record suggests for itself (core/rag_rules.py), across a frozen timeline with deferrals."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from actions.models import Action, ActionUpdate
from core import rag_rules
from meetings.models import AgendaItem, Committee, Meeting
from recommendations.models import Body, Recommendation

AGREED = datetime.date(2026, 1, 13)
DUE = datetime.date(2026, 3, 1)


def aware(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def traveller():
    with time_machine.travel(aware(datetime.date(2026, 2, 1)), tick=False) as traveller:
        yield traveller


@pytest.fixture
def source_item(traveller, db):
    committee = Committee.objects.create(name="Health Scrutiny Committee", short_name="HSC")
    meeting = Meeting.objects.create(committee=committee, starts_at=aware(AGREED, 18), status="published")
    return AgendaItem.objects.create(meeting=meeting, number="5", order=5, title="Waiting times")


@pytest.fixture
def action(source_item):
    return Action.record(committee=source_item.meeting.committee, source_item=source_item, text="Report", due_date=DUE)


def test_the_rules_in_order():
    today = datetime.date(2026, 3, 10)
    assert rag_rules.suggest(datetime.date(2026, 3, 10), today) == ""  # due today: not overdue, no opinion
    assert rag_rules.suggest(datetime.date(2026, 3, 9), today) == "amber"  # a day late
    assert rag_rules.suggest(datetime.date(2026, 2, 8), today) == "amber"  # 30 days late
    assert rag_rules.suggest(datetime.date(2026, 2, 7), today) == "red"  # 31 days late
    assert rag_rules.suggest(datetime.date(2026, 4, 1), today, deferrals=2) == "red"
    assert rag_rules.suggest(datetime.date(2026, 2, 7), today, deferrals=5, completed=True) == "green"
    assert rag_rules.suggest(None, today) == ""


def test_red_satisfies_at_least_amber_but_nothing_else_disagrees_freely():
    assert rag_rules.agrees("amber", "red") and rag_rules.agrees("amber", "amber")
    assert not rag_rules.agrees("amber", "green")
    assert not rag_rules.agrees("red", "amber") and not rag_rules.agrees("green", "red")
    assert all(rag_rules.agrees("", rag) for rag in ("red", "amber", "green"))


def test_an_actions_suggestion_follows_the_clock_and_its_deferrals(traveller, action):
    assert action.suggested_rag() == ""
    traveller.move_to(aware(datetime.date(2026, 3, 2)))
    assert action.suggested_rag() == "amber"
    action.edit(due_date=datetime.date(2026, 4, 1))  # first deferral
    assert (action.deferrals, action.suggested_rag()) == (1, "")
    action.edit(due_date=datetime.date(2026, 3, 20))  # brought forward: not a deferral
    assert action.deferrals == 1
    action.edit(due_date=datetime.date(2026, 5, 1))  # second deferral: Red, however far off the date is
    assert (action.deferrals, action.suggested_rag()) == (2, "red")
    moves = ActionUpdate.objects.filter(action=action, kind="edit").order_by("at", "pk")
    assert [(u.due_before, u.due_after) for u in moves] == [
        (DUE, datetime.date(2026, 4, 1)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 3, 20)),
        (datetime.date(2026, 3, 20), datetime.date(2026, 5, 1)),
    ]
    action.mark_completed()
    assert action.suggested_rag() == "green"


def test_overdue_more_than_30_days_suggests_red(traveller, action):
    traveller.move_to(aware(DUE + datetime.timedelta(days=31)))
    assert action.suggested_rag() == "red"


def test_setting_a_rag_against_the_suggestion_needs_a_reason_that_goes_on_the_timeline(traveller, action):
    traveller.move_to(aware(datetime.date(2026, 3, 5)))  # overdue: at least Amber
    with pytest.raises(ValueError, match="The rules suggest Amber"):
        action.set_rag("green")
    assert Action.objects.get(pk=action.pk).rag == "green" and action.updates.count() == 1
    action.set_rag("green", reason="The report is written; it goes to the next meeting")
    assert action.updates.filter(kind="rag").get().text == "The report is written; it goes to the next meeting"
    action.set_rag("red")  # worse than the floor: no reason needed
    assert action.rag == "red"


def test_a_recommendations_plan_deferrals_are_counted_from_its_timeline(traveller, source_item):
    body = Body.objects.create(name="Cabinet")
    recommendation = Recommendation.make(source_item=source_item, body=body, text="Publish waiting times")
    recommendation.record_response("accepted", "Agreed", "Cabinet", datetime.date(2026, 1, 30))
    assert recommendation.suggested_rag() == ""
    recommendation.set_plan("Dashboard", "Head of Performance", datetime.date(2026, 3, 1))
    recommendation.set_plan("Dashboard", "Head of Performance", datetime.date(2026, 4, 1))
    traveller.move_to(aware(datetime.date(2026, 4, 2)))
    assert (recommendation.deferrals(), recommendation.suggested_rag()) == (1, "amber")
    with pytest.raises(ValueError, match="Say why it should be Green"):
        recommendation.add_progress("Going well", "green")
    recommendation.add_progress("Going well", "green", reason="Live next week")
    recommendation.set_plan("Dashboard", "Head of Performance", datetime.date(2026, 6, 1))
    assert (recommendation.deferrals(), recommendation.suggested_rag()) == (2, "red")
    assert "rather than the suggested Amber: Live next week" in recommendation.events.get(kind="progress").text


def test_the_clerks_set_rag_form_asks_for_a_reason_when_it_disagrees_with_the_suggestion(clerk, make_action):
    from django.urls import reverse

    from .conftest import HTMX, version_of

    overdue = make_action(due_date=timezone.localdate() - datetime.timedelta(days=3))
    url = reverse("actions:set_rag", args=[overdue.pk])
    response = clerk.post(url, {"version": version_of(overdue), "rag": "green", "reason": ""}, **HTMX)
    assert "The rules suggest Amber" in response.content.decode()
    assert Action.objects.get(pk=overdue.pk).updates.filter(kind="rag").count() == 0
    clerk.post(url, {"version": version_of(overdue), "rag": "green", "reason": "Done, paperwork to follow"}, **HTMX)
    assert overdue.updates.get(kind="rag").text == "Done, paperwork to follow"


def test_the_action_page_shows_the_suggested_rag_beside_the_set_one(councillor, make_action):
    overdue = make_action(due_date=timezone.localdate() - datetime.timedelta(days=2))
    html = councillor.get(overdue.get_absolute_url()).content.decode()
    assert 'class="suggested-rag">suggested <strong class="tag tag-rag-amber">Amber</strong>' in html
