"""Every page each role can open passes axe, and the list pages fit a 768 px tablet without sideways scrolling.

The pages come from the demo council; a companion test checks the plan against the URL confs, so a new
page cannot be added without being visited here (or declared POST-only or a download).
"""

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import resolve, reverse

from actions.models import Action
from core import clock
from meetings.models import Committee, Meeting, Person, Resolution
from recommendations.models import Body, Recommendation
from tests.browser.helpers import sign_in
from tests.browser.test_import_journey import MINUTES
from tests.routes import POST_ONLY, route_names

pytestmark = pytest.mark.django_db(transaction=True)

ROLES = ["anonymous", "councillor", "chair", "officer", "clerk"]
COUNCIL_USERS = ROLES[1:]
TABLET = {"width": 768, "height": 1024}
# Sub-pixel rounding of borders; anything more is a real sideways scroll.
SCROLL_TOLERANCE = 2

DOWNLOADS = {
    "actions:log_csv",
    "actions:log_xlsx",
    "chasing:evidence",
    "recommendations:export_csv",
    "recommendations:export_xlsx",
    "favicon",
}
# Calendars, feeds and the open-data API: files and JSON for programs, not pages (their own tests parse them).
DOWNLOADS |= {
    f"opendata:{name}"
    for name in (
        *("committee_calendar", "my_committees_calendar", "actions_due_calendar", "committee_rss", "committee_atom"),
        *("openapi", "system", "bodies", "body", "papers", "organizations", "organization", "people", "person"),
        *("memberships", "membership", "meetings", "meeting", "agenda_items", "agenda_item", "actions", "action"),
        *("recommendations", "recommendation"),
    )
}
FRIENDLY = {403: "You cannot open this page", 404: "Page not found"}


@dataclass
class Visit:
    label: str
    path: str
    status: int = 200
    # A list or reading page a councillor opens on a tablet: it must not scroll sideways at 768 px.
    tablet: bool = False
    # The site's own 403/404 page; False for a page that explains a refusal itself (a dead update link).
    friendly: bool = True


def add_a_second_page_of_actions():
    """The demo holds fewer actions than a page; enough more that the list has a page 2 to check."""
    resolution = Resolution.objects.filter(item__meeting__status=Meeting.Status.PUBLISHED, item__exempt=False).last()
    owner = Person.objects.get(user__username="officer")
    meeting = resolution.item.meeting
    for n in range(1, 27):
        Action.record(
            committee=meeting.committee,
            text=f"Extra follow-up {n} on the improvement plan",
            source_item=resolution.item,
            source_resolution=resolution,
            owner=owner,
            created_at=meeting.starts_at,
        )


ADDED_REPORT = "Review of school exclusions"


def add_recommendations():
    """Recommendations to Cabinet at every stage, one of them made in private (the demo's are all public)."""
    cabinet = Body.objects.get_or_create(name="Cabinet")[0]
    cyp = Committee.objects.get(short_name="CYP")
    first = cyp.meetings.filter(status=Meeting.Status.PUBLISHED).order_by("starts_at").first()
    item = first.items.filter(exempt=False).order_by("order").last()
    texts = ["Publish exclusion figures each term", "Fund two more social workers", "Write to the Minister"]
    waiting, going, done = Recommendation.make_report(item, ADDED_REPORT, texts, cabinet)
    for recommendation in (going, done):
        recommendation.record_response("accepted", "Agreed.", "Cabinet", first.date)
    going.set_plan("Recruit two social workers", "Head of Children's Services", clock.today())
    going.add_progress("Adverts out", "green")
    done.record_outcome("implemented", "Letter sent", on=clock.today())
    exempt = Action.objects.filter(source_item__exempt=True).first().source_item
    Recommendation.make(source_item=exempt, body=cabinet, text="Renegotiate the contract")


def load_demo():
    call_command("load_demo", verbosity=0)
    add_a_second_page_of_actions()
    add_recommendations()
    # An owner's proposed RAG, waiting for the clerk: "proposed Red" on the lists, accept/reject on the page.
    Action.objects.outstanding().filter(owner__user__username="officer").exclude(rag="red").first().propose_rag("red")


