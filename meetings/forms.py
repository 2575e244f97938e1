"""Forms for the clerk's meeting workspace. Saving goes through the models' verbs and versions."""

import datetime

from django import forms
from django.db import transaction
from django.forms.utils import ErrorDict
from django.utils import timezone

from core import clock
from core.concurrency import StaleEdit
from core.date_input import DateInputField

from .models import AgendaItem, Attendance, Committee, Declaration, Meeting, Person, RecordedVote, Resolution

STALE_MESSAGE = (
    "Someone else saved this since you opened it, so your change was not saved. "
    "The current saved values are shown below; check them, then save again if yours should replace them."
)


STALE_STATUS_MESSAGE = (
    "Someone else changed this meeting since you opened the page, so its status was not changed. "
    "Check the meeting as it is now, then try again."
)
STALE_AGENDA_MESSAGE = (
    "Someone else changed the agenda since you opened the page, so nothing was changed. "
    "The agenda below is as it is now: check it, then try again."
)


def stale_agenda_message(item):
    return (
        f"Someone else changed item {item} since you opened the page, so it was not moved or deleted. "
        "The agenda below is as it is now: check it, then try again."
    )


def people_choices():
    return Person.objects.filter(active=True).order_by("name")


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput


class VersionedModelForm(forms.ModelForm):
    """A model form that remembers the version it was rendered with, and saves only if that is still current."""

    version = VersionField()
    # Many of these forms share one page, so each field id carries the record it edits.
    auto_id_pattern = ""

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        if self.auto_id_pattern and "auto_id" not in kwargs:
            kwargs["auto_id"] = self.auto_id_pattern.format(pk=instance.pk if instance else "new")
        self._extra = {k: v for k, v in kwargs.items() if k not in ("instance", "data", "auto_id")}
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.conflicts = []

    def save_if_current(self):
        """(True, form) once saved; (False, form to show) when invalid or someone else saved first.

        The version is checked before the fields, so a stale page hears "someone else saved this",
        not a misleading clash with what the other person saved (e.g. "Item 3 is already on this agenda").
        """
        model = type(self.instance)
        current = model._base_manager.filter(pk=self.instance.pk).first()
        if current is not None and str(current.version) != str(self.data.get(self.add_prefix("version"))):
            return False, self.stale_copy(current)
        if not self.is_valid():
            return False, self
        try:
            self.save(commit=False).save_versioned(self.cleaned_data["version"])
        except StaleEdit as stale:
            return False, self.stale_copy(stale.current)
        return True, self

    def stale_copy(self, current):
        """The clerk's input against the current version, with the current saved values beside it."""
        data = self.data.copy()
        data[self.add_prefix("version")] = current.version
        form = type(self)(data, instance=current, **self._extra)
        form.conflicts = [
            (form.fields[name].label or name, getattr(current, name)) for name in form.fields if name != "version"
        ]
        # Only the staleness is news: a clash with what the other person saved would mislead.
        form._errors, form.cleaned_data = ErrorDict(), {}
        form.add_error(None, STALE_MESSAGE)
        return form


