from django import forms

from .models import Action


class OwnerUpdateForm(forms.Form):
    """An action's owner reports progress and proposes a RAG rating; the clerk alone discharges."""

    text = forms.CharField(
        label="Progress update",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": "Enter a progress update"},
    )
    rag = forms.ChoiceField(
        label="Proposed RAG rating",
        choices=[("", "Keep as it is")] + list(Action.Rag.choices),
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, action, **kwargs):
        kwargs.setdefault("prefix", f"action-{action.pk}")
        kwargs.setdefault("initial", {"version": action.version})
        super().__init__(*args, **kwargs)


class LogChoiceForm(forms.Form):
    SHOW = (("outstanding", "Outstanding"), ("all", "All actions"), ("discharged", "Discharged since the last meeting"))
    show = forms.ChoiceField(label="Show", choices=SHOW, required=False, widget=forms.RadioSelect)

    def choice(self):
        if not self.is_valid():
            return "outstanding"
        return self.cleaned_data.get("show") or "outstanding"


class BriefMeetingForm(forms.Form):
    meeting = forms.ModelChoiceField(label="Meeting", queryset=None, empty_label=None)

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["meeting"]
        field.queryset = committee.meetings.order_by("-starts_at")
        field.label_from_instance = lambda m: f"{m.date:%-d %B %Y} ({m.get_status_display()})"
