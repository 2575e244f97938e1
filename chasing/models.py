"""Chasing owners: update requests with a signed link, evidence, the reminder ladder and what was sent.

The rules live here, once: who can be chased, what a link lets its holder do, which rung of the ladder an
action is on today, and that a reminder is never sent twice.
"""

import datetime
import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from actions.models import Action, ActionUpdate
from core import clock
from core.dates import prose_date
from meetings.models import Committee, Meeting, Person

LINK_SALT = "chasing.update-link"


def link_max_age():
    return datetime.timedelta(days=settings.CHASING_LINK_DAYS)


# --- who can be chased ---------------------------------------------------------------------------


def unchaseable_q(prefix=""):
    """An owner nobody can email: no address, or they have left the council (inactive)."""
    return Q(**{f"{prefix}email": ""}) | Q(**{f"{prefix}active": False})


def can_chase(person):
    """unchaseable_q for one loaded person (or none)."""
    return person is not None and bool(person.email) and person.active


class Reporting(models.Model):
    """Whom an owner reports to: the director copied in when their action is long overdue."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="reporting")
    director = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reports")

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(person=models.F("director")), name="not_own_director")]

    def __str__(self):
        return f"{self.person} reports to {self.director}"


# --- the reminder ladder -------------------------------------------------------------------------


class ReminderPolicy(models.Model):
    """How a committee's actions are chased. A committee without one gets the defaults (for_committee)."""

    committee = models.OneToOneField(Committee, on_delete=models.CASCADE, related_name="reminder_policy")
    enabled = models.BooleanField(default=True)
    days_before = models.PositiveSmallIntegerField(default=7, help_text="Remind this many days before it is due")
    on_the_day = models.BooleanField(default=True, help_text="Remind on the day it is due")
    overdue_every = models.PositiveSmallIntegerField(default=7, help_text="While overdue, remind every N days")
    escalate_after = models.PositiveSmallIntegerField(
        default=28, help_text="Once this many days overdue, copy the owner's director (or the lead officer) and clerk"
    )
    lead_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="Copied in escalations"
    )
    clerk = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="Copied in escalations"
    )

    class Meta:
        verbose_name_plural = "reminder policies"
        constraints = [
            models.CheckConstraint(condition=Q(overdue_every__gte=1), name="overdue_every_at_least_a_day"),
        ]

    def __str__(self):
        return f"Reminders for {self.committee}"

    @classmethod
    def for_committee(cls, committee):
        return cls.objects.filter(committee=committee).first() or cls(committee=committee)

    def rung(self, due_on, today):
        """The reminder due today for an action due on `due_on`, or None: 'before', 'due', 'overdue', 'escalate'."""
        if not self.enabled or due_on is None:
            return None
        late = (today - due_on).days
        if late < 0:
            return SentReminder.Kind.BEFORE if -late == self.days_before else None
        if late == 0:
            return SentReminder.Kind.DUE if self.on_the_day else None
        if late % self.overdue_every:
            return None
        return SentReminder.Kind.ESCALATE if late >= self.escalate_after else SentReminder.Kind.OVERDUE

    def escalation_copies(self, owner):
        """The owner's director, else the committee's lead officer; and the clerk: those with an address."""
        director = getattr(getattr(owner, "reporting", None), "director", None) or self.lead_officer
        return [p.email for p in (director, self.clerk) if p is not None and p.email and p.active]


def reminders_due(today=None):
    """(action, kind, policy) for each reminder the ladder says is due on `today`, owner loaded. Each committee's
    candidate due days are worked out first, so only the actions on a rung today are read."""
    today = today or clock.today()
    policies = {p.committee_id: p for p in ReminderPolicy.objects.select_related("lead_officer", "clerk")}
    found = []
    for committee in Committee.objects.all():
        policy = policies.get(committee.pk) or ReminderPolicy(committee=committee)
        if not policy.enabled:
            continue
        oldest = clock.add_years(today, -clock.DUE_WITHIN_YEARS * 2)
        days = {today + datetime.timedelta(days=policy.days_before), today}
        late = policy.overdue_every
        while today - datetime.timedelta(days=late) >= oldest:
            days.add(today - datetime.timedelta(days=late))
            late += policy.overdue_every
        actions = Action.objects.outstanding().filter(committee=committee, due_on__in=days)
        for action in actions.select_related("owner__reporting__director").order_by("due_on", "pk"):
            kind = policy.rung(action.due_on, today)
            if kind:
                found.append((action, kind, policy))
    return found


