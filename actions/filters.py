"""The outstanding-actions filters. They live in the query string so a filtered list can be bookmarked."""

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.urls import reverse_lazy

from core import clock
from meetings.models import Committee, Meeting, Person

from .models import Action, due_by_q, overdue_q


def due_by_next_meeting_q(today=None):
    """Due at or before the next meeting of the action's own committee (one query for all committees)."""
    next_dates = {}
    for committee_id, starts_at in Meeting.objects.upcoming(today).values_list("committee_id", "starts_at"):
        next_dates.setdefault(committee_id, clock.local_date(starts_at))
    condition = Q(pk__in=[])
    for committee_id, day in next_dates.items():
        condition |= Q(committee_id=committee_id) & due_by_q(day)
    return condition


SUGGESTIONS = 15


def owner_suggestions(user, typed):
    """Names and posts that own an outstanding action the user may see, matching what they typed: the
    type-ahead lists nobody the user could not already find in the list itself."""
    visible = Action.objects.visible_to(user).outstanding()
    words = typed.split()
    people = Person.objects.filter(pk__in=visible.values("owner_id"))
    posts = visible.exclude(owner_post="")
    for word in words:
        people = people.filter(Q(name__icontains=word) | Q(job_title__icontains=word))
        posts = posts.filter(owner_post__icontains=word)
    names = list(people.order_by("name").values_list("name", flat=True)[:SUGGESTIONS])
    names += posts.order_by("owner_post").values_list("owner_post", flat=True).distinct()[:SUGGESTIONS]
    return sorted(set(names))[:SUGGESTIONS]


class ActionFilter(django_filters.FilterSet):
    SORTS = (("due", "Due date"), ("rag", "RAG (red first)"), ("age", "Oldest first"))

    q = django_filters.CharFilter(
        method="search", label="Search", widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"})
    )
    committee = django_filters.ModelChoiceFilter(
        queryset=Committee.objects.all(), to_field_name="slug", empty_label="All committees"
    )
    # A type-ahead, not a <select> of everyone: a council has hundreds of owners. Without JavaScript the
    # words typed filter as they are; with htmx the datalist fills in as they type.
    owner = django_filters.CharFilter(
        method="filter_owner",
        label="Owner",
        widget=forms.TextInput(
            attrs={
                "list": "owner-suggestions",
                "autocomplete": "off",
                "hx-get": reverse_lazy("actions:owner_suggestions"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#owner-suggestions",
                "hx-swap": "outerHTML",
                "hx-push-url": "false",
                "hx-sync": "this:replace",
            }
        ),
    )
    rag = django_filters.ChoiceFilter(choices=Action.Rag.choices, label="RAG", empty_label="Any RAG")
    status = django_filters.ChoiceFilter(
        choices=[(s.value, s.label) for s in Action.OUTSTANDING], empty_label="Any outstanding status"
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label="Overdue only", widget=forms.CheckboxInput)
    due_next = django_filters.BooleanFilter(
        method="filter_due_next", label="Due at or before the next meeting", widget=forms.CheckboxInput
    )
    # A meeting's matters arising and a brief link here for the rows they leave out.
    due_by = django_filters.DateFilter(
        field_name="due_on", lookup_expr="lte", label="Due on or before", widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = django_filters.ChoiceFilter(method="sort_by", choices=SORTS, label="Sort by", empty_label=None)

    class Meta:
        model = Action
        fields = ["q", "committee", "owner", "rag", "status", "overdue", "due_next", "due_by", "sort"]

    def __init__(self, data=None, *args, **kwargs):
        # The form says what the rows are sorted by even when the address does not (the default, soonest due).
        if data is not None and not data.get("sort"):
            data = data.copy()
            data["sort"] = "due"
        super().__init__(data, *args, **kwargs)

    def search(self, queryset, name, value):
        """Over the action, its reference and its latest update (the annotation from with_related)."""
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(text__icontains=word) | Q(reference__icontains=word) | Q(latest_update__text__icontains=word)
            )
        return queryset

    def filter_owner(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(owner__name__icontains=word) | Q(owner__job_title__icontains=word) | Q(owner_post__icontains=word)
            )
        return queryset

    def filter_overdue(self, queryset, name, value):
        return queryset.filter(overdue_q()) if value else queryset

    def filter_due_next(self, queryset, name, value):
        return queryset.filter(due_by_next_meeting_q()) if value else queryset

    def sort_by(self, queryset, name, value):
        return sort_actions(queryset, value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("sort"):
            queryset = sort_actions(queryset, "due")
        return queryset


def sort_actions(queryset, how):
    if how == "rag":
        rank = Case(
            When(rag=Action.Rag.RED, then=Value(0)),
            When(rag=Action.Rag.AMBER, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return queryset.order_by(rank, "created_at", "pk")
    if how == "age":
        return queryset.order_by("created_at", "pk")
    # Matches the index action_outstanding_by_due, so the first page is read in order, not sorted.
    return queryset.order_by(F("due_on").asc(nulls_last=True), "created_at", "pk")