def pages_for(role):
    """Every GET page `role` can open, with what the server should answer."""
    cyp = Committee.objects.get(short_name="CYP")
    hsc = Committee.objects.get(short_name="HSC")
    published = cyp.meetings.filter(status=Meeting.Status.PUBLISHED).order_by("starts_at")
    # HSC's first published meeting: the one with actions (the demo's later one made a recommendation to a trust).
    hsc_published = hsc.meetings.filter(status=Meeting.Status.PUBLISHED).order_by("starts_at")
    first, hsc_meeting = published.first(), hsc_published.first()
    draft = cyp.meetings.get(status=Meeting.Status.MINUTES_DRAFT)
    upcoming = cyp.next_meeting()
    discharged = Action.objects.filter(status=Action.Status.DISCHARGED, source_item__meeting=first).first()
    public_overdue = Action.objects.overdue().filter(source_item__meeting=hsc_meeting).first()
    with_timeline = Action.objects.filter(source_item__meeting=first, updates__kind="update").first()
    owner_overdue = Action.objects.overdue().filter(source_item__meeting=draft, owner__user__username="officer").first()
    exempt_action = Action.objects.filter(source_item__exempt=True).first()
    published_item = first.items.order_by("order").last()
    draft_item = draft.items.order_by("order").last()
    draft_resolution = Resolution.objects.filter(item__meeting=draft, item__exempt=False).last()
    officer = Person.objects.get(user__username="officer")
    chair = Person.objects.get(user__username="chair")
    signed_in = role != "anonymous"
    asked = ask_for_updates(upcoming)
    added = Recommendation.objects.filter(report_title=ADDED_REPORT)  # add_recommendations(), beside the demo's
    in_progress = added.in_progress().get()
    awaiting = added.awaiting_response().get()
    rejected = Recommendation.objects.filter(response=Recommendation.Response.REJECTED).first()

    visits = [
        Visit("home", "/", tablet=True),
        Visit("committees", reverse("meetings:committees"), tablet=True),
        Visit("committee CYP", cyp.get_absolute_url(), tablet=True),
        Visit("committee HSC", hsc.get_absolute_url(), tablet=True),
        Visit("published meeting", first.get_absolute_url(), tablet=True),
        Visit("published meeting HSC", hsc_meeting.get_absolute_url(), tablet=True),
        Visit("item redirect", reverse("meetings:item", args=[first.pk, published_item.pk])),
        Visit("outstanding actions", reverse("actions:list"), tablet=True),
        Visit("actions: overdue for CYP", f"{reverse('actions:list')}?committee={cyp.slug}&overdue=on", tablet=True),
        Visit("actions: red, by RAG", f"{reverse('actions:list')}?rag=red&sort=rag", tablet=True),
        Visit("actions: search", f"{reverse('actions:list')}?q=plan&sort=age", tablet=True),
        Visit("actions: due by next meeting", f"{reverse('actions:list')}?due_next=on", tablet=True),
        Visit("actions: nothing matches", f"{reverse('actions:list')}?q=zzzz-no-such-action", tablet=True),
        Visit("actions: page 2", f"{reverse('actions:list')}?page=2", tablet=True),
        Visit("owner type-ahead without JavaScript", f"{reverse('actions:owner_suggestions')}?owner=richards"),
        Visit("action discharged", reverse("actions:detail", args=[discharged.pk]), tablet=True),
        Visit("action overdue", reverse("actions:detail", args=[public_overdue.pk]), tablet=True),
        Visit("action with timeline", reverse("actions:detail", args=[with_timeline.pk]), tablet=True),
        Visit("action log index", reverse("actions:log_index"), tablet=True),
        Visit("action log", reverse("actions:log", args=[cyp.slug]), tablet=True),
        Visit("action log: all", f"{reverse('actions:log', args=[cyp.slug])}?show=all", tablet=True),
        Visit("action log: discharged", f"{reverse('actions:log', args=[cyp.slug])}?show=discharged", tablet=True),
        Visit("recommendations", reverse("recommendations:tracker", args=[cyp.slug]), tablet=True),
        Visit(
            "recommendations: in progress",
            f"{reverse('recommendations:tracker', args=[cyp.slug])}?show=in_progress",
            tablet=True,
        ),
        Visit("recommendation in progress", reverse("recommendations:detail", args=[in_progress.pk]), tablet=True),
        Visit("recommendation awaiting", reverse("recommendations:detail", args=[awaiting.pk]), tablet=True),
        Visit("recommendation rejected (demo)", reverse("recommendations:detail", args=[rejected.pk]), tablet=True),
        Visit("search: recommendations", f"{reverse('search:search')}?q=school&kind=recommendation", tablet=True),
        Visit("search", f"{reverse('search:search')}?q=plan", tablet=True),
        Visit("search: nothing typed", reverse("search:search"), tablet=True),
        Visit(
            "search: filtered",
            f"{reverse('search:search')}?q=report&kind=resolution&committee={cyp.slug}&date_from=2020-01-01",
            tablet=True,
        ),
        Visit(
            "search: dates the wrong way round",
            f"{reverse('search:search')}?q=plan&date_from=2024-05-02&date_to=2024-05-01",
        ),
        Visit("search: page 2", f"{reverse('search:search')}?q=plan&page=2", tablet=True),
        Visit("404 page", "/no-such-page/", status=404),
        Visit("404 unknown action", reverse("actions:detail", args=[999999]), status=404),
    ]
    if not signed_in:
        return visits + [
            Visit("login page", reverse("login")),
            Visit("forgotten password", reverse("password_reset")),
            Visit("reset link sent", reverse("password_reset_done")),
            Visit("reset link expired", "/accounts/reset/MQ/not-a-token/"),
            Visit("password changed", reverse("password_reset_complete")),
            Visit("draft meeting is 404", draft.get_absolute_url(), status=404),
            Visit("person → login", reverse("meetings:person", args=[officer.pk])),
            Visit("my actions → login", reverse("actions:mine")),
            Visit("brief → login", reverse("actions:brief", args=[cyp.slug])),
            Visit("work programme → login", reverse("meetings:work_programme", args=[cyp.slug])),
            Visit("import → login", reverse("actions:import_start")),
            Visit("403 page", reverse("meetings:meeting_create", args=[cyp.slug]), status=403),
            Visit("owner's update link", asked.link(), tablet=True),
            Visit("update link not valid", reverse("chasing:update", args=["x"]), status=403, friendly=False),
            Visit("digest unsubscribe", reverse("chasing:unsubscribe", args=[digest_token()])),
            Visit("email preferences → login", reverse("chasing:preferences")),
            Visit("your calendars → login", reverse("opendata:calendars")),
        ]
    # Need to know: the demo officer sits on no committee, so another committee's brief, work programme and
    # a meeting she has no stake in are refused her (403, or 404 where she is not told it exists).
    member = role != "officer"

    def for_members_of(committee):
        sits_on = committee.memberships.current().filter(person__user__username=role).exists()
        return 200 if role == "clerk" or sits_on else 403

    member_page = for_members_of(cyp)
    visits += [
        Visit("draft meeting", draft.get_absolute_url(), tablet=True),
        Visit("next meeting", upcoming.get_absolute_url(), tablet=True, status=200 if member else 404),
        Visit("draft item redirect", reverse("meetings:item", args=[draft.pk, draft_item.pk])),
        Visit("person officer", reverse("meetings:person", args=[officer.pk])),
        Visit("person chair", reverse("meetings:person", args=[chair.pk])),
        Visit("action overdue, owned by officer", reverse("actions:detail", args=[owner_overdue.pk]), tablet=True),
        Visit("action from exempt item", reverse("actions:detail", args=[exempt_action.pk]), tablet=True),
        Visit("my actions", reverse("actions:mine"), tablet=True),
        Visit("my committees", reverse("actions:my_committees"), tablet=True),
        Visit("your calendars", reverse("opendata:calendars"), tablet=True),
        Visit("brief, next meeting", reverse("actions:brief", args=[cyp.slug]), tablet=True, status=member_page),
        Visit(
            "brief, older meeting",
            f"{reverse('actions:brief', args=[cyp.slug])}?meeting={first.pk}",
            tablet=True,
            status=member_page,
        ),
        Visit("brief HSC", reverse("actions:brief", args=[hsc.slug]), tablet=True, status=for_members_of(hsc)),
        Visit("work programme", reverse("meetings:work_programme", args=[cyp.slug]), tablet=True, status=member_page),
        Visit("email preferences", reverse("chasing:preferences")),
    ]
    if role != "clerk":
        return visits + [
            Visit("403 import", reverse("actions:import_start"), status=403),
            Visit("403 item edit", reverse("meetings:item_edit", args=[draft.pk, draft_item.pk]), status=403),
        ]
    upcoming_item = upcoming.items.order_by("order").first()
    proposed = Action.objects.exclude(proposed_rag="").first()
    return visits + [
        Visit("import start", reverse("actions:import_start")),
        Visit("form: schedule a meeting", reverse("meetings:meeting_create", args=[cyp.slug])),
        Visit("form: procedural items", reverse("meetings:committee_procedural", args=[cyp.slug])),
        Visit("form: add to the work programme", reverse("meetings:work_add", args=[cyp.slug])),
        Visit("form: meeting details", reverse("meetings:meeting_edit", args=[upcoming.pk])),
        Visit("form: add item", reverse("meetings:item_add", args=[upcoming.pk])),
        Visit("form: edit item", reverse("meetings:item_edit", args=[upcoming.pk, upcoming_item.pk])),
        Visit("form: edit exempt item", reverse("meetings:item_edit", args=[draft.pk, exempt_action.source_item_id])),
        Visit("form: edit resolution", reverse("meetings:resolution_edit", args=[draft.pk, draft_resolution.pk])),
        Visit("form: also in attendance", reverse("meetings:attendee_add", args=[draft.pk])),
        Visit("form: substitute", reverse("meetings:substitute_add", args=[draft.pk])),
        Visit("form: declaration", reverse("meetings:declaration_add", args=[draft.pk])),
        Visit("form: make an action", reverse("actions:make_action", args=[draft_resolution.pk])),
        Visit("form: make a recommendation", reverse("recommendations:make", args=[draft_resolution.pk])),
        Visit("form: task-and-finish report", reverse("recommendations:report", args=[cyp.slug])),
        # Without JavaScript, "Update, RAG, discharge" leads to the action's page and its controls.
        Visit("action controls without JavaScript", reverse("actions:row_controls", args=[exempt_action.pk])),
        Visit("form: request updates", reverse("chasing:request_updates", args=[upcoming.pk])),
        Visit("owners who cannot be chased", reverse("chasing:unchaseable"), tablet=True),
        # The workspace's states (issue 11): one item open, and Edit agenda mode.
        Visit("workspace: an item open", f"{upcoming.get_absolute_url()}?item={upcoming_item.pk}", tablet=True),
        Visit("workspace: edit agenda", f"{upcoming.get_absolute_url()}?edit=1&item={upcoming_item.pk}", tablet=True),
        Visit(
            "workspace: draft, item open", f"{draft.get_absolute_url()}?item={draft_resolution.item_id}", tablet=True
        ),
        # An item's body address, followed without JavaScript: the workspace with that item open.
        Visit("workspace: item body address", reverse("meetings:item_body", args=[draft.pk, draft_resolution.item_id])),
        Visit("owner check without JavaScript", f"{reverse('actions:owner_check')}?owner=Richards"),
        Visit("action with a proposed RAG", reverse("actions:detail", args=[proposed.pk]), tablet=True),
    ]


