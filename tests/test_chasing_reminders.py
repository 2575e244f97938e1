"""The reminder ladder: send_reminders on frozen days, through a real SMTP server."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse

from actions.models import ActionUpdate
from chasing.models import ReminderPolicy, Reporting, SentReminder
from core import clock
from meetings.models import Person

from .chasing_helpers import link_in, parts, subject
from .conftest import client_for

DUE = clock.today() + datetime.timedelta(days=20)


def on(day, hour=7):
    """A frozen moment on a UK day (07:00, when a cron job runs)."""
    return time_machine.travel(clock.local_datetime(day, datetime.time(hour)), tick=False)


def run(day, *args):
    with on(day):
        call_command("send_reminders", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def owner(db):
    return Person.objects.create(name="Dana Director", email="dana@council.example")


@pytest.fixture
def action(make_action, owner):
    return make_action(owner=owner, due_date=DUE, text="Publish the housing strategy")


def test_running_twice_on_the_same_frozen_day_sends_once(smtp_inbox, action):
    run(DUE)
    run(DUE)
    assert len(smtp_inbox.messages) == 1
    assert SentReminder.objects.get().kind == SentReminder.Kind.DUE


def test_the_ladder_across_a_frozen_month_with_the_default_policy(smtp_inbox, action, owner, committee):
    director = Person.objects.create(name="Chief Exec", email="ceo@council.example")
    Reporting.objects.create(person=owner, director=director)
    clerk = Person.objects.create(name="Kelly Clerk", email="clerk@council.example")
    ReminderPolicy.objects.create(committee=committee, clerk=clerk)  # otherwise the defaults
    sent = {}
    for offset in range(-10, 36):
        before = len(smtp_inbox.received)
        run(DUE + datetime.timedelta(days=offset))
        for to, message in smtp_inbox.received[before:]:
            sent[offset] = (sorted(to), subject(message), message.get("Cc", ""))
    assert sorted(sent) == [-7, 0, 7, 14, 21, 28, 35]
    assert "is due soon" in sent[-7][1] and "is due today" in sent[0][1] and "is overdue" in sent[7][1]
    for offset in (-7, 0, 7, 14, 21):
        assert sent[offset][0] == ["dana@council.example"] and sent[offset][2] == ""
    for offset in (28, 35):  # escalated: the director and the clerk are copied
        assert sent[offset][0] == ["ceo@council.example", "clerk@council.example", "dana@council.example"]
        assert "ceo@council.example" in sent[offset][2] and "clerk@council.example" in sent[offset][2]
    kinds = list(SentReminder.objects.order_by("sent_on").values_list("kind", flat=True))
    assert kinds == ["before", "due", "overdue", "overdue", "overdue", "escalate", "escalate"]
    assert action.updates.filter(kind=ActionUpdate.Kind.MESSAGE).count() == 7


def test_a_committee_sets_its_own_ladder_and_escalates_to_its_lead_officer(smtp_inbox, action, committee):
    lead = Person.objects.create(name="Lead Officer", email="lead@council.example")
    ReminderPolicy.objects.create(
        committee=committee, days_before=3, on_the_day=False, overdue_every=2, escalate_after=4, lead_officer=lead
    )
    days = []
    for offset in range(-5, 7):
        before = len(smtp_inbox.received)
        run(DUE + datetime.timedelta(days=offset))
        days += [(offset, m.get("Cc", "")) for _, m in smtp_inbox.received[before:]]
    assert days == [(-3, ""), (2, ""), (4, "lead@council.example"), (6, "lead@council.example")]


def test_a_committee_can_switch_reminders_off(smtp_inbox, action, committee):
    ReminderPolicy.objects.create(committee=committee, enabled=False)
    run(DUE)
    assert smtp_inbox.messages == []


def test_a_finished_action_is_not_chased(smtp_inbox, action):
    action.mark_completed(note="Done")
    action.discharge(on=clock.today(), note="Done")
    run(DUE)
    assert smtp_inbox.messages == []


def test_dry_run_sends_and_records_nothing(smtp_inbox, action, capsys):
    with on(DUE):
        call_command("send_reminders", "--dry-run")
    assert "Would send due reminder" in capsys.readouterr().out
    assert smtp_inbox.messages == [] and not SentReminder.objects.exists()
    assert not action.updates.filter(kind=ActionUpdate.Kind.MESSAGE).exists()


def test_an_owner_who_cannot_be_chased_is_reported_not_emailed(smtp_inbox, make_action, capsys):
    unreachable = make_action(owner=Person.objects.create(name="No Address"), due_date=DUE)
    with on(DUE):
        call_command("send_reminders")
    assert f"Cannot chase {unreachable.reference}" in capsys.readouterr().out
    assert smtp_inbox.messages == []


def test_the_reminder_has_both_parts_and_a_working_update_link(smtp_inbox, action, anonymous, settings):
    run(DUE)
    (message,) = smtp_inbox.messages
    text, html = parts(message)
    assert settings.COUNCIL_NAME in subject(message) and action.reference in text and action.reference in html
    with on(DUE):
        link = link_in(message)
        data = {"action": action.pk, f"action-{action.pk}-text": "Published", f"action-{action.pk}-version": 1}
        assert anonymous.post(link, data).status_code == 302
    assert action.updates.filter(via=ActionUpdate.Via.EMAILED_LINK).exists()


def test_the_database_refuses_a_second_reminder_on_one_rung_one_day(action):
    fields = {"action": action, "kind": "due", "sent_on": DUE, "to": "x@example.org", "subject": "s"}
    SentReminder.objects.create(**fields)
    with pytest.raises(IntegrityError):
        SentReminder.objects.create(**fields)


def test_every_reminder_sent_is_listed_in_the_admin(smtp_inbox, action):
    run(DUE)
    admin = client_for(User.objects.create_superuser("admin", "admin@example.org", "x-long-password-1"))
    page = admin.get(reverse("admin:chasing_sentreminder_changelist")).content.decode()
    assert action.reference in page and "dana@council.example" in page
