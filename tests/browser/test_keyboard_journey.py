"""Issue 11's "done when": a clerk minutes a 10-item meeting end to end by keyboard alone, and the workspace of a
10-item meeting fits in about three screens with its items collapsed.

Keyboard only: after the first page load, every step is a key press (Tab, Enter, Esc, the workspace's listed
shortcuts) or typed text; nothing is clicked. The test counts the key presses (typed text separately, since the
words are the minutes themselves) and the page loads, prints them, and screenshots each stage into
test-artifacts/.

Measured on 1 December 2026 (Chromium, 1280 x 800, 5 members, 10 items; the test prints the line each run):
  236 key presses (Tabs and Enter for attendance; per item j, m, Ctrl+Enter, Esc, r, Ctrl+Enter, a, Tabs to the
  owner box, Tabs to "Keep as a post" and Space, Tabs to Save and Enter; then s and Enter for Held), 872
  characters typed (the minutes, resolutions and owners), and 2 page loads (the first visit and "Mark as held"):
  every other change is made in place. The workspace was 2427 px tall with the 10 items collapsed, and 2514 px
  once they were minuted (three screens: 2400 px), with the chasing and recommendations panels merged in.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actions.models import Action
from meetings.models import Attendance, Committee, Meeting, Membership, Person
from tests.browser.helpers import assert_accessible, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREEN = {"width": 1280, "height": 800}
THREE_SCREENS = 2600  # px: "about three screens" of 800 px, and a little over


class Keyboard:
    """The clerk's keyboard: every key press and typed character goes through here, and is counted."""

    def __init__(self, page):
        self.page, self.presses, self.typed = page, 0, 0

    def press(self, key, times=1):
        for _ in range(times):
            self.page.keyboard.press(key)
            self.presses += 1

    def type(self, text):
        self.page.keyboard.type(text)
        self.typed += len(text)

    def focused(self, expression):
        return self.page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")

    def tab_to(self, expression, limit=80):
        """Tab until the focused element satisfies `expression` (JavaScript over `el`)."""
        for _ in range(limit):
            self.press("Tab")
            if self.focused(expression):
                return
        raise AssertionError(f"{limit} Tabs did not reach: {expression}")


@pytest.fixture
def ten_item_meeting(db):
    from django.contrib.auth.models import Group, User

    clerk = User.objects.create_user("clerk", password="demo", first_name="Kay", last_name="Clerk")
    clerk.groups.add(Group.objects.get_or_create(name="Clerk")[0])
    committee = Committee.objects.create(name="Place Scrutiny Committee", short_name="PSC")
    for n, name in enumerate(["A Adams", "B Brown", "C Clarke", "D Davies", "E Evans"]):
        person = Person.objects.create(name=name, kind=Person.Kind.COUNCILLOR)
        Membership.objects.create(person=person, committee=committee, role="chair" if n == 0 else "member")
    starts_at = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    meeting = Meeting.create_with_agenda(committee, starts_at, with_procedural=False)
    for n in range(1, 11):
        meeting.append_item(f"Report {n}: local services review part {n}", "report")
    return meeting


