"""What every browser test does: sign in through the real login form, and ask axe about the page."""

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
