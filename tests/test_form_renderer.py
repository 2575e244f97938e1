"""The project's form renderer draws the plain widgets in Python (core/form_renderer.py). It must write exactly
what Django's widget templates write: widget by widget, and on the pages that carry the most forms."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django import forms
from django.forms.renderers import DjangoTemplates
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from actions.models import Action
from core import clock
from core.form_renderer import PlainWidgetsRenderer
from meetings.models import Resolution

from .conftest import content

TRICKY = 'Tom & "Jerry" <b>it\'s</b>'
CHOICES = [("", "Choose"), ("a", TRICKY), (3, 3), ("lazy", gettext_lazy("Lazy label")), ("safe", mark_safe("<i>s</i>"))]
GROUPED = [("", "None"), ("Group & <one>", [("x", "X"), ("y", "Y")]), ("z", "Zed")]

WIDGET_CASES = [
    (forms.TextInput(), "text"),
    (forms.TextInput(), None),
    (forms.TextInput(), ""),
    (forms.TextInput(), TRICKY),
    (forms.TextInput(), mark_safe("<safe>")),
    (forms.TextInput(attrs={"required": True, "disabled": False, "class": "a&b", "maxlength": 40}), "x"),
    (forms.TextInput(attrs={"aria-describedby": mark_safe("id_x_hint"), "data-x": None}), "x"),
    (forms.NumberInput(attrs={"min": 0, "step": Decimal("0.5")}), 7),
    (forms.NumberInput(), Decimal("1234.50")),
    (forms.HiddenInput(), 12),
    (forms.HiddenInput(), ("a", "b")),
    (forms.EmailInput(), "a@example.org"),
    (forms.URLInput(), "https://example.org/?a=1&b=2"),
    (forms.PasswordInput(render_value=True), "secret"),
    (forms.DateInput(), datetime.date(2026, 3, 29)),
    (forms.DateInput(attrs={"type": "date"}), "2026-10-25"),
    (forms.TimeInput(), datetime.time(1, 30)),
    (forms.DateTimeInput(), datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC)),
    (forms.CheckboxInput(), True),
    (forms.CheckboxInput(), False),
    (forms.CheckboxInput(), "on"),
    (forms.Textarea(), None),
    (forms.Textarea(), ""),
    (forms.Textarea(attrs={"rows": 3}), "Line one\nLine <two> & three"),
    (forms.Textarea(), mark_safe("<p>kept</p>")),
    (forms.Select(choices=CHOICES), "a"),
    (forms.Select(choices=CHOICES), 3),
    (forms.Select(choices=CHOICES), None),
    (forms.Select(choices=GROUPED, attrs={"class": "select"}), "y"),
    (forms.SelectMultiple(choices=CHOICES), ["a", "lazy"]),
    (forms.NullBooleanSelect(), True),
    (forms.RadioSelect(choices=CHOICES), "a"),  # a template of its own: drawn by the templates
    (forms.CheckboxSelectMultiple(choices=CHOICES), ["a"]),
    (forms.ClearableFileInput(), None),
    (forms.SplitDateTimeWidget(), datetime.datetime(2026, 3, 29, 0, 30)),
]


@pytest.mark.parametrize(("widget", "value"), WIDGET_CASES, ids=lambda case: type(case).__name__)
def test_each_widget_is_drawn_exactly_as_its_template_draws_it(widget, value):
    attrs = {"id": "id_field", "aria-invalid": "true"}
    ours = widget.render("field", value, attrs=attrs, renderer=PlainWidgetsRenderer())
    templates = widget.render("field", value, attrs=attrs, renderer=DjangoTemplates())
    assert str(ours) == str(templates)


def test_an_option_with_a_template_of_its_own_goes_through_the_templates():
    class Picky(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    widget = Picky(choices=CHOICES)
    ours = widget.render("field", "a", renderer=PlainWidgetsRenderer())
    assert str(ours) == str(widget.render("field", "a", renderer=DjangoTemplates()))
    assert "<input" in ours  # the option's own template, not an <option>


def without_tokens(html):
    """A page with its per-request CSRF tokens blanked: the only thing two drawings of it may differ in."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken" value=""', html)
    return re.sub(r'"X-CSRFToken": "[^"]*"', '"X-CSRFToken": ""', html)


def drawn_both_ways(settings, client, url):
    pages = []
    for renderer in ("django.forms.renderers.DjangoTemplates", "core.form_renderer.PlainWidgetsRenderer"):
        settings.FORM_RENDERER = renderer
        response = client.get(url)
        assert response.status_code == 200, url
        pages.append(without_tokens(content(response).decode()))
    return pages


@pytest.fixture
def busy_meeting(past_meeting, item, make_action, members, officer_user):
    resolution = Resolution.objects.create(item=item, text="That the plan be noted & <reviewed>.", order=1)
    make_action(owner=officer_user.person, due_date=clock.today())
    make_action(text="A second action", source_resolution=resolution)
    item.minutes_text = 'The Committee discussed "the plan" & asked for <more>.'
    item.save()
    return past_meeting


@time_machine.travel(datetime.datetime(2026, 3, 29, 0, 30, tzinfo=datetime.UTC), tick=False)
def test_the_pages_with_most_forms_are_the_same_html_with_either_renderer(
    settings, busy_meeting, item, clerk, chair, officer, councillor, committee
):
    action = Action.objects.first()
    pages = [
        (clerk, busy_meeting.get_absolute_url()),
        (clerk, f"{busy_meeting.get_absolute_url()}?edit=1&item={item.pk}"),
        (clerk, action.get_absolute_url()),
        (clerk, reverse("meetings:meeting_edit", args=[busy_meeting.pk])),
        (chair, reverse("actions:brief", args=[committee.slug])),
        (officer, reverse("actions:mine")),
        (councillor, "/actions/?overdue=on"),
        (councillor, "/search/?q=plan"),
    ]
    for client, url in pages:
        templates, ours = drawn_both_ways(settings, client, url)
        assert ours == templates, url