def document_height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def test_clerk_minutes_a_ten_item_meeting_by_keyboard_alone(page, live_server, screenshot_dir, ten_item_meeting):
    meeting = ten_item_meeting
    loads = []
    page.set_viewport_size(SCREEN)
    sign_in(page, live_server, "clerk")
    page.on("load", lambda p: loads.append(p.url))
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    height = document_height(page)
    page.screenshot(path=screenshot_dir / "keyboard-0-workspace-collapsed.png", full_page=True)
    assert height <= THREE_SCREENS, f"the 10-item workspace is {height}px tall with its items collapsed"
    keys = Keyboard(page)

    # Attendance: Tab to each member's button and press Enter; focus comes back to the button pressed.
    marks = [("In the Chair", "Cllr A Adams")] + [("Present", f"Cllr {n}") for n in ("B Brown", "C Clarke", "D Davies")]
    marks.append(("Apologies", "Cllr E Evans"))
    for label, name in marks:
        keys.tab_to(f"el.textContent.trim() === '{label} ({name})'")
        keys.press("Enter")
        expect(page.locator("#attendance [role=status]")).to_contain_text(name)
    page.screenshot(path=screenshot_dir / "keyboard-1-attendance.png", full_page=False)
    assert Attendance.objects.filter(meeting=meeting, status="present").count() == 4

    # Each item: open it (j), write its minutes (m, Ctrl+Enter), leave the box (Esc), add a resolution
    # (r, Ctrl+Enter), make it an action (a), give the owner and save (Enter).
    items = list(meeting.items.order_by("order"))
    for n, item in enumerate(items, start=1):
        section = page.locator(f"#item-{item.pk}")
        keys.press("j")
        expect(section.locator(".item-body")).to_be_visible()
        assert keys.focused("el.classList.contains('item-toggle')"), "j should focus the opened item's heading"
        keys.press("m")
        keys.type(f"Members discussed report {n} and asked questions.")
        keys.press("Control+Enter")
        expect(section.get_by_text("Saved at")).to_be_visible()
        keys.press("Escape")
        keys.press("r")
        assert keys.focused("el.tagName === 'TEXTAREA' && el.closest('.add-resolution') !== null")
        keys.type(f"Report {n} be noted.")
        keys.press("Control+Enter")
        expect(section.locator("ol.resolutions > li")).to_have_count(1)
        # Focus moves to the new resolution once htmx has settled the swap.
        wait_until(page, "document.activeElement.textContent.includes('be noted.')")
        expect(page.locator("#workspace-announcer")).to_contain_text(f"Resolution 1 added to item {n}.")
        keys.press("a")
        owner = section.get_by_label("Owner")
        expect(owner).to_be_visible()
        keys.tab_to("el.name === 'owner'")
        keys.type("Head of Place Services")
        # A post, not a person in the register: the clerk says so (Space on "Keep as a post"), then saves.
        keys.tab_to("el.name === 'keep_as_post'")
        keys.press("Space")
        keys.tab_to("el.type === 'submit'")
        keys.press("Enter")
        expect(section.locator(".resolution-actions .action-row")).to_have_count(1)
        expect(page.locator("#workspace-announcer")).to_contain_text("recorded")
        wait_until(page, "document.activeElement.closest('.action-row') !== null")  # focus on the new action
        expect(section.get_by_text("Make this an action")).to_have_count(0)  # made once, not offered again
        expect(page.locator(f"#item-{item.pk}-counts")).to_have_text("Minuted · 1 resolution · 1 action")
        if n in (1, 10):
            page.screenshot(path=screenshot_dir / f"keyboard-2-item-{n}-minuted.png", full_page=False)

    # Status to Held: s focuses the next status step.
    keys.press("s")
    assert keys.focused("el.textContent.trim() === 'Mark as held'")
    keys.press("Enter")
    expect(page.locator("#lifecycle-title")).to_have_text("Meeting status: Held")
    page.screenshot(path=screenshot_dir / "keyboard-3-held.png", full_page=True)
    assert_accessible(page)

    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert all(item.minutes_text for item in meeting.items.all())
    assert Action.objects.filter(source_item__meeting=meeting).count() == 10
    assert (
        Action.objects.filter(source_resolution__item__meeting=meeting).values("source_resolution").distinct().count()
        == 10
    )
    held_height = document_height(page)
    print(
        f"\nKEYBOARD JOURNEY: {keys.presses} key presses, {keys.typed} characters typed, {len(loads)} page loads; "
        f"workspace {height}px tall with 10 items collapsed (before), {held_height}px after minuting, at 1280x800"
    )
    assert len(loads) <= 2, loads  # the first visit and "Mark as held": everything else in place
    assert held_height <= THREE_SCREENS
