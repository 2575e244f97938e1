"""Rows drawn as plain HTML instead of widget templates (issue 10c) must be the very same HTML: the same names,
ids, labels, hints and ARIA, so what a screen reader and a form post see does not change."""

import re

from django.template import engines
from django.test.html import parse_html

from actions.forms import BriefMeetingForm, OwnerUpdateForm
from tests.conftest import content

# The fields as the form's own widgets and the shared field include draw them (what the row drew before).
WIDGETS = engines["django"].from_string(
    "{{ form.version }}"
    '{% include "includes/field.html" with field=form.text %}'
    '{% include "includes/field.html" with field=form.rag %}'
)


def fields_in(html, pk):
    """The owner's form fields of one card: what lies between the CSRF token and the submit button."""
    form = re.search(rf'<article[^>]*id="action-{pk}".*?</article>', html, re.S).group(0)
    return re.search(r'name="csrfmiddlewaretoken"[^>]*>(.*?)<button', form, re.S).group(1)


def test_my_actions_draws_the_same_fields_as_the_widgets(officer, officer_user, make_action):
    actions = [make_action(owner=officer_user.person) for _ in range(2)]
    html = content(officer.get("/actions/mine/")).decode()
    for action in actions:
        action.refresh_from_db()
        expected = WIDGETS.render({"form": OwnerUpdateForm(action=action)})
        assert parse_html(fields_in(html, action.pk)) == parse_html(expected)


def test_a_form_with_errors_still_shows_them_through_the_field_include(officer, officer_user, make_action):
    action = make_action(owner=officer_user.person)
    response = officer.post(f"/actions/mine/{action.pk}/update/", {f"action-{action.pk}-version": action.version})
    html = content(response).decode()
    assert "Enter a progress update" in html
    assert f'id="id_action-{action.pk}-text_error"' in html


def the_meeting_field(html):
    return re.search(
        r'<div class="form-group">\s*<label class="label" for="id_meeting">.*?</select>\s*</div>', html, re.S
    )


def test_the_briefs_meeting_choice_draws_the_same_select_as_the_widget(chair, committee, past_meeting, next_meeting):
    for query in ("", f"?meeting={past_meeting.pk}"):
        html = content(chair.get(f"/actions/brief/{committee.slug}/{query}")).decode()
        chosen = past_meeting if query else next_meeting
        form = BriefMeetingForm(initial={"meeting": chosen.pk}, committee=committee)
        expected = engines["django"].from_string('{% include "includes/field.html" with field=form.meeting %}')
        assert parse_html(the_meeting_field(html).group(0)) == parse_html(expected.render({"form": form}))


def test_a_meeting_that_is_not_the_committees_is_refused_with_the_field_include(chair, committee, other_committee):
    html = content(chair.get(f"/actions/brief/{committee.slug}/?meeting=999999")).decode()
    assert 'id="id_meeting_error"' in html


def the_committee_field(html):
    return re.search(
        r'<div class="form-group">\s*<label class="label" for="id_committee">.*?</select>\s*</div>', html, re.S
    )


def test_the_search_pages_committee_choice_draws_the_same_select_as_the_widget(anonymous, committee, other_committee):
    from search.forms import SearchForm

    for query in ({"q": "budget"}, {"q": "budget", "committee": other_committee.slug}):
        html = content(anonymous.get("/search/", query)).decode()
        form = SearchForm(query)
        expected = engines["django"].from_string('{% include "includes/field.html" with field=form.committee %}')
        assert parse_html(the_committee_field(html).group(0)) == parse_html(expected.render({"form": form}))
    assert f'<option value="{other_committee.slug}" selected>' in html


def test_an_unknown_committee_in_a_search_is_refused_with_the_field_include(anonymous):
    html = content(anonymous.get("/search/", {"q": "budget", "committee": "no-such-committee"})).decode()
    assert 'id="id_committee_error"' in html
