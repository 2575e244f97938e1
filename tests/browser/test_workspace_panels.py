"""The workspace's add-forms load when their panel opens, and still save in place."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from meetings.models import Committee
from tests.browser.helpers import assert_accessible, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_adds_an_officer_and_an_item_from_panels_loaded_on_demand(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    meeting = Committee.objects.get(short_name="CYP").next_meeting()
    sign_in(page, live_server, "clerk")
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.evaluate("window.__marker = 1")

    attendance = page.locator("#attendance")
    attendance.get_by_text("Add an officer or cabinet member").click()
    attendance.get_by_label("From the people register").select_option(label="Jacqui Dennis")
    attendance.get_by_role("button", name="Add").click()
    expect(page.locator("#attendance")).to_contain_text("Jacqui Dennis")

    page.get_by_text("Add an agenda item").click()
    add_item = page.locator("#add-item")
    add_item.get_by_label("Title").fill("Youth Justice Plan")
    add_item.get_by_role("button", name="Add item").click()
    expect(page.locator("#agenda")).to_contain_text("Youth Justice Plan")
    # Focus moves to the new item (opened), and the polite live region says what changed (issue 11).
    wait_until(page, "document.activeElement.classList.contains('item-toggle')")
    assert "Youth Justice Plan" in page.evaluate("document.activeElement.textContent")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    expect(page.locator("#workspace-announcer[aria-live=polite]")).to_contain_text(
        "Youth Justice Plan added and opened"
    )

    assert page.evaluate("window.__marker") == 1, "a panel reloaded the page"
    assert meeting.attendances.filter(person__name="Jacqui Dennis", status="in_attendance").exists()
    assert meeting.items.filter(title="Youth Justice Plan").exists()
    page.screenshot(path=screenshot_dir / "workspace-panels.png")
    assert_accessible(page)
