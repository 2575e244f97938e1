"""Write a parsed (and clerk-reviewed) minutes proposal to the database as a draft meeting.

The parser beside this module stays free of Django; this is the one place that turns its JSON
into rows, so the management command and the clerk's review screen write exactly the same way.

A proposal is the SCHEMA.md document; the review screen may add a few keys the parser never
writes, all optional:

- ``attendance[i]["person_id"]`` / ``declarations[i]["person_id"]``: a Person pk, or ``"new"`` to
  add a new person even where the register has a similar name. Missing: match by name, else add.
- ``actions[i]["owner_id"]``: a Person pk chosen by the clerk. Missing: match ``owner`` by name
  or post, else keep ``owner`` as a post.
- ``actions[i]["rag"]``: red, amber or green (default green).
"""

from __future__ import annotations

import datetime
import hashlib
import re

from django.core.exceptions import ValidationError
from django.db import transaction

from actions.models import Action
from core import clock, hooks
from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Person,
    Resolution,
    StandingItem,
    WorkProgrammeItem,
)
from meetings.people import Register, has_councillor_title, strip_title

from .errors import MinutesImportError

IMPORT_NOTE = "Imported from the published minutes."
COUNCILLOR_ROLES = {"chair", "vice_chair", "member", "substitute", "cabinet_member"}
PROCEDURAL_WORDS = (
    "apolog",
    "declaration",
    "minutes of",
    "minutes of the last",
    "public question",
    "member question",
    "members' question",
    "urgent business",
    "any other business",
    "date of next meeting",
    "date and time of next meeting",
)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NEXT_MEETING_RE = re.compile(r"\bnext (?:meeting|committee)\b", re.I)
FUTURE_MEETING_RE = re.compile(r"\b(?:a |the )?future (?:meeting|committee)\b", re.I)


class AlreadyImported(MinutesImportError):
    """These minutes, or another meeting of the committee on that day, are already in the tracker."""

    def __init__(self, meeting):
        self.meeting = meeting
        super().__init__(
            f"These minutes look as if they are already in the tracker: {meeting} (meeting {meeting.pk}). "
            "Nothing was imported; open that meeting to check it instead."
        )


# --- fingerprints and duplicates -------------------------------------------------------------


def fingerprint(text: str) -> str:
    """sha256 of the text with case and spacing ignored, so a re-saved copy of the same minutes matches."""
    normalised = " ".join(text.lower().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def existing_import(committee, date, text_fingerprint=""):
    """The meeting these minutes were already imported as, or another meeting of the committee that day."""
    if text_fingerprint:
        same_text = Meeting.objects.filter(imported_from=text_fingerprint).select_related("committee").first()
        if same_text:
            return same_text
    if committee is None or date is None:
        return None
    day_start = clock.start_of(date)
    day_end = clock.start_of(date + datetime.timedelta(days=1))
    return (
        Meeting.objects.filter(committee=committee, starts_at__gte=day_start, starts_at__lt=day_end)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("committee")
        .first()
    )


# --- committees --------------------------------------------------------------------------------


def _committee_key(name: str) -> str:
    name = name.lower().replace("&", " and ")
    words = [w for w in re.sub(r"[^a-z0-9 ]+", " ", name).split() if w not in {"the", "of"}]
    return " ".join(words)


def match_committee(name: str | None):
    """The one committee whose name fits the minutes' heading, or None."""
    if not name:
        return None
    key = _committee_key(name)
    committees = list(Committee.objects.all())
    exact = [c for c in committees if _committee_key(c.name) == key]
    if len(exact) == 1:
        return exact[0]
    contained = [c for c in committees if _committee_key(c.name) in key or key in _committee_key(c.name)]
    return contained[0] if len(contained) == 1 else None


# --- people ------------------------------------------------------------------------------------


def person_kind(role: str | None, name: str) -> str:
    if role == "officer":
        return Person.Kind.OFFICER
    if role == "co-opted":
        return Person.Kind.COOPTEE
    if role in COUNCILLOR_ROLES or has_councillor_title(name):
        return Person.Kind.COUNCILLOR
    return Person.Kind.OTHER


# --- due words ----------------------------------------------------------------------------------


def due_fields(due: str | None, meeting, text: str) -> dict:
    """Action fields for the minutes' due words: a date, a meeting, or a note (+ a work-programme item)."""
    due = (due or "").strip()
    if not due:
        return {}
    if DATE_RE.match(due):
        try:
            day = datetime.date.fromisoformat(due)
        except ValueError:
            return {"due_note": due[:200]}
        return {"due_date": day}
    if NEXT_MEETING_RE.search(due):
        following = meeting.following()
        return {"due_meeting": following} if following else {"due_note": "Next meeting"}
    if FUTURE_MEETING_RE.search(due):
        work = WorkProgrammeItem.promise(
            meeting.committee,
            text,
            WorkProgrammeItem.Timing.TBC,
            agreed_at=meeting,
            notes=f"Agreed at the meeting of {meeting.date:%-d %B %Y}.",
        )
        return {"due_note": "A future meeting", "work_programme_item": work}
    return {"due_note": due[:200]}


# --- the write ----------------------------------------------------------------------------------


def _at(date, time_text, default=None):
    time = default
    if time_text:
        try:
            time = datetime.time.fromisoformat(time_text)
        except ValueError:
            time = default
    if date is None or time is None:
        return None
    return clock.local_datetime(date, time)


def _as_date(value):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except (TypeError, ValueError):
        raise MinutesImportError(
            "The minutes do not give the meeting's date in a form the importer understood. "
            "Please enter the date on the review screen."
        ) from None


def _item_kind(title: str) -> str:
    low = title.lower()
    return AgendaItem.Kind.PROCEDURAL if any(low.startswith(w) for w in PROCEDURAL_WORDS) else AgendaItem.Kind.REPORT


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split())


