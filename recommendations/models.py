"""Recommendations a scrutiny committee makes to another body, from the executive's response to implementation.

made → awaiting a response (due within the body's period) → accepted / partly accepted / rejected →
for the accepted ones: an implementation plan, dated progress updates with RAG, review points at six and
twelve months on the committee's agenda (through the work programme) → an outcome.
Every verb is one transaction on the locked row and writes a RecommendationEvent (the timeline).
"""

import calendar
import contextlib
import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from actions.models import Action
from core import clock, rag_rules, roles
from core.concurrency import StaleEdit, Versioned
from core.dates import prose_date
from meetings.models import AgendaItem, Committee, Meeting, Person, Resolution, WorkProgrammeItem, item_q

REVIEW_MONTHS = (6, 12)


def add_months(day, months):
    """The same day `months` later (the month's last day when it has no such day: 31 August + 6 → 28 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class Body(models.Model):
    """Whom a recommendation is addressed to, and how long it has to respond."""

    class Kind(models.TextChoices):
        EXECUTIVE = "executive", "The executive (Cabinet or a portfolio holder)"
        NHS = "nhs", "An NHS body"
        PARTNER = "partner", "A partner organisation"

    # (months, days): the executive has two months (Local Government Act 2000, s.21B); NHS bodies 28 days
    # (health scrutiny regulations 2013); partners, by local protocol, two months unless the body says otherwise.
    DEFAULT_PERIODS = {Kind.EXECUTIVE: (2, 0), Kind.NHS: (0, 28), Kind.PARTNER: (2, 0)}

    name = models.CharField(max_length=200, unique=True, help_text="e.g. Cabinet, Manchester University NHS Trust")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.EXECUTIVE)
    response_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Days it has to respond, where it differs from the usual for its kind"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["executive", "nhs", "partner"]), name="body_kind_valid"),
            models.CheckConstraint(
                condition=Q(response_days__isnull=True) | Q(response_days__gte=1), name="body_period_positive"
            ),
        ]
        verbose_name_plural = "bodies"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A changed period moves the deadline of every recommendation still waiting for this body's response.
        for recommendation in self.recommendations.awaiting_response().select_related("source_item__meeting"):
            due = self.response_due(recommendation.made_on)
            if due != recommendation.response_due_on:
                Recommendation.objects.filter(pk=recommendation.pk).update(response_due_on=due)

    def response_due(self, made_on):
        """The last day a response is in time for a recommendation made on `made_on`."""
        if self.response_days:
            return made_on + datetime.timedelta(days=self.response_days)
        months, days = self.DEFAULT_PERIODS[self.kind]
        return add_months(made_on, months) + datetime.timedelta(days=days)

    @property
    def period_display(self):
        if self.response_days:
            return f"{self.response_days} days"
        months, days = self.DEFAULT_PERIODS[self.kind]
        return f"{months} months" if months else f"{days} days"


class RecommendationQuerySet(models.QuerySet):
    def awaiting_response(self):
        return self.filter(response="")

    def response_overdue(self, today=None):
        """No response, and the UK day the body's period ended has passed (the stored response_due_on)."""
        return self.awaiting_response().filter(response_due_on__lt=today or clock.today())

    def response_due_by(self, day):
        """Awaiting a response due on or before `day`: the chair's brief ("responses due or overdue")."""
        return self.awaiting_response().filter(response_due_on__lte=day)

    def in_progress(self):
        """Accepted, wholly or partly, and the committee has not recorded an outcome yet."""
        return self.filter(response__in=Recommendation.ACCEPTING, outcome="")

    def implemented(self):
        return self.filter(outcome=Recommendation.Outcome.IMPLEMENTED)

    def visible_to(self, user):
        """Through its agenda item, as for actions: the public sees published, non-exempt ones only."""
        if roles.is_clerk(user):
            return self
        return self.filter(item_q(user, prefix="source_item__"))

    def with_related(self):
        return self.select_related("committee", "body", "lead", "source_item__meeting")

    def for_export(self):
        """What a row of the annual report's export shows (actions.exports streams it)."""
        return self.select_related("body", "lead", "source_item__meeting")


