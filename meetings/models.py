"""Committees, people, meetings and their agendas: everything the minutes record.

Actions live in the `actions` app, which points at these models; nothing here imports it.
"""

import functools
import hashlib
import operator

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from core import clock, hooks, roles
from core.concurrency import StaleEdit, Versioned, bump_versions

DEFAULT_PROCEDURAL_ITEMS = "\n".join(
    [
        "Apologies for absence",
        "Declarations of interest",
        "Minutes of the last meeting",
        "Public questions",
        "Member questions",
        "Urgent business",
    ]
)
# Procedural items that belong at the end of an agenda rather than the start.
CLOSING_PROCEDURAL_ITEMS = {"urgent business", "any other business", "date of next meeting"}


class Committee(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=20, help_text="Used in action references, e.g. CYP")
    slug = models.SlugField(max_length=200, unique=True)
    remit = models.TextField(blank=True)
    procedural_items = models.TextField(
        blank=True,
        default=DEFAULT_PROCEDURAL_ITEMS,
        help_text="One per line: the procedural items every new agenda starts with.",
    )
    default_venue = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:committee", args=[self.slug])

    def procedural_item_titles(self):
        return [line.strip() for line in self.procedural_items.splitlines() if line.strip()]

    def chair(self, on=None):
        membership = self.memberships.current(on).filter(role=Membership.Role.CHAIR).select_related("person").first()
        return membership.person if membership else None

    def next_meeting(self, today=None):
        return self.meetings.upcoming(today).first()