def ask_for_updates(meeting):
    """An update request (issue 12): its link's page for the owner, and a row on the workspace panel."""
    from chasing.models import UpdateRequest

    owner = Person.objects.get(user__username="officer")
    asked = UpdateRequest.objects.filter(owner=owner, meeting=meeting).first()
    if asked is None:
        asked = UpdateRequest.objects.create(owner=owner, meeting=meeting, reply_by=meeting.date)
        asked.actions.set(Action.objects.outstanding().filter(owner=owner)[:3])
    return asked


def digest_token():
    from django.contrib.auth.models import User

    from chasing.models import DigestSubscription

    subscription, _ = DigestSubscription.objects.get_or_create(user=User.objects.get(username="councillor"))
    return subscription.unsubscribe_token()


SQUEEZED_TABLES = f"""[...document.querySelectorAll('table')]
  .map(t => t.closest('.table-wrapper') || t)
  .filter(box => box.scrollWidth > box.clientWidth + {SCROLL_TOLERANCE})
  .map(box => (box.querySelector('caption') || box).textContent.trim().slice(0, 60))"""


def check(page, visit, problems, tablet_check=True):
    if visit.tablet and tablet_check:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > TABLET["width"] + SCROLL_TOLERANCE:
            problems.append(f"{visit.label} ({visit.path}): scrolls sideways at 768 px (scrollWidth {scroll_width})")
        # A table may not hide its overflow in its own scroll box either: a councillor would miss the columns.
        squeezed = page.evaluate(SQUEEZED_TABLES)
        if squeezed:
            problems.append(f"{visit.label} ({visit.path}): tables scroll inside their box at 768 px: {squeezed}")
    results = Axe().run(page)
    if results.violations_count:
        problems.append(f"{visit.label} ({visit.path}):\n{results.generate_report()}")


