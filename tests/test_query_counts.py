"""Every GET page answers in a fixed number of queries, however many rows the database holds.

Each case asserts the exact count with a small data set, then adds many more of every kind of row
(committees, meetings, agenda items, resolutions, actions and their updates, members, attendances,
declarations) and asserts the very same count again.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import resolve, reverse
from django.utils import timezone

from actions.models import Action
from chasing.models import DigestSubscription, Evidence, UpdateRequest
from meetings.models import (
    AgendaItem,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    Membership,
    Person,
    Resolution,
    WorkProgrammeItem,
)
from opendata.models import CalendarToken
from recommendations.models import Body, Recommendation
from tests.routes import POST_ONLY, patterns

from .conftest import at, content

SMALL, LARGE = 5, 100  # twenty times the rows: a count that grows with history shows; the walk stays under a minute


def grow(w, n):
    """Add n more of every row the pages list, around the committee, its published meeting and its people."""
    start, w["rows"] = w["rows"], w["rows"] + n
    rows = range(start, start + n)
    today = timezone.localdate()
    committee, meeting, owner = w["committee"], w["meeting"], w["owner"]
    published = Meeting.Status.PUBLISHED
    # Other committees the signed-in people sit on, each with a next meeting and an action due today.
    panels = [Committee.objects.create(name=f"Panel {i}", short_name=f"P{i}") for i in rows]
    Membership.objects.bulk_create(
        Membership(person=w[who], committee=panel) for panel in panels for who in ("councillor", "chair", "officer")
    )
    Meeting.objects.bulk_create(
        Meeting(committee=panel, starts_at=at(10 + i)) for i, panel in zip(rows, panels, strict=True)
    )
    panel_meetings = Meeting.objects.bulk_create(
        Meeting(committee=panel, starts_at=at(-60 - i), status=published) for i, panel in zip(rows, panels, strict=True)
    )
    panel_items = AgendaItem.objects.bulk_create(AgendaItem(meeting=m, title="Panel report") for m in panel_meetings)
    for panel, panel_item in zip(panels, panel_items, strict=True):
        Action.record(committee=panel, source_item=panel_item, text="Panel task", due_date=today, owner=owner)
    # The committee's own past, draft and future meetings, and new members.
    Meeting.objects.bulk_create(
        Meeting(committee=committee, starts_at=at(days), status=status)
        for i in rows
        for days, status in ((-100 - i, published), (-3 - i, Meeting.Status.MINUTES_DRAFT), (30 + i, "scheduled"))
    )
    members = Person.objects.bulk_create(Person(name=f"Member {i}", kind=Person.Kind.COUNCILLOR) for i in rows)
    Membership.objects.bulk_create(Membership(person=member, committee=committee) for member in members)
    # The published meeting gets more attendance, items, declarations, resolutions and actions of every state.
    Attendance.objects.bulk_create(Attendance(meeting=meeting, person=member) for member in members)
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=str(100 + i), order=100 + i, title=f"Report {i}", lead_officer=owner)
        for i in rows
    )
    Declaration.objects.bulk_create(
        Declaration(meeting=meeting, person=member, item=item, text="School governor")
        for member, item in zip(members, items, strict=True)
    )
    resolutions = Resolution.objects.bulk_create(Resolution(item=item, text="Resolved") for item in items)
    for i, item, resolution, member in zip(rows, items, resolutions, members, strict=True):
        late = today - datetime.timedelta(days=i % 25 + 1)  # overdue, and after the meeting (30 days ago)
        for due in ({"due_date": late}, {"due_meeting": w["next_meeting"]}):
            action = Action.record(
                committee=committee, source_item=item, source_resolution=resolution, owner=owner, **due
            )
            action.add_update(f"Progress {i}")
        finished = Action.record(committee=committee, source_item=item, text="Finished", owner=member)
        if i % 2:
            finished.discharge(note="ok")
        else:
            finished.mark_completed(note="ok")
        w["action"].add_update(f"Timeline {i}")
        # Owners asked for updates for the meeting (the workspace's panel), and evidence they sent.
        asked = UpdateRequest.objects.create(owner=member, meeting=meeting, reply_by=today)
        asked.actions.set([finished])
        w["update_request"].actions.add(finished)
        Evidence.objects.create(action=w["action"], file=ContentFile(b"%PDF-", name="e.pdf"), size=5)
    # Recommendations to another body, answered and not, each with its timeline and review points.
    body = w.setdefault("body", Body.objects.get_or_create(name="Cabinet")[0])
    for i, item in zip(rows, items, strict=True):
        recommendation = Recommendation.make(source_item=item, body=body, text=f"Recommendation {i}")
        if i % 2:
            recommendation.record_response("accepted", "Agreed", "Cabinet", today)
            recommendation.add_progress("Going well", "green")
    # The work programme: planned, on an agenda, and taken.
    for i in rows:
        work = WorkProgrammeItem.objects.create(committee=committee, title=f"Promised report {i}")
        if i % 2:
            work.schedule_onto(w["next_meeting"], work.version)


@pytest.fixture
def world(
    committee, past_meeting, next_meeting, item, clerk_user, councillor_user, chair_user, officer_user, evidence_root
):
    resolution = Resolution.objects.create(item=item, text="The report be noted")
    action = Action.record(
        committee=committee, source_item=item, source_resolution=resolution, owner=officer_user.person, text="Report"
    )
    update_request = UpdateRequest.objects.create(
        owner=officer_user.person, meeting=past_meeting, reply_by=past_meeting.date
    )
    update_request.actions.set([action])
    evidence = Evidence.objects.create(action=action, file=ContentFile(b"%PDF-", name="e.pdf"), size=5)
    digest = DigestSubscription.objects.create(user=councillor_user, weekly=True)
    body = Body.objects.create(name="Northern Care NHS Trust", kind=Body.Kind.NHS)
    recommendation = Recommendation.make(source_item=item, source_resolution=resolution, body=body, text="Do it")
    return {
        "recommendation": recommendation,
        "committee": committee,
        "meeting": past_meeting,
        "next_meeting": next_meeting,
        "item": item,
        "resolution": resolution,
        "action": action,
        "councillor": councillor_user.person,
        "chair": chair_user.person,
        "officer": officer_user.person,
        "owner": officer_user.person,
        "update_request": update_request,
        "evidence": evidence,
        "digest": digest,
        "rows": 0,
    }


def committee_url(name, query=""):
    return lambda w: reverse(name, args=[w["committee"].slug]) + query


def meeting_url(name, *more):
    return lambda w: reverse(name, args=[w["meeting"].pk, *(w[key].pk for key in more)])


def url_of(key):
    return lambda w: w[key].get_absolute_url()


def fixed(url):
    return lambda w: url


def token_url(name, who):
    def url(w):
        token, _ = CalendarToken.objects.get_or_create(user=w[who].user)
        return reverse(name, args=[token.key])

    return url


def api_url(name, key=None):
    return lambda w: reverse(f"opendata:{name}", args=[w[key].pk] if key else [])


SNIPPETS = 1 if connection.vendor == "postgresql" else 0  # PostgreSQL highlights a page's snippets in one query

# Issue 14: search, calendars, feeds and the open-data API (which answers as the public: no user queries).
OPEN_DATA_PAGES = {
    "search_public": ("anonymous", fixed("/search/?q=report"), 3 + SNIPPETS),
    # The public's matches, the others since the oldest kept, the item and action rules on those, the page.
    "search_councillor": ("councillor", fixed("/search/?q=report"), 8 + SNIPPETS),
    "committee_calendar": ("anonymous", committee_url("opendata:committee_calendar"), 2),
    "my_committees_calendar": ("anonymous", token_url("opendata:my_committees_calendar", "councillor"), 3),
    "actions_due_calendar": ("anonymous", token_url("opendata:actions_due_calendar", "officer"), 3),
    "calendars": ("councillor", fixed("/calendars/"), 4),
    "committee_rss": ("anonymous", committee_url("opendata:committee_rss"), 4),
    "committee_atom": ("anonymous", committee_url("opendata:committee_atom"), 4),
    "api_openapi": ("anonymous", api_url("openapi"), 0),
    **{f"api_{name}": ("anonymous", api_url(name), 0) for name in ("system", "bodies", "body", "papers")},
    "api_organizations": ("anonymous", api_url("organizations"), 2),
    "api_organization": ("anonymous", api_url("organization", "committee"), 1),
    "api_people": ("anonymous", api_url("people"), 3),
    "api_person": ("anonymous", api_url("person", "councillor"), 2),
    "api_memberships": ("anonymous", api_url("memberships"), 2),
    "api_membership": (
        "anonymous",
        lambda w: reverse("opendata:membership", args=[w["councillor"].memberships.first().pk]),
        1,
    ),
    "api_meetings": ("anonymous", api_url("meetings"), 4),
    "api_meeting": ("anonymous", api_url("meeting", "meeting"), 3),
    "api_agenda_items": ("anonymous", api_url("agenda_items"), 3),
    "api_agenda_item": ("anonymous", api_url("agenda_item", "item"), 2),
    "api_actions": ("anonymous", api_url("actions"), 3),
    "api_action": ("anonymous", api_url("action", "action"), 2),
    "api_recommendations": ("anonymous", api_url("recommendations"), 3),
    "api_recommendation": ("anonymous", api_url("recommendation", "recommendation"), 2),
}

# page: (who asks, its URL in the world, exact query count) for every page that answers GET.
# Since issue 10g a list of actions reads their committees in a query of its own (Action.objects.with_related():
# joined in, they cost PostgreSQL more planning than the query), one more on each page that lists actions.
PAGES = {
    "home_public": ("anonymous", fixed("/"), 2),
    "home_clerk": ("clerk", fixed("/"), 8),
    "home_councillor": ("councillor", fixed("/"), 7),
    "home_chair": ("chair", fixed("/"), 7),
    "home_officer": ("officer", fixed("/"), 6),
    "login": ("anonymous", fixed("/accounts/login/"), 0),
    "password_reset": ("anonymous", fixed("/accounts/password-reset/"), 0),
    "password_reset_done": ("anonymous", fixed("/accounts/password-reset/sent/"), 0),
    "password_reset_confirm": ("anonymous", fixed("/accounts/reset/MQ/not-a-token/"), 1),
    "password_reset_complete": ("anonymous", fixed("/accounts/reset/done/"), 0),
    "committee_list": ("anonymous", fixed("/committees/"), 1),
    "committee_public": ("anonymous", url_of("committee"), 6),
    "committee_clerk": ("clerk", url_of("committee"), 9),
    # Items' actions bring their discharging meetings in a query of their own (joined, planning cost more).
    # The meeting pages: one query more since issue 11, for the resolutions' named (recorded) votes.
    "meeting_public": ("anonymous", url_of("meeting"), 8),
    "meeting_councillor": ("councillor", url_of("meeting"), 11),
    "meeting_clerk": ("clerk", url_of("meeting"), 17),  # and the count of matters arising not shown; update requests
    "meeting_create": ("clerk", committee_url("meetings:meeting_create"), 4),
    "committee_procedural": ("clerk", committee_url("meetings:committee_procedural"), 4),
    "meeting_edit": ("clerk", meeting_url("meetings:meeting_edit"), 4),
    "item_add": ("clerk", meeting_url("meetings:item_add"), 6),
    "attendee_add": ("clerk", meeting_url("meetings:attendee_add"), 5),
    "substitute_add": ("clerk", meeting_url("meetings:substitute_add"), 7),
    "declaration_add": ("clerk", meeting_url("meetings:declaration_add"), 6),
    "item_redirect": ("anonymous", url_of("item"), 2),
    "item_edit": ("clerk", meeting_url("meetings:item_edit", "item"), 7),
    "item_body": ("clerk", meeting_url("meetings:item_body", "item"), 6),  # without htmx: to the open item
    "resolution_edit": (
        "clerk",
        meeting_url("meetings:resolution_edit", "resolution"),
        7,
    ),  # + members present and their named votes (issue 11)
    "person": ("councillor", url_of("councillor"), 5),
    # No <select> of owners to fill (a type-ahead: owner_suggestions below), and the RAG tiles' count is the
    # paginator's: committees, counts, the page.
    "action_list_public": ("anonymous", fixed("/actions/"), 4),
    "action_list": ("councillor", fixed("/actions/"), 7),
    "action_list_overdue": ("councillor", fixed("/actions/?overdue=on"), 7),
    "action_list_owner": ("councillor", fixed("/actions/?owner=richards"), 7),
    # Without htmx it is the filtered list (a redirect); its htmx answer is counted in test_action_list.py.
    "owner_suggestions": ("councillor", fixed("/actions/owners/?owner=richards"), 0),
    "action_detail_public": ("anonymous", url_of("action"), 5),
    "action_detail_clerk": ("clerk", url_of("action"), 9),
    "action_detail_owner": ("officer", url_of("action"), 9),
    "my_actions": ("officer", fixed("/actions/mine/"), 6),
    "my_committees": ("councillor", fixed("/actions/my-committees/"), 6),
    # The counts of its two capped lists; recommendations; whether older meetings are left out of the choice.
    "brief": ("chair", committee_url("actions:brief"), 22),
    "work_programme": ("clerk", committee_url("meetings:work_programme"), 6),
    "work_programme_member": ("councillor", committee_url("meetings:work_programme"), 6),
    "work_add": ("clerk", committee_url("meetings:work_add"), 4),
    "log_index": ("anonymous", fixed("/actions/log/"), 1),
    # The HTML log adds the page count, and its first meeting with actions and first action (its "earlier years"
    # links: each by its own index).
    # A log page reads its page's ids in order, then those rows whole (actions.models.PagedByIds). A period (this
    # year's, or an earlier year's) reads the committee's meetings in it first, so the rows are found by index.
    "log_public": ("anonymous", committee_url("actions:log", "?show=all"), 7),
    "log_councillor": ("councillor", committee_url("actions:log", "?show=all"), 10),
    "log_default": ("councillor", committee_url("actions:log"), 11),
    "log_earlier_year": ("councillor", committee_url("actions:log", "?year=2020"), 8),  # none that year: no rows read
    "log_csv": ("councillor", committee_url("actions:log_csv", "?show=all"), 5),
    "log_xlsx": ("councillor", committee_url("actions:log_xlsx", "?show=all"), 5),
    "log_discharged": ("councillor", committee_url("actions:log", "?show=discharged"), 11),
    "make_action": ("clerk", lambda w: reverse("actions:make_action", args=[w["resolution"].pk]), 6),
    "import_start": ("clerk", fixed("/actions/import/"), 4),
    "row_controls": ("clerk", lambda w: reverse("actions:row_controls", args=[w["action"].pk]), 4),
    # Issue 12: the owner's page behind the emailed link, evidence, the clerk's chasing pages.
    "chasing_update": ("anonymous", lambda w: w["update_request"].link(), 4),
    "chasing_evidence": ("anonymous", url_of("evidence"), 1),
    "chasing_request_updates": ("clerk", lambda w: reverse("chasing:request_updates", args=[w["meeting"].pk]), 4),
    "chasing_preferences": ("councillor", fixed("/chasing/email-preferences/"), 6),
    "chasing_unsubscribe": (
        "anonymous",
        lambda w: reverse("chasing:unsubscribe", args=[w["digest"].unsubscribe_token()]),
        1,
    ),
    "chasing_unchaseable": ("clerk", fixed("/chasing/owners-who-cannot-be-chased/"), 6),
    "rec_tracker_public": ("anonymous", committee_url("recommendations:tracker"), 4),
    "rec_tracker": ("councillor", committee_url("recommendations:tracker"), 7),
    "rec_tracker_overdue": ("councillor", committee_url("recommendations:tracker", "?show=overdue"), 7),
    "rec_detail_public": ("anonymous", url_of("recommendation"), 3),
    "rec_detail_clerk": ("clerk", url_of("recommendation"), 7),
    "rec_csv": ("councillor", committee_url("recommendations:export_csv"), 5),
    "rec_xlsx": ("anonymous", committee_url("recommendations:export_xlsx", "?show=in_progress"), 2),
    "rec_make": ("clerk", lambda w: reverse("recommendations:make", args=[w["resolution"].pk]), 10),
    "rec_report": ("clerk", committee_url("recommendations:report"), 7),
    **OPEN_DATA_PAGES,
    "favicon": ("anonymous", fixed("/favicon.ico"), 0),  # a redirect to the static icon
    "owner_check": ("clerk", fixed("/actions/owner-check/?owner=richards"), 4),  # the register, read once
}


@pytest.mark.parametrize("who", sorted({who for who, _, _ in PAGES.values()}))
def test_every_page_answers_in_fixed_queries_however_many_rows(request, world, who, django_assert_num_queries):
    # One data set per role, grown once, keeps forty pages' worth of checks to seconds.
    client = request.getfixturevalue(who)
    pages = {page: (url(world), count) for page, (role, url, count) in PAGES.items() if role == who}
    for rows in (SMALL, LARGE):
        grow(world, rows - world["rows"])
        for page, (url, count) in pages.items():
            with django_assert_num_queries(count, info=f"{page} ({url}) with {rows} rows of everything"):
                response = client.get(url)
                content(response)  # an export's rows are read as it streams
                assert response.status_code in (200, 302), page
        # Every page, every role: the strict CSP and the Permissions-Policy (tests/test_failing_well.py).
        assert "script-src 'self'" in response["Content-Security-Policy"], page
        assert "Permissions-Policy" in response, page


def test_every_get_page_has_a_count_and_every_other_route_refuses_get(world, clerk):
    counted = {resolve(urlsplit(url(world)).path).view_name for _, url, _ in PAGES.values()}
    assert counted.isdisjoint(POST_ONLY)
    named = {name: list(pattern.pattern.converters) for name, pattern in patterns() if name}
    assert set(named) == counted | POST_ONLY
    for name in POST_ONLY:
        url = reverse(name, kwargs={param: 1 for param in named[name]})
        assert clerk.get(url).status_code == 405, name


# Issue 10: the clerk's htmx writes from the workspace, five queries fewer each since issue 10b (a second claim
# of the version the row lock had already checked, in a savepoint of its own: three; the action's search entry
# rewritten unchanged; the workspace meeting fetched again when the row already had it as its due or discharging
# meeting). A discharge also reads the meeting chosen in its form and indexes the evidence's words. Since issue
# 10e the row is read once, locked, in the view's own transaction (a savepoint and its release here, where the test
# holds a transaction; BEGIN and COMMIT, not counted, in production), and the verb takes no savepoint of its own;
# and a discharge draws the row with the meeting its form read, when that is the workspace's, without reading it again.
WRITES = {
    "set_rag": (lambda w: {"rag": "red"}, 10),
    "discharge": (lambda w: {"at_meeting": w["meeting"].pk, "evidence": "Report received"}, 11),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_the_clerks_htmx_writes_take_fixed_queries_however_many_rows(world, clerk, name, django_assert_num_queries):
    data, count = WRITES[name]
    for rows in (SMALL, LARGE):
        grow(world, rows - world["rows"])
        action = Action.record(
            committee=world["committee"],
            source_item=world["item"],
            owner=world["owner"],
            text="Write me",
            due_meeting=world["meeting"],
        )
        post = {**data(world), "version": action.version, "workspace_meeting": world["meeting"].pk}
        with django_assert_num_queries(count, info=f"{name} with {rows} rows of everything"):
            response = clerk.post(reverse(f"actions:{name}", args=[action.pk]), post, HTTP_HX_REQUEST="true")
        assert response.status_code == 200 and b"error-summary" not in response.content, name
        action.refresh_from_db()
        assert action.version == 2 and (action.rag == "red" if name == "set_rag" else action.status == "discharged")