class Person(models.Model):
    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", "Councillor"
        OFFICER = "officer", "Officer"
        COOPTEE = "cooptee", "Co-optee"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OFFICER)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True, help_text="e.g. Greater Manchester Police")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=50, blank=True)
    active = models.BooleanField(default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["kind", "active", "name"])]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("meetings:person", args=[self.pk])

    @property
    def display_name(self):
        return Person.name_shown(self.name, self.kind)

    @staticmethod
    def name_shown(name, kind):
        """display_name from the two columns, for rows read with values() (the exports)."""
        if kind == Person.Kind.COUNCILLOR and not name.lower().startswith(("cllr", "councillor")):
            return f"Cllr {name}"
        return name


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or clock.today()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=on)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        SUBSTITUTE = "substitute", "Substitute"
        COOPTED = "co-opted", "Co-opted member"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    title = models.CharField(max_length=200, blank=True, help_text="For co-optees, e.g. Trade Union Representative")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["committee", "role", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(role__in=["chair", "vice_chair", "member", "substitute", "co-opted"]),
                name="membership_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}, {self.committee}"


# Sent after a bulk update (QuerySet.update, which sends no post_save) changed a field that decides who may read
# a meeting's items, with the rows' ids: apps that keep a copy of that answer (the search index's `public`)
# listen to it as well as to post_save.
visibility_changed = Signal()


class NoticesVisibility:
    """QuerySet.update() that sends visibility_changed when it writes one of `visibility_fields`."""

    visibility_fields = ()

    def update(self, **kwargs):
        if not set(kwargs) & set(self.visibility_fields):
            return super().update(**kwargs)
        with transaction.atomic(using=self.db):
            pks = list(self.values_list("pk", flat=True))
            count = super().update(**kwargs)
            visibility_changed.send(sender=self.model, pks=pks)
        return count


class MeetingQuerySet(NoticesVisibility, models.QuerySet):
    visibility_fields = ("status",)

    def published(self):
        return self.filter(status=Meeting.Status.PUBLISHED)

    def upcoming(self, today=None):
        """Not cancelled, and not over: a meeting stays upcoming until the end of the UK day it is held."""
        start_of_today = clock.start_of(today or clock.today())
        return self.filter(starts_at__gte=start_of_today).exclude(status=Meeting.Status.CANCELLED).order_by("starts_at")

    def past(self, today=None):
        """Held on an earlier UK day than today (whatever the hour it started)."""
        return self.filter(starts_at__lt=clock.start_of(today or clock.today())).order_by("-starts_at")

    def visible_to(self, user):
        """Published meetings, and the drafts the user needs to know (see "need to know" below)."""
        return self.filter(meeting_q(user))


class Meeting(Versioned):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        MINUTES_DRAFT = "minutes_draft", "Minutes draft"
        MINUTES_APPROVED = "minutes_approved", "Minutes approved"
        PUBLISHED = "published", "Published"
        CANCELLED = "cancelled", "Cancelled"

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    approved_at_meeting = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes_of",
        help_text="The later meeting at which these minutes were approved.",
    )
    public_attendance = models.TextField(blank=True, help_text="e.g. No members of the public were present.")
    imported_from = models.CharField(max_length=64, blank=True, help_text="Fingerprint of imported minutes")
    history = HistoricalRecords()

    # Where a meeting may go, from where. Publishing draft minutes is allowed: many councils publish before approval.
    TRANSITIONS = {
        Status.HELD: {Status.SCHEDULED},
        Status.MINUTES_DRAFT: {Status.HELD, Status.MINUTES_APPROVED, Status.PUBLISHED},
        Status.MINUTES_APPROVED: {Status.MINUTES_DRAFT},
        Status.PUBLISHED: {Status.MINUTES_DRAFT, Status.MINUTES_APPROVED},
        Status.CANCELLED: {Status.SCHEDULED},
        Status.SCHEDULED: {Status.CANCELLED, Status.HELD},
    }

    # The meeting's life in order, as the status strip shows it; cancelled stands aside from it.
    STAGES = (Status.SCHEDULED, Status.HELD, Status.MINUTES_DRAFT, Status.MINUTES_APPROVED, Status.PUBLISHED)
    # Moves the clerk confirms on a page that says what will happen: they change who sees the meeting.
    CONFIRMED_MOVES = {Status.PUBLISHED, Status.CANCELLED}

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["scheduled", "held", "minutes_draft", "minutes_approved", "published", "cancelled"]
                ),
                name="meeting_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["committee", "starts_at"]),
            models.Index(fields=["status", "starts_at"]),
        ]

    def __str__(self):
        return f"{self.committee} — {timezone.localtime(self.starts_at):%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.pk])

    @property
    def date(self):
        return clock.local_date(self.starts_at)

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    def clean(self):
        if self.starts_at:
            clock.check_meeting_date(self.date)

    def save(self, *args, **kwargs):
        # Every door (forms, admin, importer, commands) gets the same date rule.
        clock.check_meeting_date(self.date)
        super().save(*args, **kwargs)

    def next_statuses(self):
        return [status for status in self.Status if self.status in self.TRANSITIONS.get(status, ())]

    @property
    def has_been_held(self):
        return self.status not in (self.Status.SCHEDULED, self.Status.CANCELLED)

    def stages(self):
        """The status strip: (status, label, 'done' | 'current' | 'to come'); cancelled shows only itself as current."""
        if self.status == self.Status.CANCELLED:
            return [(self.Status.CANCELLED, self.Status.CANCELLED.label, "current")]
        here = self.STAGES.index(self.status)
        states = ["done" if n < here else "current" if n == here else "to come" for n in range(len(self.STAGES))]
        return [(status, status.label, state) for status, state in zip(self.STAGES, states, strict=True)]

    def may_approve_minutes_of(self, earlier):
        """Minutes are approved at a later meeting of the same committee, once that meeting is being held."""
        return (
            earlier is not None
            and earlier.committee_id == self.committee_id
            and earlier.starts_at < self.starts_at
            and self.has_been_held
        )

    def consequences(self, status):
        """What a confirmed move will do, and who will see what, in words for the confirmation page."""
        if status == self.Status.PUBLISHED:
            exempt = self.items.filter(exempt=True).count()
            return [
                "Anyone, signed in or not, will be able to read these minutes: the attendance, declarations of "
                "interest, the minutes and resolutions of each item, and the actions agreed on them.",
                f"{exempt} exempt item{'s' if exempt != 1 else ''} will stay private: the public sees only "
                f"“Exempt item” in {'their' if exempt != 1 else 'its'} place."
                if exempt
                else "No item is exempt, so the minutes of every item become public.",
                "The meeting will appear on the committee's public page and in the public action log.",
                "You can withdraw the minutes from the public later, but people may already have read or saved them.",
            ]
        if status == self.Status.CANCELLED:
            scheduled = WorkProgrammeItem.objects.filter(scheduled_for__meeting=self).count()
            return [
                "The meeting will be shown as cancelled to clerks and committee members; the public does not see "
                "a meeting until its minutes are published.",
                f"{scheduled} work-programme item{'s' if scheduled != 1 else ''} on its agenda will go back to "
                "planned, date to be confirmed.",
                "Minutes, resolutions and actions already recorded against it are kept.",
                "You can put it back to scheduled later.",
            ]
        return []

    # Moves that put the minutes in front of more people: made only on minutes the clerk has seen.
    CHECKED_MOVES = {Status.MINUTES_APPROVED, Status.PUBLISHED}

    def minutes_changed_since(self, moment, user=None):
        """Changes to this meeting's minutes (items, resolutions) saved after `moment` by anyone but `user`.

        Read from the history every save writes, so it catches every door (workspace, admin, importer).
        """
        changes = []
        item_ids = list(self.items.values_list("pk", flat=True))
        for model, rows in (
            (AgendaItem, AgendaItem.history.filter(meeting_id=self.pk)),
            (Resolution, Resolution.history.filter(item_id__in=item_ids)),
        ):
            rows = rows.filter(history_date__gt=moment).select_related("history_user")
            if user is not None and user.is_authenticated:
                rows = rows.exclude(history_user=user)
            changes += [(model._meta.verbose_name, row) for row in rows.order_by("history_date")]
        return changes

    @transaction.atomic
    def move_to(self, status, expected_version, approved_at=None, seen_at=None, by=None):
        """Change the meeting's status as the page that asked last saw it.

        StaleEdit if the meeting changed since `expected_version`; MinutesChanged if, before approving
        or publishing, someone else changed its minutes after `seen_at` (when the clerk's page was drawn).
        """
        locked = Meeting.objects.select_for_update().get(pk=self.pk)
        locked.check_version(expected_version)
        if status in self.CHECKED_MOVES and seen_at is not None:
            changes = locked.minutes_changed_since(seen_at, by)
            if changes:
                raise MinutesChanged(changes)
        if locked.status not in self.TRANSITIONS.get(status, ()):
            raise ValueError(f"A meeting that is {locked.get_status_display().lower()} cannot move to that.")
        if status == self.Status.MINUTES_APPROVED and approved_at is None:
            raise ValueError("Choose the later meeting at which these minutes were approved.")
        if status == self.Status.MINUTES_APPROVED and not approved_at.may_approve_minutes_of(locked):
            raise ValueError(
                f"Minutes can be approved at the meeting of {approved_at.date:%-d %B %Y} only once it is being held: "
                "mark that meeting as held first."
            )
        if status == self.Status.MINUTES_APPROVED:
            locked.approved_at_meeting = approved_at
        elif status in (self.Status.MINUTES_DRAFT, self.Status.HELD, self.Status.SCHEDULED):
            locked.approved_at_meeting = None
        was_held = locked.status != self.Status.SCHEDULED and locked.status != self.Status.CANCELLED
        locked.status = status
        locked.save()
        held = status not in (self.Status.SCHEDULED, self.Status.CANCELLED)
        if held and not was_held:
            WorkProgrammeItem.objects.filter(scheduled_for__meeting=locked).update(
                status=WorkProgrammeItem.Status.TAKEN, taken_at_item=F("scheduled_for"), version=F("version") + 1
            )
        elif was_held and not held:
            WorkProgrammeItem.objects.filter(taken_at_item__meeting=locked).update(
                status=WorkProgrammeItem.Status.SCHEDULED, taken_at_item=None, version=F("version") + 1
            )
        if status == self.Status.CANCELLED:
            for work in WorkProgrammeItem.objects.filter(scheduled_for__meeting=locked):
                work.release(f"The meeting of {locked.date:%-d %B %Y} was cancelled.")
        self.__dict__.update(locked.__dict__)
        return self

    def agenda_signature(self, items=None):
        """What a page's agenda order was when drawn: reordering refuses a page whose order has changed since.

        `items` (already loaded, in agenda order) saves a query when the page has them anyway.
        """
        if items is None:
            items = self.items.order_by("order", "pk")
        rows = [(item.pk, item.order, item.number) for item in items]
        return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]

    def check_agenda_signature(self, signature):
        if signature != self.agenda_signature():
            raise StaleEdit(self)

    def append_item(self, title, kind, **fields):
        """A new item at the end of the agenda, numbered after the highest plain number."""
        last = self.items.order_by("-order").values_list("order", flat=True).first() or 0
        taken = self.items.values_list("number", flat=True)
        number = fields.pop("number", "") or str(max((int(n) for n in taken if n.isdigit()), default=0) + 1)
        return AgendaItem.objects.create(meeting=self, title=title, kind=kind, order=last + 1, number=number, **fields)

    @transaction.atomic
    def move_item(self, item, direction, expected_version):
        """Swap an item with its neighbour; numbers stay with positions so the printed agenda reads 1, 2, 3."""
        items = list(self.items.select_for_update().order_by("order", "pk"))
        mine = next((it for it in items if it.pk == item.pk), None)
        if mine is None:
            raise StaleEdit(None, AgendaItem)
        mine.check_version(expected_version)
        moved = swap_with_neighbour(items, mine, direction)
        if moved:
            a, b = moved
            a.number, b.number = b.number, a.number
            AgendaItem.objects.filter(pk__in=[a.pk, b.pk]).update(number="")
        _write_order(AgendaItem, items, ["number"])

    @transaction.atomic
    def renumber_items(self, signature):
        self.check_agenda_signature(signature)
        items = list(self.items.select_for_update().order_by("order", "pk"))
        self.items.update(number="")
        for n, item in enumerate(items, start=1):
            item.number = str(n)
        _write_order(AgendaItem, items, ["number"])
        return len(items)

    def previous(self):
        return (
            Meeting.objects.filter(committee_id=self.committee_id, starts_at__lt=self.starts_at)
            .exclude(status=self.Status.CANCELLED)
            .order_by("-starts_at")
            .first()
        )

    def following(self):
        """The committee's next meeting after this one (not cancelled), if one is scheduled."""
        return (
            Meeting.objects.filter(committee_id=self.committee_id, starts_at__gt=self.starts_at)
            .exclude(status=self.Status.CANCELLED)
            .order_by("starts_at")
            .first()
        )

    @classmethod
    @transaction.atomic
    def create_with_agenda(cls, committee, starts_at, ends_at=None, venue="", with_procedural=True):
        """Schedule a meeting whose agenda already holds what the committee always takes.

        That is: its procedural items, its active standing items and the work-programme
        items that fall due at this meeting (including ones that slipped from earlier).
        """
        meeting = cls.objects.create(
            committee=committee, starts_at=starts_at, ends_at=ends_at, venue=venue or committee.default_venue
        )
        procedural = committee.procedural_item_titles() if with_procedural else []
        opening = [t for t in procedural if t.lower() not in CLOSING_PROCEDURAL_ITEMS]
        closing = [t for t in procedural if t.lower() in CLOSING_PROCEDURAL_ITEMS]
        planned = [(title, AgendaItem.Kind.PROCEDURAL, {}) for title in opening]
        # What was agreed in private stays private: its title is often the exempt resolution's own words.
        for standing in committee.standing_items.active(meeting.date).select_related("source_resolution__item"):
            private = bool(standing.source_resolution and standing.source_resolution.item.exempt)
            extra = {"standing_item": standing, "exempt": private}
            planned.append((standing.title, AgendaItem.Kind.STANDING_ITEM, extra))
        work_items = list(WorkProgrammeItem.objects.due_at(meeting).select_for_update())
        for work in work_items:
            planned.append((work.title, AgendaItem.Kind.WORK_PROGRAMME, {"exempt": work.private}))
        planned += [(title, AgendaItem.Kind.PROCEDURAL, {}) for title in closing]
        items = AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, number=str(n), order=n, title=title, kind=kind, **extra)
            for n, (title, kind, extra) in enumerate(planned, start=1)
        )
        work_agenda_items = [item for item in items if item.kind == AgendaItem.Kind.WORK_PROGRAMME]
        for work, item in zip(work_items, work_agenda_items, strict=True):
            work.mark_scheduled(item)
        return meeting


