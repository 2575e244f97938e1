"""The clerk schedules a "to be confirmed" promise from the work programme onto the next meeting:
it is on that agenda and the chair's brief at once, and the meeting scheduled after it does not repeat it."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Committee, Meeting, WorkProgrammeItem
from tests.browser.helpers import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROMISE = "School exclusions and managed moves"


def test_clerk_schedules_a_to_be_confirmed_promise_onto_the_next_meeting(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    cyp = Committee.objects.get(short_name="CYP")
    next_meeting = cyp.next_meeting()
    sign_in(page, live_server, "clerk")

    page.goto(f"{live_server.url}{cyp.get_absolute_url()}")
    page.get_by_role("link", name="Work programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Work programme")
    page.get_by_label("What is promised").fill(PROMISE)
    page.get_by_role("button", name="Add to the work programme").click()
    row = page.locator("#work-programme tbody tr", has_text=PROMISE)
    expect(row).to_contain_text("A future meeting (date to be confirmed)")
    expect(row).to_contain_text("Planned")
    page.screenshot(path=screenshot_dir / "work-programme.png", full_page=True)
    assert_accessible(page)

    # Schedule it (in place, with htmx) onto the next meeting.
    page.evaluate("window.__marker = 1")
    row.get_by_text("Schedule").click()
    row.get_by_label("Put it on the agenda of").select_option(label=f"{next_meeting.date:%A %-d %B %Y}")
    row.get_by_role("button", name="Add to that agenda").click()
    row = page.locator(f"#work-{WorkProgrammeItem.objects.get(title=PROMISE).pk}")
    expect(row.get_by_role("status")).to_contain_text("is now item")
    expect(row).to_contain_text("On an agenda")
    assert page.evaluate("window.__marker") == 1  # swapped in place, not a reload
    page.screenshot(path=screenshot_dir / "work-programme-scheduled.png", full_page=True)
    assert_accessible(page)

    # It is on that meeting's agenda and in the chair's brief for it.
    row.get_by_role("link", name="item").click()
    expect(page.locator("#agenda")).to_contain_text(PROMISE)
    page.goto(f"{live_server.url}/actions/brief/{cyp.slug}/")
    work_section = page.locator("section[aria-labelledby=work-title]")
    expect(work_section).to_contain_text(PROMISE)
    expect(work_section).to_contain_text("on the agenda as item")
    page.screenshot(path=screenshot_dir / "work-programme-in-brief.png", full_page=True)

    # The meeting after that is scheduled: the promise is not repeated on its agenda.
    later = timezone.localdate() + datetime.timedelta(days=60)
    page.goto(f"{live_server.url}{cyp.get_absolute_url()}")
    page.get_by_role("link", name="Schedule a meeting").click()
    # The GOV.UK date input: day, month and year boxes (issue 11).
    page.get_by_label("Day", exact=True).fill(str(later.day))
    page.get_by_label("Month", exact=True).fill(str(later.month))
    page.get_by_label("Year", exact=True).fill(str(later.year))
    page.get_by_label("Start time").fill("17:30")
    page.get_by_role("button", name="Schedule meeting").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Meeting of")
    expect(page.locator("#agenda")).not_to_contain_text(PROMISE)
    later_meeting = Meeting.objects.get(committee=cyp, starts_at__date=later)
    assert not later_meeting.items.filter(title=PROMISE).exists()
    assert next_meeting.items.filter(title=PROMISE).count() == 1
