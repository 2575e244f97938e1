"""Time the main pages against a large council's worth of data (a script, not a test).

    python benchmarks/bench_pages.py                       # SQLite, in /tmp/scrutiny-bench.sqlite3
    DATABASE_URL=postgres://user@host:port/scrutiny python benchmarks/bench_pages.py

It builds a throwaway database the way the test runner does (test_<name> on PostgreSQL, a file
under /tmp on SQLite), fills it with 20 committees, 500 meetings, 4,000 agenda items and 5,000
actions, requests each page several times with django.test.Client and prints the median time
and the query count per page, then drops the database. Targets: every page under 250 ms median
on a 2-core machine, and the query counts those of tests/test_query_counts.py.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
SQLITE_FILE = "/tmp/scrutiny-bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from actions.models import Action, ActionUpdate  # noqa: E402
from meetings.models import (  # noqa: E402
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Membership,
    Person,
    Resolution,
)

COMMITTEES, MEETINGS_EACH, ITEMS_EACH, MEMBERS_EACH = 20, 25, 8, 10
FUTURE_EACH = 3  # of each committee's meetings, the rest are past
ACTIONS = 5_000


def at(days, hour=17):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 30)))


def build(rng):
    """A council's worth of rows, bulk-inserted (the pages' cost, not the verbs', is what is measured)."""
    today = timezone.localdate()
    officers = Person.objects.bulk_create(Person(name=f"Officer {n}", job_title="Head of Service") for n in range(200))
    committees = [
        Committee.objects.create(name=f"Committee {c} Scrutiny", short_name=f"C{c}", remit="Scrutinises services.")
        for c in range(COMMITTEES)
    ]
    councillors = Person.objects.bulk_create(
        Person(name=f"Councillor {n}", kind=Person.Kind.COUNCILLOR) for n in range(COMMITTEES * MEMBERS_EACH)
    )
    members = {c.pk: councillors[i * MEMBERS_EACH : (i + 1) * MEMBERS_EACH] for i, c in enumerate(committees)}
    Membership.objects.bulk_create(
        Membership(person=p, committee=c, role=Membership.Role.CHAIR if n == 0 else Membership.Role.MEMBER)
        for c in committees
        for n, p in enumerate(members[c.pk])
    )
    meetings = []
    for c in committees:
        for m in range(MEETINGS_EACH):
            days = (m - (MEETINGS_EACH - FUTURE_EACH)) * 42 + 14  # every six weeks; the last few ahead
            status = Meeting.Status.SCHEDULED
            if days < 0:
                status = Meeting.Status.PUBLISHED if days < -50 else Meeting.Status.MINUTES_DRAFT
            meetings.append(Meeting(committee=c, starts_at=at(days), status=status, venue="Town Hall"))
    meetings = Meeting.objects.bulk_create(meetings)
    past = [m for m in meetings if m.status != Meeting.Status.SCHEDULED]
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=m,
            number=str(n),
            order=n,
            title=f"Report {n} on services",
            lead_officer=rng.choice(officers),
            exempt=n == ITEMS_EACH,
        )
        for m in meetings
        for n in range(1, ITEMS_EACH + 1)
    )
    resolutions = Resolution.objects.bulk_create(
        Resolution(item=i, text="That the report be noted and an update brought back.") for i in items
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=m, person=p, in_chair=n == 0) for m in past for n, p in enumerate(members[m.committee_id])
    )
    Declaration.objects.bulk_create(
        Declaration(meeting=m, person=members[m.committee_id][1], text="School governor") for m in past
    )
    meeting_by_pk = {m.pk: m for m in meetings}
    past_pks = {m.pk for m in past}
    sources = [(i, r) for i, r in zip(items, resolutions, strict=True) if i.meeting_id in past_pks]
    future = {c.pk: [m for m in meetings if m.committee_id == c.pk and m.status == "scheduled"] for c in committees}
    actions = []
    for n in range(ACTIONS):
        item, resolution = rng.choice(sources)
        meeting = meeting_by_pk[item.meeting_id]
        age = (today - timezone.localtime(meeting.starts_at).date()).days
        status = Action.Status.DISCHARGED if age > 200 and rng.random() < 0.85 else rng.choice(Action.OUTSTANDING)
        due = {"due_date": today + datetime.timedelta(days=rng.randint(-90, 120))}
        if rng.random() < 0.3:
            due = {"due_meeting": rng.choice(future[meeting.committee_id])}
        actions.append(
            Action(
                reference=f"{meeting.committee.short_name}/{n:05d}",
                text=f"Officer to report back on item {item.number}",
                committee_id=meeting.committee_id,
                source_item=item,
                source_resolution=resolution,
                owner=rng.choice(officers),
                rag=rng.choice(Action.Rag.values),
                status=status,
                discharged_on=today - datetime.timedelta(days=30) if status == Action.Status.DISCHARGED else None,
                created_at=meeting.starts_at,
                **due,
            )
        )
    actions = Action.objects.bulk_create(actions)
    ActionUpdate.objects.bulk_create(
        ActionUpdate(action=a, at=a.created_at + datetime.timedelta(days=k * 20), kind=kind, text=text)
        for a in actions
        for k, (kind, text) in enumerate(
            [("created", ""), ("update", "Work is under way."), ("update", "Nearly there.")]
        )
    )
    return committees, members, officers, meetings, actions


