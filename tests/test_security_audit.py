"""Access-control and confidentiality audit: every URL, every role, every way a secret could leak.

Exempt items and unpublished meetings carry marker words in every field; the public must never
read a marker anywhere, whatever the URL, format, query string or htmx header.
"""

import csv
import datetime
import io
import time

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from actions.import_forms import PAYLOAD_SALT, read_payload, sign_payload
from actions.models import Action, ActionUpdate
from chasing.models import Evidence, UpdateRequest
from core import clock
from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Membership,
    Person,
    Resolution,
    StandingItem,
    WorkProgrammeItem,
)
from recommendations.models import Body, Recommendation, RecommendationEvent, ReviewPoint
from tests.routes import patterns, route_names

from .conftest import HTMX, at, client_for, content
from .test_import_views import CONFIRM, MINUTES, form_data, review

SECRET = "Zanzibarexempt"  # in every field of the exempt item and its dependants
DRAFT = "Quokkadraft"  # in every field of unpublished meetings and their dependants
XSS = '<script>alert("x")</script>'


def everything_in(response):
    """All the text a visitor could read from a response, whatever its format."""
    if response.get("Content-Type", "").startswith("application/vnd.openxml"):
        book = openpyxl.load_workbook(io.BytesIO(content(response)))
        cells = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row]
        return " ".join(str(v) for v in cells if v is not None) + " " + str(book.properties.title)
    text = content(response).decode("utf-8")
    if response.get("Content-Type", "").startswith("text/calendar"):
        text = text.replace("\r\n ", "").replace("\\,", ",")  # iCalendar folds long lines and escapes commas
    return text + " " + response.get("Content-Disposition", "")


def snapshot():
    models = (
        Committee,
        Person,
        Membership,
        Meeting,
        AgendaItem,
        Resolution,
        Attendance,
        Declaration,
        StandingItem,
        WorkProgrammeItem,
        Action,
        ActionUpdate,
        UpdateRequest,
        Evidence,
        Recommendation,
        RecommendationEvent,
        ReviewPoint,
    )
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in models}