class Recommendation(Versioned):
    class Response(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        PARTLY = "partly", "Partly accepted"
        REJECTED = "rejected", "Rejected"

    class Outcome(models.TextChoices):
        IMPLEMENTED = "implemented", "Implemented"
        PARTLY = "partly", "Partly implemented"
        NOT_IMPLEMENTED = "not_implemented", "Not implemented"
        SUPERSEDED = "superseded", "Superseded"

    Rag = Action.Rag  # one RAG scale for actions and recommendations (core/rag_rules.py reads both)

    ACCEPTING = (Response.ACCEPTED, Response.PARTLY)

    reference = models.CharField(max_length=40, unique=True, blank=True, help_text="e.g. CYP/2026-03/R01")
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="recommendations")
    # The agenda item it was made at (a resolution, or a task-and-finish group's final report): its meeting and
    # its exemption decide who may read it, exactly as for actions.
    source_item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="recommendations")
    source_resolution = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations"
    )
    report_title = models.CharField(
        max_length=300, blank=True, help_text="The task-and-finish review's final report, when it came from one"
    )
    number = models.PositiveSmallIntegerField(default=1, help_text="Its number in the report or the minute")
    text = models.TextField()
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="recommendations")
    lead = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendations_led"
    )
    lead_post = models.CharField(
        max_length=200, blank=True, help_text="The portfolio holder or lead officer, e.g. Cabinet Member for Children"
    )
    # Set from the body's period when made (and when the body's period changes): indexed, for "response overdue".
    response_due_on = models.DateField(editable=False)
    response = models.CharField(max_length=10, choices=Response.choices, blank=True)
    response_text = models.TextField(blank=True)
    response_by = models.CharField(max_length=200, blank=True, help_text="Who decided, e.g. Cabinet")
    response_meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendation_responses"
    )
    response_on = models.DateField(null=True, blank=True)
    plan_what = models.TextField(blank=True)
    plan_who = models.CharField(max_length=200, blank=True)
    plan_by = models.DateField(null=True, blank=True)
    rag = models.CharField(max_length=5, choices=Rag.choices, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["committee", "created_at", "report_title", "number", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(response__in=["", "accepted", "partly", "rejected"]), name="recommendation_response_valid"
            ),
            models.CheckConstraint(
                condition=Q(response="") | (Q(response_on__isnull=False) & ~Q(response_text="")),
                name="recommendation_response_has_date_and_words",
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=["", "implemented", "partly", "not_implemented", "superseded"]),
                name="recommendation_outcome_valid",
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | (Q(response__in=["accepted", "partly"]) & Q(outcome_on__isnull=False)),
                name="recommendation_outcome_after_acceptance",
            ),
            models.CheckConstraint(condition=Q(rag__in=["", "red", "amber", "green"]), name="recommendation_rag_valid"),
            models.CheckConstraint(condition=Q(number__gte=1), name="recommendation_number_positive"),
            models.UniqueConstraint(
                fields=["source_item", "report_title", "number"], name="recommendation_number_unique_per_report"
            ),
        ]
        indexes = [
            # "Awaiting response" and "response overdue", per committee, read by deadline.
            models.Index(fields=["committee", "response", "response_due_on"], name="rec_committee_response"),
            models.Index(fields=["committee", "outcome"], name="rec_committee_outcome"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("recommendations:detail", args=[self.pk])

    @property
    def made_on(self):
        return self.source_item.meeting.date

    @property
    def lead_display(self):
        if self.lead_id and self.lead_post:
            return f"{self.lead.name} ({self.lead_post})"
        if self.lead_id:
            return self.lead.display_name
        return self.lead_post or "Not named"

    @property
    def is_accepted(self):
        return self.response in self.ACCEPTING

    @property
    def stage(self):
        if not self.response:
            return "Awaiting response"
        if self.outcome:
            return self.get_outcome_display()
        if self.response == self.Response.REJECTED:
            return "Rejected"
        return "Accepted, in progress" if self.response == self.Response.ACCEPTED else "Partly accepted, in progress"

    def response_overdue(self, today=None):
        return not self.response and self.response_due_on < (today or clock.today())

    # --- the suggested RAG (core/rag_rules.py) -----------------------------------------------------

    def deferrals(self):
        """How many times the plan's "by when" moved later, read from the timeline."""
        moves = self.events.filter(kind=RecommendationEvent.Kind.PLAN).values_list("due_before", "due_after")
        return sum(rag_rules.is_deferral(before, after) for before, after in moves)

    def suggested_rag(self, today=None):
        if not self.is_accepted:
            return ""
        return rag_rules.suggest(self.plan_by, today or clock.today(), self.deferrals(), completed=bool(self.outcome))

    # --- making them -------------------------------------------------------------------------------

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self._next_reference()
        if self.response_due_on is None:
            self.response_due_on = self.body.response_due(self.made_on)
        super().save(*args, **kwargs)

    def _next_reference(self):
        prefix = f"{self.committee.short_name or self.committee.slug[:6].upper()}/{self.made_on:%Y-%m}/R"
        taken = Recommendation.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
        numbers = [int(ref.removeprefix(prefix)) for ref in taken if ref.removeprefix(prefix).isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1:02d}"

    @classmethod
    @transaction.atomic
    def make(cls, by=None, **fields):
        """Record a recommendation the committee made, opening its timeline."""
        fields.setdefault("committee", fields["source_item"].meeting.committee)
        recommendation = cls(**fields)
        if recommendation.committee_id != recommendation.source_item.meeting.committee_id:
            raise ValueError("A recommendation belongs to the committee whose meeting made it.")
        recommendation.save()
        recommendation._event(by, RecommendationEvent.Kind.MADE, f"Made; addressed to {recommendation.body}.")
        return recommendation

    @classmethod
    @transaction.atomic
    def make_report(cls, source_item, report_title, texts, body, by=None, lead_post=""):
        """A task-and-finish review's final report: its numbered recommendations, recorded at once."""
        if not report_title.strip():
            raise ValueError("Give the report's title.")
        if not texts:
            raise ValueError("Enter at least one recommendation.")
        if cls.objects.filter(source_item=source_item, report_title=report_title.strip()).exists():
            raise ValueError(f"“{report_title.strip()}” is already recorded at this item.")
        return [
            cls.make(
                by=by,
                source_item=source_item,
                report_title=report_title.strip(),
                number=number,
                text=text,
                body=body,
                lead_post=lead_post,
            )
            for number, text in enumerate(texts, start=1)
        ]

    # --- verbs: one transaction each, judged on the locked row, each on the timeline ---------------------

    def _event(self, by, kind, text="", **fields):
        return RecommendationEvent.objects.create(
            recommendation=self,
            by=by if getattr(by, "is_authenticated", False) else None,
            kind=kind,
            text=text,
            **fields,
        )

    @transaction.atomic
    def _change(self, by, kind, text, expected_version=None, guard=None, event=None, **changes):
        locked = Recommendation.objects.select_for_update().select_related("source_item__meeting").get(pk=self.pk)
        if expected_version is not None and int(expected_version) != locked.version:
            raise StaleEdit(locked)
        refusal = guard(locked) if guard else None
        if refusal:
            raise ValueError(refusal)
        due_before = locked.plan_by
        for field, value in changes.items():
            setattr(locked, field, value)
        locked.save()
        entry = locked._event(
            by, kind, text, rag=locked.rag, due_before=due_before, due_after=locked.plan_by, **(event or {})
        )
        self.__dict__.update({k: v for k, v in locked.__dict__.items() if k != "_state"})
        return entry

    @transaction.atomic
    def record_response(self, response, text, decided_by, on, at_meeting=None, by=None, **kwargs):
        """The body's answer: accepted, partly accepted or rejected, in its words, who decided, when."""
        if response not in self.Response.values:
            raise ValueError("Choose accepted, partly accepted or rejected.")
        if not text.strip():
            raise ValueError("Enter the response in the body's words.")
        on = on or (at_meeting.date if at_meeting else None)
        if on is None:
            raise ValueError("Give the date of the decision, or the meeting that made it.")

        def answerable(locked):
            if locked.response:
                return f"A response was already recorded ({locked.get_response_display().lower()})."
            if on < locked.made_on:
                made = prose_date(locked.made_on)
                return f"The response date {prose_date(on)} is before the recommendation was made ({made})."
            if on > clock.today():
                return f"The response date {prose_date(on)} is in the future."

        label = self.Response(response).label
        entry = self._change(
            by,
            RecommendationEvent.Kind.RESPONSE,
            f"{label} by {decided_by or 'the body'}: {text.strip()}",
            guard=answerable,
            response=response,
            response_text=text.strip(),
            response_by=decided_by.strip(),
            response_meeting=at_meeting,
            response_on=on,
            **kwargs,
        )
        if response in self.ACCEPTING:
            self._schedule_reviews(by)
        return entry

    def _schedule_reviews(self, by):
        for months in REVIEW_MONTHS:
            ReviewPoint.schedule(self, months, by)

    def set_plan(self, what, who, by_when, by=None, **kwargs):
        """The implementation plan: what will be done, by whom, by when. Changing "by when" later is a deferral."""
        if not what.strip():
            raise ValueError("Say what will be done.")

        def plannable(locked):
            return locked._open_for_implementation()

        return self._change(
            by,
            RecommendationEvent.Kind.PLAN,
            f"Plan: {what.strip()} ({who or 'no one named'}, by {prose_date(by_when)})",
            guard=plannable,
            plan_what=what.strip(),
            plan_who=who.strip(),
            plan_by=by_when,
            **kwargs,
        )

    def add_progress(self, text, rag, by=None, reason="", **kwargs):
        """A dated progress update with its RAG; a RAG other than the suggested one needs a reason."""
        if not text.strip():
            raise ValueError("Say what has happened.")
        if rag not in self.Rag.values:
            raise ValueError("Choose Red, Amber or Green.")
        suggested = self.suggested_rag()
        disagrees = not rag_rules.agrees(suggested, rag)
        if disagrees and not reason.strip():
            raise ValueError(rag_rules.reason_needed(suggested, rag))
        words = text.strip()
        if disagrees:
            words += f" (RAG {rag.title()} rather than the suggested {suggested.title()}: {reason.strip()})"
        return self._change(
            by,
            RecommendationEvent.Kind.PROGRESS,
            words,
            guard=lambda locked: locked._open_for_implementation(),
            rag=rag,
            **kwargs,
        )

    @transaction.atomic
    def record_outcome(self, outcome, note="", on=None, by=None, **kwargs):
        if outcome not in self.Outcome.values:
            raise ValueError("Choose implemented, partly implemented, not implemented or superseded.")
        on = on or clock.today()

        def closable(locked):
            refusal = locked._open_for_implementation()
            if refusal:
                return refusal
            if on > clock.today() or on < locked.response_on:
                return "The outcome date must be between the response and today."

        entry = self._change(
            by,
            RecommendationEvent.Kind.OUTCOME,
            f"{self.Outcome(outcome).label}. {note.strip()}".strip(),
            guard=closable,
            outcome=outcome,
            outcome_on=on,
            outcome_note=note.strip(),
            **kwargs,
        )
        ReviewPoint.release_open(self, f"Outcome recorded: {self.Outcome(outcome).label.lower()}")
        return entry

    def _open_for_implementation(self):
        if not self.is_accepted:
            return "Only an accepted (or partly accepted) recommendation is implemented."
        if self.outcome:
            return f"The committee has already recorded its outcome ({self.get_outcome_display().lower()})."
        return ""


class RecommendationEvent(models.Model):
    """One entry on a recommendation's timeline: who, when, what happened."""

    class Kind(models.TextChoices):
        MADE = "made", "Made"
        RESPONSE = "response", "Response"
        PLAN = "plan", "Implementation plan"
        PROGRESS = "progress", "Progress update"
        OUTCOME = "outcome", "Outcome"
        REVIEW = "review", "Review scheduled"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=clock.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(blank=True)
    rag = models.CharField(max_length=5, blank=True)
    # The plan's "by when" before and after the entry: how deferrals are counted (core/rag_rules.py).
    due_before = models.DateField(null=True, blank=True)
    due_after = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["recommendation", "-at"])]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.recommendation.reference}"


