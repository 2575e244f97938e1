"""The clerk's forms for recommendations. Each one only reads what was typed; the model verbs judge it."""

import datetime

import django_filters
from django import forms

from core import clock, rag_rules
from core.date_input import DateInputField
from core.dates import prose_date
from meetings.models import AgendaItem, Meeting

from .models import Body, Recommendation


class VersionedForm(forms.Form):
    """A form about one recommendation, carrying the version its page was drawn with."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, recommendation, **kwargs):
        kwargs.setdefault("initial", {"version": recommendation.version})
        kwargs.setdefault("prefix", self.PREFIX)
        self.recommendation = recommendation
        super().__init__(*args, **kwargs)


class ResponseForm(VersionedForm):
    PREFIX = "response"
    response = forms.ChoiceField(
        label="Response",
        choices=Recommendation.Response.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose accepted, partly accepted or rejected"},
    )
    text = forms.CharField(
        label="The response, in the body's words",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
        error_messages={"required": "Enter the response"},
    )
    decided_by = forms.CharField(
        label="Decided by", max_length=200, help_text="e.g. Cabinet, Cabinet Member for Children"
    )
    meeting = forms.ModelChoiceField(
        label="At the meeting (if it is recorded here)",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Not recorded here",
    )
    on = DateInputField(label="Date of the decision", required=False, help_text="Not needed if you chose a meeting")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        made = self.recommendation.made_on
        field = self.fields["meeting"]
        # Other bodies' meetings between the recommendation and today: Cabinet's, for instance.
        field.queryset = (
            Meeting.objects.exclude(committee_id=self.recommendation.committee_id)
            .filter(starts_at__gte=clock.start_of(made), starts_at__lt=clock.end_of(clock.today()))
            .select_related("committee")
            .order_by("-starts_at")
        )
        field.label_from_instance = lambda m: f"{m.committee.name}, {prose_date(m.date)}"
        self.fields["decided_by"].initial = self.recommendation.body.name

    def clean(self):
        data = super().clean()
        if not data.get("on") and not data.get("meeting") and "on" not in self.errors:  # not a bad date twice
            self.add_error("on", "Enter the date of the decision, or choose the meeting")
        return data


class PlanForm(VersionedForm):
    PREFIX = "plan"
    what = forms.CharField(label="What will be done", widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)
    who = forms.CharField(label="Who", max_length=200, required=False)
    by_when = DateInputField(label="By when")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        r = self.recommendation
        self.fields["what"].initial, self.fields["who"].initial = r.plan_what, r.plan_who
        self.fields["by_when"].initial = r.plan_by


class ProgressForm(VersionedForm):
    PREFIX = "progress"
    text = forms.CharField(label="Progress update", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    rag = forms.ChoiceField(label="RAG rating", choices=Recommendation.Rag.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Why this RAG, if it is not the suggested one",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggested = self.recommendation.suggested_rag()
        self.fields["rag"].initial = self.recommendation.rag or self.suggested or None
        if self.suggested:
            self.fields["reason"].help_text = f"The rules suggest {self.suggested.title()}."

    def clean(self):
        data = super().clean()
        rag = data.get("rag")
        if rag and not rag_rules.agrees(self.suggested, rag) and not data.get("reason", "").strip():
            self.add_error("reason", rag_rules.reason_needed(self.suggested, rag))
        return data


class OutcomeForm(VersionedForm):
    PREFIX = "outcome"
    outcome = forms.ChoiceField(label="Outcome", choices=Recommendation.Outcome.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="Evidence or note", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    on = DateInputField(label="Date", required=False, help_text="Today if left blank")


class MakeForm(forms.Form):
    """One recommendation to another body, from a resolution."""

    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 3}), max_length=8000)
    body = forms.ModelChoiceField(label="To", queryset=Body.objects.all(), empty_label=None)
    lead_post = forms.CharField(
        label="Portfolio holder or lead officer",
        max_length=200,
        required=False,
        help_text="e.g. Cabinet Member for Children and Young People",
    )
    number = forms.IntegerField(label="Number in the minute", min_value=1, max_value=99)


class ReportForm(forms.Form):
    """A task-and-finish review's final report: several numbered recommendations at once."""

    item = forms.ModelChoiceField(label="Agenda item the report was taken at", queryset=AgendaItem.objects.none())
    report_title = forms.CharField(label="Title of the report", max_length=300)
    body = forms.ModelChoiceField(label="To", queryset=Body.objects.all(), empty_label=None)
    lead_post = MakeForm.base_fields["lead_post"]
    texts = forms.CharField(
        label="Recommendations, one a line, in order",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="They are numbered 1, 2, 3… in the order given; leave out any numbering of your own.",
    )

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        since = clock.start_of(clock.today() - datetime.timedelta(days=400))
        field = self.fields["item"]
        field.queryset = (
            AgendaItem.objects.filter(meeting__committee=committee, meeting__starts_at__gte=since)
            .select_related("meeting")
            .order_by("-meeting__starts_at", "order")
        )
        field.label_from_instance = lambda item: f"{prose_date(item.meeting.date)}: {item.number} {item.title}"

    def clean_texts(self):
        lines = [line.strip() for line in self.cleaned_data["texts"].splitlines()]
        texts = [line for line in lines if line]
        if len(texts) > 50:
            raise forms.ValidationError("A report has at most 50 recommendations; enter the rest as a second report.")
        return texts


class RecommendationFilter(django_filters.FilterSet):
    SHOW = (
        ("awaiting", "Awaiting response"),
        ("overdue", "Response overdue"),
        ("in_progress", "Accepted and in progress"),
        ("implemented", "Implemented"),
        ("rejected", "Rejected"),
    )
    show = django_filters.ChoiceFilter(choices=SHOW, method="filter_show", label="Show", empty_label="All")
    body = django_filters.ModelChoiceFilter(queryset=Body.objects.all(), label="To", empty_label="Any body")

    class Meta:
        model = Recommendation
        fields = ["show", "body"]

    def filter_show(self, queryset, name, value):
        return {
            "awaiting": queryset.awaiting_response,
            "overdue": queryset.response_overdue,
            "in_progress": queryset.in_progress,
            "implemented": queryset.implemented,
            "rejected": lambda: queryset.filter(response=Recommendation.Response.REJECTED),
        }[value]()