@pytest.fixture
def world(committee, past_meeting, item, exempt_item, next_meeting, clerk_user):
    """A published meeting with a public and an exempt item, a draft meeting and a scheduled one."""
    owner = Person.objects.create(name="Pat Public", job_title="Head of Service")
    secret_owner = Person.objects.create(name=f"Sam {SECRET}", job_title=f"{SECRET} lead")
    draft_owner = Person.objects.create(name=f"Dee {DRAFT}", job_title=f"{DRAFT} post")

    exempt_item.title = f"{SECRET} contract"
    exempt_item.minutes_text = f"{SECRET} minutes"
    exempt_item.description = f"{SECRET} report"
    exempt_item.exempt_reason = f"{SECRET} paragraph 3"
    exempt_item.lead_officer = secret_owner
    exempt_item.save()
    secret_resolution = Resolution.objects.create(item=exempt_item, text=f"{SECRET} resolved")
    secret_action = Action.record(
        by=clerk_user,
        note=f"{SECRET} note",
        text=f"{SECRET} action",
        committee=committee,
        source_item=exempt_item,
        source_resolution=secret_resolution,
        owner=secret_owner,
        owner_post=f"{SECRET} post",
        due_note=f"{SECRET} soon",
        rag=Action.Rag.RED,
        status=Action.Status.OPEN,
    )
    secret_action.add_update(f"{SECRET} update", by=clerk_user)
    Declaration.objects.create(meeting=past_meeting, person=owner, item=exempt_item, text=f"{SECRET} interest")

    public_resolution = Resolution.objects.create(item=item, text="The report be noted")
    public_action = Action.record(
        text="Circulate the Improvement Plan",
        committee=committee,
        source_item=item,
        source_resolution=public_resolution,
        owner=owner,
        due_date=timezone.localdate() - datetime.timedelta(days=3),
    )
    public_action.add_update("Drafting has started", by=clerk_user)

    draft = Meeting.objects.create(
        committee=committee,
        starts_at=at(-7),
        status=Meeting.Status.MINUTES_DRAFT,
        venue=f"{DRAFT} venue",
        public_attendance=f"{DRAFT} public",
    )
    draft_item = AgendaItem.objects.create(
        meeting=draft, number="4", order=4, title=f"{DRAFT} item", minutes_text=f"{DRAFT} minutes"
    )
    draft_resolution = Resolution.objects.create(item=draft_item, text=f"{DRAFT} resolved")
    draft_action = Action.record(
        text=f"{DRAFT} action",
        committee=committee,
        source_item=draft_item,
        source_resolution=draft_resolution,
        owner=draft_owner,
        due_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    draft_action.add_update(f"{DRAFT} update", by=clerk_user)
    # A public action discharged at the draft meeting: the log's "since the last meeting" must not use it.
    discharged = Action.record(text="Send the letter", committee=committee, source_item=item, owner=owner)
    discharged.discharge(on=draft.date, at_meeting=draft, note="Letter sent")
    Declaration.objects.create(meeting=draft, person=owner, item=draft_item, text=f"{DRAFT} interest")
    Attendance.objects.create(meeting=draft, person=draft_owner, capacity=f"{DRAFT} capacity")

    next_meeting.venue = f"{DRAFT} next venue"
    next_meeting.save()
    next_item = AgendaItem.objects.create(meeting=next_meeting, number="1", order=1, title=f"{DRAFT} next item")
    work = WorkProgrammeItem.objects.create(committee=committee, title=f"{DRAFT} promised report")
    # Recommendations to another body (issue 13): one public, one made in private, one at the draft meeting.
    cabinet = Body.objects.create(name="Cabinet")
    public_rec = Recommendation.make(source_item=item, body=cabinet, text="Publish the Improvement Plan")
    today = timezone.localdate()
    public_rec.record_response("accepted", "Agreed", "Cabinet", today)
    secret_rec = Recommendation.make(
        source_item=exempt_item,
        source_resolution=secret_resolution,
        body=cabinet,
        text=f"{SECRET} recommendation",
        report_title=f"{SECRET} review",
        lead_post=f"{SECRET} portfolio",
    )
    secret_rec.record_response("accepted", f"{SECRET} response", f"{SECRET} decider", today)
    secret_rec.set_plan(f"{SECRET} plan", f"{SECRET} who", today)
    secret_rec.add_progress(f"{SECRET} progress", "green")
    draft_rec = Recommendation.make(
        source_item=draft_item, body=cabinet, text=f"{DRAFT} recommendation", lead_post=f"{DRAFT} portfolio"
    )
    draft_rec.record_response("accepted", f"{DRAFT} response", f"{DRAFT} decider", today)
    return {
        "public_rec": public_rec,
        "secret_rec": secret_rec,
        "draft_rec": draft_rec,
        "work": work,
        "owner": owner,
        "secret_owner": secret_owner,
        "draft_owner": draft_owner,
        "secret_resolution": secret_resolution,
        "secret_action": secret_action,
        "public_action": public_action,
        "public_resolution": public_resolution,
        "draft": draft,
        "draft_item": draft_item,
        "draft_resolution": draft_resolution,
        "draft_action": draft_action,
        "next_item": next_item,
    }


OPEN_DATA_LISTS = [
    *("system", "bodies", "body", "papers", "organizations", "people", "memberships"),
    *("meetings", "agenda_items", "actions", "recommendations"),
]


def public_get_urls(committee, past_meeting, item, exempt_item, world):
    """Every read URL the public may open, with the query strings that could widen what it shows."""
    slug = committee.slug
    urls = [
        reverse("home"),
        reverse("login"),
        reverse("meetings:committees"),
        reverse("meetings:committee", args=[slug]),
        reverse("meetings:meeting", args=[past_meeting.pk]),
        reverse("meetings:item", args=[past_meeting.pk, item.pk]),
        reverse("meetings:item", args=[past_meeting.pk, exempt_item.pk]),
        reverse("actions:detail", args=[world["public_action"].pk]),
        reverse("actions:log_index"),
        reverse("recommendations:detail", args=[world["public_rec"].pk]),
    ]
    for name in ("tracker", "export_csv", "export_xlsx"):
        for show in ("", "awaiting", "overdue", "in_progress", "implemented", "rejected", "everything"):
            urls.append(f"{reverse(f'recommendations:{name}', args=[slug])}?show={show}&page=2")
    listing = reverse("actions:list")
    urls += [
        listing,
        # Words in the hidden actions and their updates (the markers themselves would be echoed back).
        f"{listing}?q=action",
        f"{listing}?q=update",
        # The hidden owners' first names and posts (never the markers, which would be echoed back).
        f"{listing}?owner=Sam",
        f"{listing}?owner=Dee",
        f"{listing}?owner=post",
        f"{reverse('actions:owner_suggestions')}?owner=Sam",
        f"{reverse('actions:owner_suggestions')}?owner=Dee",
        f"{reverse('actions:owner_suggestions')}?owner=post",
        f"{reverse('actions:owner_suggestions')}?owner=",
        f"{listing}?committee={slug}&sort=rag",
        f"{listing}?sort=age&page=2",
        f"{listing}?page=999&overdue=on&due_next=on",
        f"{listing}?status=open&rag=red",
        f"{listing}?status=discharged",
    ]
    # Search: words in every hidden field (never the markers themselves, which the search box echoes back).
    search = reverse("search:search")
    for words in (
        "contract",
        "minutes",
        "resolved",
        "action",
        "update",
        "item",
        "note",
        "interest",
        "report",
        "recommendation",
        "response",
        "review",
    ):
        urls += [f"{search}?q={words}", f"{search}?q={words}&committee={slug}&page=2"]
    urls += [f"{search}?q=minutes&kind={kind}" for kind in ("minutes", "resolution", "action", "update")]
    urls += [f"{search}?q={words}&kind=recommendation" for words in ("recommendation", "response", "review", "Cabinet")]
    # Calendars, feeds and the open-data API (which always answers as the public).
    urls += [
        reverse("opendata:committee_calendar", args=[slug]),
        reverse("opendata:committee_rss", args=[slug]),
        reverse("opendata:committee_atom", args=[slug]),
        reverse("opendata:openapi"),
        *(reverse(f"opendata:{name}") for name in OPEN_DATA_LISTS),
        reverse("opendata:organization", args=[committee.pk]),
        reverse("opendata:meeting", args=[past_meeting.pk]),
        reverse("opendata:agenda_item", args=[item.pk]),
        reverse("opendata:agenda_item", args=[exempt_item.pk]),
        reverse("opendata:action", args=[world["public_action"].pk]),
        reverse("opendata:recommendation", args=[world["public_rec"].pk]),
        f"{reverse('opendata:meetings')}?organization={committee.pk}",
    ]
    for name in ("log", "log_csv", "log_xlsx"):
        for show in ("", "all", "outstanding", "discharged", "everything", "current"):
            urls.append(f"{reverse(f'actions:{name}', args=[slug])}?show={show}")
        year = clock.municipal_year(past_meeting.date).year
        urls.append(f"{reverse(f'actions:{name}', args=[slug])}?year={year}")
    return urls


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_public_never_reads_an_exempt_or_unpublished_marker_on_any_public_url(
    anonymous, committee, past_meeting, item, exempt_item, world, headers
):
    for url in public_get_urls(committee, past_meeting, item, exempt_item, world):
        response = anonymous.get(url, **headers)
        assert response.status_code in (200, 302), url
        text = everything_in(response)
        assert SECRET not in text, url
        assert DRAFT not in text, url


def test_the_words_the_audit_searches_for_do_find_the_hidden_business_for_a_clerk(clerk, world):
    """So the public's empty results above mean the rule held, not that the words missed."""
    pages = [clerk.get(reverse("search:search"), {"q": words}) for words in ("contract", "minutes", "resolved")]
    text = " ".join(page.content.decode() for page in pages)
    assert SECRET in text and DRAFT in text
    found = clerk.get(reverse("search:search"), {"q": "recommendation", "kind": "recommendation"})
    ids = {entry.object_id for entry, _snippet, _label in found.context["results"]}
    assert {world["secret_rec"].pk, world["draft_rec"].pk} <= ids


def test_public_action_list_counts_only_public_actions(anonymous, world):
    response = anonymous.get(reverse("actions:list"))
    counts = response.context["counts"]
    # The public outstanding action only: the exempt and draft ones are not counted anywhere.
    assert counts["total"] == 1
    assert counts["red"] == 0
    assert counts["overdue"] == 1


def test_public_owner_type_ahead_offers_no_owner_of_hidden_actions(anonymous, world):
    response = anonymous.get(reverse("actions:owner_suggestions"), {"owner": ""}, **HTMX)
    assert response.content.decode().count("<option") == 1
    assert f'<option value="{world["owner"].name}">' in response.content.decode()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_public_gets_404_for_every_unpublished_meeting_and_its_business(anonymous, world, next_meeting, headers):
    draft, draft_item = world["draft"], world["draft_item"]
    urls = [
        reverse("meetings:meeting", args=[draft.pk]),
        reverse("meetings:meeting", args=[next_meeting.pk]),
        reverse("meetings:item", args=[draft.pk, draft_item.pk]),
        reverse("meetings:item", args=[next_meeting.pk, world["next_item"].pk]),
        reverse("actions:detail", args=[world["draft_action"].pk]),
        reverse("actions:detail", args=[world["secret_action"].pk]),
        reverse("recommendations:detail", args=[world["draft_rec"].pk]),
        reverse("recommendations:detail", args=[world["secret_rec"].pk]),
        reverse("opendata:recommendation", args=[world["draft_rec"].pk]),
        reverse("opendata:recommendation", args=[world["secret_rec"].pk]),
    ]
    for url in urls:
        assert anonymous.get(url, **headers).status_code == 404, url


def test_public_brief_is_never_served_whatever_meeting_is_asked_for(anonymous, committee, world, next_meeting):
    url = reverse("actions:brief", args=[committee.slug])
    for meeting in (world["draft"], next_meeting, None):
        response = anonymous.get(url, {"meeting": meeting.pk} if meeting else {}, **HTMX)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_role_less_signed_in_user_is_treated_as_the_public(committee, past_meeting, item, exempt_item, world):
    client = client_for(User.objects.create_user("resident", password="x-very-long-pass"))
    for url in public_get_urls(committee, past_meeting, item, exempt_item, world):
        text = everything_in(client.get(url))
        assert SECRET not in text and DRAFT not in text, url
    assert client.get(reverse("meetings:meeting", args=[world["draft"].pk])).status_code == 404
    assert client.get(reverse("actions:brief", args=[committee.slug])).status_code == 403


def test_role_less_signed_in_user_cannot_read_peoples_contact_details(roleless, councillor, world):
    person = world["owner"]
    person.email, person.phone = "pat@example.gov.uk", "0161 000 0000"
    person.save()
    url = reverse("meetings:person", args=[person.pk])
    assert roleless.get(url).status_code == 403
    assert "pat@example.gov.uk" in councillor.get(url).content.decode()


def test_public_action_page_never_shows_a_resolution_taken_in_private(anonymous, make_action, world):
    # Data can come from the admin or an import: an action on a public item that cites an exempt resolution.
    action = make_action(text="Tidy-up action", source_resolution=world["secret_resolution"])
    response = anonymous.get(action.get_absolute_url())
    assert SECRET not in everything_in(response)


def test_public_log_discharged_since_last_meeting_uses_the_last_published_meeting(anonymous, committee, world):
    response = anonymous.get(reverse("actions:log", args=[committee.slug]), {"show": "discharged"})
    assert response.context["since"] is None or response.context["since"].is_public


# --- promises and standing items made in private -------------------------------------------------


def promise_in_private(clerk, world):
    """'A further report to a future meeting', agreed at the exempt item, due at whichever meeting comes next."""
    response = clerk.post(
        reverse("actions:make_action", args=[world["secret_resolution"].pk]),
        {"creates": "future", "text": f"{SECRET} further report", "owner": "", "due_meeting": "", "rag": "green"},
    )
    assert response.status_code == 302
    WorkProgrammeItem.objects.filter(title__contains=SECRET).update(timing=WorkProgrammeItem.Timing.NEXT_MEETING)


def test_promise_made_at_an_exempt_item_reaches_the_next_agenda_as_an_exempt_item(clerk, committee, world):
    promise_in_private(clerk, world)
    later = Meeting.create_with_agenda(committee, at(60))
    promised = later.items.get(kind=AgendaItem.Kind.WORK_PROGRAMME)
    assert promised.exempt


def test_promise_from_an_exempt_item_never_reaches_the_public_once_that_meeting_is_published(
    clerk, anonymous, councillor, committee, world
):
    promise_in_private(clerk, world)
    later = Meeting.create_with_agenda(committee, at(-1))
    later.status = Meeting.Status.PUBLISHED
    later.save()
    assert later.items.filter(kind=AgendaItem.Kind.WORK_PROGRAMME, title__contains=SECRET).exists()
    assert SECRET not in anonymous.get(later.get_absolute_url()).content.decode()
    assert SECRET in councillor.get(later.get_absolute_url()).content.decode()


def test_standing_item_made_at_an_exempt_item_is_not_on_the_public_committee_page(clerk, anonymous, committee, world):
    clerk.post(
        reverse("actions:make_action", args=[world["secret_resolution"].pk]),
        {"creates": "standing", "text": f"{SECRET} monitoring", "owner": "", "due_meeting": "", "rag": "green"},
    )
    assert StandingItem.objects.filter(title__contains=SECRET).exists()
    assert SECRET not in anonymous.get(reverse("meetings:committee", args=[committee.slug])).content.decode()
    assert SECRET in clerk.get(reverse("meetings:committee", args=[committee.slug])).content.decode()


def test_standing_item_made_at_an_exempt_item_is_exempt_on_every_new_agenda(clerk, committee, world):
    clerk.post(
        reverse("actions:make_action", args=[world["secret_resolution"].pk]),
        {"creates": "standing", "text": f"{SECRET} monitoring", "owner": "", "due_meeting": "", "rag": "green"},
    )
    later = Meeting.create_with_agenda(committee, at(60))
    assert later.items.get(kind=AgendaItem.Kind.STANDING_ITEM).exempt


# --- every edit URL refuses everyone but clerks ---------------------------------------------------


def edit_urls(committee, past_meeting, item, world):
    """Every URL that changes something, for a published and an unpublished meeting."""
    urls = [
        reverse("meetings:meeting_create", args=[committee.slug]),
        reverse("meetings:committee_procedural", args=[committee.slug]),
        reverse("actions:import_start"),
        reverse("actions:import_confirm"),
        reverse("meetings:work_add", args=[committee.slug]),
        reverse("meetings:work_schedule", args=[committee.slug, world["work"].pk]),
        reverse("meetings:work_defer", args=[committee.slug, world["work"].pk]),
        reverse("meetings:work_drop", args=[committee.slug, world["work"].pk]),
        reverse("chasing:unchaseable"),  # not an edit, but clerks only
        reverse("recommendations:report", args=[committee.slug]),
    ]
    asked = UpdateRequest.objects.create(owner=world["owner"], meeting=past_meeting, reply_by=past_meeting.date)
    urls += [reverse(f"chasing:{name}", args=[asked.pk]) for name in ("remind", "revoke")]
    for rec in (world["public_rec"], world["secret_rec"], world["draft_rec"]):
        urls += [reverse(f"recommendations:{name}", args=[rec.pk]) for name in REC_CONTROLS]
    for meeting, an_item, resolution, action in (
        (past_meeting, item, world["public_resolution"], world["public_action"]),
        (world["draft"], world["draft_item"], world["draft_resolution"], world["draft_action"]),
    ):
        m, i, r = meeting.pk, an_item.pk, resolution.pk
        attendance = Attendance.objects.filter(meeting=meeting).first() or Attendance.objects.create(
            meeting=meeting, person=world["owner"]
        )
        declaration = Declaration.objects.filter(meeting=meeting).first()
        urls += [
            reverse("meetings:meeting_edit", args=[m]),
            reverse("meetings:meeting_status", args=[m]),
            reverse("meetings:item_add", args=[m]),
            reverse("meetings:items_renumber", args=[m]),
            reverse("meetings:attendance_set", args=[m]),
            reverse("meetings:attendee_add", args=[m]),
            reverse("meetings:substitute_add", args=[m]),
            reverse("meetings:public_attendance", args=[m]),
            reverse("meetings:attendance_remove", args=[m, attendance.pk]),
            reverse("meetings:declaration_add", args=[m]),
            reverse("meetings:declaration_delete", args=[m, declaration.pk]),
            reverse("meetings:item_edit", args=[m, i]),
            reverse("meetings:item_body", args=[m, i]),
            reverse("meetings:item_delete", args=[m, i]),
            reverse("meetings:item_move", args=[m, i]),
            reverse("meetings:item_minutes", args=[m, i]),
            reverse("meetings:resolution_add", args=[m, i]),
            reverse("meetings:resolution_edit", args=[m, r]),
            reverse("meetings:resolution_delete", args=[m, r]),
            reverse("meetings:resolution_move", args=[m, r]),
            reverse("actions:make_action", args=[r]),
            reverse("recommendations:make", args=[r]),
            reverse("actions:owner_update", args=[action.pk]),
            reverse("chasing:request_updates", args=[m]),
        ]
        urls += [reverse(f"actions:{name}", args=[action.pk]) for name in CONTROLS]
        # Not an edit itself, but it draws the clerk's controls: clerks only.
        urls.append(reverse("actions:row_controls", args=[action.pk]))
        # The owner box's check names people in the register as the clerk types: clerks only.
        urls.append(f"{reverse('actions:owner_check')}?owner=Richards")
    return urls


CONTROLS = [
    *("set_rag", "add_update", "mark_completed", "discharge", "reopen", "close"),
    *("accept_rag", "reject_rag", "change_owner", "change_due"),
]
REC_CONTROLS = ["respond", "plan", "progress", "outcome"]
EVIL_POST = {
    "version": 1,
    "text": "Overwritten",
    "title": "Overwritten",
    "number": "99",
    "status": "present",
    "to": "published",
    "rag": "red",
    "reason": "x",
    "note": "x",
    "on": "2024-01-01",
    "creates": "action",
    "owner": "Someone",
    "date": "2030-01-01",
    "start_time": "18:00",
    "starts_at": "2030-01-01T18:00",
    "venue": "Overwritten",
    "public_attendance": "Overwritten",
    "procedural_items": "Overwritten",
    "minutes_text": "Overwritten",
    "direction": "up",
    "new_name": "Overwritten",
}


@pytest.fixture
def roleless(db):
    return client_for(User.objects.create_user("resident", password="x-very-long-pass"))


def refused(response):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["councillor", "chair", "officer", "anonymous", "roleless"])
def test_every_edit_url_refuses_non_clerks_for_get_and_post_with_and_without_htmx_and_writes_nothing(
    request, role, committee, past_meeting, item, world
):
    client = request.getfixturevalue(role)
    urls = edit_urls(committee, past_meeting, item, world)
    before = snapshot()
    for url in urls:
        for headers in ({}, HTMX):
            assert refused(client.get(url, **headers)), (url, headers)
            assert refused(client.post(url, EVIL_POST, **headers)), (url, headers)
    assert snapshot() == before


