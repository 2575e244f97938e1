"""Issue 12: the clerk asks for updates, the owner answers through the emailed link with no account, the clerk
sees the answer, and the public never sees the evidence of an exempt item."""

import datetime

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from actions.models import Action
from chasing.models import Evidence
from meetings.models import AgendaItem, Committee, Person
from tests.browser.helpers import assert_accessible, fill_date, sign_in
from tests.chasing_helpers import link_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_owner_answers_through_the_emailed_link_and_the_public_never_sees_exempt_evidence(
    page, browser, live_server, smtp_inbox, evidence_root, screenshot_dir, tmp_path, settings
):
    call_command("load_demo", verbosity=0)
    settings.SITE_URL = live_server.url
    meeting = Committee.objects.get(short_name="CYP").next_meeting()
    exempt_item = AgendaItem.objects.filter(exempt=True, meeting__committee=meeting.committee).first()
    owner = Person.objects.get(name="Irfan Alam")
    action = Action.record(
        text="Report the revised contract terms to the committee",
        committee=meeting.committee,
        source_item=exempt_item,
        owner=owner,
        due_meeting=meeting,
    )

    # The clerk asks for updates from the workspace.
    sign_in(page, live_server, "clerk")
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    panel = page.locator("#chasing")
    panel.locator("#request-updates > summary").click()  # folded until wanted
    reply_by = max(datetime.date.today(), meeting.date - datetime.timedelta(days=2))
    fill_date(panel, "Reply by", reply_by)
    panel.get_by_role("button", name="Request updates for this meeting").click()
    expect(page.locator("#chasing")).to_contain_text("Irfan Alam")
    expect(page.locator("#chasing tr", has_text="Irfan Alam")).to_contain_text("Not yet")

    # The owner opens the link the SMTP server received, in a browser that has never signed in.
    message = next(m for to, m in smtp_inbox.received if to == [owner.email])
    link = link_in(message)
    owner_context = browser.new_context()
    owner_page = owner_context.new_page()
    owner_page.goto(f"{live_server.url}{link}")
    expect(owner_page.locator("h1")).to_have_text("Update your actions")
    section = owner_page.locator(f"#action-{action.pk}")
    section.get_by_label("Progress update").fill("Terms agreed with the supplier; signed copy attached.")
    section.get_by_label("Proposed RAG rating").select_option("amber")
    evidence_file = tmp_path / "signed-terms.pdf"
    evidence_file.write_bytes(PDF)
    section.get_by_label("Evidence (optional)").set_input_files(str(evidence_file))
    owner_page.screenshot(path=screenshot_dir / "chasing-owner-link-filled.png", full_page=True)
    section.get_by_role("button", name=f"Send update on {action.reference}").click()
    expect(owner_page.locator(".notification")).to_contain_text(f"your update on {action.reference} is on its")
    owner_page.screenshot(path=screenshot_dir / "chasing-owner-link-sent.png", full_page=True)
    assert_accessible(owner_page)
    owner_context.close()

    # The clerk sees the answer on the workspace and on the action's timeline, with the evidence.
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(page.locator("#chasing tr", has_text="Irfan Alam")).to_contain_text("Answered")
    page.locator("#chasing").screenshot(path=screenshot_dir / "chasing-workspace-panel.png")
    page.goto(f"{live_server.url}{action.get_absolute_url()}")
    expect(page.locator(".timeline")).to_contain_text("Owner's update (emailed link)")
    expect(page.locator(".timeline")).to_contain_text("signed copy attached")
    expect(page.get_by_role("link", name="signed-terms.pdf")).to_be_visible()
    page.screenshot(path=screenshot_dir / "chasing-clerk-timeline.png", full_page=True)
    action.refresh_from_db()
    assert action.proposed_rag == "amber" and action.rag != "amber"  # a proposal, until the clerk accepts it
    expect(page.locator(".summary-list")).to_contain_text("proposed Amber")

    # The public: neither the file nor the action, whatever the address.
    evidence_url = Evidence.objects.get(action=action).get_absolute_url()
    public = browser.new_context()
    public_page = public.new_page()
    assert public_page.goto(f"{live_server.url}{evidence_url}").status == 404
    assert public_page.goto(f"{live_server.url}{action.get_absolute_url()}").status == 404
    public_page.goto(f"{live_server.url}{exempt_item.meeting.get_absolute_url()}")
    assert "signed-terms" not in public_page.content()
    public.close()