class AgendaItemQuerySet(NoticesVisibility, models.QuerySet):
    visibility_fields = ("exempt", "meeting", "meeting_id")


class AgendaItem(Versioned):
    class Kind(models.TextChoices):
        PROCEDURAL = "procedural", "Procedural"
        REPORT = "report", "Report"
        VERBAL_UPDATE = "verbal_update", "Verbal update"
        STANDING_ITEM = "standing_item", "Standing item"
        URGENT_BUSINESS = "urgent_business", "Urgent business"
        WORK_PROGRAMME = "work_programme", "Work programme item"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(max_length=12, blank=True, help_text='As printed on the agenda, e.g. "6a"')
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REPORT)
    description = models.CharField(max_length=300, blank=True, help_text="e.g. Report attached, Verbal update")
    lead_officer = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="items_led")
    contact_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="items_contact"
    )
    recommendation = models.TextField(blank=True)
    minutes_text = models.TextField(blank=True, help_text="The discussion, as it will appear in the minutes")
    exempt = models.BooleanField(default=False, help_text="Taken in private under Schedule 12A: never public")
    exempt_reason = models.CharField(max_length=200, blank=True, help_text="e.g. Paragraph 3 of Schedule 12A")
    standing_item = models.ForeignKey(
        "StandingItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    history = HistoricalRecords()

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], condition=~Q(number=""), name="agenda_number_unique_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=[
                        "procedural",
                        "report",
                        "verbal_update",
                        "standing_item",
                        "urgent_business",
                        "work_programme",
                    ]
                ),
                name="agenda_item_kind_valid",
            ),
        ]
        indexes = [models.Index(fields=["meeting", "order"])]

    def __str__(self):
        return AgendaItem.label(self.number, self.title)

    @staticmethod
    def label(number, title):
        """str() of an item from the two columns, for rows read with values() (the exports)."""
        return f"{number}. {title}" if number else title

    def get_absolute_url(self):
        return reverse("meetings:item", args=[self.meeting_id, self.pk])

    def public_title(self):
        return "Exempt item" if self.exempt else self.title


