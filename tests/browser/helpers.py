"""What every browser test does: sign in through the real login form, and ask axe about the page."""

import time

from axe_playwright_python.sync_playwright import Axe


def sign_in(page, live_server, username, password="demo"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector("h1")


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def wait_until(page, expression, timeout=10):
    """Poll a JavaScript expression until it is true. Playwright's wait_for_function builds its predicate
    with eval, which the strict CSP (rightly) blocks; page.evaluate goes through the DevTools protocol."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for: {expression}"
        time.sleep(0.05)


def fill_date(scope, legend, day):
    """Type a date into a GOV.UK date input (core/date_input.py): the Day, Month and Year boxes under its legend."""
    group = scope.get_by_role("group", name=legend)
    for box, part in (("Day", day.day), ("Month", day.month), ("Year", day.year)):
        group.get_by_label(box, exact=True).fill(str(part))
