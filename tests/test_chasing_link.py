"""The update link emailed to an owner: no account, signed, expiring, revocable, scoped to their actions."""

import datetime
import io
import zipfile

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from actions.models import Action, ActionUpdate
from chasing.models import Evidence, UpdateRequest
from core import clock
from meetings.models import Person

from .chasing_helpers import db_state, link_in

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def owner(db):
    return Person.objects.create(name="Dana Director", job_title="Director of Housing", email="dana@council.example")


@pytest.fixture
def owned(make_action, owner, next_meeting):
    return make_action(owner=owner, due_meeting=next_meeting, text="Report on care leavers' housing")


@pytest.fixture
def link(smtp_inbox, evidence_root, owned, next_meeting):
    """The path of the link the owner was emailed (read from the message the SMTP server received)."""
    UpdateRequest.ask_before(next_meeting, reply_by=next_meeting.date - datetime.timedelta(days=3))
    (message,) = smtp_inbox.messages
    return link_in(message)


def post(client, link, action, text="Drafting is finished; consultation starts Monday.", **extra):
    data = {"action": action.pk, f"action-{action.pk}-text": text, f"action-{action.pk}-version": action.version}
    data.update({f"action-{action.pk}-{name}": value for name, value in extra.items()})
    return client.post(link, data)


def upload(name, data, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_owner_with_no_account_posts_an_update_shown_on_the_timeline_as_from_the_emailed_link(
    anonymous, link, owned, councillor
):
    page = anonymous.get(link)
    assert page.status_code == 200
    assert owned.reference in page.content.decode()
    response = post(anonymous, link, owned, rag="amber")
    assert response.status_code == 302
    entry = owned.updates.get(kind=ActionUpdate.Kind.UPDATE)
    assert entry.from_owner and entry.via == ActionUpdate.Via.EMAILED_LINK
    assert entry.by is None and entry.rag_after == entry.rag_before  # the owner proposes; the clerk decides
    owned.refresh_from_db()
    assert owned.proposed_rag == "amber" and owned.rag != "amber"
    timeline = councillor.get(owned.get_absolute_url()).content.decode()
    assert "Owner&#x27;s update (emailed link)" in timeline or "Owner's update (emailed link)" in timeline
    assert "consultation starts Monday" in timeline


def test_owner_marks_the_action_completed_through_the_model_verb(anonymous, link, owned):
    post(anonymous, link, owned, completed="on")
    owned.refresh_from_db()
    assert owned.status == Action.Status.COMPLETED
    assert owned.updates.filter(kind=ActionUpdate.Kind.STATUS, status_after="completed", from_owner=True).exists()


def test_answering_marks_the_request_answered(anonymous, link, owned):
    post(anonymous, link, owned)
    assert UpdateRequest.objects.get().answered_at is not None


def test_pdf_evidence_is_stored_under_media_root_with_a_random_name(anonymous, link, owned, evidence_root):
    post(anonymous, link, owned, evidence=upload("../../etc/passwd report.pdf", PDF))
    stored = Evidence.objects.get()
    assert stored.content_type == "application/pdf" and stored.original_name == "passwd report.pdf"
    path = evidence_root / stored.file.name
    assert path.read_bytes() == PDF
    assert path.parent == evidence_root / "evidence" and "passwd" not in path.name and path.suffix == ".pdf"


@pytest.mark.parametrize("kind", ["docx", "xlsx", "png", "jpeg"])
def test_word_excel_and_image_evidence_is_accepted_by_content(anonymous, link, owned, kind):
    buffer = io.BytesIO()
    if kind == "docx":
        document = Document()
        document.add_paragraph("Evidence")
        document.save(buffer)
    elif kind == "xlsx":
        openpyxl.Workbook().save(buffer)
    else:
        buffer.write({"png": b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "jpeg": b"\xff\xd8\xff\xe0" + b"\0" * 32}[kind])
    assert post(anonymous, link, owned, evidence=upload(f"evidence.{kind}", buffer.getvalue())).status_code == 302
    assert Evidence.objects.get().file.name.endswith({"jpeg": ".jpg"}.get(kind, f".{kind}"))


# --- bad input: a clear message, and nothing written -------------------------------------------


def assert_refused_and_nothing_written(response, status, words, before, evidence_root):
    assert response.status_code == status
    assert words in response.content.decode()
    assert db_state(evidence_root) == before


def test_expired_link_gets_a_clear_page_and_writes_nothing(anonymous, link, owned, evidence_root):
    before = db_state(evidence_root)
    with time_machine.travel(clock.now() + datetime.timedelta(days=29), tick=False):
        for response in (anonymous.get(link), post(anonymous, link, owned)):
            assert_refused_and_nothing_written(response, 403, "This link has expired", before, evidence_root)


def test_link_still_works_the_day_before_it_expires(anonymous, link, owned):
    with time_machine.travel(clock.now() + datetime.timedelta(days=27), tick=False):
        assert post(anonymous, link, owned).status_code == 302


@pytest.mark.parametrize("tamper", ["flip", "truncate", "other_salt"])
def test_tampered_token_gets_a_clear_page_and_writes_nothing(anonymous, link, owned, evidence_root, tamper):
    from django.core import signing

    token = link.rstrip("/").rsplit("/", 1)[1]
    if tamper == "flip":
        token = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    elif tamper == "truncate":
        token = token[: len(token) // 2]
    else:
        asked = UpdateRequest.objects.get()
        token = signing.dumps({"r": asked.pk, "n": asked.nonce}, compress=True)
    bad = reverse("chasing:update", args=[token])
    before = db_state(evidence_root)
    for response in (anonymous.get(bad), post(anonymous, bad, owned)):
        assert_refused_and_nothing_written(response, 403, "This link is not valid", before, evidence_root)


def test_revoked_link_gets_a_clear_page_and_writes_nothing(anonymous, clerk, link, owned, evidence_root):
    asked = UpdateRequest.objects.get()
    clerk.post(reverse("chasing:revoke", args=[asked.pk]))
    before = db_state(evidence_root)
    response = post(anonymous, link, owned)
    assert_refused_and_nothing_written(response, 403, "The clerk has withdrawn this link", before, evidence_root)


def test_twenty_megabyte_file_is_refused_and_nothing_is_written(anonymous, link, owned, evidence_root):
    before = db_state(evidence_root)
    big = upload("big.pdf", PDF + b"\0" * (20 * 1024 * 1024))
    response = post(anonymous, link, owned, evidence=big)
    assert_refused_and_nothing_written(response, 400, "evidence must be 10 MB or smaller", before, evidence_root)
    # The owner's typing survives the refusal.
    assert "consultation starts Monday" in response.content.decode()


@pytest.mark.parametrize(
    "name,data",
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 200),  # a Windows program renamed .pdf
        ("report.docx", b"PK\x03\x04" + b"\0" * 100),  # not a zip at all
        ("notes.txt.pdf", b"Just some text"),
    ],
    ids=["exe-renamed-pdf", "broken-zip-docx", "text"],
)
def test_file_that_is_not_evidence_whatever_its_name_is_refused_and_nothing_is_written(
    anonymous, link, owned, evidence_root, name, data
):
    before = db_state(evidence_root)
    response = post(anonymous, link, owned, evidence=upload(name, data))
    assert_refused_and_nothing_written(response, 400, "whatever its name says", before, evidence_root)