class MinutesChanged(Exception):
    """Someone else changed the minutes after the clerk last looked: show them before going further."""

    def __init__(self, changes):
        self.changes = changes
        super().__init__(f"{len(changes)} change(s) to the minutes since the page was drawn")


def swap_with_neighbour(rows, row, direction):
    """Move `row` one place up or down in `rows` (in place) and renumber `order` 1..n; the swapped pair, or None."""
    here = rows.index(row)
    there = here - 1 if direction == "up" else here + 1
    pair = None
    if 0 <= there < len(rows):
        rows[here], rows[there] = rows[there], rows[here]
        pair = (rows[there], rows[here])
    for n, each in enumerate(rows, start=1):
        each.order = n
    return pair


def _write_order(model, rows, extra_fields=()):
    """Bulk-write a new order; every row touched gets a new version, so a page drawn before is refused."""
    model.objects.bulk_update(rows, ["order", *extra_fields])
    bump_versions(model.objects.filter(pk__in=[r.pk for r in rows]))


class Resolution(Versioned):
    class Vote(models.TextChoices):
        NONE = "", "Not recorded"
        UNANIMOUS = "unanimous", "Unanimous"
        MAJORITY = "majority", "By a majority"
        CHAIRS_CASTING = "casting", "On the Chair's casting vote"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="resolutions")
    order = models.PositiveIntegerField(default=0)
    text = models.TextField()
    vote = models.CharField(max_length=20, choices=Vote.choices, blank=True, default=Vote.NONE)
    # The counts of a vote taken, where recorded (a named vote sets them from the names).
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name="votes for")
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name="votes against")
    votes_abstained = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name="abstentions")
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "order", "pk"]
        indexes = [models.Index(fields=["item", "order"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(votes_for__isnull=True) | Q(votes_for__gte=0))
                & (Q(votes_against__isnull=True) | Q(votes_against__gte=0))
                & (Q(votes_abstained__isnull=True) | Q(votes_abstained__gte=0)),
                name="resolution_vote_counts_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(vote="unanimous") | Q(votes_against__isnull=True) | Q(votes_against=0),
                name="unanimous_resolution_has_no_votes_against",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def has_counts(self):
        return any(n is not None for n in (self.votes_for, self.votes_against, self.votes_abstained))

    def vote_summary(self):
        """e.g. "For 7, against 2, 1 abstention", as the minutes print it."""
        parts = [f"For {self.votes_for or 0}", f"against {self.votes_against or 0}"]
        if self.votes_abstained:
            parts.append(f"{self.votes_abstained} abstention{'s' if self.votes_abstained != 1 else ''}")
        return ", ".join(parts)

    def named_vote(self):
        """The recorded (named) vote, from prefetched rows: [(label, [names])] for each way anyone voted."""
        rows = sorted(self.recorded_votes.all(), key=lambda row: row.person.name)
        return [
            (label, [row.person.display_name for row in rows if row.choice == choice])
            for choice, label in RecordedVote.Choice.choices
            if any(row.choice == choice for row in rows)
        ]

    @transaction.atomic
    def record_named_vote(self, choices):
        """Record how each member voted ({person: "for" | "against" | "abstain" | ""}), replacing any earlier record.

        Only members recorded present at the meeting can have voted; the counts are set from the names.
        """
        chosen = {person: choice for person, choice in choices.items() if choice}
        present = set(
            Attendance.objects.filter(meeting_id=self.item.meeting_id, status=Attendance.Status.PRESENT).values_list(
                "person_id", flat=True
            )
        )
        absent = sorted(person.display_name for person in chosen if person.pk not in present)
        if absent:
            raise ValueError(f"Only members recorded as present can vote: {', '.join(absent)} not recorded present.")
        unknown = {choice for choice in chosen.values()} - set(RecordedVote.Choice.values)
        if unknown:
            raise ValueError("A named vote is for, against or abstain.")
        self.recorded_votes.all().delete()
        RecordedVote.objects.bulk_create(RecordedVote(resolution=self, person=p, choice=c) for p, c in chosen.items())
        if chosen:
            tally = [sum(1 for c in chosen.values() if c == way) for way in RecordedVote.Choice.values]
            Resolution.objects.filter(pk=self.pk).update(
                votes_for=tally[0], votes_against=tally[1], votes_abstained=tally[2]
            )
            self.votes_for, self.votes_against, self.votes_abstained = tally

    @transaction.atomic
    def move(self, direction, expected_version):
        siblings = list(Resolution.objects.filter(item_id=self.item_id).select_for_update().order_by("order", "pk"))
        mine = next((r for r in siblings if r.pk == self.pk), None)
        if mine is None:
            raise StaleEdit(None, Resolution)
        mine.check_version(expected_version)
        swap_with_neighbour(siblings, mine, direction)
        _write_order(Resolution, siblings)


class RecordedVote(models.Model):
    """One member's vote on a resolution, where the council's rules require a named (recorded) vote."""

    class Choice(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "against", "Against"
        ABSTAIN = "abstain", "Abstained"

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="recorded_votes")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="recorded_votes")
    choice = models.CharField(max_length=10, choices=Choice.choices)

    class Meta:
        ordering = ["resolution", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "person"], name="one_recorded_vote_per_member"),
            models.CheckConstraint(condition=Q(choice__in=["for", "against", "abstain"]), name="recorded_vote_valid"),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_choice_display()}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        IN_ATTENDANCE = "in_attendance", "Also in attendance"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PRESENT)
    in_chair = models.BooleanField(default=False)
    substitute_for = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="substituted_by"
    )
    capacity = models.CharField(max_length=200, blank=True, help_text="e.g. Cabinet Member for Children")

    class Meta:
        ordering = ["meeting", "status", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once_per_person"),
            models.UniqueConstraint(fields=["meeting"], condition=Q(in_chair=True), name="one_chair_per_meeting"),
            models.CheckConstraint(condition=Q(in_chair=False) | Q(status="present"), name="chair_must_be_present"),
            models.CheckConstraint(
                condition=Q(status__in=["present", "apologies", "absent", "in_attendance"]),
                name="attendance_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_status_display()}"

    def titles(self, with_job_title=True):
        """The words after the name in the minutes: the job title (for officers in attendance) and the capacity,
        each once: a capacity that repeats the job title is not printed twice (issue 11)."""
        words = [self.person.job_title] if with_job_title and self.person.job_title else []
        if self.capacity and self.capacity.strip().lower() not in (w.strip().lower() for w in words):
            words.append(self.capacity)
        return ", ".join(words)

    @property
    def minutes_titles(self):
        """As the published minutes print it: an officer's job title only when they were in attendance."""
        return self.titles(with_job_title=self.status == self.Status.IN_ATTENDANCE)


class Declaration(models.Model):
    class Type(models.TextChoices):
        PERSONAL = "personal", "Personal"
        PREJUDICIAL = "prejudicial", "Prejudicial"
        DISCLOSABLE_PECUNIARY = "dpi", "Disclosable pecuniary"
        OTHER = "other", "Other registrable"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations")
    type = models.CharField(max_length=20, choices=Type.choices, default=Type.PERSONAL)
    text = models.TextField(help_text="The interest, as declared")

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self):
        return f"{self.person}: {self.get_type_display()} interest"


class StandingItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Seen once the minutes that created it may be read: a private one carries that resolution's words."""
        if roles.is_clerk(user):
            return self
        return self.filter(Q(source_resolution__isnull=True) | item_q(user, prefix="source_resolution__item__"))

    def active(self, on=None):
        on = on or clock.today()
        return self.filter(active_from__lte=on).filter(Q(active_until__isnull=True) | Q(active_until__gte=on))


class StandingItem(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="standing_items")
    title = models.CharField(max_length=300)
    source_resolution = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.PROTECT, related_name="standing_items"
    )
    active_from = models.DateField(default=timezone.localdate)
    active_until = models.DateField(null=True, blank=True)

    objects = StandingItemQuerySet.as_manager()

    class Meta:
        ordering = ["committee", "active_from", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_until__isnull=True) | Q(active_until__gte=models.F("active_from")),
                name="standing_item_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title


