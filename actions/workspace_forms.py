"""Forms behind the clerk's in-place action controls and 'make this an action'."""

from django import forms
from django.db import transaction
from django.urls import reverse_lazy

from core import clock
from core.date_input import DateInputField
from meetings.models import Meeting, StandingItem, WorkProgrammeItem
from meetings.people import owner_label, resolve_owner

from .models import Action

NEXT = "next"


def owner_widget(list_id):
    """The owner box: the register as a datalist and, with htmx, a check as the clerk types that says whether
    the text names someone (the check's answer replaces the field's hint)."""
    return forms.TextInput(
        attrs={
            **({"list": list_id} if list_id else {}),
            "autocomplete": "off",
            "hx-get": reverse_lazy("actions:owner_check"),
            "hx-trigger": "input changed delay:400ms, change",
            "hx-sync": "this:replace",
            "hx-swap": "innerHTML",
        }
    )


class ResolvesOwner:
    """An owner box that links the one person the text names (so the action reaches their "My actions"), and
    otherwise refuses until the clerk ticks "keep as a post", naming the people it might have meant."""

    owner_candidates = ()

    def resolve_owner(self, data):
        text = data.get("owner", "").strip()
        if not text:
            return None
        person, self.owner_candidates = resolve_owner(text, self.people)
        if person is None and not data.get("keep_as_post"):
            self.add_error("owner", owner_warning(text, self.owner_candidates))
        return person


def owner_warning(text, candidates):
    if len(candidates) > 1:
        names = "; ".join(owner_label(p) for p in candidates)
        return f"“{text}” could be any of: {names}. Type the full name, or tick “Keep as a post”."
    if candidates:
        meant = owner_label(candidates[0])
        return f"No one is called “{text}”. Did you mean {meant}? Type the full name, or tick “Keep as a post”."
    return (
        f"No one in the register is called “{text}”. Check the spelling, or tick “Keep as a post” to save it as a post."
    )


KEEP_AS_POST = "Keep as a post: it names no one in the register"


