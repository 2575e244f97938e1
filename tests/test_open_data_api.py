"""The open-data API: OParl 1.1 shapes, validated against the committed OpenAPI document and OParl's
required fields; public-only content; CORS, ETags and the rate limit; fixed query counts for lists."""

import datetime
import json
from pathlib import Path

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils.http import parse_http_date
from jsonschema import Draft202012Validator

from actions.models import Action
from meetings.models import AgendaItem, Committee, Meeting, Membership, Person, Resolution
from opendata import api
from recommendations.models import Body, Recommendation

from .conftest import at

DOC = json.loads((Path(__file__).resolve().parent.parent / "opendata" / "openapi.json").read_text())

# Required properties of each OParl 1.1 object type, from the specification's schema chapter (only the
# types served here). `type` must be the 1.1 type URI.
OPARL_REQUIRED = {
    "System": {"id", "type", "oparlVersion", "body"},
    "Body": {"id", "type", "name", "organization", "person", "meeting", "paper", "legislativeTerm"},
    "Organization": {"id", "type"},
    "Person": {"id", "type"},
    "Membership": {"id", "type", "organization"},
    "Meeting": {"id", "type"},
    "AgendaItem": {"id", "type"},
}


def validate(data, schema_name):
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": DOC["components"]}
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def check_oparl(obj, kind):
    assert OPARL_REQUIRED[kind] <= set(obj), (kind, OPARL_REQUIRED[kind] - set(obj))
    assert obj["type"] == f"https://schema.oparl.org/1.1/{kind}"
    assert obj["id"].startswith("http://testserver/api/oparl/")


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_world(committee, past_meeting, item, exempt_item, make_action, members):
    item.minutes_text = "Pangolin minutes"
    item.save()
    Resolution.objects.create(item=item, text="Pangolin resolved")
    exempt_item.minutes_text = "Wombat minutes"
    exempt_item.save()
    Resolution.objects.create(item=exempt_item, text="Wombat resolved")
    public = make_action(text="Pangolin action")
    public.add_update("Pangolin progress")
    secret = make_action(text="Wombat action", source_item=exempt_item)
    secret.add_update("Wombat progress")
    draft = Meeting.objects.create(committee=committee, starts_at=at(-7), status=Meeting.Status.MINUTES_DRAFT)
    draft_item = AgendaItem.objects.create(meeting=draft, number="1", order=1, title="Narwhal item")
    make_action(text="Narwhal action", source_item=draft_item)
    return {"public": public, "secret": secret, "draft": draft, "draft_item": draft_item}


def get(client, name, *args, **params):
    response = client.get(reverse(f"opendata:{name}", args=args), params)
    assert response.status_code == 200, (name, response.status_code)
    return response.json()


OBJECTS = [
    ("system", "System", "System"),
    ("body", "Body", "Body"),
]
LISTS = [
    ("bodies", "BodyList", "Body"),
    ("organizations", "OrganizationList", "Organization"),
    ("people", "PersonList", "Person"),
    ("memberships", "MembershipList", "Membership"),
    ("meetings", "MeetingList", "Meeting"),
    ("agenda_items", "AgendaItemList", "AgendaItem"),
]


@pytest.mark.parametrize(("name", "schema", "kind"), OBJECTS)
def test_system_and_body_match_the_openapi_document_and_oparl(anonymous, api_world, name, schema, kind):
    data = get(anonymous, name)
    validate(data, schema)
    check_oparl(data, kind)


@pytest.mark.parametrize(("name", "schema", "kind"), LISTS)
def test_every_list_and_each_of_its_objects_match_the_document_and_oparl(anonymous, api_world, name, schema, kind):
    data = get(anonymous, name)
    validate(data, schema)
    assert data["data"], name
    for obj in data["data"]:
        check_oparl(obj, kind)
        detail = anonymous.get(obj["id"])  # ids are URLs that answer with the same object
        assert detail.status_code == 200 and detail.json() == obj
        validate(detail.json(), kind)


def test_action_extension_matches_its_documented_shape(anonymous, api_world):
    data = get(anonymous, "actions")
    validate(data, "ActionList")
    [action] = data["data"]
    assert action["text"] == "Pangolin action"
    assert [entry["text"] for entry in action["timeline"]][-1] == "Pangolin progress"
    assert action["type"].endswith("/api/openapi.json#/components/schemas/Action")
    validate(get(anonymous, "action", api_world["public"].pk), "Action")


def test_the_openapi_document_is_served_and_is_the_committed_one(anonymous):
    assert get(anonymous, "openapi") == DOC
    paths = {route.replace("{pk}", "1") for route in DOC["paths"]}
    assert "/api/oparl/actions/1/" in paths
    assert {"/api/oparl/recommendations/", "/api/oparl/recommendations/1/"} <= paths