class MeetingForm(forms.Form):
    date = DateInputField(label="Date", help_text="For example, 27 3 2027")
    start_time = forms.TimeField(initial=datetime.time(17, 30), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    venue = forms.CharField(max_length=200, required=False)
    with_procedural = forms.BooleanField(
        required=False, initial=True, label="Start the agenda with the committee's procedural items"
    )

    def clean_date(self):
        day = self.cleaned_data["date"]
        clock.check_meeting_date(day)
        return day

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("start_time"):
            try:
                data["starts_at"] = clock.local_datetime(data["date"], data["start_time"])
            except forms.ValidationError as error:
                self.add_error("start_time", error)
                return data
            data["ends_at"] = None
            if data.get("end_time"):
                if data["end_time"] <= data["start_time"]:
                    self.add_error("end_time", "The meeting must end after it starts.")
                else:
                    try:
                        data["ends_at"] = clock.local_datetime(data["date"], data["end_time"])
                    except forms.ValidationError as error:
                        self.add_error("end_time", error)
        return data


class UKDateTimeField(forms.DateTimeField):
    """A date and time as the clerk's wall clock shows it in the UK; refuses the hour the clocks skip or repeat."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        with timezone.override(datetime.UTC):
            parsed = super().to_python(value)
        if parsed is None:
            return None
        wall = parsed.replace(tzinfo=None)
        return clock.local_datetime(wall.date(), wall.time())


class MeetingDetailsForm(VersionedModelForm):
    """Times, venue and the public attendance note of an existing meeting."""

    starts_at = UKDateTimeField(label="Starts")
    ends_at = UKDateTimeField(label="Ends", required=False)

    class Meta:
        model = Meeting
        fields = ["starts_at", "ends_at", "venue", "public_attendance"]
        widgets = {"public_attendance": forms.Textarea(attrs={"rows": 2})}

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        clock.check_meeting_date(clock.local_date(starts_at))
        return starts_at

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", "The meeting must end after it starts.")
        return data


class PublicAttendanceForm(VersionedModelForm):
    auto_id_pattern = "public-%s"

    class Meta:
        model = Meeting
        fields = ["public_attendance"]
        labels = {"public_attendance": "Public attendance"}
        widgets = {"public_attendance": forms.Textarea(attrs={"rows": 2})}


class ApproveMinutesForm(forms.Form):
    approved_at = forms.ModelChoiceField(queryset=Meeting.objects.none(), label="Approved at the meeting of")

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, auto_id="approve-%s", **kwargs)
        field = self.fields["approved_at"]
        later = Meeting.objects.filter(committee_id=meeting.committee_id, starts_at__gt=meeting.starts_at)
        # Minutes are approved at a meeting that is being (or has been) held: Meeting.may_approve_minutes_of.
        field.queryset = later.exclude(status__in=[Meeting.Status.SCHEDULED, Meeting.Status.CANCELLED])
        field.label_from_instance = lambda m: f"{m.date:%-d %B %Y}"


class ProceduralItemsForm(forms.ModelForm):
    class Meta:
        model = Committee
        fields = ["procedural_items", "default_venue"]
        widgets = {"procedural_items": forms.Textarea(attrs={"rows": 7})}


class ItemForm(VersionedModelForm):
    auto_id_pattern = "item-{pk}-edit-%s"

    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "title",
            "kind",
            "description",
            "lead_officer",
            "contact_officer",
            "recommendation",
            "exempt",
            "exempt_reason",
        ]
        labels = {"exempt": "Exempt: taken in private, never shown to the public"}
        widgets = {"recommendation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = self._extra["meeting"] = meeting
        self.fields["number"].widget.attrs["size"] = 6
        if not self.instance.pk:
            self.fields["number"].help_text = "Leave blank for the next number."
        for name in ("lead_officer", "contact_officer"):
            self.fields[name].queryset = people_choices()
        if not self.instance.pk:
            self.fields["version"].required = False

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if not number and not self.instance.pk:
            # A clerk adding an item mid-meeting expects it to get the next number, as in Word.
            taken = self.meeting.items.values_list("number", flat=True)
            number = str(max((int(n) for n in taken if n.isdigit()), default=0) + 1)
        clash = AgendaItem.objects.filter(meeting=self.meeting, number=number).exclude(pk=self.instance.pk)
        if number and clash.exists():
            raise forms.ValidationError(f"Item {number} is already on this agenda. Choose another number.")
        return number

    def clean(self):
        data = super().clean()
        if data.get("exempt_reason") and not data.get("exempt"):
            self.add_error("exempt", "Tick exempt, or clear the exempt reason.")
        return data


class MinutesForm(VersionedModelForm):
    auto_id_pattern = "item-{pk}-%s"

    class Meta:
        model = AgendaItem
        fields = ["minutes_text"]
        labels = {"minutes_text": "Minutes"}
        help_texts = {"minutes_text": ""}
        widgets = {"minutes_text": forms.Textarea(attrs={"rows": 3})}


VOTE_COUNTS = ("votes_for", "votes_against", "votes_abstained")


class ResolutionForm(VersionedModelForm):
    """A resolution, how it was carried, the counts of any vote, and (when editing) a named vote of those present."""

    auto_id_pattern = "resolution-{pk}-%s"
    COUNTS = VOTE_COUNTS

    class Meta:
        model = Resolution
        fields = ["text", "vote", "votes_for", "votes_against", "votes_abstained"]
        labels = {"text": "Resolution", "vote": "Vote", "votes_for": "For", "votes_against": "Against"}
        labels["votes_abstained"] = "Abstained"
        count = forms.NumberInput(attrs={"min": 0, "inputmode": "numeric", "class": "input-width-3"})
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), **dict.fromkeys(VOTE_COUNTS, count)}
        help_texts = {"text": "", "vote": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.COUNTS:
            self.fields[name].error_messages["min_value"] = "A number of votes cannot be less than 0."
        if not self.instance.pk:
            self.fields["version"].required = False
            return
        # A named (recorded) vote: one choice for each member recorded present, and no one else.
        present = Attendance.objects.filter(meeting_id=self.instance.item.meeting_id, status=Attendance.Status.PRESENT)
        chosen = {row.person_id: row.choice for row in self.instance.recorded_votes.all()}
        self.voters = [a.person for a in present.select_related("person").order_by("person__name")]
        ways = [("", "Did not vote / not named")] + list(RecordedVote.Choice.choices)
        for person in self.voters:
            self.fields[f"named_{person.pk}"] = forms.ChoiceField(
                choices=ways, required=False, label=f"Named vote: {person.display_name}", initial=chosen.get(person.pk)
            )

    def named_choices(self):
        return {person: self.cleaned_data.get(f"named_{person.pk}", "") for person in getattr(self, "voters", [])}

    def clean(self):
        data = super().clean()
        named = [choice for choice in self.named_choices().values() if choice]
        if named:
            tally = [named.count(way) for way in RecordedVote.Choice.values]
            typed = [data.get(name) for name in self.COUNTS]
            if any(n is not None and n != t for n, t in zip(typed, tally, strict=True)):
                self.add_error(
                    "votes_for", "The counts do not match the named vote: leave them blank, or correct them."
                )
            for name, count in zip(self.COUNTS, tally, strict=True):
                data[name] = count
        if data.get("vote") == Resolution.Vote.UNANIMOUS and data.get("votes_against"):
            self.add_error("votes_against", "A unanimous resolution has no votes against.")
        return data

    def save_if_current(self):
        with transaction.atomic():
            saved, form = super().save_if_current()
            if saved and getattr(self, "voters", None):
                self.instance.record_named_vote(self.named_choices())
        return saved, form


class AttendeeForm(forms.Form):
    """Someone 'also in attendance': picked from the people register, or added to it here."""

    person = forms.ModelChoiceField(queryset=Person.objects.none(), required=False, label="From the people register")
    new_name = forms.CharField(max_length=200, required=False, label="Or a new person: name")
    new_job_title = forms.CharField(max_length=200, required=False, label="Their job title")
    new_kind = forms.ChoiceField(choices=Person.Kind.choices, initial=Person.Kind.OFFICER, label="They are a")
    capacity = forms.CharField(max_length=200, required=False, help_text="e.g. Cabinet Member for Children")

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, auto_id="attendee-%s", **kwargs)
        self.meeting = meeting
        self.fields["person"].queryset = people_choices()

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("new_name", "").strip()):
            raise forms.ValidationError("Choose someone from the register, or type a new person's name (not both).")
        person = data.get("person")
        if person and self.meeting.attendances.filter(person=person).exists():
            self.add_error("person", f"{person.display_name} is already recorded at this meeting.")
        return data

    def person_to_record(self):
        data = self.cleaned_data
        if data["person"]:
            return data["person"]
        return Person.objects.create(
            name=data["new_name"].strip(), job_title=data["new_job_title"].strip(), kind=data["new_kind"]
        )


class SubstituteForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label="Substitute")
    substitute_for = forms.ModelChoiceField(queryset=Person.objects.none(), label="Substituting for")

    def __init__(self, *args, meeting, members, **kwargs):
        super().__init__(*args, auto_id="substitute-%s", **kwargs)
        self.meeting = meeting
        self.fields["person"].queryset = people_choices().filter(kind=Person.Kind.COUNCILLOR)
        self.fields["substitute_for"].queryset = Person.objects.filter(pk__in=[m.pk for m in members])
        for name in ("person", "substitute_for"):
            self.fields[name].label_from_instance = lambda p: p.display_name

    def clean(self):
        data = super().clean()
        person = data.get("person")
        if person and person == data.get("substitute_for"):
            raise forms.ValidationError("A member cannot substitute for themselves.")
        if person and self.meeting.attendances.filter(person=person).exists():
            self.add_error("person", f"{person.display_name} is already recorded at this meeting.")
        return data


class DeclarationForm(forms.ModelForm):
    class Meta:
        model = Declaration
        fields = ["person", "item", "type", "text"]
        labels = {"item": "On agenda item (optional)", "text": "The interest"}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, auto_id="declaration-%s", **kwargs)
        self.fields["person"].queryset = people_choices()
        self.fields["person"].label_from_instance = lambda p: p.display_name
        self.fields["item"].queryset = meeting.items.order_by("order", "pk")


class AttendanceStatusForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.all())
    status = forms.ChoiceField(
        choices=[(s, label) for s, label in Attendance.Status.choices if s != Attendance.Status.IN_ATTENDANCE]
        + [("chair", "In the Chair")]
    )


# --- the work programme ---------------------------------------------------------------------


class MonthField(forms.DateField):
    """A month as the browser's month picker sends it (2027-03), or a full date; kept as its first day."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%Y-%m-%d", "%m/%Y"]

    def clean(self, value):
        day = super().clean(value)
        if day is None:
            return None
        day = day.replace(day=1)
        clock.check_meeting_date(day)
        return day


class WorkRowForm(forms.Form):
    """Every change to a work-programme item carries the version it was shown with."""

    version = VersionField()

    def __init__(self, *args, work, **kwargs):
        name = type(self).__name__.removeprefix("Work").removesuffix("Form").lower()
        super().__init__(*args, auto_id=f"work-{work.pk}-{name}-%s", **kwargs)
        self.initial.setdefault("version", work.version)

    def error_list(self):
        return [error for errors in self.errors.values() for error in errors]


class WorkScheduleForm(WorkRowForm):
    meeting = forms.ChoiceField(label="Put it on the agenda of")

    def __init__(self, *args, meetings, **kwargs):
        """`meetings`: the committee's scheduled meetings, loaded once for every row of the page."""
        super().__init__(*args, **kwargs)
        self.meetings = {str(m.pk): m for m in meetings}
        choices = [(pk, f"{m.date:%A %-d %B %Y}") for pk, m in self.meetings.items()]
        self.fields["meeting"].choices = [("", "Choose a meeting"), *choices]

    @staticmethod
    def meeting_choices(committee):
        return committee.meetings.upcoming().filter(status=Meeting.Status.SCHEDULED)

    def clean_meeting(self):
        return self.meetings[self.cleaned_data["meeting"]]


class WorkDeferForm(WorkRowForm):
    reason = forms.CharField(max_length=400, label="Why is it deferred?")
    month = MonthField(
        required=False,
        label="To which month (optional)",
        help_text="For example 2027-03. Leave blank for 'to be confirmed'.",
    )


class WorkDropForm(WorkRowForm):
    reason = forms.CharField(max_length=400, label="Why is it dropped?")


class WorkAddForm(forms.Form):
    title = forms.CharField(max_length=300, label="What is promised")
    month = MonthField(
        required=False,
        label="Month it is due (optional)",
        help_text="For example 2027-03. Leave blank for 'to be confirmed'.",
    )
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="work-add-%s", **kwargs)