def test_public_is_told_nothing_about_unpublished_business_on_edit_urls(anonymous, world):
    """404, not 403: the public must not learn that a draft meeting or its items exist."""
    draft, draft_item = world["draft"], world["draft_item"]
    for url in (
        reverse("meetings:meeting_edit", args=[draft.pk]),
        reverse("meetings:item_edit", args=[draft.pk, draft_item.pk]),
        reverse("meetings:resolution_edit", args=[draft.pk, world["draft_resolution"].pk]),
        reverse("actions:make_action", args=[world["draft_resolution"].pk]),
        reverse("actions:set_rag", args=[world["draft_action"].pk]),
        reverse("actions:set_rag", args=[world["secret_action"].pk]),
        reverse("recommendations:respond", args=[world["draft_rec"].pk]),
        reverse("recommendations:progress", args=[world["secret_rec"].pk]),
        reverse("recommendations:make", args=[world["draft_resolution"].pk]),
    ):
        assert anonymous.post(url, EVIL_POST).status_code == 404, url


AUDITED_URLS = {
    # read by anyone (checked for leaks above)
    "home",
    "favicon",  # a redirect to a static file
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "logout",
    "meetings:committees",
    "meetings:committee",
    "meetings:meeting",
    "meetings:item",
    "actions:list",
    "actions:owner_suggestions",
    "actions:detail",
    "actions:log_index",
    "actions:log",
    "actions:log_csv",
    "actions:log_xlsx",
    "search:search",
    "opendata:committee_calendar",
    "opendata:committee_rss",
    "opendata:committee_atom",
    "opendata:openapi",
    *(f"opendata:{name}" for name in OPEN_DATA_LISTS),
    *(f"opendata:{name}" for name in ("organization", "person", "membership", "meeting", "agenda_item", "action")),
    "opendata:recommendation",
    # private by a revocable token in the address (checked below)
    "opendata:my_committees_calendar",
    "opendata:actions_due_calendar",
    # signed-in council users only; the token form acts on the visitor's own token only (checked below)
    "opendata:calendars",
    "opendata:calendar_token",
    # signed-in council users only
    "actions:mine",
    "actions:my_committees",
    "actions:brief",
    "meetings:person",
    "meetings:work_programme",
    # edits (refusal test above)
    "meetings:meeting_create",
    "meetings:committee_procedural",
    "meetings:meeting_edit",
    "meetings:meeting_status",
    "meetings:item_add",
    "meetings:items_renumber",
    "meetings:attendance_set",
    "meetings:attendee_add",
    "meetings:substitute_add",
    "meetings:public_attendance",
    "meetings:attendance_remove",
    "meetings:declaration_add",
    "meetings:declaration_delete",
    "meetings:item_edit",
    "meetings:item_body",
    "meetings:item_delete",
    "meetings:item_move",
    "meetings:item_minutes",
    "meetings:resolution_add",
    "meetings:resolution_edit",
    "meetings:resolution_delete",
    "meetings:resolution_move",
    "actions:make_action",
    "actions:owner_update",
    "actions:row_controls",
    "actions:owner_check",
    *(f"actions:{name}" for name in CONTROLS),
    "actions:import_start",
    "actions:import_confirm",
    "meetings:work_add",
    "meetings:work_schedule",
    "meetings:work_defer",
    "meetings:work_drop",
    # issue 12, chasing owners: the update page opens only with a valid token (tests below); evidence follows
    # its action's visibility; the rest are the clerk's (refusal test above)
    "chasing:update",
    "chasing:evidence",
    "chasing:request_updates",
    "chasing:remind",
    "chasing:revoke",
    "chasing:unchaseable",
    # the weekly digest: preferences for signed-in council users; unsubscribing only with a valid token
    "chasing:preferences",
    "chasing:unsubscribe",
    # recommendations (issue 13): read by anyone, checked for leaks above
    "recommendations:tracker",
    "recommendations:detail",
    "recommendations:export_csv",
    "recommendations:export_xlsx",
    # and the clerk's edits (refusal test above)
    "recommendations:make",
    "recommendations:report",
    *(f"recommendations:{name}" for name in REC_CONTROLS),
}


