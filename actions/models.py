"""Actions a committee agreed, and their timeline until the committee discharges them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import clock, dates, rag_rules, roles
from core.concurrency import StaleEdit, Versioned
from meetings.models import (
    AgendaItem,
    Committee,
    Meeting,
    Person,
    Resolution,
    WorkProgrammeItem,
    item_q,
    member_committees,
)


class AlreadyAnAction(ValueError):
    """A resolution that has already been made an action: the clerk is told which, and no second one is made."""

    def __init__(self, action):
        self.action = action
        super().__init__(f"Action {action.reference} was already made from this resolution, so no second one was made.")


def overdue_q(today=None, prefix=""):
    """The overdue rule (see core.clock): outstanding, and the UK day it was due has ended.

    `prefix` lets a query over committees (``actions__``) count with the very same rule.
    """
    return Q(**{f"{prefix}status__in": Action.OUTSTANDING, f"{prefix}due_on__lt": today or clock.today()})


def agreed_between_q(first_day, end_day, committee=None):
    """Agreed on or after first_day and before end_day (Action.agreed_on: its meeting's day, or when recorded)."""
    start, end = clock.start_of(first_day), clock.start_of(end_day)
    recorded = Q(source_item__isnull=True, created_at__gte=start, created_at__lt=end)
    if committee is not None:
        # One committee's meetings in a period are a dozen or so: read first, as a list, each side of the OR is an
        # index lookup (on the meeting each action keeps a copy of), where a sub-query could only be checked
        # against every action the committee ever had (PostgreSQL cannot OR a sub-query into an index scan).
        # Complete without a filter on the committee beside it (an action agreed at the committee's meeting is the
        # committee's: every door that records one sets it so), so a log can leave that filter out: with it,
        # PostgreSQL read the committee's whole decade through its index rather than OR the arms' indexes.
        meetings = committee.meetings.filter(starts_at__gte=start, starts_at__lt=end)
        recorded &= Q(committee=committee)
        return Q(source_meeting__in=list(meetings.values_list("pk", flat=True))) | recorded
    # The items of the meetings in the period, as a sub-query: read through the join, the period could only be
    # checked after joining every action the committee ever had to its item and meeting (issue 10b).
    items = AgendaItem.objects.filter(meeting__starts_at__gte=start, meeting__starts_at__lt=end)
    return Q(source_item__in=items.values("pk")) | recorded


def action_q(user, prefix="", stored=False):
    """Q over actions (or rows that point at one, through `prefix`) the user may see: the rule visible_to() applies.

    stored=True reads the copies each action keeps of its source item's answers (`public`, `source_meeting`:
    actions/visibility.py keeps them right) instead of joining every row to its item and meeting: the lists use
    it. Whatever writes a copy of the rule (those columns, the search index) reads the live form."""
    if roles.is_clerk(user):
        return Q()
    stored_columns = {}
    if stored:
        stored_columns = {"public": Q(**{f"{prefix}public": True}), "meeting_id": f"{prefix}source_meeting_id"}
    visible = item_q(user, prefix=f"{prefix}source_item__", **stored_columns)
    if roles.can_see_unpublished(user):
        own_committee = {f"{prefix}source_item__isnull": True, f"{prefix}committee_id__in": member_committees(user)}
        visible |= Q(**own_committee) | Q(**{f"{prefix}owner__user": user})
    return visible


def due_by_q(day):
    """Due on or before a UK day: by date, or at a meeting held that day or earlier (Action.due_on)."""
    return Q(due_on__lte=day)


# Related rows' long text that no list shows: left in the database by with_related().
WIDE_COLUMNS = [
    f"{path}__{name}"
    for path, names in {
        "committee": ["remit", "procedural_items"],
        "source_item": ["minutes_text", "recommendation"],
        "source_item__meeting": ["public_attendance"],
    }.items()
    for name in names
]


# A row of the exported log (actions/exports.py), read as values: five thousand rows built as model objects (the
# action, its owner, item, meeting and latest update) took longer than writing the spreadsheet.
EXPORT_VALUES = [
    *("reference", "text", "status", "rag", "due_on", "due_note", "owner_post", "owner__name", "owner__kind"),
    *("latest_update__text", "latest_update__at", "source_item_id", "source_item__number", "source_item__title"),
    *("source_item__exempt", "source_item__meeting__starts_at"),
]


class PagedByIds:
    """A sorted list of actions as a Paginator's rows: a page is found by a narrow query (the ids, in order) and
    only its rows are then read, by id, with everything a row shows (`rows`). Sorting a committee's decade with
    every row's joins and columns attached cost the action log 50 ms at 100,000 actions, to show 50 of them."""

    def __init__(self, actions, rows):
        self.actions, self.rows = actions, rows

    def count(self):
        return self.actions.count()

    def __getitem__(self, rows):
        """A slice of the list (what a Paginator asks for): its rows, in order."""
        ids = list(self.actions.values_list("pk", flat=True)[rows])
        found = self.rows.in_bulk(ids)
        return [found[pk] for pk in ids]


class ActionQuerySet(models.QuerySet):
    def outstanding(self):
        return self.filter(status__in=Action.OUTSTANDING)

    def overdue(self, today=None):
        return self.filter(overdue_q(today))

    def agreed_between(self, first_day, end_day, committee=None):
        return self.filter(agreed_between_q(first_day, end_day, committee))

    def point_at_latest_updates(self):
        """Set latest_update for rows written without the verbs (bulk inserts): one UPDATE for them all."""
        newest = ActionUpdate.objects.filter(action=OuterRef("pk")).with_words().newest_first()
        return self.update(latest_update=Subquery(newest.values("pk")[:1]))

    def paged_by_ids(self):
        """These actions, in their order, for a Paginator that reads only the page's rows, each as with_related()
        reads it (PagedByIds)."""
        return PagedByIds(self, Action.objects.with_related())

    def head(self, limit):
        """The first `limit` rows and how many more there are (two queries, whatever the size): a bounded
        list that says what it leaves out."""
        return list(self[:limit]), max(0, self.count() - limit)

    def due_by(self, meeting):
        """The committee's outstanding actions due at or before `meeting`: its 'matters arising'."""
        return self.outstanding().filter(due_by_q(meeting.date), committee_id=meeting.committee_id)

    def matters_arising(self, meeting):
        """What the meeting's workspace lists: due_by(meeting) less the actions agreed at it, and those discharged
        at it. One condition over the committee's rows (two indexes, OR-ed), where "pk in (the due ones)" read
        every action the committee ever had: a decade of them, at 100,000 actions."""
        discharged_there = self.filter(discharged_at_meeting=meeting, committee_id=meeting.committee_id)
        return self.due_by(meeting).exclude(source_meeting=meeting) | discharged_there

    def visible_to(self, user):
        """Actions whose item the user may read (public, or need to know: meetings.models), and their own."""
        return self if roles.is_clerk(user) else self.filter(action_q(user, stored=True))

    def with_related(self):
        """Everything a list row shows, in two queries whatever the row count, without the wide text columns
        (minutes, remits) a row never shows. The committees are read apart: joined in with the rest, they took
        PostgreSQL longer to plan (3.2 ms at 100,000 actions, 1.2 without) than the second query costs."""
        committees = Committee.objects.defer("remit", "procedural_items")
        return self._without_committee().prefetch_related(models.Prefetch("committee", queryset=committees))

    def _without_committee(self):
        return self.select_related("owner", "source_item__meeting", "latest_update").defer(
            *(c for c in WIDE_COLUMNS if not c.startswith("committee__"))
        )

    def for_export(self):
        """Only what a row of the exported log shows, as dicts (actions/exports.py log_row)."""
        return self.select_related(None).values(*EXPORT_VALUES)

    def for_row(self):
        """What one row with the clerk's controls needs besides the action's own columns: its owner and latest
        update (its due and discharging meetings are read with the workspace's, actions/workspace_views.py).
        Narrower than with_related() (no committee): the workspace's writes read it, and each joined table costs
        them compiling and building."""
        item_columns = [c for c in WIDE_COLUMNS if c.startswith("source_item")]
        # The item's meeting too: a verb's guard dates the agreement by it (agreed_on).
        return self.select_related("owner", "latest_update", "source_item__meeting").defer(*item_columns)

    def with_meetings(self):
        """What a row with the clerk's controls shows: with_related() but the committee (the workspace's rows are
        its meeting's committee's), and the due and discharging meetings. Fetched apart: joined in, they made
        PostgreSQL spend ten times longer planning the query than running it."""
        return self._without_committee().prefetch_related("due_meeting", "discharged_at_meeting")


class Action(Versioned):
    class Rag(models.TextChoices):
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed, awaiting discharge"
        DISCHARGED = "discharged", "Discharged"
        CLOSED = "closed", "Closed without being done"

    OUTSTANDING = (Status.OPEN, Status.IN_PROGRESS, Status.COMPLETED)

    reference = models.CharField(max_length=40, unique=True, blank=True, help_text="e.g. CYP/2022-03/05")
    text = models.TextField()
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="actions")
    # PROTECT: an agenda item or resolution an action came from cannot be deleted from under it.
    source_item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="actions")
    source_resolution = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    owner_post = models.CharField(max_length=200, blank=True, help_text="A post, where no person is named")
    due_date = models.DateField(null=True, blank=True)
    due_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions_due"
    )
    due_note = models.CharField(max_length=200, blank=True, help_text='e.g. "early in the new municipal year"')
    # The UK day it falls due: due_date, else its due meeting's day. Stored so the overdue rule and the
    # "soonest due" order use an index; kept right by save() and by the Meeting signals below.
    due_on = models.DateField(null=True, blank=True, editable=False)
    rag = models.CharField(max_length=5, choices=Rag.choices, default=Rag.GREEN)
    # An owner's proposed rating: it changes nothing until a clerk accepts or rejects it (issue 11).
    proposed_rag = models.CharField(max_length=5, choices=Rag.choices, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    closed_reason = models.TextField(blank=True)
    discharged_on = models.DateField(null=True, blank=True)
    discharged_at_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions_discharged"
    )
    evidence = models.TextField(blank=True, help_text='e.g. "Report brought to the meeting of 12 July"')
    work_programme_item = models.ForeignKey(
        WorkProgrammeItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    # The newest timeline entry with words in it, set in the same transaction as the entry (_change), so a
    # list shows each row's latest update through a join instead of a sub-query per row.
    latest_update = models.ForeignKey(
        "ActionUpdate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    # How many timeline entries moved the due point later (core/rag_rules.py), kept by _change for the lists.
    deferrals = models.PositiveSmallIntegerField(default=0, editable=False)
    # Copies of the source item's answers, so the lists check who may see a row without joining every row to its
    # item and meeting (issue 10c): whether the public may (action_q for an anonymous visitor), and the item's
    # meeting. Written only by actions/visibility.py, from the live rule, on every change that can move them.
    public = models.BooleanField(default=False, editable=False)
    source_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["committee", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(rag__in=["red", "amber", "green"]), name="action_rag_valid"),
            models.CheckConstraint(
                condition=Q(proposed_rag__in=["", "red", "amber", "green"]), name="action_proposed_rag_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["open", "in_progress", "completed", "discharged", "closed"]),
                name="action_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="discharged") | Q(discharged_on__isnull=False),
                name="discharged_action_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(closed_reason=""), name="closed_action_has_reason"
            ),
        ]
        indexes = [
            models.Index(fields=["committee", "status"]),
            models.Index(fields=["committee", "created_at"]),
            models.Index(fields=["owner", "status"]),
            # The tracker's default order, read in order and stopped after a page (filters.sort_actions).
            models.Index(
                fields=["due_on", "created_at", "id"],
                condition=Q(status__in=["open", "in_progress", "completed"]),
                name="action_outstanding_by_due",
            ),
            # The tracker's RAG tiles and total (views.rag_counts), counted from the index alone whatever the
            # history: every column the count reads is in it, those a councillor's need to know reads (action_q)
            # included. Without them, a councillor's tiles read each outstanding row from the table: 12 ms at
            # 100,000 actions laid down in the order a council's are, 6 from the index.
            models.Index(
                fields=["public", "rag", "due_on", "status", "id"],
                include=["owner", "source_meeting", "source_item", "committee"],
                condition=Q(status__in=["open", "in_progress", "completed"]),
                name="action_outstanding_tiles_cover",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("actions:detail", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        action = super().from_db(db, field_names, values)
        action._due_source = action._due_fields()
        return action

    def _due_fields(self):
        return (self.__dict__.get("due_date"), self.__dict__.get("due_meeting_id"))

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self._next_reference()
        if getattr(self, "_due_source", None) != self._due_fields():
            # Only when the due point changed: a verb's save must not fetch the due meeting each time.
            self.due_on = self._due_day()
            self._due_source = self._due_fields()
        adding = self._state.adding
        super().save(*args, **kwargs)
        from .visibility import after_save

        after_save(self, adding, kwargs.get("update_fields"))

    def _due_day(self):
        return self.due_date or (self.due_meeting.date if self.due_meeting_id else None)

    def _next_reference(self):
        when = self.source_item.meeting.date if self.source_item_id else clock.today()
        prefix = f"{self.committee.short_name or self.committee.slug[:6].upper()}/{when:%Y-%m}/"
        taken = Action.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
        numbers = [int(ref.rsplit("/", 1)[1]) for ref in taken if ref.rsplit("/", 1)[1].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1:02d}"

    # --- what the list pages show -------------------------------------------------------

    @property
    def is_outstanding(self):
        return self.status in self.OUTSTANDING

    @property
    def latest_update_text(self):
        """What the latest update said (with_related() loads it with the row)."""
        return self.latest_update.text if self.latest_update_id else ""

    @property
    def latest_update_at(self):
        return self.latest_update.at if self.latest_update_id else None

    def suggested_rag(self, today=None):
        """What the written rules (core/rag_rules.py) suggest; "" when they have nothing to say."""
        done = self.status in (self.Status.COMPLETED, self.Status.DISCHARGED)
        return rag_rules.suggest(self.due_on, today or clock.today(), self.deferrals, completed=done)

    def is_overdue(self, today=None):
        """overdue_q for one loaded action."""
        return self.is_outstanding and self.due_on is not None and self.due_on < (today or clock.today())

    @property
    def due_display(self):
        if self.due_date:
            return dates.table_date(self.due_date)
        if self.due_meeting_id:
            return f"Meeting of {dates.table_date(self.due_on)}"
        return self.due_note or "Not set"

    @property
    def owner_display(self):
        owner = self.owner if self.owner_id else None
        return Action.owner_shown(owner and owner.name, owner and owner.kind, self.owner_post)

    @staticmethod
    def owner_shown(name, kind, post):
        """owner_display from the owner's name and kind (None when there is no owner) and the post."""
        if name is not None and post:
            return f"{name} ({post})"
        if name is not None:
            return Person.name_shown(name, kind)
        return post or "Not assigned"

    def days_outstanding(self, today=None):
        end = self.discharged_on or today or clock.today()
        return (end - clock.local_date(self.created_at)).days

    @property
    def agreed_on(self):
        """The day the committee agreed it: its meeting's date, else the day it was recorded."""
        if self.source_item_id:
            return self.source_item.meeting.date
        return clock.local_date(self.created_at or clock.now())

    def clean(self):
        """The dates a council would accept (core.clock), and the committee the agreeing meeting's, for every form
        built on this model (the admin's included)."""
        # The logs find a period's actions by the meetings that agreed them (agreed_between_q).
        if self.source_item_id and self.committee_id and self.source_item.meeting.committee_id != self.committee_id:
            meeting = self.source_item.meeting
            agreed = f"It was agreed at the {meeting.committee} meeting of {meeting.date:%-d %B %Y}"
            raise ValidationError({"committee": f"{agreed}: choose that committee."})
        if self.due_date:
            try:
                clock.check_due_date(self.due_date, self.agreed_on)
            except ValidationError as error:
                raise ValidationError({"due_date": error.messages}) from None

    # --- domain verbs: each one transaction, each leaves an entry on the timeline ----------
    # Each verb's guard is judged against the row as locked, never a copy the caller loaded earlier.

    def _change(
        self, by, kind, entry="", expected_version=None, as_owner=False, at=None, guard=None, via="", **changes
    ):
        # A caller that holds the row (held_for_change) holds the transaction too, and answers a refusal by leaving
        # it: the verb needs no savepoint of its own there (two statements fewer on every workspace write).
        with transaction.atomic(savepoint=not self.is_held()):
            locked = self.locked_row()
            if expected_version is not None and int(expected_version) != locked.version:
                raise StaleEdit(locked)
            # Work from the locked row so a concurrent change is never lost under our own.
            for field in [f.attname for f in self._meta.concrete_fields]:
                setattr(self, field, getattr(locked, field))
            due_before, due_fields = self.due_on, self._due_fields()  # before a guard tries the changes on
            refusal = guard(self) if guard else None
            if refusal:
                raise ValueError(refusal)
            # A change or an entry may depend on the row as locked (accepting a proposal: its rating, its words).
            changes = {field: value(self) if callable(value) else value for field, value in changes.items()}
            entry = entry(self) if callable(entry) else entry
            rag_before, status_before = self.rag, self.status
            for field, value in changes.items():
                setattr(self, field, value)
            due_after = self.due_on if self._due_fields() == due_fields else self._due_day()
            self.deferrals += rag_rules.is_deferral(due_before, due_after)
            update = ActionUpdate.objects.create(
                proposed_rag=changes.get("proposed_rag") or "",
                action=self,
                at=at or clock.now(),
                by=by if getattr(by, "is_authenticated", False) else None,
                kind=kind,
                text=entry,
                from_owner=as_owner,
                via=via,
                rag_before=rag_before,
                rag_after=self.rag,
                status_before=status_before,
                status_after=self.status,
                due_before=due_before,
                due_after=due_after,
            )
            if entry and (at is None or self._is_newest(update)):
                self.latest_update = update
            self.hold_row(locked)  # locked above at the version it was checked against: no second claim
            self.save(update_fields=self._changed_since(locked))
            return update

    def _changed_since(self, locked):
        """The columns a verb changed (and the ones save() keeps: the due day, the time of the change), so the
        UPDATE is narrow and the search entry, which reads none of them, is not rewritten."""
        return [
            f.name
            for f in self._meta.concrete_fields
            if not f.primary_key
            and (
                getattr(f, "auto_now", False)
                or f.attname == "due_on"
                or getattr(self, f.attname) != getattr(locked, f.attname)
            )
        ]

    def _is_newest(self, update):
        """An entry dated in the past (an import, a late record) is the latest only if nothing newer has words."""
        newer = self.updates.with_words().exclude(pk=update.pk).filter(at__gt=update.at)
        return not newer.exists()

    @classmethod
    @transaction.atomic
    def record(cls, by=None, note="", **fields):
        """Create an action the committee agreed, opening its timeline. ValidationError for impossible dates."""
        action = cls(**fields)
        action.clean()
        action.save()
        action.open_timeline(by, note)
        return action

    @classmethod
    @transaction.atomic
    def record_from_resolution(cls, resolution, by=None, **fields):
        """The action a resolution gives someone: one only (and one promise to a future committee), so a second
        click, or a second clerk, makes no twin. AlreadyAnAction names the one already made.

        (The importer may link several to one resolution, as minutes do: it uses record.)
        """
        Resolution.objects.select_for_update().filter(pk=resolution.pk).first()  # one maker at a time
        promise = fields.get("work_programme_item") is not None
        made = cls.objects.filter(source_resolution=resolution, work_programme_item__isnull=not promise)
        existing = made.order_by("pk").first()
        if existing is not None:
            raise AlreadyAnAction(existing)
        return cls.record(by=by, source_resolution=resolution, **fields)

    def open_timeline(self, by=None, note=""):
        entry = ActionUpdate.objects.create(
            action=self,
            at=self.created_at,
            by=by if getattr(by, "is_authenticated", False) else None,
            kind=ActionUpdate.Kind.CREATED,
            text=note,
            rag_after=self.rag,
            status_after=self.status,
        )
        if note:
            Action.objects.filter(pk=self.pk).update(latest_update=entry)
            self.latest_update = entry
        return entry

    def edit(self, by=None, note="", **changes):
        """Change what the action says (text, owner, due point): the timeline says which fields and who."""
        fields = {name: value for name, value in changes.items() if name not in ("expected_version", "at")}
        labels = ", ".join(str(self._meta.get_field(name.removesuffix("_id")).verbose_name) for name in fields)
        entry = note or f"Changed: {labels}."

        def dates_allowed(locked):
            for name, value in fields.items():
                setattr(locked, name, value)
            try:
                locked.clean()
            except ValidationError as error:
                return " ".join(error.messages)

        return self._change(by, ActionUpdate.Kind.EDIT, entry, guard=dates_allowed, **changes)

    def add_update(self, text, by=None, rag=None, status=None, as_owner=False, **kwargs):
        """An update; from the owner, a RAG rating is a proposal for the clerk (propose_rag), not a change."""
        changes = {}
        if rag and as_owner:
            self._check_rag(rag)
            changes["proposed_rag"] = lambda locked: "" if rag == locked.rag else rag
        elif rag:
            changes["rag"] = rag
        if status:
            changes["status"] = status
        elif self.status == self.Status.OPEN:
            # Somebody reporting progress means the work has started.
            changes["status"] = self.Status.IN_PROGRESS
        return self._change(by, ActionUpdate.Kind.UPDATE, text, as_owner=as_owner, **changes, **kwargs)

    def note_message(self, text, at=None):
        """A message sent about the action (a reminder, a request for an update): on its timeline, never its
        latest update, and no change to the action itself (so nobody's open form goes stale)."""
        return ActionUpdate.objects.create(
            action=self,
            at=at or clock.now(),
            kind=ActionUpdate.Kind.MESSAGE,
            text=text,
            rag_before=self.rag,
            rag_after=self.rag,
            status_before=self.status,
            status_after=self.status,
        )

    def set_rag(self, rag, by=None, reason="", **kwargs):
        """A RAG that disagrees with the suggested one (core/rag_rules.py) needs a reason, kept on the timeline."""
        self._check_rag(rag)

        def reasoned(locked):
            suggested = locked.suggested_rag()
            if not rag_rules.agrees(suggested, rag) and not reason.strip():
                return rag_rules.reason_needed(suggested, rag)

        return self._change(by, ActionUpdate.Kind.RAG, reason, guard=reasoned, rag=rag, **kwargs)

    def _check_rag(self, rag):
        if rag not in self.Rag.values:
            raise ValueError(f"Unknown RAG rating {rag!r}")

    @staticmethod
    def _outstanding_only(locked):
        if not locked.is_outstanding:
            return f"{locked.reference} is {locked.get_status_display().lower()}: reopen it first."

    # --- an owner's proposed RAG: a proposal until a clerk accepts or rejects it --------------

    def propose_rag(self, rag, by=None, note="", as_owner=True, **kwargs):
        self._check_rag(rag)
        entry = note or f"Proposed RAG {self.Rag(rag).label}."
        return self._change(
            by,
            ActionUpdate.Kind.RAG_PROPOSED,
            entry,
            as_owner=as_owner,
            guard=self._outstanding_only,
            proposed_rag=rag,
            **kwargs,
        )

    def _pending_proposal(self, locked):
        if not locked.proposed_rag:
            return f"{locked.reference} has no proposed RAG to decide on."
        return self._outstanding_only(locked)

    def accept_proposed_rag(self, by=None, reason="", **kwargs):
        return self._decide_proposal(by, ActionUpdate.Kind.RAG_ACCEPTED, "accepted", reason, accept=True, **kwargs)

    def reject_proposed_rag(self, by=None, reason="", **kwargs):
        return self._decide_proposal(by, ActionUpdate.Kind.RAG_REJECTED, "rejected", reason, **kwargs)

    def _decide_proposal(self, by, kind, verb, reason, accept=False, **kwargs):
        def words(locked):
            said = f"Proposed RAG {self.Rag(locked.proposed_rag).label} {verb}."
            return f"{said} {reason.strip()}" if reason.strip() else said

        changes = {"rag": lambda locked: locked.proposed_rag} if accept else {}
        return self._change(by, kind, words, guard=self._pending_proposal, proposed_rag="", **changes, **kwargs)

    # --- the clerk changes who owns it, or when it is due, and says why -----------------------

    def change_owner(self, owner=None, owner_post="", by=None, reason="", **kwargs):
        """A person, or a post where no person is named; the timeline says from whom to whom, and why."""
        if not reason.strip():
            raise ValueError("Say why the owner is changing.")
        new = Action(owner=owner, owner_post="" if owner else owner_post.strip())
        return self._change(
            by,
            ActionUpdate.Kind.OWNER,
            lambda locked: f"Owner changed from {locked.owner_display} to {new.owner_display}. {reason.strip()}",
            guard=self._outstanding_only,
            owner=owner,
            owner_post=new.owner_post,
            **kwargs,
        )

    def change_due(self, due_date=None, due_meeting=None, due_note="", by=None, reason="", **kwargs):
        """A new due point (a date, a meeting or words); refused for a date a council would not accept."""
        if not reason.strip():
            raise ValueError("Say why the due date is changing.")
        new = Action(due_date=due_date, due_meeting=due_meeting, due_note=due_note)
        new.due_on = due_date or (due_meeting.date if due_meeting else None)

        def allowed(locked):
            refusal = self._outstanding_only(locked)
            if refusal or not due_date:
                return refusal
            try:
                clock.check_due_date(due_date, locked.agreed_on)
            except ValidationError as error:
                return " ".join(error.messages)

        return self._change(
            by,
            ActionUpdate.Kind.DUE,
            lambda locked: f"Due changed from {locked.due_display} to {new.due_display}. {reason.strip()}",
            guard=allowed,
            due_date=due_date,
            due_meeting=due_meeting,
            due_note=due_note,
            **kwargs,
        )

    def mark_completed(self, by=None, note="", **kwargs):
        def open_still(locked):
            if locked.status in (self.Status.DISCHARGED, self.Status.CLOSED):
                return "Reopen the action before marking it completed."

        return self._change(
            by, ActionUpdate.Kind.STATUS, note, guard=open_still, status=self.Status.COMPLETED, **kwargs
        )

    def discharge(self, by=None, on=None, at_meeting=None, note="", **kwargs):
        on = on or (at_meeting.date if at_meeting else clock.today())

        def dischargeable(locked):
            if not locked.is_outstanding:
                return "Only an outstanding action can be discharged; reopen it first."
            try:
                clock.check_discharge_date(on, locked.agreed_on)
            except ValidationError as error:
                return error.messages[0]

        return self._change(
            by,
            ActionUpdate.Kind.DISCHARGE,
            note,
            guard=dischargeable,
            status=self.Status.DISCHARGED,
            discharged_on=on,
            discharged_at_meeting=at_meeting,
            evidence=note or self.evidence,
            **kwargs,
        )

    def close(self, reason, by=None, **kwargs):
        if not reason.strip():
            raise ValueError("Say why the action is being closed without being done.")
        return self._change(
            by, ActionUpdate.Kind.STATUS, reason, status=self.Status.CLOSED, closed_reason=reason, **kwargs
        )

    def reopen(self, by=None, reason="", **kwargs):
        def finished(locked):
            if locked.is_outstanding and locked.status != self.Status.COMPLETED:
                return "This action is already open."

        return self._change(
            by,
            ActionUpdate.Kind.REOPEN,
            reason,
            guard=finished,
            status=self.Status.IN_PROGRESS,
            discharged_on=None,
            discharged_at_meeting=None,
            closed_reason="",
            **kwargs,
        )


class ActionUpdateQuerySet(models.QuerySet):
    def with_words(self):
        """Entries that say something: the ones a list shows as an action's latest update (a message sent about
        the action, such as a reminder, is not an update)."""
        return self.exclude(text="").exclude(kind=ActionUpdate.Kind.MESSAGE)

    def newest_first(self):
        return self.order_by("-at", "-pk")


class ActionUpdate(models.Model):
    class Kind(models.TextChoices):
        CREATED = "created", "Agreed"
        UPDATE = "update", "Update"
        RAG = "rag", "RAG changed"
        STATUS = "status", "Status changed"
        DISCHARGE = "discharge", "Discharged"
        REOPEN = "reopen", "Reopened"
        EDIT = "edit", "Edited"
        MESSAGE = "message", "Message sent"
        RAG_PROPOSED = "rag_proposed", "RAG proposed"
        RAG_ACCEPTED = "rag_accepted", "Proposed RAG accepted"
        RAG_REJECTED = "rag_rejected", "Proposed RAG rejected"
        OWNER = "owner", "Owner changed"
        DUE = "due", "Due date changed"

    class Via(models.TextChoices):
        APP = "", "In the app"
        EMAILED_LINK = "emailed_link", "emailed link"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UPDATE)
    text = models.TextField(blank=True)
    from_owner = models.BooleanField(default=False, help_text="Given by the action's owner, not the clerk")
    via = models.CharField(max_length=20, choices=Via.choices, blank=True, default=Via.APP)
    rag_before = models.CharField(max_length=5, choices=Action.Rag.choices, blank=True)
    rag_after = models.CharField(max_length=5, choices=Action.Rag.choices, blank=True)
    proposed_rag = models.CharField(max_length=5, choices=Action.Rag.choices, blank=True)
    status_before = models.CharField(max_length=20, choices=Action.Status.choices, blank=True)
    status_after = models.CharField(max_length=20, choices=Action.Status.choices, blank=True)
    # The due day before and after the entry, where it changed: deferrals are counted from these.
    due_before = models.DateField(null=True, blank=True)
    due_after = models.DateField(null=True, blank=True)

    objects = ActionUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["action", "-at"])]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.action.reference}"

    @property
    def rag_changed(self):
        return self.rag_before != self.rag_after

    @property
    def status_changed(self):
        return self.status_before != self.status_after


# --- a due meeting that moves or goes takes its actions' due day with it ---------------------------


@receiver(post_save, sender=Meeting)
def _due_on_follows_the_meeting(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields is not None and "starts_at" not in update_fields):
        return
    instance.actions_due.filter(due_date__isnull=True).exclude(due_on=instance.date).update(due_on=instance.date)


@receiver(pre_delete, sender=Meeting)
def _due_on_leaves_with_the_meeting(sender, instance, **kwargs):
    instance.actions_due.filter(due_date__isnull=True).update(due_on=None)
