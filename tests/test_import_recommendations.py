"""The importer proposes recommendations to another body (once found and dropped); the clerk confirms them."""

import pytest
from django.urls import reverse

from actions.importer import parse_minutes as parse
from actions.models import Action
from recommendations.models import Body, Recommendation

from .test_import_views import CONFIRM, MINUTES, form_data, review

WITH_RECOMMENDATIONS = (
    MINUTES
    + """
7 SCHOOL EXCLUSIONS TASK AND FINISH GROUP: FINAL REPORT

RESOLVED - That the Committee recommends to Cabinet that a fund for alternative provision be established.

8 HOSPITAL DISCHARGE

RESOLVED - That the Committee recommends to Northern Care NHS Trust that discharge letters be sent within 48 hours.
"""
)


def items_of(text):
    return {item["title"]: item for item in parse(text)["items"]}


def test_the_parser_proposes_recommendations_to_another_body_and_not_as_actions():
    items = items_of(WITH_RECOMMENDATIONS)
    exclusions = next(item for title, item in items.items() if "EXCLUSIONS" in title.upper())
    assert [(r["to"], "alternative provision" in r["text"]) for r in exclusions["recommendations"]] == [
        ("Cabinet", True)
    ]
    assert not exclusions["actions"]
    discharge = next(item for title, item in items.items() if "DISCHARGE" in title.upper())
    assert discharge["recommendations"][0]["to"] == "Northern Care NHS Trust"


def test_the_parser_proposes_none_where_the_minutes_make_none():
    assert all(item["recommendations"] == [] for item in parse(MINUTES)["items"])


def test_confirmed_recommendations_become_tracked_records_with_the_bodys_period(clerk, committee):
    response = review(clerk, WITH_RECOMMENDATIONS, committee=committee.pk)
    html = response.content.decode()
    assert "Recommendations to another body" in html
    data = form_data(response)
    assert clerk.post(CONFIRM, data).status_code == 302
    made = {r.body.name: r for r in Recommendation.objects.select_related("body")}
    assert set(made) == {"Cabinet", "Northern Care NHS Trust"}
    assert Body.objects.get(name="Northern Care NHS Trust").kind == Body.Kind.NHS
    trust = made["Northern Care NHS Trust"]
    assert (trust.response_due_on - trust.made_on).days == 28
    assert Action.objects.exists()  # MINUTES' own actions are made as before
    assert not Action.objects.filter(text__icontains="alternative provision").exists()
    assert not Action.objects.filter(text__icontains="discharge letters").exists()


def test_an_unticked_recommendation_is_not_recorded(clerk, committee):
    data = form_data(review(clerk, WITH_RECOMMENDATIONS, committee=committee.pk))
    for key in [k for k in data if k.startswith("rec-") and k.endswith("-keep")]:
        del data[key]
    assert clerk.post(CONFIRM, data).status_code == 302
    assert not Recommendation.objects.exists()


@pytest.mark.parametrize("field", ["text", "to"])
def test_a_kept_recommendation_without_words_or_body_is_refused_and_nothing_is_written(clerk, committee, field):
    data = form_data(review(clerk, WITH_RECOMMENDATIONS, committee=committee.pk))
    key = next(k for k in data if k.startswith("rec-") and k.endswith(f"-{field}"))
    data[key] = ""
    response = clerk.post(CONFIRM, data)
    assert response.status_code in (200, 400)
    assert not Recommendation.objects.exists()
    assert reverse("actions:import_confirm") in response.content.decode()