def test_every_url_of_the_project_is_covered_by_this_audit():
    assert route_names() == AUDITED_URLS


def test_signed_in_only_pages_send_the_public_to_sign_in(anonymous, committee, world):
    for url in (
        reverse("actions:mine"),
        reverse("actions:my_committees"),
        reverse("actions:brief", args=[committee.slug]),
        reverse("meetings:person", args=[world["secret_owner"].pk]),
        reverse("meetings:work_programme", args=[committee.slug]),
        reverse("chasing:preferences"),
    ):
        response = anonymous.get(url, **HTMX)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


def test_public_open_data_objects_of_hidden_business_are_404(anonymous, world, secret_owner_membership):
    for name, pk in (
        ("meeting", world["draft"].pk),
        ("agenda_item", world["draft_item"].pk),
        ("agenda_item", world["next_item"].pk),
        ("action", world["draft_action"].pk),
        ("action", world["secret_action"].pk),
        ("person", world["draft_owner"].pk),
    ):
        assert anonymous.get(reverse(f"opendata:{name}", args=[pk])).status_code == 404, name
    person = reverse("opendata:person", args=[secret_owner_membership.person_id])
    # A member's name is public (the committee page lists it); their job title, from exempt business, is not.
    assert f"{SECRET} lead" not in everything_in(anonymous.get(person))


