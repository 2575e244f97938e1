from django import forms

from meetings.models import Committee

from .sources import kind_choices


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for", max_length=200, required=False, help_text='e.g. "care leavers" or housing -budget'
    )
    committee = forms.ModelChoiceField(
        Committee.objects.all(), to_field_name="slug", required=False, empty_label="All committees"
    )
    kind = forms.ChoiceField(label="Find", required=False)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Everything"), *kind_choices()]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The end date must be the same as or after the start date.")
        return data

    def committee_options(self):
        """(value, label, selected) per choice of committee, for the search page to draw without a widget template
        per option: that select was a third of the page's own drawing time."""
        field = self.fields["committee"]
        chosen = str(self["committee"].value() or "")
        committees = [(c.slug, field.label_from_instance(c)) for c in field.queryset]
        return [(value, label, value == chosen) for value, label in [("", field.empty_label), *committees]]

    def results(self, entries):
        """The entries that match the query and the filters (who may read them: newest_visible())."""
        data = self.cleaned_data
        if data["committee"]:
            entries = entries.filter(committee=data["committee"])
        if data["kind"]:
            entries = entries.filter(kind=data["kind"])
        if data["date_from"]:
            entries = entries.filter(date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(date__lte=data["date_to"])
        return entries.matching(data["q"].strip(), by_index=not data["committee"])