class WorkProgrammeQuerySet(models.QuerySet):
    def not_taken(self):
        return self.filter(status=WorkProgrammeItem.Status.PLANNED)

    def due_at(self, meeting):
        """Planned items promised to this meeting, its month (or earlier, if they slipped), or 'the next meeting'."""
        month_start = meeting.date.replace(day=1)
        return self.not_taken().filter(
            Q(target_meeting=meeting)
            | Q(timing=WorkProgrammeItem.Timing.NEXT_MEETING)
            | Q(timing=WorkProgrammeItem.Timing.MONTH, target_month__lte=month_start),
            committee_id=meeting.committee_id,
        )

    def for_meeting(self, meeting):
        """What the work programme holds for one meeting: on its agenda, or still due at it (the chair's brief)."""
        due = self.due_at(meeting).values("pk")
        return (
            self.filter(Q(pk__in=due) | Q(scheduled_for__meeting=meeting) | Q(taken_at_item__meeting=meeting))
            .select_related("target_meeting", "scheduled_for", "taken_at_item")
            .order_by("pk")
        )

    def for_programme(self):
        """The committee's work programme page: what is still to come first, then what was taken or dropped."""
        rank = models.Case(
            models.When(status="planned", then=0),
            models.When(status="scheduled", then=1),
            default=2,
            output_field=models.IntegerField(),
        )
        return self.select_related("target_meeting", "scheduled_for__meeting", "taken_at_item__meeting").order_by(
            rank, "target_month", "target_meeting__starts_at", "pk"
        )


