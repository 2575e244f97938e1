"""The recommendations pages: the tracker and its filters, each one's page and the clerk's forms, recording them,
the export, the chair's brief, and what the public sees."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Meeting, Resolution
from recommendations.models import Body, Recommendation

from .conftest import HTMX, at, content, version_of

TODAY = timezone.localdate


@pytest.fixture
def cabinet(db):
    return Body.objects.create(name="Cabinet", kind=Body.Kind.EXECUTIVE)


@pytest.fixture
def trust(db):
    return Body.objects.create(name="Northern Care NHS Trust", kind=Body.Kind.NHS)


@pytest.fixture
def recs(item, exempt_item, cabinet, trust, clerk_user):
    """item's meeting was 30 days ago: the trust's 28 days have passed, Cabinet's two months have not."""
    awaiting = Recommendation.make(source_item=item, body=cabinet, text="Publish exclusion figures termly")
    overdue = Recommendation.make(source_item=item, body=trust, number=2, text="Open a weekend clinic")
    going = Recommendation.make(source_item=item, body=cabinet, number=3, text="Fund two more social workers")
    going.record_response("accepted", "Agreed; funded from reserves.", "Cabinet", TODAY() - datetime.timedelta(days=5))
    done = Recommendation.make(source_item=item, body=cabinet, number=4, text="Write to the Minister")
    done.record_response("accepted", "Agreed.", "Cabinet", TODAY() - datetime.timedelta(days=5))
    done.record_outcome("implemented", "Letter sent")
    secret = Recommendation.make(source_item=exempt_item, body=cabinet, text="Zanzibarexempt renegotiate")
    return {"awaiting": awaiting, "overdue": overdue, "going": going, "done": done, "secret": secret}


def tracker(client, committee, **query):
    return client.get(reverse("recommendations:tracker", args=[committee.slug]), query)


def refs(response):
    return {r.reference for r in response.context["page"]}


@pytest.mark.parametrize(
    ("show", "expected"),
    [
        ("", {"awaiting", "overdue", "going", "done", "secret"}),
        ("awaiting", {"awaiting", "overdue", "secret"}),
        ("overdue", {"overdue"}),
        ("in_progress", {"going"}),
        ("implemented", {"done"}),
    ],
)
def test_the_tracker_filters_live_in_the_url(councillor, committee, recs, show, expected):
    response = tracker(councillor, committee, show=show)
    assert refs(response) == {recs[key].reference for key in expected}


def test_the_public_tracker_shows_published_non_exempt_recommendations_only(anonymous, committee, recs):
    response = tracker(anonymous, committee)
    assert recs["secret"].reference not in refs(response)
    assert "Zanzibarexempt" not in response.content.decode()
    assert anonymous.get(recs["secret"].get_absolute_url()).status_code == 404


def test_the_public_committee_page_links_to_the_tracker(anonymous, committee):
    page = anonymous.get(reverse("meetings:committee", args=[committee.slug])).content.decode()
    assert reverse("recommendations:tracker", args=[committee.slug]) in page


def test_the_tracker_answers_htmx_with_just_its_results(councillor, committee, recs):
    html = councillor.get(reverse("recommendations:tracker", args=[committee.slug]), {"show": "overdue"}, **HTMX)
    text = html.content.decode()
    assert text.lstrip().startswith('<div id="results"') and recs["overdue"].reference in text


def test_the_tracker_pages_in_fixed_queries(councillor, committee, item, cabinet, django_assert_num_queries):
    for n in range(1, 31):
        Recommendation.make(source_item=item, body=cabinet, number=n, report_title="Big review", text=f"R{n}")
    url = reverse("recommendations:tracker", args=[committee.slug])
    # session, user, groups; committee; count; the page's rows (with their body, lead and meeting); the bodies.
    with django_assert_num_queries(7):
        response = councillor.get(url, {"page": 2})
    assert len(response.context["page"].object_list) == 5


# --- the clerk's forms on a recommendation's page ----------------------------------------------------------


def post(client, recommendation, name, **data):
    prefix = {"respond": "response"}.get(name, name)
    fields = {}
    for key, value in data.items():
        if isinstance(value, datetime.date):  # a date as the clerk types it: Day, Month and Year boxes
            parts = zip(("day", "month", "year"), (value.day, value.month, value.year), strict=True)
            fields.update({f"{prefix}-{key}_{part}": str(number) for part, number in parts})
        else:
            fields[f"{prefix}-{key}"] = value
    fields.setdefault(f"{prefix}-version", version_of(recommendation))
    return client.post(reverse(f"recommendations:{name}", args=[recommendation.pk]), fields)


