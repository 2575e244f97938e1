"""The demo council is internally consistent whatever day it is loaded."""

import pytest
from django.contrib.auth import authenticate
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