def confirm_status_changes(page, live_server, problems):
    """Publishing and cancelling are asked about on pages that only answer a POST: open each, then ask axe."""
    cyp = Committee.objects.get(short_name="CYP")
    for meeting, button in (
        (cyp.meetings.get(status=Meeting.Status.MINUTES_DRAFT), "Publish minutes"),
        (cyp.next_meeting(), "Cancel this meeting"),
    ):
        page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
        page.get_by_role("button", name=button).click()
        page.wait_for_selector("#consequences")
        check(page, Visit(f"confirm: {button}", page.url, tablet=True), problems)


def review_an_import(page, live_server, problems):
    """The clerk's review screen only exists as the answer to a POST: paste minutes, then ask axe."""
    page.goto(f"{live_server.url}{reverse('actions:import_start')}")
    page.get_by_label("Or paste the minutes").fill(MINUTES)
    page.get_by_role("button", name="Read the minutes").click()
    page.wait_for_selector("h1")
    visit = Visit("import review", page.url, tablet=True)
    if page.locator("h1").inner_text() != "Check the imported minutes":
        problems.append(f"import review: expected the review page, got {page.locator('h1').inner_text()!r}")
    check(page, visit, problems, tablet_check=False)


@pytest.mark.browser
@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe_and_fits_a_tablet(browser, live_server, screenshot_dir, role):
    load_demo()
    context = browser.new_context(viewport=TABLET)
    page = context.new_page()
    if role != "anonymous":
        sign_in(page, live_server, role)
    problems = []
    for visit in pages_for(role):
        response = page.goto(f"{live_server.url}{visit.path}")
        if response.status != visit.status:
            problems.append(f"{visit.label} ({visit.path}): HTTP {response.status}, expected {visit.status}")
            continue
        if visit.status in FRIENDLY and visit.friendly and page.locator("h1").inner_text() != FRIENDLY[visit.status]:
            problems.append(f"{visit.label} ({visit.path}): not the site's own {visit.status} page")
        check(page, visit, problems)
        if visit.label in ("home", "action log", "search", "committee CYP", "your calendars"):
            name = visit.label.replace(" ", "-")
            page.screenshot(path=screenshot_dir / f"a11y-{name}-{role}-768.png", full_page=True)
        elif visit.status != 200 and role in ("anonymous", "officer"):
            page.screenshot(path=screenshot_dir / f"a11y-{visit.status}-{role}-768.png")
    if role == "clerk":
        review_an_import(page, live_server, problems)
        confirm_status_changes(page, live_server, problems)
    context.close()
    assert not problems, f"{len(problems)} problem(s) for {role}:\n\n" + "\n\n".join(problems)


