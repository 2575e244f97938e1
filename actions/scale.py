"""Grow a council to N actions the way a decade of a large council looks (load_demo --scale, the benchmarks).

Twenty committees meeting every few weeks for ten years, about 25 actions a meeting, three timeline
entries each, long minutes text, a share of exempt items; actions older than a year are nearly all
discharged, so each committee keeps a few hundred outstanding. Rows go in with bulk inserts (history
tables are not written: these rows were never edited through the app), so 100,000 actions take minutes.
"""

import datetime
import random

from django.db import connection, transaction

from core import clock
from meetings.models import AgendaItem, Attendance, Committee, Meeting, Membership, Person, Resolution

from . import visibility
from .models import Action, ActionUpdate

COMMITTEES = 20
ACTIONS_PER_MEETING = 25
ITEMS_PER_MEETING = 8
MEMBERS_PER_COMMITTEE = 10
FUTURE_MEETINGS = 3
YEARS = 10
BATCH = 2000

TOPICS = [
    "Housing for care leavers",
    "Adult social care budget",
    "Highways maintenance programme",
    "School admissions and place planning",
    "Waste and recycling contract",
    "Library service review",
    "Community safety partnership",
    "Temporary accommodation",
    "Climate emergency action plan",
    "Children's services improvement plan",
    "Leisure centre refurbishment",
    "Council tax support scheme",
]
ACTION_TEXTS = [
    "A report on {topic} to be brought to a future meeting of the Committee",
    "The Director to circulate the performance figures on {topic} to members",
    "Officers to provide a briefing note on {topic} before the next meeting",
    "The Cabinet Member to respond in writing on {topic}",
    "An update on {topic} to be included in the work programme",
]
MINUTES = (
    "The Committee received a report on {topic}. Members asked about progress against the targets set last year, "
    "the effect of recruitment difficulties on the service and the arrangements for consulting residents. "
    "The officer explained the steps taken since the last meeting and the risks that remained. "
) * 6


def grow(actions=100_000, seed=2024, today=None, log=print):
    """Add about `actions` actions (and their meetings, items and people) to the database. Returns counts."""
    rng = random.Random(seed)
    today = today or clock.today()
    with transaction.atomic():
        committees = _committees(COMMITTEES)
        people = _people(rng, committees)
        meetings = _meetings(committees, people["members"], actions, today)
        log(f"{len(meetings)} meetings")
        items, resolutions = _items(rng, meetings, people["officers"])
        log(f"{len(items)} agenda items")
        created = _actions(rng, meetings, items, resolutions, people["officers"], actions, today)
        log(f"{len(created)} actions")
        updates = _timeline(rng, created, today)
        log(f"{updates} timeline entries")
        _point_at_latest_updates(created)
    return {"meetings": len(meetings), "items": len(items), "actions": len(created), "updates": updates}


def _committees(count):
    existing = list(Committee.objects.order_by("pk"))
    new = [
        Committee(
            name=f"Scrutiny Committee {n}",
            slug=f"scrutiny-committee-{n}",
            short_name=f"SC{n}",
            remit="Scrutinises the council's services and its partners. " * 20,
        )
        for n in range(len(existing) + 1, count + 1)
    ]
    return existing + Committee.objects.bulk_create(new)


def _people(rng, committees):
    officers = Person.objects.bulk_create(
        Person(name=f"Scale Officer {n}", job_title=f"Head of Service {n % 40}", kind=Person.Kind.OFFICER)
        for n in range(300)
    )
    councillors = Person.objects.bulk_create(
        Person(name=f"Scale Councillor {n}", kind=Person.Kind.COUNCILLOR)
        for n in range(len(committees) * MEMBERS_PER_COMMITTEE)
    )
    members = {}
    rows = []
    for index, committee in enumerate(committees):
        members[committee.pk] = councillors[index * MEMBERS_PER_COMMITTEE : (index + 1) * MEMBERS_PER_COMMITTEE]
        rows += [Membership(person=p, committee=committee) for p in members[committee.pk]]
    Membership.objects.bulk_create(rows)
    return {"officers": officers, "members": members}