def test_the_clerk_records_a_response_plan_progress_and_outcome_without_javascript(clerk, recs):
    r = recs["awaiting"]
    on = TODAY()
    assert post(clerk, r, "respond", response="partly", text="In part.", decided_by="Cabinet", on=on).status_code == 302
    by_when = TODAY() + datetime.timedelta(days=90)
    assert post(clerk, r, "plan", what="Termly report", who="Head of Inclusion", by_when=by_when).status_code == 302
    assert post(clerk, r, "progress", text="First report published", rag="green").status_code == 302
    assert post(clerk, r, "outcome", outcome="implemented", note="Now routine", on=on).status_code == 302
    r.refresh_from_db()
    assert (r.response, r.plan_who, r.rag, r.outcome) == ("partly", "Head of Inclusion", "green", "implemented")
    page = clerk.get(r.get_absolute_url()).content.decode()
    assert "First report published" in page and "Six-month review" in page


def test_a_refused_response_comes_back_with_the_message_and_what_was_typed(clerk, recs):
    r = recs["awaiting"]
    future = TODAY() + datetime.timedelta(days=3)
    response = post(clerk, r, "respond", response="accepted", text="My careful words", decided_by="Cabinet", on=future)
    assert response.status_code == 400
    html = response.content.decode()
    assert "is in the future" in html and "My careful words" in html
    assert Recommendation.objects.get(pk=r.pk).response == ""


def test_a_response_from_a_stale_page_is_refused(clerk, recs):
    r = recs["awaiting"]
    drawn = version_of(r)
    Recommendation.objects.get(pk=r.pk).record_response("rejected", "No", "Cabinet", TODAY())
    data = {"response": "accepted", "text": "Yes", "decided_by": "Cabinet", "on": TODAY(), "version": drawn}
    response = post(clerk, r, "respond", **data)
    assert response.status_code == 400 and "Someone else changed" in response.content.decode()
    assert Recommendation.objects.get(pk=r.pk).response == "rejected"


def test_a_rag_against_the_suggestion_is_refused_without_a_reason(clerk, recs):
    r = recs["going"]
    r.set_plan("Recruit", "HR", TODAY() - datetime.timedelta(days=2))  # overdue: at least Amber
    response = post(clerk, r, "progress", text="Interviews next week", rag="green")
    assert response.status_code == 400 and "The rules suggest Amber" in response.content.decode()
    assert post(clerk, r, "progress", text="Interviews next week", rag="green", reason="Offers made").status_code == 302
    assert "Offers made" in r.events.get(kind="progress").text


@pytest.mark.parametrize(
    ("rec", "name", "data", "boxes", "message"),
    [
        (
            "awaiting",
            "respond",
            {"response": "accepted", "text": "My careful words", "decided_by": "Cabinet"},
            {"response-on_day": "30", "response-on_month": "2", "response-on_year": "2026"},
            "Date of the decision must be a real date",
        ),
        (
            "going",
            "plan",
            {"what": "Recruit two social workers", "who": "HR"},
            {"plan-by_when_day": "12", "plan-by_when_year": "2027"},
            "By when must include a month",
        ),
        (
            "going",
            "outcome",
            {"outcome": "implemented", "note": "My careful note"},
            {"outcome-on_day": "4", "outcome-on_month": "7"},
            "Date must include a year",
        ),
    ],
    ids=["response", "plan", "outcome"],
)
def test_a_bad_date_gets_the_gov_uk_message_keeps_what_was_typed_and_saves_nothing(
    clerk, recs, rec, name, data, boxes, message
):
    r = recs[rec]
    before = Recommendation.objects.values().get(pk=r.pk)
    events = r.events.count()
    prefix = name.replace("respond", "response")
    typed = {**{f"{prefix}-{key}": value for key, value in data.items()}, **boxes}
    response = clerk.post(reverse(f"recommendations:{name}", args=[r.pk]), {**typed, f"{prefix}-version": r.version})
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert "Enter the date of the decision, or choose the meeting" not in html  # one message for one bad date
    for box, value in boxes.items():
        assert f'name="{box}" value="{value}"' in html
    assert list(data.values())[-1] in html  # the words typed beside the date are kept too
    assert Recommendation.objects.values().get(pk=r.pk) == before and r.events.count() == events


@pytest.mark.parametrize("role", ["councillor", "chair", "officer", "anonymous"])
def test_only_clerks_change_a_recommendation(request, role, recs):
    client = request.getfixturevalue(role)
    r = recs["awaiting"]
    response = post(client, r, "respond", response="accepted", text="Yes", decided_by="Cabinet", on=TODAY())
    assert response.status_code in (302, 403, 404) and not response.get("Location", "").endswith(f"/{r.pk}/")
    assert Recommendation.objects.get(pk=r.pk).response == ""


