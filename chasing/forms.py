from django import forms

from actions.models import Action
from core import clock
from core.date_input import DateInputField
from core.dates import prose_date

from .evidence import NotEvidence, kind_of
from .models import DigestSubscription


class LinkUpdateForm(forms.Form):
    """The owner's update through the emailed link, for one action."""

    text = forms.CharField(
        label="Progress update",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": "Enter a progress update"},
    )
    rag = forms.ChoiceField(
        label="Proposed RAG rating", choices=[("", "Keep as it is"), *Action.Rag.choices], required=False
    )
    completed = forms.BooleanField(label="The action is completed", required=False)
    evidence = forms.FileField(
        label="Evidence (optional)",
        required=False,
        help_text="A PDF, Word document, Excel workbook or image, up to 10 MB.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, action, **kwargs):
        kwargs.setdefault("prefix", f"action-{action.pk}")
        kwargs.setdefault("initial", {"version": action.version})
        super().__init__(*args, **kwargs)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return None
        try:
            content_type, _label, suffix = kind_of(upload)
        except NotEvidence as refused:
            raise forms.ValidationError(str(refused)) from None
        original = (upload.name or "evidence")[:255]
        upload.name = f"evidence{suffix}"
        self.evidence_fields = {
            "file": upload,
            "original_name": original,
            "content_type": content_type,
            "size": upload.size,
        }
        return upload


class RequestUpdatesForm(forms.Form):
    reply_by = DateInputField(label="Reply by", help_text="The owners are asked to answer by this day.")

    def __init__(self, *args, meeting, **kwargs):
        self.meeting = meeting
        super().__init__(*args, **kwargs)

    def clean_reply_by(self):
        day = self.cleaned_data["reply_by"]
        if day < clock.today():
            raise forms.ValidationError("The reply-by date is in the past.")
        if day > self.meeting.date:
            raise forms.ValidationError(
                f"The reply-by date must be on or before the meeting ({prose_date(self.meeting.date)})."
            )
        return day


class DigestForm(forms.ModelForm):
    class Meta:
        model = DigestSubscription
        fields = ["weekly"]
        help_texts = {"weekly": "On Monday mornings: the overdue actions of the committees you sit on."}
