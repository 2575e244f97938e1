"""Issue 11: one date language (a table style and a GOV.UK prose style) and the GOV.UK date input."""

import datetime
import pathlib
import re

import pytest
from django import forms
from django.template import Context, Template
from django.urls import reverse

from actions.models import Action
from core import dates
from core.date_input import DateInputField
from meetings.models import Resolution

from .conftest import HTMX

TEMPLATES = pathlib.Path(__file__).resolve().parent.parent / "templates"
DAY = datetime.date(2026, 7, 4)


def test_the_two_styles():
    assert dates.table_date(DAY) == "4 Jul 2026"
    assert dates.prose_date(DAY) == "4 July 2026"
    assert dates.prose_date(DAY, weekday=True) == "Saturday 4 July 2026"
    assert dates.table_date(None) == dates.prose_date(None) == ""


def test_a_datetime_is_the_uk_day_it_falls_on():
    late = datetime.datetime(2026, 7, 4, 23, 30, tzinfo=datetime.UTC)  # 00:30 on the 5th in BST
    assert dates.table_date(late) == "5 Jul 2026"


def test_the_filters_are_in_every_template_without_a_load():
    rendered = Template("{{ d|table_date }} / {{ d|prose_date }} / {{ d|prose_date:'weekday' }}").render(
        Context({"d": DAY})
    )
    assert rendered == "4 Jul 2026 / 4 July 2026 / Saturday 4 July 2026"


def test_no_template_writes_a_date_in_a_style_of_its_own():
    """Only times, the machine-readable datetime attribute and form values keep Django's |date filter."""
    allowed = {'"g.i a"', "'c'", "'Y-m-d'"}
    for path in TEMPLATES.rglob("*.html"):
        for fmt in re.findall(r"\|date:(\"[^\"]*\"|'[^']*')", path.read_text()):
            assert fmt in allowed or "g.i a" in fmt or "H:i" in fmt, f"{path.name}: |date:{fmt}"
        assert "date_format" not in path.read_text(), path.name


def test_the_log_and_the_tracker_write_dates_alike(councillor, make_action, committee, past_meeting):
    action = make_action(due_date=past_meeting.date + datetime.timedelta(days=30))
    table = dates.table_date(action.due_date)
    for url in (reverse("actions:list"), reverse("actions:log", args=[committee.slug])):
        page = councillor.get(url).content.decode()
        assert table in page and f"{action.due_date:%d/%m/%Y}" not in page, url


# --- the GOV.UK date input ---------------------------------------------------------------------


class DueForm(forms.Form):
    due = DateInputField(label="Due date", required=False)


class RequiredForm(forms.Form):
    due = DateInputField(label="Due date", required=True)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("4", "", "2026", "Due date must include a month"),
        ("", "", "2026", "Due date must include a day and month"),
        ("4", "7", "", "Due date must include a year"),
        ("31", "2", "2026", "Due date must be a real date"),
        ("4", "13", "2026", "Due date must be a real date"),
        ("4th", "7", "2026", "Due date must be a real date"),
        ("4", "7", "26", "Year must include 4 numbers"),
    ],
)
def test_date_input_gives_the_gov_uk_error_messages(day, month, year, message):
    form = DueForm({"due_day": day, "due_month": month, "due_year": year})
    assert not form.is_valid()
    assert form.errors["due"] == [message]


def test_date_input_reads_three_boxes_or_nothing():
    assert DueForm({"due_day": "4", "due_month": "7", "due_year": "2026"}).is_valid()
    form = DueForm({"due_day": " 04", "due_month": "07 ", "due_year": "2026"})
    assert form.is_valid() and form.cleaned_data["due"] == DAY
    empty = DueForm({"due_day": "", "due_month": "", "due_year": ""})
    assert empty.is_valid() and empty.cleaned_data["due"] is None
    assert RequiredForm({}).errors["due"] == ["Enter the due date"]