def _source_resolution(text, resolutions):
    key = _key(text)
    for resolution in resolutions:
        res_key = _key(resolution.text)
        if key and (key in res_key or res_key in key):
            return resolution
    return None


class _Writer:
    def __init__(self, proposal, committee, by_user, text_fingerprint):
        self.proposal = proposal
        self.committee = committee
        self.by = by_user
        self.fingerprint = text_fingerprint
        self.register = Register()
        self.attendees = []

    def person(self, entry, role=None):
        name = (entry.get("name") or "").strip()
        chosen = entry.get("person_id")
        if chosen not in (None, "", "new"):
            person = next((p for p in self.register.people if p.pk == int(chosen)), None)
            if person is None:
                person = Person.objects.get(pk=int(chosen))
            return person
        if chosen != "new":
            found = self.register.match(name, prefer=self.attendees)
            if found:
                return found
        if not name:
            raise MinutesImportError("An attendance or declaration row has no name. Add the name or untick it.")
        kind = person_kind(role, name)
        person = Person.objects.create(
            name=strip_title(name)[:200] if kind == Person.Kind.COUNCILLOR else name[:200],
            kind=kind,
            job_title=(entry.get("title") or "")[:200],
        )
        self.register.add(person)
        return person

    def meeting(self):
        date = _as_date(self.proposal.get("date"))
        starts_at = _at(date, self.proposal.get("start_time"), default=datetime.time(0, 0))
        ends_at = _at(date, self.proposal.get("end_time"))
        if ends_at is not None and ends_at < starts_at:
            ends_at = None
        return Meeting.objects.create(
            committee=self.committee,
            starts_at=starts_at,
            ends_at=ends_at,
            venue=self.committee.default_venue,
            status=Meeting.Status.MINUTES_DRAFT,
            imported_from=self.fingerprint,
        )

    def attendance(self, meeting):
        seen, chair_taken = set(), False
        for entry in self.proposal.get("attendance") or []:
            person = self.person(entry, entry.get("role"))
            if person.pk in seen:
                continue
            seen.add(person.pk)
            self.attendees.append(person)
            status = entry.get("status") if entry.get("status") in Attendance.Status.values else "present"
            in_chair = entry.get("role") == "chair" and status == Attendance.Status.PRESENT and not chair_taken
            chair_taken = chair_taken or in_chair
            Attendance.objects.create(
                meeting=meeting,
                person=person,
                status=status,
                in_chair=in_chair,
                capacity=(entry.get("title") or "")[:200],
            )

    def items(self, meeting):
        created, numbers = [], set()
        for order, entry in enumerate(self.proposal.get("items") or [], start=1):
            number = str(entry.get("number") or "").strip()[:12]
            if number in numbers:
                number = ""
            numbers.add(number)
            title = (entry.get("title") or "").strip() or f"Item {number or order}"
            item = AgendaItem.objects.create(
                meeting=meeting, number=number, order=order, title=title[:300], kind=_item_kind(title)
            )
            resolutions = [
                Resolution.objects.create(item=item, order=n, text=text)
                for n, text in enumerate(entry.get("resolutions") or [], start=1)
                if text and text.strip()
            ]
            for action in entry.get("actions") or []:
                self.action(meeting, item, action, resolutions)
            # Recommendations to another body go to whichever app tracks them (core.hooks), never an import here.
            for handler in hooks.imported_item_handlers:
                handler(item, entry, self.by)
            for title in entry.get("standing_items") or []:
                StandingItem.objects.create(
                    committee=self.committee,
                    title=title[:300],
                    source_resolution=_source_resolution(title, resolutions),
                    active_from=meeting.date,
                )
            created.append(item)
        return created

    def action(self, meeting, item, entry, resolutions):
        text = (entry.get("text") or "").strip()
        if not text:
            raise MinutesImportError(f"An action on item {item} has no text. Add the text or untick it.")
        owner, owner_post = self.owner(entry)
        rag = entry.get("rag") if entry.get("rag") in Action.Rag.values else Action.Rag.GREEN
        Action.record(
            by=self.by,
            note=IMPORT_NOTE,
            text=text,
            committee=self.committee,
            source_item=item,
            source_resolution=_source_resolution(text, resolutions),
            owner=owner,
            owner_post=owner_post[:200],
            rag=rag,
            **due_fields(entry.get("due"), meeting, text),
        )

    def owner(self, entry):
        chosen = entry.get("owner_id")
        owner_text = (entry.get("owner") or "").strip()
        if chosen not in (None, ""):
            return Person.objects.get(pk=int(chosen)), ""
        if not owner_text:
            return None, ""
        person = self.register.match(owner_text, prefer=self.attendees)
        if person:
            return person, ""
        person = self.register.match_post(owner_text)
        if person:
            return person, owner_text
        return None, owner_text

    def declarations(self, meeting, items):
        for entry in self.proposal.get("declarations") or []:
            text = (entry.get("text") or "").strip()
            if not text:
                continue
            person = self.person(entry)
            Declaration.objects.create(
                meeting=meeting, person=person, item=_item_for(entry.get("item"), items), text=text
            )


