"""Forms for the clerk's minutes import: the upload, and one small form per proposed row on the review page."""

from django import forms
from django.core import signing

from actions.importer import MinutesImportError
from actions.importer.readers import MAX_BYTES, SUPPORTED
from actions.importer.sandbox import read_and_parse
from actions.models import Action
from core import clock
from core.date_input import DateInputField
from meetings.models import Attendance, Committee

PAYLOAD_SALT = "actions.import.review"
PAYLOAD_MAX_AGE = 60 * 60 * 24  # a clerk may leave the review page open for a working day
ROLE_CHOICES = [
    ("", "Not stated"),
    ("chair", "Chair"),
    ("vice_chair", "Vice-chair"),
    ("member", "Member"),
    ("substitute", "Substitute"),
    ("co-opted", "Co-opted member"),
    ("officer", "Officer"),
    ("cabinet_member", "Cabinet member"),
]
NEW_PERSON = "new"


def sign_payload(payload: dict) -> str:
    return signing.dumps(payload, salt=PAYLOAD_SALT, compress=True)


def read_payload(value: str) -> dict:
    """The proposal as the server read it; raises signing.BadSignature if the browser changed it."""
    return signing.loads(value or "", salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)


class UploadForm(forms.Form):
    committee = forms.ModelChoiceField(
        queryset=Committee.objects.all(),
        required=False,
        empty_label="Work it out from the minutes",
        help_text="Leave this if the minutes name the committee.",
    )
    file = forms.FileField(
        label="Minutes file",
        required=False,
        help_text="A Word document (.docx), a PDF with text in it (.pdf) or a text file (.txt), up to 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED)}),
    )
    text = forms.CharField(
        label="Or paste the minutes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Copy the minutes from the committee website or a document and paste them here.",
    )

    def clean(self):
        data = super().clean()
        upload, text = data.get("file"), (data.get("text") or "").strip()
        if "file" in self.errors:
            return data
        if upload and text:
            self.add_error("text", "Upload a file or paste the minutes, not both.")
        elif upload:
            data["minutes"] = self._read(upload)
        elif text:
            data["minutes"] = ("pasted minutes.txt", text.encode("utf-8"))
        else:
            self.add_error("file", "Choose a minutes file, or paste the minutes into the box below.")
        return data

    def _read(self, upload):
        # Checked before reading so a huge upload is never pulled into memory.
        if upload.size > MAX_BYTES:
            self.add_error("file", f"The file is {upload.size / 1024 / 1024:.1f} MB; the limit is 10 MB.")
            return None
        # Read and parsed later, in a sandbox with memory and time limits (importer/sandbox.py).
        return upload.name, upload.read()

    def read(self, known_people):
        """(text, proposal) of the uploaded or pasted minutes; None with the problem on the form."""
        name, data = self.cleaned_data["minutes"]
        try:
            return read_and_parse(name, data, known_people)
        except MinutesImportError as exc:
            self.add_error("file" if self.cleaned_data.get("file") else None, str(exc))
            return None


class MeetingForm(forms.Form):
    committee = forms.ModelChoiceField(queryset=Committee.objects.all(), empty_label="Choose the committee")
    date = DateInputField(label="Date")
    start_time = forms.TimeField(label="Start time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end_time = forms.TimeField(
        label="End time", required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def clean_date(self):
        day = self.cleaned_data["date"]
        clock.check_meeting_date(day)
        return day

    def clean(self):
        data = super().clean()
        if data.get("start_time") and data.get("end_time") and data["end_time"] < data["start_time"]:
            self.add_error("end_time", "The end time must be after the start time.")
        for name in ("start_time", "end_time"):
            if data.get("date") and data.get(name):
                try:
                    clock.local_datetime(data["date"], data[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return data


class RowForm(forms.Form):
    """One proposed row: a 'keep' tick, and fields that must be filled only if it is kept."""

    keep = forms.BooleanField(required=False, initial=True)
    needed_when_kept: tuple[str, ...] = ()

    def clean(self):
        data = super().clean()
        if data.get("keep"):
            for name in self.needed_when_kept:
                if name not in self.errors and not (data.get(name) or "").strip():
                    self.add_error(name, f"Enter the {self.fields[name].label.lower()}, or untick this row.")
        return data


class AttendanceForm(RowForm):
    name = forms.CharField(max_length=200, required=False)
    status = forms.ChoiceField(choices=Attendance.Status.choices)
    role = forms.ChoiceField(choices=ROLE_CHOICES, required=False)
    title = forms.CharField(label="Title or post", max_length=200, required=False)
    person = forms.ChoiceField(label="In the register")
    needed_when_kept = ("name",)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(p.pk), f"{p.display_name}{f', {p.job_title}' if p.job_title else ''}") for p in candidates]
        self.fields["person"].choices = [*choices, (NEW_PERSON, "Add as a new person")]


class DeclarationForm(RowForm):
    name = forms.CharField(max_length=200, required=False)
    text = forms.CharField(label="Interest declared", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    needed_when_kept = ("name", "text")


class ItemForm(RowForm):
    number = forms.CharField(max_length=12, required=False)
    title = forms.CharField(max_length=300, required=False)
    needed_when_kept = ("title",)


class ResolutionForm(RowForm):
    text = forms.CharField(label="Resolution", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    needed_when_kept = ("text",)


class ActionForm(RowForm):
    text = forms.CharField(label="Action", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.CharField(
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "people-register", "autocomplete": "off"}),
    )
    due = forms.CharField(max_length=200, required=False)
    rag = forms.ChoiceField(label="RAG", choices=Action.Rag.choices, initial=Action.Rag.GREEN)
    needed_when_kept = ("text",)


class StandingItemForm(RowForm):
    title = forms.CharField(label="Standing item", max_length=300, required=False)
    needed_when_kept = ("title",)


class RecommendationRowForm(RowForm):
    """A recommendation to another body (e.g. Cabinet): confirmed, it is tracked until the body responds."""

    text = forms.CharField(label="Recommendation", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    to = forms.CharField(label="To", max_length=200, required=False, help_text="e.g. Cabinet, an NHS trust")
    needed_when_kept = ("text", "to")