def send_reminder(action, kind, policy, today):
    """Send one reminder and record it (SentReminder and the timeline) in one transaction: False if it had been
    sent already today. Sending first and recording after would send twice if the record failed."""
    from . import mail

    owner = action.owner
    cc = policy.escalation_copies(owner) if kind == SentReminder.Kind.ESCALATE else []
    wanted = {
        SentReminder.Kind.BEFORE: f"Action {action.reference} is due soon: update needed",
        SentReminder.Kind.DUE: f"Action {action.reference} is due today: update needed",
    }.get(kind, f"Action {action.reference} is overdue: update needed")
    with transaction.atomic():
        if SentReminder.objects.filter(action=action, kind=kind, sent_on=today).exists():
            return False
        request = UpdateRequest.objects.create(owner=owner, reply_by=max(today, action.due_on))
        request.actions.set([action])
        context = {"action": action, "owner": owner, "kind": kind, "today": today, "escalated": bool(cc)}
        context["link"] = mail.absolute(request.link())
        message = mail.build("reminder", context, [owner.email], wanted, by=request.reply_by, cc=cc)
        SentReminder.objects.create(
            action=action, kind=kind, sent_on=today, to=owner.email, cc=", ".join(cc), subject=message.subject
        )
        copied = f", copied to {', '.join(cc)}" if cc else ""
        action.note_message(
            f"Reminder ({SentReminder.Kind(kind).label.lower()}) emailed to {owner.display_name}{copied}."
        )
        message.send()
    return True


class SentReminder(models.Model):
    """Every reminder sent. The unique constraint is what makes a second run on the same day send nothing."""

    class Kind(models.TextChoices):
        BEFORE = "before", "Due soon"
        DUE = "due", "Due today"
        OVERDUE = "overdue", "Overdue"
        ESCALATE = "escalate", "Overdue, escalated"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_on = models.DateField(help_text="The UK day it was sent for")
    sent_at = models.DateTimeField(default=timezone.now)
    to = models.CharField(max_length=500)
    cc = models.CharField(max_length=1000, blank=True)
    subject = models.CharField(max_length=300)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "kind", "sent_on"], name="one_reminder_per_rung_per_day"),
            models.CheckConstraint(
                condition=Q(kind__in=["before", "due", "overdue", "escalate"]), name="sent_reminder_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["sent_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} reminder for {self.action.reference} on {self.sent_on}"


# --- update requests and their signed links ------------------------------------------------------


class UpdateRequestQuerySet(models.QuerySet):
    def for_meeting(self, meeting):
        return self.filter(meeting=meeting).select_related("owner").prefetch_related("actions")


