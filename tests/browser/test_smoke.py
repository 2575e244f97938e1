"""A clerk signs in with Chromium and the home page passes axe."""

import pytest
from django.core.management import call_command

from tests.browser.helpers import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_signs_in_and_home_page_is_accessible(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "clerk")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Hello, Kelly Barnett"
    assert page.get_by_role("heading", name="Upcoming meetings").is_visible()
    page.screenshot(path=screenshot_dir / "home-clerk.png", full_page=True)
    assert_accessible(page)


def test_public_home_is_accessible(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    page.goto(live_server.url)
    assert page.get_by_role("heading", name="Recently published minutes").is_visible()
    page.screenshot(path=screenshot_dir / "home-public.png", full_page=True)
    assert_accessible(page)
