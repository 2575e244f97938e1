"""Issue 11: as the clerk types an owner, the form says whether it names one person, several, or no one."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from meetings.models import Meeting, Person, Resolution
from tests.browser.helpers import assert_accessible, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_owner_box_warns_and_offers_the_close_matches_as_the_clerk_types(page, live_server, screenshot_dir):
    call_command("load_demo", verbosity=0)
    Person.objects.create(name="Tom Richards", kind=Person.Kind.COUNCILLOR)
    resolution = Resolution.objects.filter(item__meeting__status=Meeting.Status.MINUTES_DRAFT).first()
    sign_in(page, live_server, "clerk")
    page.goto(f"{live_server.url}{reverse('actions:make_action', args=[resolution.pk])}")
    owner = page.get_by_label("Owner")
    hint = f"#resolution-{resolution.pk}-action-owner_hint"

    owner.fill("Richards")
    wait_until(page, f"document.querySelector('{hint}').textContent.includes('more than one person')")
    text = page.locator(hint).inner_text()
    assert "Jeanette Richards" in text and "Tom Richards" in text
    page.screenshot(path=screenshot_dir / "owner-check-ambiguous.png", full_page=True)
    assert_accessible(page)

    owner.fill("Jeanette Richards")
    wait_until(page, f"document.querySelector('{hint}').textContent.includes('Links to Jeanette Richards')")

    # Saving an unknown name is refused with the form redrawn; ticking "Keep as a post" saves it as a post.
    owner.fill("Head of Parks")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector(".error-summary")
    assert "No one in the register is called “Head of Parks”" in page.locator(".error-summary").inner_text()
    page.screenshot(path=screenshot_dir / "owner-check-refused.png", full_page=True)
    assert_accessible(page)
