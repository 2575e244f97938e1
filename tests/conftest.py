"""Shared fixtures: a committee with its people, and one signed-in client per role."""

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from actions.models import Action
from meetings.models import AgendaItem, Committee, Meeting, Membership, Person

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(autouse=True)
def open_data_rate_limit_out_of_the_way(settings):
    # Hundreds of API requests from one test address in a minute; tests/test_open_data_api.py tests the limit.
    settings.OPEN_DATA_RATE_LIMIT = 100_000


# --- browser set-up: Debian's Chromium, never a downloaded one ---------------------------


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher is deliberately slow; the tests check behaviour, not key stretching.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A council officer's browser: British dates in date inputs, London time.
    return {**browser_context_args, "locale": "en-GB", "timezone_id": "Europe/London"}


@pytest.fixture
def screenshot_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# --- the domain ----------------------------------------------------------------------------


def at(days, hour=17, minute=30):
    """A local date-time `days` from today, at a meeting-ish hour."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def committee(db):
    return Committee.objects.create(name="Children and Young People Scrutiny Committee", short_name="CYP")


@pytest.fixture
def other_committee(db):
    return Committee.objects.create(name="Health Scrutiny Committee", short_name="HSC")


@pytest.fixture
def past_meeting(committee):
    return Meeting.objects.create(committee=committee, starts_at=at(-30), status=Meeting.Status.PUBLISHED)


@pytest.fixture
def held_meeting(committee):
    """Held two days ago, after past_meeting: where an action agreed at past_meeting can be discharged."""
    return Meeting.objects.create(committee=committee, starts_at=at(-2), status=Meeting.Status.HELD)


@pytest.fixture
def next_meeting(committee):
    return Meeting.objects.create(committee=committee, starts_at=at(14))


@pytest.fixture
def item(past_meeting):
    return AgendaItem.objects.create(meeting=past_meeting, number="5", order=5, title="Improvement Plan")


@pytest.fixture
def exempt_item(past_meeting):
    return AgendaItem.objects.create(
        meeting=past_meeting, number="9", order=9, title="Secret contract negotiation", exempt=True
    )


@pytest.fixture
def make_action(committee, item):
    def make(**fields):
        fields.setdefault("text", "A report on housing for care leavers to be brought to a future committee")
        fields.setdefault("committee", committee)
        if "source_item" not in fields and fields["committee"] != committee:
            # Agreed at one of that committee's own meetings, as Action.clean() requires.
            theirs = item.meeting
            meeting = Meeting.objects.create(
                committee=fields["committee"], starts_at=theirs.starts_at, status=theirs.status
            )
            fields["source_item"] = AgendaItem.objects.create(
                meeting=meeting, number=item.number, order=item.order, title=item.title, exempt=item.exempt
            )
        fields.setdefault("source_item", item)
        return Action.record(**fields)

    return make


def content(response):
    """A response's bytes, read the way a browser reads them, whether it streams (the exports) or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def version_of(obj):
    """The version a page drawn now would carry for this record."""
    return type(obj)._base_manager.filter(pk=obj.pk).values_list("version", flat=True).get()


# --- roles -----------------------------------------------------------------------------------


def make_user(username, group=None, person=None):
    user = User.objects.create_user(username, password="secret-pass-123")
    if group:
        user.groups.add(Group.objects.get(name=group))
    if person:
        person.user = user
        person.save()
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def clerk_user(db):
    person = Person.objects.create(name="Kelly Barnett", job_title="Democratic Services Officer")
    return make_user("clerk", "Clerk", person)


@pytest.fixture
def councillor_user(committee):
    person = Person.objects.create(name="C Boles", kind=Person.Kind.COUNCILLOR)
    Membership.objects.create(person=person, committee=committee, role=Membership.Role.MEMBER)
    return make_user("councillor", "Councillor", person)


@pytest.fixture
def chair_user(committee):
    person = Person.objects.create(name="S Wright", kind=Person.Kind.COUNCILLOR)
    Membership.objects.create(person=person, committee=committee, role=Membership.Role.CHAIR)
    return make_user("chair", "Councillor", person)


@pytest.fixture
def officer_user(db):
    person = Person.objects.create(name="Jeanette Richards", job_title="Executive Director of Children's Services")
    return make_user("officer", "Officer", person)


@pytest.fixture
def clerk(clerk_user):
    return client_for(clerk_user)


@pytest.fixture
def councillor(councillor_user):
    return client_for(councillor_user)


@pytest.fixture
def chair(chair_user):
    return client_for(chair_user)


@pytest.fixture
def officer(officer_user):
    return client_for(officer_user)


@pytest.fixture
def anonymous(db):
    return Client()


# --- issue 4: action tracker, brief, action log, public pages ---------------------------------


@pytest.fixture
def unpublished_item(committee):
    """An item at a held meeting whose minutes are still a draft: the public must not see it."""
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-7), status=Meeting.Status.MINUTES_DRAFT)
    return AgendaItem.objects.create(meeting=meeting, number="4", order=4, title="Draft business")


# --- the clerk's meeting workspace (issue 3) ----------------------------------------------------

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def members(committee):
    """Three current members of the committee, besides any role fixtures."""
    names = ("R Gold", "T Pilkington", "M Smith")
    people = [Person.objects.create(name=name, kind=Person.Kind.COUNCILLOR) for name in names]
    for person in people:
        Membership.objects.create(person=person, committee=committee, role=Membership.Role.MEMBER)
    return people


@pytest.fixture
def next_item(next_meeting):
    return AgendaItem.objects.create(meeting=next_meeting, number="5", order=5, title="Improvement Plan update")


# --- issue 12: a real SMTP server, started by the test ----------------------------------------


class Inbox:
    """What an aiosmtpd server received: (envelope recipients, parsed message) in arrival order."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [message for _, message in self.received]


@pytest.fixture
def smtp_inbox(settings):
    """Django sends through SMTP to a server on a free local port; the test reads what arrived."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


@pytest.fixture
def evidence_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