class WorkProgrammeItem(Versioned):
    """A promise to a future meeting ("a report to a future committee"), until an agenda takes it.

    planned (timing: a meeting, the next meeting, a month, or to be confirmed) → scheduled (on a
    meeting's agenda) → taken (that meeting was held); or dropped, with a reason. Deferring puts
    a planned or scheduled item back to planned with a new timing and a reason. A scheduled item
    whose meeting is cancelled goes back to planned.
    """

    class Timing(models.TextChoices):
        MEETING = "meeting", "A chosen meeting"
        NEXT_MEETING = "next_meeting", "The next meeting"
        MONTH = "month", "A month"
        TBC = "tbc", "A future meeting (date to be confirmed)"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        SCHEDULED = "scheduled", "On an agenda"
        TAKEN = "taken", "Taken"
        DROPPED = "dropped", "Dropped"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="work_programme")
    title = models.CharField(max_length=300)
    timing = models.CharField(max_length=20, choices=Timing.choices, default=Timing.TBC)
    target_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="work_programme_targets"
    )
    target_month = models.DateField(null=True, blank=True, help_text="First day of the month it is due")
    notes = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    private = models.BooleanField(
        default=False, help_text="Promised in an exempt item: its title (often the resolution's words) stays private"
    )
    reason = models.CharField(max_length=500, blank=True, help_text="Why it was dropped or last deferred")
    scheduled_for = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="scheduled_work"
    )
    taken_at_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="work_taken"
    )

    objects = WorkProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["committee", "target_month", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(timing="meeting") | Q(target_meeting__isnull=False), name="work_meeting_timing_has_meeting"
            ),
            models.CheckConstraint(
                condition=~Q(timing="month") | Q(target_month__isnull=False), name="work_month_timing_has_month"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "scheduled", "taken", "dropped"]), name="work_status_valid"
            ),
            models.CheckConstraint(condition=~Q(status="dropped") | ~Q(reason=""), name="dropped_work_has_reason"),
        ]
        indexes = [models.Index(fields=["committee", "status"])]

    def __str__(self):
        return self.title

    @property
    def target_display(self):
        if self.timing == self.Timing.MEETING and self.target_meeting:
            return f"{self.target_meeting.date:%-d %B %Y}"
        if self.timing == self.Timing.MONTH and self.target_month:
            return f"{self.target_month:%B %Y}"
        return self.get_timing_display()

    @property
    def is_open(self):
        return self.status in (self.Status.PLANNED, self.Status.SCHEDULED)

    @classmethod
    @transaction.atomic
    def promise(
        cls, committee, title, timing, agreed_at=None, target_meeting=None, target_month=None, notes="", private=False
    ):
        """Record a promise, and put it straight onto the agenda of a meeting already scheduled for it.

        "The next meeting" means the first meeting after the one that agreed it (`agreed_at`), if scheduled.
        """
        if timing == cls.Timing.NEXT_MEETING and agreed_at is not None and target_meeting is None:
            target_meeting = agreed_at.following()
            if target_meeting is not None:
                timing = cls.Timing.MEETING
        work = cls.objects.create(
            committee=committee,
            title=title[:300],
            timing=timing,
            target_meeting=target_meeting if timing == cls.Timing.MEETING else None,
            target_month=target_month,
            notes=notes,
            private=private,
        )
        if work.target_meeting and work.target_meeting.status == Meeting.Status.SCHEDULED:
            work.schedule_onto(work.target_meeting, work.version)
        return work

    def mark_scheduled(self, agenda_item):
        self.status, self.scheduled_for, self.reason = self.Status.SCHEDULED, agenda_item, ""
        self.save()

    @transaction.atomic
    def schedule_onto(self, meeting, expected_version):
        """Put the item on a scheduled meeting's agenda at once (at the end), and mark it as taken onto it."""
        locked = WorkProgrammeItem.objects.select_for_update().get(pk=self.pk)
        locked.version = int(expected_version)
        if meeting.committee_id != locked.committee_id or meeting.status != Meeting.Status.SCHEDULED:
            raise ValueError("Choose a scheduled meeting of this committee that has not been held yet.")
        if not locked.is_open:
            raise ValueError(f"“{locked}” is {locked.get_status_display().lower()}, so it cannot be scheduled.")
        locked._remove_from_agenda()
        item = meeting.append_item(locked.title, AgendaItem.Kind.WORK_PROGRAMME, exempt=locked.private)
        locked.timing, locked.target_meeting, locked.target_month = self.Timing.MEETING, meeting, None
        locked.mark_scheduled(item)
        self.__dict__.update(locked.__dict__)
        return item

    @transaction.atomic
    def drop(self, reason, expected_version):
        if not reason.strip():
            raise ValueError("Say why the item is being dropped from the work programme.")
        locked = self._locked_open(expected_version)
        locked._remove_from_agenda()
        locked.status, locked.reason, locked.scheduled_for = self.Status.DROPPED, reason.strip()[:500], None
        locked.save()
        self.__dict__.update(locked.__dict__)

    @transaction.atomic
    def defer(self, reason, expected_version, target_month=None):
        """Back to planned, for a month or 'to be confirmed', saying why."""
        if not reason.strip():
            raise ValueError("Say why the item is being deferred.")
        locked = self._locked_open(expected_version)
        locked._remove_from_agenda()
        locked.timing = self.Timing.MONTH if target_month else self.Timing.TBC
        locked.target_month = target_month.replace(day=1) if target_month else None
        locked.target_meeting = None
        locked.status, locked.scheduled_for = self.Status.PLANNED, None
        locked.reason = f"Deferred: {reason.strip()}"[:500]
        locked.save()
        self.__dict__.update(locked.__dict__)

    def release(self, reason):
        """Its meeting was cancelled: back to planned, to be confirmed."""
        self.status, self.scheduled_for, self.reason = self.Status.PLANNED, None, reason[:500]
        self.timing, self.target_meeting = self.Timing.TBC, None
        self.save()

    def _locked_open(self, expected_version):
        locked = WorkProgrammeItem.objects.select_for_update().get(pk=self.pk)
        locked.check_version(expected_version)
        if not locked.is_open:
            raise ValueError(f"“{locked}” is already {locked.get_status_display().lower()}.")
        return locked

    def _remove_from_agenda(self):
        """Take it off a not-yet-held agenda, unless the clerk has already written something under it."""
        item = self.scheduled_for
        if item is None:
            return
        if item.minutes_text.strip() or item.resolutions.exists():
            raise ValueError(f"Item {item} already has minutes or resolutions: change that agenda first.")
        try:
            item.delete()
        except models.ProtectedError:
            raise ValueError(f"Item {item} has records made from it: change that agenda first.") from None
        self.scheduled_for = None