def _meetings(committees, members, actions, today):
    """Enough past meetings for the actions, spread evenly over the years, and a few ahead."""
    past_each = max(1, round(actions / ACTIONS_PER_MEETING / len(committees)))
    gap = max(7, YEARS * 365 // past_each)
    rows = []
    for offset, committee in enumerate(committees):
        for n in range(-past_each, FUTURE_MEETINGS):
            day = today + datetime.timedelta(days=n * gap + 7 + offset % 5)
            status = Meeting.Status.SCHEDULED
            if n < 0:
                status = Meeting.Status.MINUTES_DRAFT if n == -1 else Meeting.Status.PUBLISHED
            starts = clock.local_datetime(day, datetime.time(18, 0))
            rows.append(Meeting(committee=committee, starts_at=starts, status=status, venue="Council Chamber"))
    # In the order a council's database fills, every committee's meetings interleaved by date (then their items,
    # actions and timeline too): inserted committee by committee, one committee's rows sat together on disk, and
    # the planner read a committee's whole decade through its index where a real council's cannot.
    rows.sort(key=lambda m: m.starts_at)
    meetings = Meeting.objects.bulk_create(rows, batch_size=BATCH)
    Attendance.objects.bulk_create(
        (
            Attendance(meeting=m, person=p, in_chair=i == 0)
            for m in meetings
            if m.status != Meeting.Status.SCHEDULED
            for i, p in enumerate(members[m.committee_id])
        ),
        batch_size=BATCH,
    )
    return meetings


def _items(rng, meetings, officers):
    items = AgendaItem.objects.bulk_create(
        (
            AgendaItem(
                meeting=m,
                number=str(n),
                order=n,
                title=rng.choice(TOPICS),
                lead_officer=rng.choice(officers),
                minutes_text=MINUTES.format(topic=rng.choice(TOPICS).lower()),
                exempt=rng.random() < 0.05,
                exempt_reason="Paragraph 3 of Schedule 12A",
            )
            for m in meetings
            for n in range(1, ITEMS_PER_MEETING + 1)
        ),
        batch_size=BATCH,
    )
    resolutions = Resolution.objects.bulk_create(
        (Resolution(item=i, text="That the report be noted and the actions below be taken.") for i in items),
        batch_size=BATCH,
    )
    return items, resolutions


def _actions(rng, meetings, items, resolutions, officers, count, today):
    by_meeting, next_meeting = {}, {}
    for item, resolution in zip(items, resolutions, strict=True):
        by_meeting.setdefault(item.meeting_id, []).append((item, resolution))
    ordered = sorted(meetings, key=lambda m: (m.committee_id, m.starts_at))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.committee_id == after.committee_id:
            next_meeting[before.pk] = after
    held = [m for m in meetings if m.status != Meeting.Status.SCHEDULED]
    short = {c.pk: c.short_name for c in Committee.objects.all()}
    rows = []
    for meeting in held:
        for n in range(1, ACTIONS_PER_MEETING + 1):
            if len(rows) >= count:
                break
            item, resolution = rng.choice(by_meeting[meeting.pk])
            rows.append(_action(rng, meeting, item, resolution, n, next_meeting.get(meeting.pk), officers, today))
            rows[-1].reference = f"{short[meeting.committee_id]}/{meeting.date:%Y-%m-%d}/{n:02d}"
    return Action.objects.bulk_create(rows, batch_size=BATCH)


def _action(rng, meeting, item, resolution, n, following, officers, today):
    agreed = meeting.date
    age = (today - agreed).days
    due_date = agreed + datetime.timedelta(days=rng.choice([28, 42, 56, 90, 120]))
    due = {"due_date": due_date, "due_on": due_date}
    if following and rng.random() < 0.3:
        due = {"due_meeting": following, "due_on": following.date}
    done_chance = 0.97 if age > 365 else min(0.9, age / 400)
    status = Action.Status.DISCHARGED if rng.random() < done_chance else rng.choice(Action.OUTSTANDING)
    discharged_on = None
    if status == Action.Status.DISCHARGED:
        discharged_on = min(today, agreed + datetime.timedelta(days=rng.randint(20, 200)))
    return Action(
        text=rng.choice(ACTION_TEXTS).format(topic=item.title.lower()),
        committee_id=meeting.committee_id,
        source_item=item,
        source_resolution=resolution,
        owner=rng.choice(officers) if rng.random() < 0.9 else None,
        owner_post="" if rng.random() < 0.9 else "Director of Housing",
        rag=rng.choice(Action.Rag.values),
        status=status,
        discharged_on=discharged_on,
        created_at=meeting.starts_at,
        **due,
    )


def _timeline(rng, actions, today):
    """About three entries an action: agreed, an update, and its discharge (or a second update), inserted in the
    order they happened."""
    entries = []
    for action in actions:
        agreed = action.created_at
        mine = [ActionUpdate(action=action, at=agreed, kind=ActionUpdate.Kind.CREATED, status_after="open")]
        mine.append(
            ActionUpdate(
                action=action,
                at=agreed + datetime.timedelta(days=14),
                kind=ActionUpdate.Kind.UPDATE,
                text="Work has started; officers are gathering the figures the Committee asked for.",
                from_owner=True,
            )
        )
        if action.discharged_on:
            mine.append(
                ActionUpdate(
                    action=action,
                    at=clock.local_datetime(action.discharged_on, datetime.time(19, 0)),
                    kind=ActionUpdate.Kind.DISCHARGE,
                    text="Report brought to the Committee; discharged.",
                    status_after="discharged",
                )
            )
        elif rng.random() < 0.5:
            mine.append(
                ActionUpdate(
                    action=action,
                    at=min(clock.now(), agreed + datetime.timedelta(days=40)),
                    kind=ActionUpdate.Kind.UPDATE,
                    text="Draft report with the Director for sign-off.",
                )
            )
        entries += mine
    entries.sort(key=lambda entry: entry.at)
    return len(ActionUpdate.objects.bulk_create(entries, batch_size=BATCH))


def _point_at_latest_updates(actions):
    inserted = Action.objects.filter(pk__in=[a.pk for a in actions])
    inserted.point_at_latest_updates()
    if connection.vendor == "postgresql":
        # Freshly bulk-loaded tables have no statistics yet; without them the planner may scan every action for
        # each row's correlated check in refresh() (seen: one refresh running for minutes in a test database).
        tables = ", ".join(model._meta.db_table for model in (Action, AgendaItem, Meeting))
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {tables}")
    visibility.refresh(inserted)  # bulk inserts do not save(): their copies of the item's answers, here