@pytest.fixture
def secret_owner_membership(committee, world):
    return Membership.objects.create(person=world["secret_owner"], committee=committee)


def test_private_calendars_need_a_live_token_and_show_no_more_than_their_owner_may_see(
    anonymous, councillor_user, officer_user, world
):
    from opendata.models import CalendarToken

    for name in ("my_committees_calendar", "actions_due_calendar"):
        assert anonymous.get(reverse(f"opendata:{name}", args=["not-a-token"])).status_code == 404
    # An officer owning nothing in the exempt item: their calendars carry none of its words.
    token = CalendarToken.issue(officer_user)
    for name in ("my_committees_calendar", "actions_due_calendar"):
        text = everything_in(anonymous.get(reverse(f"opendata:{name}", args=[token.key])))
        assert SECRET not in text and DRAFT not in text
    # A member's committee calendar shows the meetings they may see, the scheduled one included.
    member = CalendarToken.issue(councillor_user)
    assert DRAFT in everything_in(anonymous.get(reverse("opendata:my_committees_calendar", args=[member.key])))
    CalendarToken.revoke(councillor_user)
    assert anonymous.get(reverse("opendata:my_committees_calendar", args=[member.key])).status_code == 404


def test_calendar_token_form_is_for_council_users_and_touches_only_their_own(anonymous, roleless, councillor, world):
    from opendata.models import CalendarToken

    url = reverse("opendata:calendar_token")
    assert refused(anonymous.post(url)) and refused(anonymous.get(url))
    assert roleless.post(url).status_code == 403 and roleless.get(reverse("opendata:calendars")).status_code == 403
    assert not CalendarToken.objects.exists()
    councillor.post(url)
    assert list(CalendarToken.objects.values_list("user__username", flat=True)) == ["councillor"]


