"""The chair opens the brief for the next meeting and prints it to an A4 PDF."""

import re

import pytest
from django.core.management import call_command

from tests.browser.helpers import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chair_opens_the_brief_for_the_next_meeting_and_prints_it(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "chair")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My committees").click()
    page.wait_for_selector("h1:text('My committees')")
    page.screenshot(path=screenshot_dir / "chair-my-committees.png", full_page=True)
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Pre-meeting brief")).first.click()
    page.wait_for_selector("h2#agenda-title")
    for heading in (
        "Agenda as it stands",
        "Standing items",
        "Actions due at this meeting or overdue",
        "Completed, awaiting the committee's discharge",
        "Work programme items for this meeting",
        "Previous minutes to approve",
        "Declarations made at the last meeting",
    ):
        assert page.get_by_role("heading", name=heading).is_visible(), heading
    assert page.locator("#due-title + .table-wrapper tbody tr[id^=brief-action-]").count() > 0
    page.screenshot(path=screenshot_dir / "chair-brief.png", full_page=True)
    assert_accessible(page)

    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not page.get_by_role("button", name="Show brief").is_visible()
    page.pdf(path=screenshot_dir / "chair-brief.pdf", format="A4", print_background=True)
    assert (screenshot_dir / "chair-brief.pdf").stat().st_size > 10_000