class ReviewPointQuerySet(models.QuerySet):
    def open(self):
        return self.filter(recommendation__outcome="").exclude(
            work__status__in=[WorkProgrammeItem.Status.TAKEN, WorkProgrammeItem.Status.DROPPED]
        )

    def due_by(self, meeting):
        """The committee's review points due by this meeting and not yet taken: the chair's brief."""
        return (
            self.open()
            .filter(recommendation__committee_id=meeting.committee_id, due_on__lte=meeting.date)
            .select_related("recommendation", "work__scheduled_for")
            .order_by("due_on", "pk")
        )


class ReviewPoint(models.Model):
    """Six and twelve months after acceptance the committee reviews progress: a work-programme item."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="reviews")
    months = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    work = models.ForeignKey(
        WorkProgrammeItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendation_reviews"
    )

    objects = ReviewPointQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "months"], name="one_review_per_point"),
            models.CheckConstraint(condition=Q(months__in=REVIEW_MONTHS), name="review_months_valid"),
        ]
        indexes = [models.Index(fields=["due_on"])]

    def __str__(self):
        return self.title

    @property
    def title(self):
        word = {6: "Six", 12: "Twelve"}[self.months]
        return f"{word}-month review of scrutiny recommendation {self.recommendation.reference}"

    @classmethod
    def schedule(cls, recommendation, months, by=None):
        """Promise the review to the committee's work programme for its month; if a meeting is already scheduled
        on or after the review date, it goes straight onto that agenda."""
        due_on = add_months(recommendation.response_on, months)
        point = cls(recommendation=recommendation, months=months, due_on=due_on)
        committee = recommendation.committee
        point.work = WorkProgrammeItem.promise(
            committee,
            point.title,
            WorkProgrammeItem.Timing.MONTH,
            target_month=due_on.replace(day=1),
            private=recommendation.source_item.exempt,
            notes=f"Recommendation: {recommendation.get_absolute_url()}",
        )
        meeting = (
            committee.meetings.filter(status=Meeting.Status.SCHEDULED, starts_at__gte=clock.start_of(due_on))
            .order_by("starts_at")
            .first()
        )
        if meeting is not None and point.work.status == WorkProgrammeItem.Status.PLANNED:
            point.work.schedule_onto(meeting, point.work.version)
        point.save()
        where = f"the agenda of {prose_date(meeting.date)}" if meeting else f"the work programme for {due_on:%B %Y}"
        text = f"{point.title} due {prose_date(due_on)}: on {where}."
        recommendation._event(by, RecommendationEvent.Kind.REVIEW, text)
        return point

    @classmethod
    def release_open(cls, recommendation, reason):
        """An outcome is recorded: reviews not yet held leave the work programme."""
        for point in cls.objects.filter(recommendation=recommendation).select_related("work"):
            work = point.work
            if work is not None and work.is_open:
                # Already on an agenda with minutes under it: the committee takes it as it stands.
                with contextlib.suppress(ValueError):
                    work.drop(reason, work.version)