# --- the owner's own update ----------------------------------------------------------------------


@pytest.fixture
def owned(officer_user, make_action):
    return make_action(owner=officer_user.person, rag=Action.Rag.GREEN)


@pytest.mark.parametrize("role", ["clerk", "councillor", "chair", "other_officer", "anonymous"])
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_owner_update_refuses_everyone_but_the_owner(request, role, headers, owned, officer_user):
    if role == "other_officer":
        other = Person.objects.create(name="Other Officer")
        from .conftest import make_user

        client = client_for(make_user("other", "Officer", other))
    else:
        client = request.getfixturevalue(role)
    before = snapshot()
    data = {f"action-{owned.pk}-text": "Not mine", f"action-{owned.pk}-rag": "red", f"action-{owned.pk}-version": 1}
    assert refused(client.post(reverse("actions:owner_update", args=[owned.pk]), data, **headers))
    assert snapshot() == before


@pytest.mark.parametrize("finish", ["discharge", "close"])
def test_owner_cannot_update_or_rerate_an_action_the_committee_has_finished_with(officer, owned, finish):
    if finish == "discharge":
        owned.discharge(on=timezone.localdate(), note="Done")
    else:
        owned.close("Overtaken by events")
    owned.refresh_from_db()
    before = snapshot()
    prefix = f"action-{owned.pk}"
    data = {f"{prefix}-text": "Still going", f"{prefix}-rag": "red", f"{prefix}-version": owned.version}
    response = officer.post(reverse("actions:owner_update", args=[owned.pk]), data)
    assert response.status_code in (302, 400, 403, 409)
    assert snapshot() == before


def test_owner_update_cannot_change_status_or_discharge_by_posting_extra_fields(officer, owned):
    prefix = f"action-{owned.pk}"
    data = {
        f"{prefix}-text": "All done",
        f"{prefix}-version": owned.version,
        f"{prefix}-status": "discharged",
        "status": "discharged",
        f"{prefix}-discharged_on": "2024-01-01",
        "discharged_on": "2024-01-01",
        "evidence": "Trust me",
    }
    officer.post(reverse("actions:owner_update", args=[owned.pk]), data)
    owned.refresh_from_db()
    assert owned.status == Action.Status.IN_PROGRESS
    assert owned.discharged_on is None and owned.evidence == ""


# --- redirects, CSRF, escaping, spreadsheets ----------------------------------------------------

EVIL_NEXTS = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    " https://evil.example/",
]


def assert_stays_home(response):
    location = response["Location"]
    assert response.status_code == 302
    assert "evil.example" not in location and "javascript" not in location, location


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_workspace_next_param_never_redirects_off_site(clerk, past_meeting, world, evil):
    assert_stays_home(clerk.post(reverse("meetings:meeting_status", args=[past_meeting.pk]), {"to": "x", "next": evil}))
    action = world["public_action"]
    data = {"version": action.version, "rag": "amber", "reason": "", "next": evil}
    assert_stays_home(clerk.post(reverse("actions:set_rag", args=[action.pk]), data))


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_owner_update_next_param_never_redirects_off_site(officer, owned, evil):
    prefix = f"action-{owned.pk}"
    owned.refresh_from_db()
    data = {f"{prefix}-text": "Going well", f"{prefix}-version": owned.version, "next": evil}
    assert_stays_home(officer.post(reverse("actions:owner_update", args=[owned.pk]), data))


@pytest.mark.parametrize("evil", EVIL_NEXTS)
def test_login_next_param_never_redirects_off_site(clerk_user, evil):
    client = Client()
    response = client.post(f"{reverse('login')}?next={evil}", {"username": "clerk", "password": "secret-pass-123"})
    assert_stays_home(response)


def test_no_view_is_exempt_from_csrf():
    assert [name for name, pattern in patterns() if getattr(pattern.callback, "csrf_exempt", False)] == []


def test_every_post_without_a_csrf_token_is_refused_and_writes_nothing(
    clerk_user, committee, past_meeting, item, world
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk_user)
    urls = edit_urls(committee, past_meeting, item, world)
    before = snapshot()
    for url in urls:
        for headers in ({}, HTMX):
            assert client.post(url, EVIL_POST, **headers).status_code == 403, url
    assert snapshot() == before


def test_text_typed_by_a_clerk_is_escaped_on_every_page(clerk, anonymous, councillor, committee, past_meeting, item):
    item.title = item.minutes_text = XSS
    item.save()
    Resolution.objects.create(item=item, text=XSS)
    person = Person.objects.create(name=XSS, kind=Person.Kind.OFFICER, job_title=XSS)
    Attendance.objects.create(meeting=past_meeting, person=person, status="in_attendance", capacity=XSS)
    Declaration.objects.create(meeting=past_meeting, person=person, item=item, text=XSS)
    overdue = timezone.localdate() - datetime.timedelta(days=1)
    action = Action.record(text=XSS, committee=committee, source_item=item, owner=person, due_date=overdue)
    action.add_update(XSS)
    past_meeting.public_attendance = past_meeting.venue = XSS
    past_meeting.save()
    pages = [
        (anonymous, past_meeting.get_absolute_url(), {}),
        (anonymous, action.get_absolute_url(), {}),
        (anonymous, reverse("actions:list"), HTMX),
        (anonymous, reverse("actions:log", args=[committee.slug]), {}),
        (councillor, past_meeting.get_absolute_url(), {}),
        (councillor, reverse("actions:list"), {}),
        (councillor, reverse("meetings:person", args=[person.pk]), {}),
        (clerk, past_meeting.get_absolute_url(), {}),
        (clerk, action.get_absolute_url(), {}),
        (clerk, reverse("meetings:item_edit", args=[past_meeting.pk, item.pk]), HTMX),
        (clerk, reverse("home"), {}),
    ]
    for client, url, headers in pages:
        html = content(client.get(url, **headers)).decode()
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert" in html, url