def test_date_input_draws_three_labelled_boxes_in_a_fieldset_and_keeps_what_was_typed():
    form = DueForm({"due_day": "31", "due_month": "2", "due_year": "2026"})
    form.is_valid()
    html = Template('{% include "includes/field.html" with field=form.due %}').render(Context({"form": form}))
    assert "<fieldset" in html and '<legend class="label">Due date</legend>' in html
    for label, name, value in (("Day", "due_day", "31"), ("Month", "due_month", "2"), ("Year", "due_year", "2026")):
        assert f">{label}</label>" in html
        assert re.search(rf'name="{name}" value="{value}"', html), name
    assert 'inputmode="numeric"' in html and "must be a real date" in html


@pytest.fixture
def resolution(item):
    return Resolution.objects.create(item=item, text="The highlight report be brought to the Committee.")


def test_make_an_action_takes_its_due_date_in_three_boxes(clerk, resolution):
    url = reverse("actions:make_action", args=[resolution.pk])
    data = {"creates": "action", "text": "A report", "rag": "green", "owner": "Head of Parks", "keep_as_post": "on"}
    bad = clerk.post(url, {**data, "due_date_day": "12", "due_date_year": "2031"}, **HTMX).content.decode()
    assert "Or due by date must include a month" in bad and not Action.objects.exists()
    clerk.post(url, {**data, "due_date_day": "12", "due_date_month": "5", "due_date_year": "2031"})
    assert Action.objects.get().due_date == datetime.date(2031, 5, 12)


def test_the_meeting_form_takes_its_date_in_three_boxes(clerk, committee):
    page = clerk.get(reverse("meetings:meeting_create", args=[committee.slug])).content.decode()
    assert 'name="date_day"' in page and 'name="date_month"' in page and 'name="date_year"' in page
    assert 'type="date"' not in page


# --- no browser date picker outside the allow-list (issue 12/13 follow-up) ------------------------------------

# GET filters whose ISO values live in bookmarked and shared URLs (?due_by=2026-07-04, ?date_from=...): a single
# box keeps every old link working. Every other date a person types is the GOV.UK date input.
DATE_PICKER_ALLOWED = {
    "actions.filters.ActionFilter.due_by",
    "search.forms.SearchForm.date_from",
    "search.forms.SearchForm.date_to",
}
APPS = ("core", "meetings", "actions", "chasing", "recommendations", "search", "opendata")


def _project_forms():
    """(dotted name, field) for every field of every form and filter set defined in the project's apps."""
    import importlib
    import inspect
    import pkgutil

    import django_filters

    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in info.name or ".management" in info.name or info.name.endswith("tests"):
                continue
            module = importlib.import_module(info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if cls.__module__ != module.__name__:
                    continue
                if issubclass(cls, forms.BaseForm):
                    fields = cls.base_fields.items()
                elif issubclass(cls, django_filters.FilterSet):
                    fields = ((name, f.field) for name, f in cls.base_filters.items())
                else:
                    continue
                for name, field in fields:
                    yield f"{module.__name__}.{cls.__name__}.{name}", field


def test_no_form_outside_the_allow_list_offers_the_browsers_date_picker():
    found = list(_project_forms())
    assert len(found) > 50  # the walk reached the apps' forms (a broken walk would pass vacuously)
    pickers = {name for name, field in found if getattr(field.widget, "input_type", None) == "date"}
    assert pickers == DATE_PICKER_ALLOWED
    typed_dates = {name for name, field in found if isinstance(field, DateInputField)}
    for converted in (
        "chasing.forms.RequestUpdatesForm.reply_by",
        "recommendations.forms.ResponseForm.on",
        "recommendations.forms.PlanForm.by_when",
        "recommendations.forms.OutcomeForm.on",
        "actions.workspace_forms.DischargeForm.on",
        "actions.import_forms.MeetingForm.date",
    ):
        assert converted in typed_dates, converted


def test_no_template_writes_a_date_picker_by_hand():
    for path in TEMPLATES.rglob("*.html"):
        assert 'type="date"' not in path.read_text(), path.relative_to(TEMPLATES)