# --- need to know ------------------------------------------------------------------------------
# Need to know: who may read a committee's draft minutes and exempt items. The rule, written once.
#
# - Clerks: everything.
# - Members of the committee (a current membership, any role): its draft minutes and exempt items.
# - A substitute: the meeting they substituted at, exempt items included.
# - An officer named on an item (lead or contact officer), or with a stake in it through another app
#   (the actions app: owning an action from it): that item, exempt or not, and its meeting's draft minutes.
# - Every other council user, and the public: published minutes, never an exempt item's content.
#
# The querysets' visible_to() methods (Meeting, StandingItem here; Action in the actions app) and the
# pages build on these functions. docs/model.md states the policy for people.


def member_committees(user):
    """The committees the user sits on now: a subquery (no query of its own)."""
    return Membership.objects.current().filter(person__user=user).values("committee_id")


def stake_q(user, prefix=""):
    """Q over agenda items (or rows that point at one) the user is named on, or has a stake in through another
    app (core.hooks)."""
    # One sub-query per kind of stake, each a plain IN that PostgreSQL turns into an index lookup. OR-ed inside
    # one sub-query, they scanned every agenda item of a decade for each check (25 ms at 100,000 actions).
    people = Person.objects.filter(user=user).values("pk")
    stakes = [Q(lead_officer__in=people), Q(contact_officer__in=people)]
    stakes += [extension.item_stake(user) for extension in hooks.meeting_extensions]
    return functools.reduce(
        operator.or_, (Q(**{f"{prefix}pk__in": AgendaItem.objects.filter(stake).values("pk")}) for stake in stakes)
    )


