"""The councillors' weekly digest: opt-in, through a real SMTP server, with preferences and unsubscribe links."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from chasing.models import DigestSubscription
from core import clock

from .chasing_helpers import parts, subject


def run_on(day):
    with time_machine.travel(clock.local_datetime(day, datetime.time(7)), tick=False):
        call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def overdue(make_action, exempt_item, other_committee):
    late = clock.today() - datetime.timedelta(days=5)
    return {
        "public": make_action(text="Publish the school places plan", due_date=late),
        "exempt": make_action(text="Renegotiate the transport contract", due_date=late, source_item=exempt_item),
        "elsewhere": make_action(text="Another committee's business", due_date=late, committee=other_committee),
        "not_yet": make_action(text="Not due yet", due_date=clock.today() + datetime.timedelta(days=5)),
    }


@pytest.fixture
def subscribed(councillor, councillor_user):
    councillor_user.email = "cllr.boles@council.example"
    councillor_user.save()
    councillor.post(reverse("chasing:preferences"), {"weekly": "on"})
    return DigestSubscription.objects.get(user=councillor_user)


def test_nobody_gets_a_digest_without_opting_in(smtp_inbox, overdue, councillor_user):
    councillor_user.email = "cllr.boles@council.example"
    councillor_user.save()
    run_on(clock.today())
    assert smtp_inbox.messages == []


def test_the_digest_lists_overdue_actions_on_the_councillors_committees_with_both_links(
    smtp_inbox, subscribed, overdue, settings
):
    assert subscribed.weekly
    run_on(clock.today())
    ((to, message),) = smtp_inbox.received
    assert to == ["cllr.boles@council.example"]
    assert subject(message) == f"Weekly digest: 2 overdue actions on your committees – {settings.COUNCIL_NAME}"
    text, html = parts(message)
    for body in (text, html):
        assert overdue["public"].reference in body and overdue["exempt"].reference in body  # a member: need to know
        assert overdue["elsewhere"].reference not in body and overdue["not_yet"].reference not in body
        assert "/chasing/email-preferences/" in body and "/chasing/unsubscribe/" in body
    header = str(message["List-Unsubscribe"]).strip()  # a long header is folded onto a continuation line
    assert header.startswith("<http") and "/chasing/unsubscribe/" in header


def test_a_digest_goes_once_a_week_however_often_the_command_runs(smtp_inbox, subscribed, overdue):
    today = clock.today()
    for offset in range(14):
        run_on(today + datetime.timedelta(days=offset))
    assert len(smtp_inbox.messages) == 2


def test_the_unsubscribe_link_turns_the_digest_off_with_one_press(smtp_inbox, subscribed, overdue, anonymous):
    run_on(clock.today())
    url = str(smtp_inbox.messages[0]["List-Unsubscribe"]).strip().strip("<>").split("/", 3)[3]
    page = anonymous.get("/" + url)
    assert page.status_code == 200 and "Unsubscribe from the weekly digest" in page.content.decode()
    subscribed.refresh_from_db()
    assert subscribed.weekly  # opening the link (a mail scanner may) changes nothing
    done = anonymous.post("/" + url)
    assert "You are unsubscribed" in done.content.decode()
    subscribed.refresh_from_db()
    assert not subscribed.weekly


def test_a_tampered_unsubscribe_token_is_refused_and_changes_nothing(anonymous, subscribed):
    token = subscribed.unsubscribe_token()
    response = anonymous.post(reverse("chasing:unsubscribe", args=[token[:-2] + "zz"]))
    assert response.status_code == 403 and "not valid" in response.content.decode()
    subscribed.refresh_from_db()
    assert subscribed.weekly


def test_the_preference_page_needs_a_council_user(anonymous, roleless_client, councillor):
    assert anonymous.get(reverse("chasing:preferences")).status_code == 302
    assert roleless_client.get(reverse("chasing:preferences")).status_code == 403
    assert "weekly digest" in councillor.get(reverse("chasing:preferences")).content.decode()


@pytest.fixture
def roleless_client(db):
    from django.contrib.auth.models import User

    from .conftest import client_for

    return client_for(User.objects.create_user("resident", password="x-very-long-pass"))