FOCUSED = """(() => {
  const el = document.activeElement, s = getComputedStyle(el), box = el.getBoundingClientRect();
  return {text: el.innerText || el.id, background: s.backgroundColor, outline: `${s.outlineStyle} ${s.outlineWidth}`,
          onScreen: box.left >= 0 && box.top >= 0 && box.width > 0};
})()"""


@pytest.mark.browser
def test_keyboard_focus_is_visible(page, live_server):
    page.goto(live_server.url)
    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUSED)
    assert skip["text"] == "Skip to main content" and skip["onScreen"], skip
    page.keyboard.press("Tab")
    link = page.evaluate(FOCUSED)
    assert link["text"].startswith("Scrutiny") and link["background"] == "rgb(255, 221, 0)", link

    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Password").focus()
    page.keyboard.press("Shift+Tab")
    field = page.evaluate(FOCUSED)
    assert field["text"] == "id_username" and field["outline"] == "solid 3px", field
    page.get_by_label("Password").fill("x")
    page.keyboard.press("Tab")
    button = page.evaluate(FOCUSED)
    assert button["text"] == "Sign in" and button["background"] == "rgb(255, 221, 0)", button


def test_the_plan_visits_every_get_page_in_the_url_confs():
    load_demo()
    visited = set()
    for role in ROLES:
        for visit in pages_for(role):
            match = resolve(visit.path.split("?")[0]) if visit.status != 404 else None
            if match:
                visited.add(match.view_name)
    visited.add("actions:import_start")  # and the review page it answers with, in review_an_import
    every = route_names()
    assert every - POST_ONLY - DOWNLOADS - visited == set()