def users(committees, members, officers):
    def user(name, group, person):
        u = User.objects.create_user(name)
        u.groups.add(Group.objects.get(name=group))
        person.user = u
        person.save()
        return u

    clerk = user("clerk", "Clerk", Person.objects.create(name="Clerk", job_title="Democratic Services Officer"))
    councillor = members[committees[0].pk][2]
    Membership.objects.bulk_create(Membership(person=councillor, committee=c) for c in committees[1:4])
    return {
        "clerk": clerk,
        "councillor": user("councillor", "Councillor", councillor),
        "chair": user("chair", "Councillor", members[committees[0].pk][0]),
        "officer": user("officer", "Officer", officers[0]),
    }


def pages(committees, meetings, actions):
    committee = committees[0]
    held = [m for m in meetings if m.committee_id == committee.pk and m.status != "scheduled"]
    published = [m for m in held if m.status == Meeting.Status.PUBLISHED]
    action = next(a for a in actions if a.committee_id == committee.pk and a.source_item.meeting.is_public)
    log = reverse("actions:log", args=[committee.slug])
    return [
        ("home (public)", None, "/"),
        ("home (clerk)", "clerk", "/"),
        ("home (councillor)", "councillor", "/"),
        ("home (chair)", "chair", "/"),
        ("home (officer)", "officer", "/"),
        ("/actions/ (councillor)", "councillor", "/actions/"),
        ("/actions/?overdue=on", "councillor", "/actions/?overdue=on"),
        ("/actions/ (public)", None, "/actions/"),
        ("action page", "councillor", action.get_absolute_url()),
        ("my actions (officer)", "officer", reverse("actions:mine")),
        ("my committees", "councillor", reverse("actions:my_committees")),
        ("committee page", None, committee.get_absolute_url()),
        ("meeting workspace (clerk)", "clerk", held[-1].get_absolute_url()),
        ("meeting page (public)", None, published[-1].get_absolute_url()),
        ("brief (chair)", "chair", reverse("actions:brief", args=[committee.slug])),
        ("action log, all (HTML)", "councillor", f"{log}?show=all"),
        ("action log, all (CSV)", "councillor", reverse("actions:log_csv", args=[committee.slug]) + "?show=all"),
        ("action log, all (XLSX)", "councillor", reverse("actions:log_xlsx", args=[committee.slug]) + "?show=all"),
    ]


def measure(client, url, runs):
    client.get(url)  # warm: template loading, the connection
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), min(times), len(queries), len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    setup_test_environment(debug=False)
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        db.setdefault("TEST", {})["NAME"] = SQLITE_FILE
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        with transaction.atomic():
            committees, members, officers, meetings, actions = build(random.Random(2024))
            logins = users(committees, members, officers)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"{connection.vendor} {connection.settings_dict['NAME']}: {Committee.objects.count()} committees, "
            f"{Meeting.objects.count()} meetings, {AgendaItem.objects.count()} items, "
            f"{Action.objects.count()} actions ({Action.objects.outstanding().count()} outstanding, "
            f"{Action.objects.overdue().count()} overdue), {ActionUpdate.objects.count()} updates; "
            f"built in {time.perf_counter() - started:.1f} s. Median of {args.runs} runs per page."
        )
        clients = {None: Client()}
        for role, user in logins.items():
            clients[role] = Client()
            clients[role].force_login(user)
        print(f"{'page':34} {'median ms':>10} {'min ms':>8} {'queries':>8} {'KB':>7}")
        for name, role, url in pages(committees, meetings, actions):
            median, fastest, queries, size = measure(clients[role], url, args.runs)
            print(f"{name:34} {median:10.1f} {fastest:8.1f} {queries:8d} {size / 1024:7.0f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