@pytest.mark.parametrize("payload", ["=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"])
def test_csv_export_defuses_formulas_in_every_user_typed_column(councillor, committee, item, payload):
    Action.record(text=payload, owner_post=payload, due_note=payload, committee=committee, source_item=item)
    item.title = payload
    item.save()
    text = content(councillor.get(reverse("actions:log_csv", args=[committee.slug]), {"show": "all"})).decode()
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1:]
    assert rows
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row


def test_xlsx_export_never_writes_a_formula_cell(councillor, committee, item):
    for payload in ("=1+1", '=HYPERLINK("http://evil","x")', "+1", "@SUM(A1)"):
        Action.record(text=payload, owner_post=payload, due_note=payload, committee=committee, source_item=item)
    response = councillor.get(reverse("actions:log_xlsx", args=[committee.slug]), {"show": "all"})
    sheet = openpyxl.load_workbook(io.BytesIO(content(response))).active
    kinds = {cell.data_type for row in sheet.iter_rows() for cell in row}
    assert "f" not in kinds


# --- the signed import payload -------------------------------------------------------------------


def test_import_payload_signed_for_another_purpose_is_refused(clerk, committee):
    data = form_data(review(clerk))
    payload = read_payload(data["payload"])
    data["payload"] = signing.dumps(payload, compress=True)  # the default salt: e.g. lifted from elsewhere
    assert clerk.post(CONFIRM, data).status_code == 400
    assert not Meeting.objects.exists()


def test_import_payload_older_than_a_day_is_refused(clerk, committee, monkeypatch):
    data = form_data(review(clerk))
    payload = read_payload(data["payload"])
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 2 * 24 * 3600)
    data["payload"] = sign_payload(payload)
    monkeypatch.setattr(time, "time", real_time)
    assert clerk.post(CONFIRM, data).status_code == 400
    assert not Meeting.objects.exists()


def test_import_replayed_into_another_committee_is_refused_and_writes_nothing(clerk, committee, other_committee):
    data = form_data(review(clerk))
    assert clerk.post(CONFIRM, data).status_code == 302
    before = snapshot()
    data["meeting-committee"] = str(other_committee.pk)
    assert clerk.post(CONFIRM, data).status_code == 409
    assert snapshot() == before


def test_import_payload_salt_is_its_own():
    assert signing.loads(sign_payload({"a": 1}), salt=PAYLOAD_SALT) == {"a": 1}
    with pytest.raises(signing.BadSignature):
        signing.loads(sign_payload({"a": 1}))