def test_public_api_never_shows_exempt_or_unpublished_content(anonymous, api_world):
    text = ""
    for name, _schema, _kind in LISTS + [("actions", "", "")]:
        text += json.dumps(get(anonymous, name))
    assert "Pangolin minutes" in text and "Pangolin progress" in text
    assert "Wombat" not in text and "Narwhal" not in text
    for name, pk in (
        ("meeting", api_world["draft"].pk),
        ("agenda_item", api_world["draft_item"].pk),
        ("action", api_world["secret"].pk),
    ):
        assert anonymous.get(reverse(f"opendata:{name}", args=[pk])).status_code == 404


def test_exempt_item_appears_as_oparl_non_public_without_its_content(anonymous, api_world, exempt_item):
    data = get(anonymous, "agenda_item", exempt_item.pk)
    assert data["public"] is False and data["name"] == "Exempt item"
    assert "resolutionText" not in data and "scrutiny:minutesText" not in data


def test_signed_in_clerk_gets_the_same_public_answer(clerk, anonymous, api_world):
    assert json.dumps(get(clerk, "meetings")) == json.dumps(get(anonymous, "meetings"))
    assert "Wombat" not in json.dumps(get(clerk, "actions"))


def test_people_carry_no_contact_details(anonymous, api_world, members):
    person = members[0]
    person.email, person.phone = "gold@example.gov.uk", "0161 000 0000"
    person.save()
    text = json.dumps(get(anonymous, "people"))
    assert "gold@example.gov.uk" not in text and "0161" not in text
    outsider = Person.objects.create(name="Not A Member")
    assert anonymous.get(reverse("opendata:person", args=[outsider.pk])).status_code == 404


def test_lists_are_paged_the_oparl_way(anonymous, committee):
    for n in range(60):
        Meeting.objects.create(committee=committee, starts_at=at(-100 - n), status=Meeting.Status.PUBLISHED)
    first = get(anonymous, "meetings")
    assert first["pagination"] == {"totalElements": 60, "elementsPerPage": 50, "currentPage": 1, "totalPages": 2}
    assert "prev" not in first["links"] and first["links"]["next"].endswith("?page=2")
    second = anonymous.get(first["links"]["next"]).json()
    assert len(second["data"]) == 10 and "next" not in second["links"]
    assert anonymous.get(reverse("opendata:meetings"), {"page": 3}).status_code == 404
    assert anonymous.get(reverse("opendata:meetings"), {"page": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("organizations", 2),
        ("people", 3),
        ("memberships", 2),
        ("meetings", 4),
        ("agenda_items", 3),
        ("actions", 3),
        ("recommendations", 3),
    ],
)
def test_list_queries_do_not_grow_with_rows(
    anonymous, committee, django_assert_num_queries, name, queries, make_action
):
    cabinet = Body.objects.create(name="Cabinet")
    for n in range(12):
        meeting = Meeting.objects.create(committee=committee, starts_at=at(-100 - n), status=Meeting.Status.PUBLISHED)
        item = AgendaItem.objects.create(meeting=meeting, number="1", order=1, title=f"Item {n}")
        Resolution.objects.create(item=item, text="Noted")
        action = make_action(text=f"Action {n}", source_item=item)
        action.add_update(f"Update {n}")
        made = Recommendation.make(source_item=item, body=cabinet, text=f"Recommendation {n}")
        made.record_response("accepted", "Agreed", "Cabinet", meeting.date)
        made.add_progress(f"Progress {n}", "green")
        person = Person.objects.create(name=f"Member {n}", kind=Person.Kind.COUNCILLOR)
        Membership.objects.create(person=person, committee=committee)
        Committee.objects.create(name=f"Committee {n}", short_name=f"C{n}")
    # count + page (+ one per prefetched relation: meetings' items and their resolutions, the timelines...)
    with django_assert_num_queries(queries):
        response = anonymous.get(reverse(f"opendata:{name}"))
    assert len(response.json()["data"]) >= 12


