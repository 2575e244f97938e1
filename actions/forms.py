import datetime

from django import forms

from core import clock

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
        help_text="The clerk accepts or rejects it; until then the rating stays as it is.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, action, **kwargs):
        kwargs.setdefault("prefix", f"action-{action.pk}")
        kwargs.setdefault("initial", {"version": action.version})
        super().__init__(*args, **kwargs)


class LogChoiceForm(forms.Form):
    SHOW = (
        ("current", "This municipal year, and everything still outstanding"),
        ("outstanding", "Outstanding"),
        ("discharged", "Discharged since the last meeting"),
        ("all", "All actions, every year"),
    )
    show = forms.ChoiceField(label="Show", choices=SHOW, required=False, widget=forms.RadioSelect)
    # An earlier municipal year, by the calendar year it began in (one click from the log).
    year = forms.IntegerField(required=False, min_value=1990, max_value=2100, widget=forms.HiddenInput)

    def choice(self):
        """(show, year): unknown or malformed values fall back to the default view."""
        if not self.is_valid():
            return "current", None
        return self.cleaned_data.get("show") or "current", self.cleaned_data.get("year")


class BriefMeetingForm(forms.Form):
    meeting = forms.ModelChoiceField(label="Meeting", queryset=None, empty_label=None)
    # The choice lists the meetings to come and those of the last two years; older ones are one link away
    # (`every`), so a decade of meetings is not drawn, nor read, on every brief. Any of the committee's meetings
    # is accepted by address.
    RECENT = datetime.timedelta(days=730)

    def __init__(self, *args, committee, every=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["meeting"]
        field.queryset = committee.meetings.order_by("-starts_at")
        field.label_from_instance = lambda m: f"{m.date:%-d %B %Y} ({m.get_status_display()})"
        self.every, self.since = every, clock.now() - self.RECENT
        self.shown = field.queryset if every else field.queryset.filter(starts_at__gte=self.since)

    def older_meetings(self):
        """Whether the choice leaves older meetings out (the link to show them all)."""
        return not self.every and self.fields["meeting"].queryset.filter(starts_at__lt=self.since).exists()

    def options(self):
        """(value, label, selected) per meeting shown, for the template to draw without a widget template per
        option (their widgets were a third of the brief's time, issue 10c); an older meeting asked for by address
        is shown too."""
        field = self.fields["meeting"]
        chosen = str(self["meeting"].value() or "")
        meetings = list(self.shown)
        if chosen.isdigit() and chosen not in {str(m.pk) for m in meetings}:
            meetings += list(field.queryset.filter(pk=chosen))
        return [(m.pk, field.label_from_instance(m), str(m.pk) == chosen) for m in meetings]
