"""A councillor finds what is overdue for their committee in one click, filters in place, opens a timeline.

Also: the officer's in-place update on 'My actions', and the public action log, each checked with axe.
"""

import re

import pytest
from django.core.management import call_command

from tests.browser.helpers import assert_accessible, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CYP = "Children and Young People Scrutiny Committee"


def rows(page):
    return page.locator("#results tbody tr[id^=action-]")


def test_councillor_filters_to_overdue_for_their_committee_and_opens_a_timeline(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "councillor")
    page.screenshot(path=screenshot_dir / "councillor-home.png", full_page=True)
    assert_accessible(page)

    # One click from the home page.
    page.get_by_role("link", name=re.compile(rf"\d+ overdue for {CYP}")).click()
    page.wait_for_selector("#results")
    assert "overdue=on" in page.url and "committee=" in page.url
    assert page.get_by_label("Overdue only").is_checked()
    overdue_count = rows(page).count()
    assert overdue_count > 0
    for row in rows(page).all():
        assert "Overdue" in row.inner_text()
    page.screenshot(path=screenshot_dir / "actions-overdue.png", full_page=True)
    assert_accessible(page)

    # Filtering swaps the table in place (htmx) and keeps the filters in the address bar.
    page.evaluate("window.__notReloaded = true")
    page.get_by_label("Overdue only").uncheck()
    count_rows = "document.querySelectorAll('#results tbody tr[id^=action-]').length"
    wait_until(page, f"{count_rows} > {overdue_count}")
    assert "overdue=on" not in page.url
    page.get_by_label("RAG").select_option("red")
    page.wait_for_url(re.compile(r"rag=red"))
    page.get_by_label("Overdue only").check()
    page.wait_for_url(re.compile(r"overdue=on"))
    wait_until(page, f"{count_rows} <= {overdue_count}")
    assert page.evaluate("window.__notReloaded") is True
    assert rows(page).count() >= 1
    for row in rows(page).all():
        assert "Red" in row.inner_text() and "Overdue" in row.inner_text()

    # Tablet width: each row stays readable.
    page.set_viewport_size({"width": 768, "height": 1024})
    page.screenshot(path=screenshot_dir / "actions-overdue-768.png", full_page=True)
    assert_accessible(page)

    reference = rows(page).first.locator("a.ref").inner_text()
    rows(page).first.locator("a.ref").click()
    page.wait_for_selector("h2#timeline-title")
    assert page.locator("h1").inner_text() == f"Action {reference}"
    entries = page.locator("ol.timeline > li")
    assert entries.count() >= 2
    times = [t.get_attribute("datetime") for t in page.locator("ol.timeline time").all()]
    assert times == sorted(times, reverse=True)
    page.screenshot(path=screenshot_dir / "action-timeline-768.png", full_page=True)
    assert_accessible(page)


def test_filters_work_without_javascript(browser, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/actions/")
    page.get_by_label("RAG").select_option("green")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"rag=green"))
    assert rows(page).count() >= 1
    for row in rows(page).all():
        assert "Green" in row.inner_text()
    context.close()


def test_officer_updates_an_action_in_place(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "officer")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My actions").click()
    page.wait_for_selector("h1:text('My actions')")
    assert_accessible(page)
    card = page.locator("article.card").first
    card_id = card.get_attribute("id")
    card.get_by_label("Progress update").fill("Costs confirmed with the agency; report to follow.")
    card.get_by_label("Proposed RAG rating").select_option("amber")
    page.evaluate("window.__notReloaded = true")
    card.get_by_role("button", name=re.compile("Send update")).click()
    swapped = page.locator(f"#{card_id}")
    swapped.get_by_text("Your update is on the timeline.").wait_for()
    assert page.evaluate("window.__notReloaded") is True
    assert "Costs confirmed with the agency" in swapped.inner_text()
    assert "Amber" in swapped.inner_text()
    page.screenshot(path=screenshot_dir / "officer-my-actions.png", full_page=True)
    assert_accessible(page)


def test_public_action_log_and_list_are_accessible(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    page.goto(live_server.url)
    page.get_by_role("link", name=f"action log for {CYP}").click()
    page.wait_for_selector("h1:text('Action log')")
    page.screenshot(path=screenshot_dir / "public-action-log.png", full_page=True)
    assert_accessible(page)
    page.get_by_label("All actions").check()
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"show=all"))
    assert_accessible(page)
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Show").is_visible()
    page.pdf(path=screenshot_dir / "public-action-log.pdf", format="A4", print_background=True)
    page.emulate_media(media="screen")
    page.goto(f"{live_server.url}/actions/")
    page.screenshot(path=screenshot_dir / "public-actions.png", full_page=True)
    assert_accessible(page)