def stake_items(user):
    """The same, as a subquery of agenda item ids."""
    return AgendaItem.objects.filter(stake_q(user)).values("pk")


def readable_meetings(user):
    """Meetings (any status) whose minutes, exempt items included, the user needs to know: a subquery."""
    substituted = Attendance.objects.filter(person__user=user, substitute_for__isnull=False).values("meeting_id")
    return Meeting.objects.filter(Q(committee_id__in=member_committees(user)) | Q(pk__in=substituted)).values("pk")


def meeting_q(user):
    """Q over the meetings the user may see at all: published ones, and the drafts they need to know."""
    if roles.is_clerk(user):
        return Q()
    published = Q(status=Meeting.Status.PUBLISHED)
    if not roles.can_see_unpublished(user):
        return published
    with_a_stake = AgendaItem.objects.filter(pk__in=stake_items(user)).values("meeting_id")
    return published | Q(pk__in=readable_meetings(user)) | Q(pk__in=with_a_stake)


def item_q(user, prefix="", public=None, meeting_id=None):
    """Q over agenda items (or rows that point at one) whose content the user may see: public or need to know.

    A row that keeps a copy of its item's answers (Action.public and Action.source_meeting, issue 10c) passes
    them: `public`, a Q that holds where the public part below holds, and `meeting_id`, the column holding the
    item's meeting; the rule is the same, read without joining to the item and its meeting."""
    if roles.is_clerk(user):
        return Q()
    if public is None:
        public = Q(**{f"{prefix}meeting__status": Meeting.Status.PUBLISHED, f"{prefix}exempt": False})
    if not roles.can_see_unpublished(user):
        return public
    # Their meetings' items, read through the join the caller already has (a sub-query of agenda items would
    # scan tens of thousands of them), and the items they have a stake in.
    in_their_meetings = Q(**{f"{meeting_id or prefix + 'meeting_id'}__in": readable_meetings(user)})
    return public | in_their_meetings | stake_q(user, prefix)


def shown_items(user, meeting, items):
    """The ids of the meeting's (loaded) items the user may read in full; the others show as 'Exempt item'."""
    if roles.is_clerk(user) or not any(item.exempt for item in items):
        return {item.pk for item in items}
    if not roles.can_see_unpublished(user):
        return {item.pk for item in items if not item.exempt}
    return set(meeting.items.filter(item_q(user)).values_list("pk", flat=True))


def may_brief(user, committee):
    """The chair's brief and the work programme show a committee's draft business: its members and clerks."""
    if not user.is_authenticated:
        return False
    return roles.is_clerk(user) or member_committees(user).filter(committee_id=committee.pk).exists()