# --- recording them ----------------------------------------------------------------------------------------


def test_the_clerk_records_a_task_and_finish_report_of_five_numbered_recommendations(clerk, committee, item, cabinet):
    texts = "\n".join(f"Recommendation number {n}" for n in range(1, 6))
    data = {"item": item.pk, "report_title": "Review of school exclusions", "body": cabinet.pk, "texts": texts}
    response = clerk.post(reverse("recommendations:report", args=[committee.slug]), data)
    assert response.status_code == 302
    made = Recommendation.objects.filter(report_title="Review of school exclusions").order_by("number")
    assert [r.number for r in made] == [1, 2, 3, 4, 5] and made[4].text == "Recommendation number 5"


def test_a_report_without_recommendations_is_refused_and_keeps_what_was_typed(clerk, committee, item, cabinet):
    data = {"item": item.pk, "report_title": "My long title", "body": cabinet.pk, "texts": "  \n "}
    response = clerk.post(reverse("recommendations:report", args=[committee.slug]), data)
    assert response.status_code == 400 and "My long title" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_the_workspace_offers_to_make_a_resolution_a_recommendation(clerk, past_meeting, item, cabinet):
    resolution = Resolution.objects.create(item=item, text="RESOLVED: that Cabinet be recommended to fund X")
    url = reverse("recommendations:make", args=[resolution.pk])
    assert url in clerk.get(f"{past_meeting.get_absolute_url()}?item={item.pk}").content.decode()
    response = clerk.post(url, {"text": "Fund X", "body": cabinet.pk, "lead_post": "Cabinet Member", "number": 1})
    made = Recommendation.objects.get()
    assert response["Location"] == made.get_absolute_url()
    assert (made.source_resolution, made.source_item, made.lead_post) == (resolution, item, "Cabinet Member")


# --- the export, the brief -----------------------------------------------------------------------------------


def test_the_export_for_the_annual_report_streams_csv_and_xlsx_without_exempt_rows(anonymous, clerk, committee, recs):
    url = reverse("recommendations:export_csv", args=[committee.slug])
    rows = list(csv.reader(io.StringIO(content(anonymous.get(url)).decode().lstrip("\ufeff"))))
    assert rows[0][:3] == ["Ref", "Meeting date", "Item"]
    assert {row[0] for row in rows[1:]} == {recs[k].reference for k in ("awaiting", "overdue", "going", "done")}
    overdue_row = next(row for row in rows if row[0] == recs["overdue"].reference)
    assert overdue_row[9] == "Overdue"
    response = clerk.get(reverse("recommendations:export_xlsx", args=[committee.slug]), {"show": "implemented"})
    sheet = openpyxl.load_workbook(io.BytesIO(content(response))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [recs["done"].reference]


def test_the_chairs_brief_lists_responses_due_or_overdue_and_reviews_due(chair, committee, recs):
    going = recs["going"]
    six = going.reviews.get(months=6)
    meeting = Meeting.create_with_agenda(committee, at((six.due_on - TODAY()).days + 7))
    response = chair.get(reverse("actions:brief", args=[committee.slug]), {"meeting": meeting.pk})
    html = response.content.decode()
    for key in ("awaiting", "overdue"):
        assert recs[key].reference in html
    assert six.title in html and meeting.items.filter(title=six.title).exists()
    assert going.reviews.get(months=12).title not in html


def test_a_review_of_an_exempt_recommendation_is_exempt_on_the_public_agenda(anonymous, committee, recs):
    secret = recs["secret"]
    secret.record_response("accepted", "Yes", "Cabinet", TODAY())
    later = Meeting.create_with_agenda(committee, at(200))
    item = later.items.get(kind=AgendaItem.Kind.WORK_PROGRAMME, title__contains=secret.reference)
    assert item.exempt
    assert secret.reference not in content(anonymous.get(reverse("meetings:committee", args=[committee.slug]))).decode()


def test_a_second_recommendation_from_the_same_item_takes_the_next_number_and_a_taken_one_is_refused(
    clerk, item, cabinet
):
    resolution = Resolution.objects.create(item=item, text="RESOLVED: recommend to Cabinet")
    url = reverse("recommendations:make", args=[resolution.pk])
    clerk.post(url, {"text": "First", "body": cabinet.pk, "number": 1})
    assert 'value="2"' in clerk.get(url).content.decode()
    response = clerk.post(url, {"text": "Clash", "body": cabinet.pk, "number": 1})
    assert response.status_code == 400 and "already used" in response.content.decode()
    assert Recommendation.objects.count() == 1
