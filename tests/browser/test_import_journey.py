"""A clerk pastes minutes, drops one proposed action, re-assigns another, and creates the draft meeting."""

import pytest
from django.core.management import call_command

from actions.models import Action
from meetings.models import Meeting, StandingItem
from tests.browser.helpers import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MINUTES = """Minutes of: CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE

Date of Meeting: 20 November 2019

Present: Councillor S Wright (in the Chair)
Councillors C Boles, S Butler, P Cropper and J Lancaster

Also in attendance: Jeanette Richards - Executive Director of Children and Young People, \
Kelly Barnett - Democratic Services Officer

Apologies for Absence: Councillor D Quinn

Public Attendance: No members of the public were present at the meeting.

CYP.1 APOLOGIES FOR ABSENCE

Apologies for absence are noted above.

CYP.2 DECLARATIONS OF INTEREST

Councillor Lancaster declared a personal interest as she is a governor of a local primary school.

CYP.3 SPECIAL EDUCATIONAL NEEDS TRANSPORT

Jeanette Richards presented a report on home to school transport for children with special educational needs.
Members asked about late arrivals at school. Jeanette Richards agreed to provide figures for late pick-ups by route.

It was agreed:
1. The report be noted.
2. Home to school transport to be a standing item on the agenda.
3. A review of the transport contract to be brought to a future committee.
4. Feedback from parents on transport to be shared with Members.
ACTION: Jeanette Richards

CYP.4 URGENT BUSINESS

There was no urgent business.

COUNCILLOR S WRIGHT
Chair

(Note: The meeting started at 7.00 pm and ended at 8.10 pm)
"""

DROPPED = "Feedback from parents on transport to be shared with Members"
REASSIGNED = "Jeanette Richards to provide figures for late pick-ups by route"
KEPT = "A review of the transport contract to be brought to a future committee"


def proposed_action(page, text):
    return page.locator("tr[id^=proposed-act-]").filter(has=page.locator("textarea", has_text=text))


def test_clerk_imports_pasted_minutes_keeping_only_confirmed_actions(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    sign_in(page, live_server, "clerk")
    page.get_by_role("link", name="Import minutes").click()
    page.get_by_label("Or paste the minutes").fill(MINUTES)
    page.get_by_role("button", name="Read the minutes").click()

    page.get_by_role("heading", name="Check the imported minutes").wait_for()
    assert not Meeting.objects.filter(imported_from__gt="").exists()  # nothing written before confirming
    assert page.get_by_label("Committee").evaluate("el => el.selectedOptions[0].text") == (
        "Children and Young People Scrutiny Committee"
    )
    date = page.get_by_role("group", name="Date")
    typed = [date.get_by_label(box, exact=True).input_value() for box in ("Day", "Month", "Year")]
    assert typed == ["20", "11", "2019"]
    page.screenshot(path=screenshot_dir / "import-review.png", full_page=True)
    assert_accessible(page)

    assert proposed_action(page, DROPPED).count() == 1
    proposed_action(page, DROPPED).get_by_role("checkbox").uncheck()
    owner = proposed_action(page, REASSIGNED).locator("input[name$='-owner']")
    assert owner.input_value() == "Jeanette Richards"
    owner.fill("Irfan Alam")
    owner.press("Tab")  # closes the register's suggestion list, as a clerk moving on would
    page.screenshot(path=screenshot_dir / "import-review-edited.png", full_page=True)
    page.get_by_role("button", name="Create the draft meeting").click()

    page.get_by_text("Imported the minutes as a draft").wait_for()
    meeting = Meeting.objects.get(imported_from__gt="")
    assert page.url.endswith(meeting.get_absolute_url())
    assert meeting.status == Meeting.Status.MINUTES_DRAFT
    actions = {a.text: a for a in Action.objects.filter(source_item__meeting=meeting).select_related("owner")}
    assert set(actions) == {REASSIGNED, KEPT}
    assert actions[REASSIGNED].owner.name == "Irfan Alam"
    assert actions[KEPT].work_programme_item is not None
    assert StandingItem.objects.filter(
        title="Home to school transport", source_resolution__item__meeting=meeting
    ).exists()
    page.screenshot(path=screenshot_dir / "import-created-meeting.png", full_page=True)
    # One row per action, under its item: the workspace draws an item's actions when the clerk opens it.
    rows = []
    for item in meeting.items.filter(actions__isnull=False).distinct():
        page.locator(f"#item-{item.pk} .item-toggle").click()
        page.locator(f"#minutes-{item.pk}").wait_for()
        rows += page.locator(f"#item-{item.pk} .action-row[id^='action-']").all_inner_texts()
    assert len(rows) == 2, rows
    assert any(REASSIGNED in row and "Irfan Alam" in row for row in rows), rows
    assert any(KEPT in row for row in rows), rows