class MakeActionForm(ResolvesOwner, forms.Form):
    ACTION, STANDING, FUTURE = "action", "standing", "future"
    creates = forms.ChoiceField(
        label="This resolution",
        choices=[
            (ACTION, "Gives someone an action"),
            (FUTURE, "Promises a report to a future committee (adds it to the work programme)"),
            (STANDING, "Makes something a standing item on every agenda"),
        ],
        initial=ACTION,
    )
    text = forms.CharField(label="What is to be done", widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.CharField(
        max_length=200,
        required=False,
        help_text="Start typing a name, or type a post such as “Strategic Director”.",
    )
    keep_as_post = forms.BooleanField(label=KEEP_AS_POST, required=False)
    due_meeting = forms.ChoiceField(label="Due at meeting", required=False)
    due_date = DateInputField(label="Or due by date", required=False, help_text="For example, 27 3 2027")
    due_note = forms.CharField(
        label="Or due, in words", max_length=200, required=False, help_text="e.g. early in the new municipal year"
    )
    rag = forms.ChoiceField(label="RAG", choices=Action.Rag.choices, initial=Action.Rag.GREEN)

    def __init__(self, *args, resolution, people, **kwargs):
        super().__init__(*args, auto_id=f"resolution-{resolution.pk}-action-%s", **kwargs)
        self.resolution, self.item, self.meeting = resolution, resolution.item, resolution.item.meeting
        self.people = people
        self.later_meetings = list(
            Meeting.objects.filter(committee_id=self.meeting.committee_id, starts_at__gt=self.meeting.starts_at)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("starts_at")[:12]
        )
        nxt = "The next meeting"
        if self.later_meetings:
            nxt += f" ({self.later_meetings[0].date:%-d %B %Y})"
        self.fields["due_meeting"].choices = [("", "Not at a meeting"), (NEXT, nxt)] + [
            (str(m.pk), f"{m.date:%A %-d %B %Y}") for m in self.later_meetings
        ]
        self.fields["owner"].widget = owner_widget(f"owner-options-{resolution.pk}")
        self.fields["owner"].widget.attrs["hx-target"] = f"#{self.auto_id % 'owner'}_hint"
        self.initial.setdefault("text", resolution.text)

    def clean(self):
        data = super().clean()
        due_meeting = data.get("due_meeting")
        if due_meeting and data.get("due_date"):
            self.add_error("due_date", "Give a due meeting or a due date, not both.")
        if data.get("creates") == self.STANDING:
            return data
        data["due_meeting_obj"] = None
        if due_meeting == NEXT:
            data["due_meeting_obj"] = self.later_meetings[0] if self.later_meetings else None
            if not self.later_meetings:
                data["due_note"] = data.get("due_note") or "The next meeting"
        elif due_meeting:
            data["due_meeting_obj"] = next((m for m in self.later_meetings if str(m.pk) == due_meeting), None)
        if data.get("due_date"):
            try:
                clock.check_due_date(data["due_date"], self.meeting.date)
            except forms.ValidationError as error:
                self.add_error("due_date", error)
        if data.get("creates") == self.ACTION and not data.get("owner", "").strip():
            self.add_error("owner", "Say who owns the action: a person or a post.")
        data["owner_person"] = self.resolve_owner(data)
        return data

    @transaction.atomic
    def save(self, by):
        data = self.cleaned_data
        if data["creates"] == self.STANDING:
            return StandingItem.objects.create(
                committee_id=self.meeting.committee_id,
                title=data["text"],
                source_resolution=self.resolution,
                active_from=max(self.meeting.date, clock.today()),
            )
        owner = data["owner_person"]
        fields = {
            "text": data["text"],
            "committee_id": self.meeting.committee_id,
            "source_item": self.item,
            "owner": owner,
            "owner_post": "" if owner else data["owner"].strip(),
            "due_meeting": data["due_meeting_obj"],
            "due_date": data["due_date"],
            "due_note": data["due_note"],
            "rag": data["rag"],
        }
        if data["creates"] == self.FUTURE:
            fields["work_programme_item"] = self._promise(data)
            fields["due_note"] = fields["due_note"] or ("" if data["due_meeting_obj"] else "A future committee")
        return Action.record_from_resolution(self.resolution, by=by, **fields)

    def _promise(self, data):
        meeting = data["due_meeting_obj"]
        if meeting:
            timing = WorkProgrammeItem.Timing.MEETING
        elif data.get("due_meeting") == NEXT:
            timing = WorkProgrammeItem.Timing.NEXT_MEETING
        else:
            timing = WorkProgrammeItem.Timing.TBC
        return WorkProgrammeItem.promise(
            self.meeting.committee,
            data["text"],
            timing,
            agreed_at=self.meeting,
            target_meeting=meeting,
            private=self.item.exempt,
        )


class ControlForm(forms.Form):
    """Every in-place control carries the version it was shown with."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class RagForm(ControlForm):
    rag = forms.ChoiceField(choices=Action.Rag.choices, label="RAG")
    reason = forms.CharField(required=False, max_length=2000, label="Reason (optional)")


class UpdateForm(ControlForm):
    text = forms.CharField(max_length=5000, label="Update")
    rag = forms.ChoiceField(choices=[("", "Keep RAG")] + list(Action.Rag.choices), required=False, label="RAG")


class NoteForm(ControlForm):
    note = forms.CharField(required=False, max_length=2000, label="Note (optional)")


class ProposalForm(ControlForm):
    reason = forms.CharField(required=False, max_length=2000, label="Reason (optional)")


class OwnerChangeForm(ResolvesOwner, ControlForm):
    owner = forms.CharField(max_length=200, label="New owner", help_text="A name from the register, or a post.")
    keep_as_post = forms.BooleanField(label=KEEP_AS_POST, required=False)
    reason = forms.CharField(max_length=2000, label="Why is the owner changing?")

    def __init__(self, *args, action, people, **kwargs):
        super().__init__(*args, auto_id=f"action-{action.pk}-owner-%s", **kwargs)
        self.people = people
        self.fields["owner"].widget = owner_widget(None)
        self.fields["owner"].widget.attrs["hx-target"] = f"#{self.auto_id % 'owner'}_hint"

    def clean(self):
        data = super().clean()
        data["owner_person"] = self.resolve_owner(data)
        return data


class DueChangeForm(ControlForm):
    due_date = DateInputField(label="New due date", required=False)
    due_note = forms.CharField(label="Or due, in words", max_length=200, required=False)
    reason = forms.CharField(max_length=2000, label="Why is the due date changing?")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, auto_id=f"action-{action.pk}-due-%s", **kwargs)

    def clean(self):
        data = super().clean()
        if not data.get("due_date") and not data.get("due_note", "").strip() and "due_date" not in self.errors:
            self.add_error("due_date", "Give the new due date, or say in words when it is due.")
        return data


class CloseForm(ControlForm):
    reason = forms.CharField(max_length=2000, label="Why is it closed without being done?")


class DischargeForm(ControlForm):
    on = DateInputField(label="Discharged on", required=False)
    at_meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), required=False, label="At the meeting")
    evidence = forms.CharField(max_length=2000, required=False, label="Evidence")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = Meeting.objects.filter(committee_id=action.committee_id)

    def clean(self):
        data = super().clean()
        if not data.get("on") and not data.get("at_meeting") and "on" not in self.errors:
            raise forms.ValidationError("Give the date it was discharged, or the meeting that discharged it.")
        return data