def test_plain_zip_renamed_docx_is_refused(anonymous, link, owned, evidence_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    before = db_state(evidence_root)
    response = post(anonymous, link, owned, evidence=upload("report.docx", buffer.getvalue()))
    assert_refused_and_nothing_written(response, 400, "whatever its name says", before, evidence_root)


def test_link_reused_after_discharge_shows_the_action_read_only_and_writes_nothing(
    anonymous, link, owned, evidence_root
):
    owned.discharge(on=clock.today(), note="Report received")
    owned.refresh_from_db()
    page = anonymous.get(link).content.decode()
    assert "The committee has finished with this action" in page
    assert f'name="action-{owned.pk}-text"' not in page
    before = db_state(evidence_root)
    response = post(anonymous, link, owned, evidence=upload("late.pdf", PDF))
    assert_refused_and_nothing_written(response, 409, "nothing was saved", before, evidence_root)


def test_link_cannot_update_an_action_it_does_not_name(anonymous, link, make_action, owner, evidence_root):
    elsewhere = make_action(owner=owner, text="Another action, not in this request")
    before = db_state(evidence_root)
    response = post(anonymous, link, elsewhere)
    assert_refused_and_nothing_written(response, 400, "This link does not cover that action", before, evidence_root)


def test_stale_version_is_refused_and_keeps_the_owners_words(anonymous, clerk_user, link, owned, evidence_root):
    stale_version = owned.version
    owned.set_rag("red", by=clerk_user, reason="Slipping")
    before = db_state(evidence_root)
    data = {"action": owned.pk, f"action-{owned.pk}-text": "My words", f"action-{owned.pk}-version": stale_version}
    response = anonymous.post(link, data)
    assert_refused_and_nothing_written(response, 409, "changed while you were typing", before, evidence_root)
    assert "My words" in response.content.decode()


# --- evidence is served with the action's visibility ----------------------------------------------


@pytest.fixture
def exempt_owned(make_action, owner, exempt_item, next_meeting):
    return make_action(owner=owner, source_item=exempt_item, due_meeting=next_meeting, text="Renegotiate the lease")


def test_evidence_of_an_exempt_item_reaches_the_clerk_and_members_never_the_public(
    smtp_inbox, evidence_root, exempt_owned, next_meeting, anonymous, clerk, councillor, officer
):
    UpdateRequest.ask_before(next_meeting, reply_by=next_meeting.date)
    link = link_in(smtp_inbox.messages[0])
    post(anonymous, link, exempt_owned, evidence=upload("lease.pdf", PDF))
    url = Evidence.objects.get().get_absolute_url()
    assert b"".join(clerk.get(url).streaming_content) == PDF
    assert councillor.get(url).status_code == 200  # a member of the committee: need to know
    assert anonymous.get(url).status_code == 404
    assert officer.get(url).status_code == 404  # an officer with no stake in the item
    assert "lease.pdf" not in anonymous.get(exempt_owned.get_absolute_url()).content.decode()


def test_evidence_of_a_public_action_is_served_to_the_public_as_an_attachment(anonymous, link, owned):
    post(anonymous, link, owned, evidence=upload("plan.pdf", PDF))
    response = anonymous.get(Evidence.objects.get().get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf"