class UpdateRequest(models.Model):
    """One owner asked for updates on some actions, with a link only they were sent. Revoking it kills the link."""

    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="update_requests")
    actions = models.ManyToManyField(Action, related_name="update_requests")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    reply_by = models.DateField()
    nonce = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe, editable=False)
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    answered_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = UpdateRequestQuerySet.as_manager()

    class Meta:
        ordering = ["owner__name", "pk"]
        indexes = [models.Index(fields=["meeting", "owner"])]

    def __str__(self):
        return f"Updates from {self.owner} by {self.reply_by}"

    # The token names the request and carries its nonce; Django's signing dates it (max_age on reading).
    def token(self):
        return signing.dumps({"r": self.pk, "n": self.nonce}, salt=LINK_SALT, compress=True)

    def link(self):
        return reverse("chasing:update", args=[self.token()])

    @classmethod
    def from_token(cls, token):
        """The live request a token names. LinkRefused (with what to tell the visitor) for anything else."""
        try:
            data = signing.loads(token, salt=LINK_SALT, max_age=link_max_age())
        except signing.SignatureExpired:
            raise LinkRefused("expired") from None
        except signing.BadSignature:
            raise LinkRefused("invalid") from None
        found = cls.objects.select_related("owner").filter(pk=data.get("r"), nonce=data.get("n")).first()
        if found is None:
            raise LinkRefused("invalid")
        if found.revoked_at:
            raise LinkRefused("revoked")
        return found

    @property
    def expires_at(self):
        return self.sent_at + link_max_age()

    @property
    def can_remind(self):
        return not (self.answered_at or self.reminded_at or self.revoked_at)

    @classmethod
    def ask_before(cls, meeting, reply_by, by=None):
        """Email each owner of the committee's actions due at or before `meeting`, one request per owner.

        Returns the requests sent and the actions whose owner cannot be chased (see unchaseable_q)."""
        due = Action.objects.due_by(meeting).select_related("owner").order_by("owner__name", "due_on", "pk")
        asked = cls.objects.filter(meeting=meeting, revoked_at__isnull=True).values("owner_id")
        chaseable = due.filter(owner__isnull=False).exclude(unchaseable_q("owner__"))
        due = due.exclude(owner_id__in=asked)  # asked already for this meeting: not asked twice
        chaseable = chaseable.exclude(owner_id__in=asked)
        by_owner = {}
        for action in chaseable:
            by_owner.setdefault(action.owner, []).append(action)
        sent = []
        for owner, actions in by_owner.items():
            with transaction.atomic():
                request = cls.objects.create(owner=owner, meeting=meeting, reply_by=reply_by, sent_by=by)
                request.actions.set(actions)
                request.email(actions)
            sent.append(request)
        return sent, list(due.exclude(pk__in=chaseable.values("pk")))

    def email(self, actions=None, reminder=False):
        from . import mail

        actions = list(actions if actions is not None else self.actions.order_by("due_on", "pk"))
        count = f"{len(actions)} action{'s' if len(actions) != 1 else ''}"
        wanted = f"{'Reminder: u' if reminder else 'U'}pdate needed on {count}"
        context = {"request": self, "owner": self.owner, "actions": actions, "meeting": self.meeting}
        context["link"] = mail.absolute(self.link())
        context["reminder"] = reminder
        message = mail.send("update_request", context, [self.owner.email], wanted, by=self.reply_by)
        for action in actions:
            action.note_message(
                f"{'Reminder of the r' if reminder else 'R'}equest for an update emailed to "
                f"{self.owner.display_name}, reply by {prose_date(self.reply_by)}."
            )
        return message

    def remind(self):
        """The one reminder a request may have. False if it has had it, or is answered or revoked."""
        with transaction.atomic():
            if not self.mark_reminded():
                return False
            self.email(reminder=True)
        return True

    def revoke(self):
        UpdateRequest.objects.filter(pk=self.pk, revoked_at__isnull=True).update(revoked_at=clock.now())

    def mark_reminded(self):
        """Claim the one reminder allowed: False if it was already sent (or the request answered or revoked)."""
        claimed = UpdateRequest.objects.filter(
            pk=self.pk, reminded_at__isnull=True, answered_at__isnull=True, revoked_at__isnull=True
        ).update(reminded_at=clock.now())
        return bool(claimed)

    @transaction.atomic
    def post_update(self, action, text, rag="", completed=False, evidence=None, expected_version=None):
        """The owner's update through the link: the model's own verbs, so their guards and timeline apply.

        ValueError (with the reason) for an action the link does not name or the committee has finished with.
        """
        if not self.actions.filter(pk=action.pk).exists():
            raise ValueError("This link does not cover that action.")
        if not action.is_outstanding:
            raise ValueError(f"{action.reference} is {action.get_status_display().lower()}: it takes no more updates.")
        entry = propose_rag(action, text, rag, expected_version=expected_version, via=ActionUpdate.Via.EMAILED_LINK)
        if completed:
            action.mark_completed(note="Marked completed by the owner (emailed link).", as_owner=True)
        if evidence is not None:
            Evidence.objects.create(action=action, update=entry, request=self, **evidence)
        UpdateRequest.objects.filter(pk=self.pk, answered_at__isnull=True).update(answered_at=clock.now())
        return entry