def _item_for(ref, items):
    if not ref:
        return None
    ref = str(ref).strip().lower()
    for item in items:
        if item.number and item.number.lower() == ref or item.title.lower() == ref:
            return item
    return None


def create_meeting_from_proposal(proposal: dict, committee, by_user=None, text_fingerprint: str = "") -> Meeting:
    """Create the meeting as a minutes draft with everything the proposal holds, in one transaction.

    Raises AlreadyImported if these minutes (same fingerprint), or a meeting of the committee on
    the same day, are already recorded; MinutesImportError for a proposal that cannot be written,
    including dates a council would not accept (core.clock), which every other door refuses too.
    """
    try:
        return _create(proposal, committee, by_user, text_fingerprint)
    except ValidationError as error:
        raise MinutesImportError(" ".join(error.messages)) from None


@transaction.atomic
def _create(proposal, committee, by_user, text_fingerprint):
    # Lock the committee row so two clerks confirming the same minutes at once cannot both write.
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    date = _as_date(proposal.get("date"))
    duplicate = existing_import(committee, date, text_fingerprint)
    if duplicate:
        raise AlreadyImported(duplicate)
    writer = _Writer(proposal, committee, by_user, text_fingerprint)
    meeting = writer.meeting()
    writer.attendance(meeting)
    items = writer.items(meeting)
    writer.declarations(meeting, items)
    return meeting
