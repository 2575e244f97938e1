"""A clerk signs in with Chromium and the home page passes axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username, password="demo"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_clerk_signs_in_and_home_page_is_accessible(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "clerk")
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Hello, Kelly Barnett"
    assert page.get_by_role("heading", name="Upcoming meetings").is_visible()
    page.screenshot(path=screenshot_dir / "home-clerk.png", full_page=True)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_public_home_is_accessible(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    page.goto(live_server.url)
    assert page.get_by_role("heading", name="Recently published minutes").is_visible()
    page.screenshot(path=screenshot_dir / "home-public.png", full_page=True)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
