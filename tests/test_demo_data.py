"""The demo council is internally consistent whatever day it is loaded."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from actions.models import Action
from meetings.models import Committee, Meeting


@pytest.fixture
def demo(db, capsys):
    call_command("load_demo")
    return capsys.readouterr().out


def test_demo_prints_logins_that_work(demo):
    for username in ("clerk", "councillor", "chair", "officer"):
        assert f"  {username}" in demo
        # django-axes needs the request a real sign-in has.
        assert authenticate(RequestFactory().post("/accounts/login/"), username=username, password="demo") is not None


def test_demo_has_a_next_meeting_ahead_with_standing_items(demo):
    committee = Committee.objects.get(short_name="CYP")
    upcoming = committee.next_meeting()
    assert upcoming.starts_at > timezone.now()
    assert upcoming.items.filter(kind="standing_item").count() == committee.standing_items.active().count() > 0


def test_demo_has_overdue_discharged_and_exempt_actions(demo):
    assert Action.objects.overdue().count() >= 2
    discharged = Action.objects.filter(status=Action.Status.DISCHARGED)
    assert discharged.exists()
    assert all(a.discharged_at_meeting and a.discharged_on for a in discharged)
    assert Action.objects.filter(source_item__exempt=True).exists()


def test_demo_roles_link_to_people(demo):
    chair = Committee.objects.get(short_name="CYP").chair()
    assert chair.user.username == "chair"
    officer = Action.objects.filter(owner__user__username="officer")
    assert officer.outstanding().count() >= 2


def test_demo_previous_minutes_await_approval(demo):
    committee = Committee.objects.get(short_name="CYP")
    previous = committee.next_meeting().previous()
    assert previous.status == Meeting.Status.MINUTES_DRAFT


def test_loading_twice_does_not_duplicate(demo):
    call_command("load_demo", if_empty=True)
    assert Committee.objects.count() == 2


def test_demo_actions_store_the_due_day_and_latest_update_they_summarise(demo):
    for action in Action.objects.select_related("due_meeting", "latest_update"):
        assert action.due_on == (action.due_date or (action.due_meeting.date if action.due_meeting else None))
        newest = action.updates.exclude(text="").order_by("-at", "-pk").first()
        assert action.latest_update == newest, action.reference


def test_demo_has_recommendations_in_each_state_and_search_finds_them(demo):
    from recommendations.models import Body, Recommendation
    from search.models import SearchEntry

    report = Recommendation.objects.exclude(report_title="")
    assert report.count() >= 4 and set(report.values_list("body__name", flat=True)) == {"Cabinet"}
    assert list(report.order_by("number").values_list("number", flat=True)) == list(range(1, report.count() + 1))
    accepted = report.filter(response=Recommendation.Response.ACCEPTED, outcome="")
    assert accepted.exclude(plan_what="").filter(events__kind="progress").exists()
    assert report.filter(response=Recommendation.Response.PARTLY).exists()
    assert report.filter(response=Recommendation.Response.REJECTED).exists()
    assert report.filter(outcome=Recommendation.Outcome.IMPLEMENTED).exists()
    assert report.response_overdue().exists()
    nhs = Recommendation.objects.filter(body__kind=Body.Kind.NHS)
    assert nhs.awaiting_response().exists() and not nhs.response_overdue().exists()
    # Made at published, non-exempt items: the public sees them; load_demo's rebuild indexed every one.
    assert Recommendation.objects.visible_to(AnonymousUser()).count() == Recommendation.objects.count()
    assert SearchEntry.objects.filter(kind="recommendation").count() == Recommendation.objects.count()
    # Each timeline reads in the order things happened, none later than now.
    for recommendation in Recommendation.objects.all():
        times = list(recommendation.events.order_by("pk").values_list("at", flat=True))
        assert times == sorted(times) and times[-1] <= timezone.now(), recommendation.reference