def test_reads_from_any_origin_and_answers_the_preflight(anonymous, api_world):
    response = anonymous.get(reverse("opendata:meetings"), HTTP_ORIGIN="https://news.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = anonymous.options(reverse("opendata:meetings"), HTTP_ORIGIN="https://news.example")
    assert preflight.status_code == 204
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert anonymous.post(reverse("opendata:meetings")).status_code == 405


def test_an_unchanged_answer_is_a_304_and_a_changed_one_is_not(anonymous, api_world, item):
    url = reverse("opendata:meetings")
    etag = anonymous.get(url)["ETag"]
    assert anonymous.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    item.title = "A new title"
    item.save()
    assert anonymous.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_an_action_says_when_it_last_changed_and_answers_if_modified_since(anonymous, api_world, clerk_user):
    action = Action.objects.visible_to(api.PUBLIC).first()
    url = reverse("opendata:action", args=[action.pk])
    stamp = anonymous.get(url)["Last-Modified"]
    assert parse_http_date(stamp) == int(action.updated_at.timestamp())
    assert anonymous.get(url, HTTP_IF_MODIFIED_SINCE=stamp).status_code == 304
    with time_machine.travel(action.updated_at + datetime.timedelta(minutes=5)):
        action.add_update("Figures sent to members", by=clerk_user)
    assert anonymous.get(url, HTTP_IF_MODIFIED_SINCE=stamp).status_code == 200
    assert "Last-Modified" not in anonymous.get(reverse("opendata:actions"))  # lists: ETag only


def test_each_client_is_limited_per_minute_with_retry_after(anonymous, settings, api_world):
    settings.OPEN_DATA_RATE_LIMIT = 3
    url = reverse("opendata:system")
    assert [anonymous.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = anonymous.get(url)
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    validate(refused.json(), "Error")
    assert anonymous.get(url, REMOTE_ADDR="10.0.0.9").status_code == 200  # another client is not held up


# --- the Recommendation extension ---------------------------------------------------------------------------


@pytest.fixture
def rec_world(committee, past_meeting, item, exempt_item, unpublished_item):
    """Public recommendations in every state, and hidden ones whose words must never be served."""
    cabinet = Body.objects.create(name="Cabinet")
    trust = Body.objects.create(name="Northern Care NHS Trust", kind=Body.Kind.NHS)
    day = past_meeting.date
    texts = ["Pangolin wardens", "Pangolin signs", "Pangolin tunnel", "Pangolin census"]
    accepted, partly, rejected, implemented = Recommendation.make_report(item, "Pangolin review", texts, cabinet)
    accepted.record_response("accepted", "Agreed in full", "Cabinet", day)
    accepted.set_plan("Recruit two wardens", "Head of Parks", day + datetime.timedelta(days=90))
    accepted.add_progress("One warden recruited", "green")
    partly.record_response("partly", "Signs at two sites only", "Cabinet", day)
    rejected.record_response("rejected", "No budget for a tunnel", "Cabinet", day)
    implemented.record_response("accepted", "Agreed", "Cabinet", day)
    implemented.record_outcome("implemented", "Census published", on=day)
    waiting = Recommendation.make(source_item=item, body=trust, text="Pangolin clinic hours")
    secret = Recommendation.make(source_item=exempt_item, body=cabinet, text="Wombat land sale")
    secret.record_response("accepted", "Wombat response", "Cabinet", day)
    draft = Recommendation.make(source_item=unpublished_item, body=cabinet, text="Narwhal recommendation")
    public = [accepted, partly, rejected, implemented, waiting]
    return {"public": public, "secret": secret, "draft": draft, "accepted": accepted, "waiting": waiting}


def test_recommendation_extension_matches_its_documented_shape_in_every_state(anonymous, rec_world):
    data = get(anonymous, "recommendations")
    validate(data, "RecommendationList")
    assert [r["text"] for r in data["data"]] == [r.text for r in rec_world["public"]]
    for obj in data["data"]:
        assert obj["type"].endswith("/api/openapi.json#/components/schemas/Recommendation")
        detail = anonymous.get(obj["id"])  # ids are URLs that answer with the same object
        assert detail.status_code == 200 and detail.json() == obj
        validate(detail.json(), "Recommendation")
    by_text = {r["text"]: r for r in data["data"]}
    accepted = by_text["Pangolin wardens"]
    assert accepted["response"]["decision"] == "accepted" and accepted["response"]["text"] == "Agreed in full"
    assert accepted["implementation"]["plan"] == "Recruit two wardens"
    assert accepted["implementation"]["rag"] == "green" and accepted["outcome"] is None
    assert [e["kind"] for e in accepted["timeline"]][:4] == ["made", "response", "review", "review"]
    assert accepted["timeline"][-1]["text"] == "One warden recruited"
    assert by_text["Pangolin signs"]["response"]["decision"] == "partly"
    assert by_text["Pangolin tunnel"]["implementation"] is None
    assert by_text["Pangolin census"]["outcome"]["outcome"] == "implemented"
    waiting = by_text["Pangolin clinic hours"]
    assert waiting["response"] is None and waiting["addressedTo"] == {"name": "Northern Care NHS Trust", "kind": "nhs"}
    assert waiting["responseDue"] == rec_world["waiting"].response_due_on.isoformat()
    assert waiting["reportTitle"] == "" and by_text["Pangolin tunnel"]["reportTitle"] == "Pangolin review"


def test_the_body_links_to_the_recommendations_list(anonymous, rec_world):
    assert get(anonymous, "body")["scrutiny:recommendation"] == "http://testserver/api/oparl/recommendations/"


def test_public_api_never_serves_an_exempt_or_unpublished_recommendation(anonymous, clerk, rec_world):
    for client in (anonymous, clerk):  # the API always answers as the public
        text = json.dumps(get(client, "recommendations"))
        assert "Pangolin wardens" in text
        assert "Wombat" not in text and "Narwhal" not in text
        assert get(client, "recommendations")["pagination"]["totalElements"] == len(rec_world["public"])
        for hidden in (rec_world["secret"], rec_world["draft"]):
            assert client.get(reverse("opendata:recommendation", args=[hidden.pk])).status_code == 404


def test_a_recommendation_leaves_the_api_when_its_item_is_marked_exempt(anonymous, rec_world, item):
    AgendaItem.objects.filter(pk=item.pk).update(exempt=True)
    assert get(anonymous, "recommendations")["data"] == []