def test_pasted_minutes_larger_than_the_request_limit_are_refused(clerk, committee, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = clerk.post(reverse("actions:import_start"), {"text": MINUTES * 10})
    assert response.status_code == 400
    assert not Meeting.objects.exists()


# --- one meeting's objects through another meeting's URL (IDOR) ----------------------------------


@pytest.fixture
def two_meetings(committee, past_meeting, item, world, members):
    other = world["draft"]
    theirs = {
        "item": world["draft_item"],
        "resolution": world["draft_resolution"],
        "attendance": Attendance.objects.filter(meeting=other).first(),
        "declaration": Declaration.objects.filter(meeting=other).first(),
    }
    return past_meeting, theirs


def idor_urls(mine, theirs):
    m, i, r = mine.pk, theirs["item"].pk, theirs["resolution"].pk
    return [
        reverse("meetings:item", args=[m, i]),
        reverse("meetings:item_edit", args=[m, i]),
        reverse("meetings:item_delete", args=[m, i]),
        reverse("meetings:item_move", args=[m, i]),
        reverse("meetings:item_minutes", args=[m, i]),
        reverse("meetings:resolution_add", args=[m, i]),
        reverse("meetings:resolution_edit", args=[m, r]),
        reverse("meetings:resolution_delete", args=[m, r]),
        reverse("meetings:resolution_move", args=[m, r]),
        reverse("meetings:attendance_remove", args=[m, theirs["attendance"].pk]),
        reverse("meetings:declaration_delete", args=[m, theirs["declaration"].pk]),
    ]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_objects_of_one_meeting_are_never_reached_through_another_meetings_url(clerk, two_meetings, headers):
    mine, theirs = two_meetings
    before = snapshot()
    for url in idor_urls(mine, theirs):
        # 405: a read-only page (the item's address) refuses POST before it looks anything up.
        expected = (404, 405) if resolve(url).url_name == "item" else (404,)
        assert clerk.post(url, EVIL_POST, **headers).status_code in expected, url
        assert clerk.get(url, **headers).status_code in (404, 405), url
    assert snapshot() == before


def test_public_cannot_reach_a_draft_item_through_a_published_meetings_url(anonymous, two_meetings):
    mine, theirs = two_meetings
    assert anonymous.get(reverse("meetings:item", args=[mine.pk, theirs["item"].pk])).status_code == 404


def test_declaration_cannot_point_at_an_item_of_another_meeting(clerk, two_meetings, members):
    mine, theirs = two_meetings
    data = {"person": members[0].pk, "item": theirs["item"].pk, "type": "personal", "text": "Governor"}
    clerk.post(reverse("meetings:declaration_add", args=[mine.pk]), data)
    assert not Declaration.objects.filter(meeting=mine, item=theirs["item"]).exists()


def test_action_due_meeting_cannot_be_another_committees_meeting(clerk, world, other_committee):
    elsewhere = Meeting.objects.create(committee=other_committee, starts_at=at(30))
    resolution = world["public_resolution"]
    data = {"creates": "action", "text": "Do it", "owner": "Chief Executive", "due_meeting": elsewhere.pk}
    clerk.post(reverse("actions:make_action", args=[resolution.pk]), {**data, "rag": "green"})
    assert not Action.objects.filter(due_meeting=elsewhere).exists()


# --- no lost edits --------------------------------------------------------------------------------


def stale_edits(past_meeting, item, world):
    """(url, stale POST data, what must not have changed) for every versioned edit form."""
    m, i = past_meeting.pk, item.pk
    resolution, action = world["public_resolution"], world["public_action"]
    return [
        (
            reverse("meetings:meeting_edit", args=[m]),
            {"version": 0, "starts_at": "2030-01-01T18:00", "venue": "Stale venue"},
            lambda: Meeting.objects.get(pk=m).venue != "Stale venue",
        ),
        (
            reverse("meetings:public_attendance", args=[m]),
            {"version": 0, "public_attendance": "Stale"},
            lambda: Meeting.objects.get(pk=m).public_attendance != "Stale",
        ),
        (
            reverse("meetings:item_edit", args=[m, i]),
            {"version": 0, "number": "5", "title": "Stale title", "kind": "report"},
            lambda: AgendaItem.objects.get(pk=i).title != "Stale title",
        ),
        (
            reverse("meetings:item_minutes", args=[m, i]),
            {"version": 0, "minutes_text": "Stale minutes"},
            lambda: AgendaItem.objects.get(pk=i).minutes_text != "Stale minutes",
        ),
        (
            reverse("meetings:resolution_edit", args=[m, resolution.pk]),
            {"version": 0, "text": "Stale resolution"},
            lambda: Resolution.objects.get(pk=resolution.pk).text != "Stale resolution",
        ),
        (
            reverse("actions:set_rag", args=[action.pk]),
            {"version": 0, "rag": "red"},
            lambda: Action.objects.get(pk=action.pk).rag != "red",
        ),
        (
            reverse("actions:add_update", args=[action.pk]),
            {"version": 0, "text": "Stale update"},
            lambda: not ActionUpdate.objects.filter(text="Stale update").exists(),
        ),
        (
            reverse("actions:mark_completed", args=[action.pk]),
            {"version": 0},
            lambda: Action.objects.get(pk=action.pk).status != Action.Status.COMPLETED,
        ),
        (
            reverse("actions:discharge", args=[action.pk]),
            {"version": 0, "on": "2024-01-01"},
            lambda: Action.objects.get(pk=action.pk).status != Action.Status.DISCHARGED,
        ),
        (
            reverse("actions:close", args=[action.pk]),
            {"version": 0, "reason": "Stale"},
            lambda: Action.objects.get(pk=action.pk).status != Action.Status.CLOSED,
        ),
    ]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_every_versioned_edit_refuses_a_stale_version(clerk, past_meeting, item, world, headers):
    for url, data, unchanged in stale_edits(past_meeting, item, world):
        response = clerk.post(url, data, **headers)
        assert unchanged(), url
        assert response.status_code in (200, 302, 409), url


def test_every_versioned_edit_form_carries_the_version(clerk, past_meeting, item, world):
    m, i = past_meeting.pk, item.pk
    for url in (
        reverse("meetings:meeting_edit", args=[m]),
        reverse("meetings:item_edit", args=[m, i]),
        reverse("meetings:resolution_edit", args=[m, world["public_resolution"].pk]),
    ):
        assert 'name="version"' in clerk.get(url).content.decode(), url
    workspace = clerk.get(past_meeting.get_absolute_url()).content.decode()
    # The outcome, public-attendance and action-row forms are all on the workspace.
    assert workspace.count('name="version"') >= 3


def test_standing_item_from_unpublished_minutes_waits_for_publication(clerk, anonymous, committee):
    draft = Meeting.objects.create(committee=committee, starts_at=at(-3), status=Meeting.Status.MINUTES_DRAFT)
    item = AgendaItem.objects.create(meeting=draft, number="4", title="Youth offending")
    resolution = Resolution.objects.create(item=item, text="Youth offending to be a standing item")
    StandingItem.objects.create(committee=committee, title="Youth offending figures", source_resolution=resolution)
    page = reverse("meetings:committee", args=[committee.slug])
    assert "Youth offending figures" not in anonymous.get(page).content.decode()
    assert "Youth offending figures" in clerk.get(page).content.decode()
    draft.status = Meeting.Status.PUBLISHED
    draft.save()
    assert "Youth offending figures" in anonymous.get(page).content.decode()


# --- issue 12: the update link and evidence -------------------------------------------------------


@pytest.fixture
def secret_evidence(world, evidence_root):
    from django.core.files.base import ContentFile

    asked = UpdateRequest.objects.create(owner=world["secret_owner"], reply_by=timezone.localdate())
    asked.actions.set([world["secret_action"]])
    file = ContentFile(f"%PDF-1.4 {SECRET}".encode(), name="x.pdf")
    evidence = Evidence.objects.create(
        action=world["secret_action"], request=asked, file=file, original_name=f"{SECRET}.pdf", size=30
    )
    return asked, evidence


@pytest.mark.parametrize("role", ["anonymous", "roleless", "officer"])
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_evidence_of_an_exempt_item_never_reaches_anyone_without_a_need_to_know(
    request, role, headers, secret_evidence, world
):
    _, evidence = secret_evidence
    client = request.getfixturevalue(role)
    assert client.get(evidence.get_absolute_url(), **headers).status_code == 404
    assert SECRET not in everything_in(client.get(reverse("actions:detail", args=[world["public_action"].pk])))


def test_the_update_page_opens_without_signing_in_only_with_a_valid_token(anonymous, secret_evidence, world):
    asked, _ = secret_evidence
    good = asked.link()
    token = good.rstrip("/").rsplit("/", 1)[1]
    other = UpdateRequest.objects.create(owner=world["owner"], reply_by=timezone.localdate())
    swapped = signing.dumps({"r": asked.pk, "n": other.nonce}, salt="chasing.update-link", compress=True)
    before = snapshot()
    for bad in (token[:-2] + "xx", "nonsense", swapped, signing.dumps({"r": asked.pk, "n": asked.nonce})):
        for headers in ({}, HTMX):
            for response in (
                anonymous.get(reverse("chasing:update", args=[bad]), **headers),
                anonymous.post(reverse("chasing:update", args=[bad]), {"action": world["secret_action"].pk}, **headers),
            ):
                assert response.status_code == 403, bad
                text = everything_in(response)
                assert SECRET not in text and DRAFT not in text
    assert snapshot() == before
    # The owner it was sent to (who has a stake in the item) reads their own action through it.
    assert f"{SECRET} action" in anonymous.get(good).content.decode()
