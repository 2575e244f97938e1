"""The clerk runs a meeting in Chromium on the demo council, with every in-place edit done without a reload."""

import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from actions.models import Action
from meetings.models import Meeting
from tests.browser.helpers import assert_accessible, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_runs_a_meeting_from_agenda_to_published_minutes(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "clerk")

    # Create the meeting being held today: the agenda arrives with its procedural and standing items (the
    # demo's work-programme promises are already on the agenda of the meeting scheduled after it).
    page.goto(f"{live_server.url}/committees/children-and-young-people-scrutiny-committee/")
    page.get_by_role("link", name="Schedule a meeting").click()
    # The GOV.UK date input: day, month and year boxes (issue 11).
    page.get_by_label("Day", exact=True).fill(str(timezone.localdate().day))
    page.get_by_label("Month", exact=True).fill(str(timezone.localdate().month))
    page.get_by_label("Year", exact=True).fill(str(timezone.localdate().year))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("12:00")
    page.get_by_role("button", name="Schedule meeting").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meeting of")
    meeting = Meeting.objects.get(starts_at__date=timezone.localdate(), committee__short_name="CYP")
    assert page.url.endswith(meeting.get_absolute_url())
    page.evaluate("window.__marker = 1")

    # Attendance, one click each; focus stays on the button just pressed.
    attendance = page.locator("#attendance")
    attendance.get_by_role("button", name="In the Chair (Cllr S Wright)").click()
    expect(attendance.get_by_role("status")).to_have_text("Cllr S Wright: in the Chair.")
    attendance.get_by_role("button", name="Present (Cllr C Boles)").click()
    expect(attendance.get_by_role("status")).to_have_text("Cllr C Boles: present.")
    # Focus returns to the pressed button (after htmx settles), so the keyboard user carries on from there.
    wait_until(page, "document.activeElement && document.activeElement.getAttribute('aria-pressed') === 'true'")
    assert page.evaluate("document.activeElement.textContent") == "Present (Cllr C Boles)"
    attendance.get_by_role("button", name="Apologies (Cllr S Butler)").click()
    expect(attendance.get_by_role("status")).to_have_text("Cllr S Butler: apologies.")

    # A declaration of interest.
    declarations = page.locator("#declarations")
    declarations.get_by_text("Record a declaration").click()  # the form loads when its panel opens
    declarations.get_by_label("Person").select_option(label="Cllr C Boles")
    declarations.get_by_label("Type").select_option(label="Personal")
    declarations.get_by_label("The interest").fill("Trustee of a local care leavers' charity.")
    declarations.get_by_role("button", name=re.compile("^Record")).click()
    expect(declarations.get_by_role("status")).to_have_text("Declaration by Cllr C Boles recorded.")

    # The outcome of the standing Ofsted item: minutes, then a resolution.
    item = page.locator("section.agenda-item", has=page.get_by_role("heading", name=re.compile("Ofsted improvement")))
    item.get_by_role("link", name=re.compile("Ofsted improvement")).click()  # items open one at a time
    item.get_by_label("Minutes").fill("Jeanette Richards presented the first highlight report. Members welcomed it.")
    item.get_by_role("button", name=re.compile("Save minutes")).click()
    expect(item.get_by_text("Saved at")).to_be_visible()
    item.get_by_label("Resolution").fill("A report on recruitment of social workers be brought to the next meeting.")
    item.get_by_label("Resolution").press("Control+Enter")  # the keyboard way to add it
    resolution = item.locator("ol.resolutions > li").first
    expect(resolution).to_contain_text("recruitment of social workers")

    # Make that resolution an action with an owner from the type-ahead and a due meeting.
    resolution.get_by_role("link", name=re.compile("Make this an action")).click()
    owner = resolution.get_by_label("Owner")
    expect(owner).to_be_visible()
    owner.fill("Jeanette Richards, Executive Director of Children and Young People")
    resolution.get_by_label("Due at meeting").select_option(value="next")
    resolution.get_by_label("RAG").select_option(label="Amber")
    resolution.get_by_role("button", name="Save").click()
    expect(resolution.get_by_role("status")).to_contain_text("recorded")
    made = Action.objects.get(source_resolution__item__meeting=meeting)
    assert made.owner.name == "Jeanette Richards" and made.due_meeting.starts_at > meeting.starts_at
    expect(item.locator(f"#action-{made.pk}")).to_contain_text("Amber")

    # Discharge an older, overdue action among the matters arising.
    older = page.locator("#matters .action-row", has_text="Audit activity of the service")
    older.get_by_role("link", name=re.compile("^Update, RAG, discharge")).click()  # controls load on demand
    older.get_by_label("Evidence").fill("Audit summary shared with members at this meeting.")
    discharged_on = older.get_by_role("group", name="Discharged on")  # Day, Month, Year: the meeting's day
    typed = [discharged_on.get_by_label(box, exact=True).input_value() for box in ("Day", "Month", "Year")]
    assert typed == [str(meeting.date.day), str(meeting.date.month), str(meeting.date.year)]
    older.screenshot(path=screenshot_dir / "clerk-discharge-controls.png")
    older.get_by_role("button", name="Discharge").click()
    older = page.locator("#matters .action-row", has_text="Audit activity of the service")
    expect(older.get_by_role("status")).to_contain_text("Discharged.")
    expect(older).to_contain_text(f"Discharged at the meeting of {meeting.starts_at:%-d %b %Y}")

    assert page.evaluate("window.__marker") == 1, "an in-place edit reloaded the page"
    page.screenshot(path=screenshot_dir / "clerk-workspace-after-edits.png", full_page=True)
    assert_accessible(page)

    # Publish: a page-level change, so a normal form post.
    page.get_by_role("button", name="Mark as held").click()
    page.get_by_role("button", name="Start draft minutes").click()
    page.get_by_role("button", name="Publish minutes").click()
    # Publishing asks first, saying who will see what (issue 11).
    expect(page.locator("#consequences")).to_contain_text("Anyone, signed in or not")
    page.screenshot(path=screenshot_dir / "clerk-confirm-publish.png", full_page=True)
    assert_accessible(page)
    page.get_by_role("button", name="Yes, publish the minutes").click()
    expect(page.get_by_role("status").first).to_contain_text("Published")
    page.reload()
    assert_accessible(page)
    page.screenshot(path=screenshot_dir / "clerk-workspace-published.png", full_page=False)

    # The public now sees the minutes, attendance, declaration, resolution and action.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    for text in (
        "Cllr S Wright (in the Chair)",
        "Trustee of a local care leavers",
        "Members welcomed it.",
        "recruitment of social workers",
        made.reference,
    ):
        expect(page.get_by_text(text).first).to_be_visible()
    page.screenshot(path=screenshot_dir / "public-published-meeting.png", full_page=True)
    assert_accessible(page)


def test_workspace_of_the_demo_next_meeting_is_accessible(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "clerk")
    meeting = Meeting.objects.filter(committee__short_name="CYP").upcoming().first()
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}?edit=1")  # Edit agenda mode: the item tools show
    # Open one set of action controls and one swapped-in edit form so axe sees them too.
    page.locator("#matters .action-row").first.get_by_role("link", name=re.compile("^Update, RAG, discharge")).click()
    expect(page.locator("#matters .action-row details[open]").first).to_be_visible()
    page.locator(".item-head").first.get_by_role("link", name=re.compile("^Edit")).click()
    expect(page.locator(".item-head form").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "clerk-workspace-next-meeting.png", full_page=True)
    assert_accessible(page)