def propose_rag(action, text, rag, **kwargs):
    """The owner's update with the RAG they propose: the one place that says how a proposal is recorded.
    From an owner, add_update keeps a RAG as a proposal (Action.proposed_rag) until a clerk accepts or
    rejects it."""
    return action.add_update(text, rag=rag or None, as_owner=True, **kwargs)


class LinkRefused(Exception):
    MESSAGES = {
        "expired": "This link has expired. Ask the clerk to send you a new one.",
        "invalid": "This link is not valid. Check you copied the whole address from the email, or ask the clerk "
        "to send you a new one.",
        "revoked": "The clerk has withdrawn this link. Ask them to send you a new one.",
    }

    def __init__(self, reason):
        self.reason = reason
        super().__init__(self.MESSAGES[reason])


# --- evidence ------------------------------------------------------------------------------------


def evidence_path(instance, filename):
    """A random name under MEDIA_ROOT/evidence/: nothing the uploader typed reaches the file system."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"evidence/{secrets.token_hex(16)}{suffix}"


class Evidence(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence_files")
    update = models.ForeignKey(ActionUpdate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    request = models.ForeignKey(UpdateRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(upload_to=evidence_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("chasing:evidence", args=[self.pk])


# --- the councillors' weekly digest --------------------------------------------------------------

UNSUBSCRIBE_SALT = "chasing.digest-unsubscribe"


class DigestSubscription(models.Model):
    """A council user who asked for the weekly digest of overdue actions on their committees (opt-in)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest")
    weekly = models.BooleanField(default=False, verbose_name="Email me a weekly digest")
    last_sent_on = models.DateField(null=True, blank=True, help_text="The UK day the last digest went")

    def __str__(self):
        return f"Digest for {self.user}"

    def unsubscribe_token(self):
        return signing.dumps({"u": self.user_id}, salt=UNSUBSCRIBE_SALT)

    @classmethod
    def from_unsubscribe_token(cls, token):
        """The subscription a token names, or None for a bad one (it never expires: an old email still works)."""
        try:
            data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        except signing.BadSignature:
            return None
        return cls.objects.filter(user_id=data.get("u")).first()

    def address(self):
        person = getattr(self.user, "person", None)
        return self.user.email or (person.email if person and person.active else "")

    def overdue_actions(self, today):
        """Overdue actions of the committees the user sits on, that the user may read (Action.visible_to)."""
        from meetings.models import member_committees

        mine = Action.objects.visible_to(self.user).filter(committee_id__in=member_committees(self.user))
        return mine.overdue(today).with_related().order_by("committee__name", "due_on", "pk")

    def send(self, today):
        """This week's digest, once a week at most: False if none was due, or there is nothing to say."""
        from . import mail

        if not self.weekly or not self.address():
            return False
        if self.last_sent_on and (today - self.last_sent_on).days < 7:
            return False
        actions = list(self.overdue_actions(today)[:200])
        if not actions:
            return False
        unsubscribe = mail.absolute(reverse("chasing:unsubscribe", args=[self.unsubscribe_token()]))
        context = {"user": self.user, "actions": actions, "today": today, "unsubscribe": unsubscribe}
        context["preferences"] = mail.absolute(reverse("chasing:preferences"))
        wanted = f"Weekly digest: {len(actions)} overdue action{'s' if len(actions) != 1 else ''} on your committees"
        headers = {"List-Unsubscribe": f"<{unsubscribe}>"}
        with transaction.atomic():
            claimed = DigestSubscription.objects.filter(pk=self.pk, last_sent_on=self.last_sent_on).update(
                last_sent_on=today
            )
            if not claimed:
                return False
            mail.send("digest", context, [self.address()], wanted, headers=headers)
        return True
