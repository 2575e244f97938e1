"""The clerk's import screens: who may use them, uploads, the review form and what confirming writes."""

import io
import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.import_forms import read_payload, sign_payload
from actions.models import Action
from meetings.models import AgendaItem, Attendance, Meeting, Person, StandingItem, WorkProgrammeItem

START = reverse("actions:import_start")
CONFIRM = reverse("actions:import_confirm")

MINUTES = """CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE

Minutes of a meeting held on Thursday 11 January 2024 at 6.00 pm

Present: Councillor S Wright (in the Chair)
Councillors C Boles and T Pilkington

Also in attendance: Jeanette Richards - Executive Director of Children and Young People

Apologies for Absence: Councillor M Smith

5 SCHOOL ATTENDANCE

Jeanette Richards presented the report. Jeanette Richards agreed to provide a breakdown of persistent absence by ward.

It was agreed:
1. The report be noted.
2. A report on elective home education to be brought to a future meeting.
3. School attendance to be a standing item on the agenda.

6 YOUTH SERVICE

RESOLVED - That the Head of Youth Services circulate the consultation results by 1 March 2024.
"""


def ROWS():
    return {m.__name__: m.objects.count() for m in (Meeting, AgendaItem, Action, Attendance, StandingItem, Person)}


def form_data(response):
    """Every field the review page sends, as the browser would: ticked boxes only."""
    html = response.content.decode()
    data = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="submit"' in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        if 'type="checkbox"' in tag:
            if "checked" in tag:
                data[name.group(1)] = "on"
            continue
        data[name.group(1)] = _unescape(value.group(1)) if value else ""
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = _unescape(body.strip("\n"))
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body) or re.search(r'<option value="([^"]*)"', body)
        data[name] = _unescape(chosen.group(1)) if chosen else ""
    return data


def _unescape(text):
    import html

    return html.unescape(text)


def review(client, text=MINUTES, **extra):
    response = client.post(START, {"text": text, **extra})
    assert response.status_code == 200, response.content.decode()[:2000]
    return response


def action_prefix(response, words):
    """The form prefix of the proposed action whose text contains `words`."""
    data = form_data(response)
    for key, value in data.items():
        if key.endswith("-text") and key.startswith("act-") and words in value:
            return key[: -len("-text")]
    raise AssertionError(f"no proposed action mentions {words!r}")


# --- who may import -----------------------------------------------------------------------------


def test_clerk_sees_the_upload_page(clerk):
    response = clerk.get(START)
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content


@pytest.mark.parametrize("who", ["councillor", "officer", "chair"])
def test_other_roles_are_forbidden(request, who, committee):
    client = request.getfixturevalue(who)
    assert client.get(START).status_code == 403
    assert client.post(START, {"text": MINUTES}).status_code == 403
    assert client.post(CONFIRM, {}).status_code == 403


def test_anonymous_is_sent_to_sign_in(anonymous):
    for url in (START, CONFIRM):
        response = anonymous.post(url, {"text": MINUTES})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert not Meeting.objects.exists()


# --- uploads ----------------------------------------------------------------------------------


def test_pasted_minutes_are_reviewed_and_nothing_is_written(clerk, committee):
    before = ROWS()
    response = review(clerk)
    assert ROWS() == before
    page = response.content.decode()
    assert "Check the imported minutes" in page
    assert "breakdown of persistent absence" in page
    assert "elective home education" in page
    assert f'<option value="{committee.pk}" selected>' in page  # matched by name
    # Each field's label names its row, so a screen reader user knows which action an "Owner" box is for.
    assert ">Owner, action 2 on item 1</label>" in page
    assert ">Keep, attendee S Wright</label>" in page


def test_txt_upload(clerk, committee):
    upload = SimpleUploadedFile("minutes.txt", MINUTES.encode("cp1252"), content_type="text/plain")
    response = clerk.post(START, {"file": upload})
    assert response.status_code == 200
    assert "elective home education" in response.content.decode()


def test_docx_upload(clerk, committee):
    import docx

    document = docx.Document()
    for paragraph in MINUTES.split("\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("minutes.docx", buffer.getvalue())
    response = clerk.post(START, {"file": upload})
    assert response.status_code == 200
    assert "elective home education" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("minutes.txt", b"", "The submitted file is empty"),
        ("minutes.xlsx", b"PK\x03\x04 something", "not a file type the importer can read"),
        ("scan.pdf", b"%PDF-1.4 broken", "could not be opened as a PDF"),
    ],
)
def test_bad_uploads_are_explained(clerk, committee, name, data, message):
    response = clerk.post(START, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert not Meeting.objects.exists()


def test_oversize_upload_is_refused_before_reading(clerk, committee):
    big = SimpleUploadedFile("minutes.txt", b"a" * (10 * 1024 * 1024 + 1))
    response = clerk.post(START, {"file": big})
    assert response.status_code == 400
    assert "the limit is 10 MB" in response.content.decode()


def test_nothing_chosen_is_explained(clerk):
    response = clerk.post(START, {"text": "   "})
    assert response.status_code == 400
    assert "Choose a minutes file, or paste the minutes" in response.content.decode()


# --- review → confirm -------------------------------------------------------------------------


def test_confirm_creates_exactly_the_ticked_actions_with_edited_owner(clerk, committee, clerk_user):
    manager = Person.objects.create(name="Irfan Alam", job_title="Improvement Programme Manager")
    response = review(clerk)
    data = form_data(response)
    dropped = action_prefix(response, "elective home education")
    del data[f"{dropped}-keep"]
    edited = action_prefix(response, "persistent absence")
    data[f"{edited}-owner"] = "Irfan Alam"
    data[f"{edited}-rag"] = "amber"
    response = clerk.post(CONFIRM, data)
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.status == Meeting.Status.MINUTES_DRAFT and meeting.committee == committee
    actions = Action.objects.filter(committee=committee).order_by("pk")
    assert [a.text for a in actions] == [
        "Jeanette Richards to provide a breakdown of persistent absence by ward",
        "The Head of Youth Services circulate the consultation results by 1 March 2024",
    ]
    assert actions[0].owner == manager and actions[0].rag == "amber"
    assert actions[0].updates.get().by == clerk_user
    assert actions[1].owner_post == "Head of Youth Services"
    assert not WorkProgrammeItem.objects.exists()  # its action was unticked
    assert StandingItem.objects.get().title == "School attendance"


def test_unticked_item_takes_its_actions_with_it(clerk, committee):
    response = review(clerk)
    data = form_data(response)
    youth = next(k for k, v in data.items() if k.startswith("item-") and k.endswith("-title") and v == "Youth Service")
    del data[youth.replace("-title", "-keep")]
    clerk.post(CONFIRM, data)
    meeting = Meeting.objects.get()
    assert not meeting.items.filter(title="Youth Service").exists()
    assert not Action.objects.filter(text__icontains="consultation").exists()


def test_attendee_can_be_matched_to_the_register_or_added(clerk, committee, chair_user):
    wright = chair_user.person
    response = review(clerk)
    data = form_data(response)
    assert data["att-0-person"] == str(wright.pk)  # the register's S Wright is proposed
    data["att-2-person"] = "new"
    clerk.post(CONFIRM, data)
    meeting = Meeting.objects.get()
    assert meeting.attendances.get(in_chair=True).person == wright
    assert Person.objects.filter(name="T Pilkington").count() == 1


def test_each_proposed_action_says_why_and_doubtful_ones_are_tagged_check_this(clerk, committee):
    page = review(clerk).content.decode()
    rows = dict(re.findall(r'<tr id="proposed-(act-[\d-]+)">(.*?)</tr>', page, re.S))
    assert len(rows) == 3
    cues = {prefix: re.search(r'<td class="cue">(.*?)</td>', row, re.S).group(1) for prefix, row in rows.items()}
    text_of = {p: re.search(r"<textarea[^>]*>(.*?)</textarea>", row, re.S).group(1).strip() for p, row in rows.items()}
    by_text = {text_of[p]: cue for p, cue in cues.items()}
    promised = next(c for t, c in by_text.items() if "persistent absence" in t)
    assert "agreed to" in promised and "Check this" not in promised  # a named officer's own promise
    resolved = next(c for t, c in by_text.items() if "consultation results" in t)
    assert "RESOLVED" in resolved and "Check this" not in resolved
    # Nobody is named for the report to a future meeting: the clerk is asked to look.
    future = next(c for t, c in by_text.items() if "elective home education" in t)
    assert '<strong class="tag tag-check">Check this</strong>' in future


def test_review_without_javascript_still_shows_the_cues(clerk, committee):
    page = review(clerk).content.decode()
    # Plain HTML in the table: nothing to reveal with a script.
    assert '<th scope="col">Why proposed</th>' in page


def test_bad_input_rerenders_with_what_the_clerk_typed(clerk, committee):
    response = review(clerk)
    data = form_data(response)
    edited = action_prefix(response, "persistent absence")
    data[f"{edited}-text"] = ""
    data[f"{edited}-owner"] = "Somebody the clerk typed"
    data["meeting-date_month"] = "13"
    response = clerk.post(CONFIRM, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Date must be a real date" in page and 'name="meeting-date_month" value="13"' in page
    assert "Enter the action, or untick this row." in page
    assert 'value="Somebody the clerk typed"' in page
    assert not Meeting.objects.exists() and not Action.objects.exists()


@pytest.mark.parametrize(
    ("boxes", "message"),
    [
        ({"meeting-date_day": "31", "meeting-date_month": "4"}, "Date must be a real date"),
        ({"meeting-date_day": "20", "meeting-date_month": ""}, "Date must include a month"),
    ],
)
def test_a_bad_meeting_date_alone_gets_the_gov_uk_message_and_imports_nothing(clerk, committee, boxes, message):
    response = review(clerk)
    data = form_data(response)
    assert (data["meeting-date_day"], data["meeting-date_month"]) != ("", "")  # proposed from the minutes
    before = ROWS()
    response = clerk.post(CONFIRM, {**data, **boxes})
    page = response.content.decode()
    assert response.status_code == 400 and message in page
    for name, value in boxes.items():
        assert f'name="{name}"' + (f' value="{value}"' if value else "") in page
    assert ROWS() == before


def test_tampered_payload_is_refused(clerk, committee):
    response = review(clerk)
    data = form_data(response)
    payload = read_payload(data["payload"])
    payload["proposal"]["items"][0]["actions"].append({"text": "Smuggled in", "owner": None, "due": None})
    forged = signing.dumps(payload, salt="someone-else", compress=True)
    data["payload"] = forged
    response = clerk.post(CONFIRM, data)
    assert response.status_code == 400
    assert "nothing was imported" in response.content.decode()
    assert not Meeting.objects.exists()
    data["payload"] = data["payload"][:-3] + "abc"
    assert clerk.post(CONFIRM, data).status_code == 400


def test_reimport_warns_with_a_link_and_does_not_duplicate(clerk, committee):
    data = form_data(review(clerk))
    clerk.post(CONFIRM, data)
    meeting = Meeting.objects.get()
    again = review(clerk)
    assert "already in the tracker" in again.content.decode()
    assert meeting.get_absolute_url() in again.content.decode()
    before = ROWS()
    response = clerk.post(CONFIRM, form_data(again))
    assert response.status_code == 409
    assert meeting.get_absolute_url() in response.content.decode()
    assert ROWS() == before


def test_failure_while_writing_writes_nothing(clerk, committee, monkeypatch):
    data = form_data(review(clerk))
    before = ROWS()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Action, "record", explode)
    with pytest.raises(RuntimeError):
        clerk.post(CONFIRM, data)
    assert ROWS() == before


def test_signed_payload_round_trips(db):
    payload = {"proposal": {"items": []}, "fingerprint": "abc", "committee": None}
    assert read_payload(sign_payload(payload)) == payload


def test_review_page_queries_do_not_grow_with_rows(clerk, committee, django_assert_max_num_queries):
    longer = MINUTES + "\n".join(
        f"\n{n} EXTRA ITEM {n}\n\nIt was agreed:\n1. Officer {n} to circulate the figures.\n2. The report be noted.\n"
        for n in range(7, 30)
    )
    with django_assert_max_num_queries(12):
        review(clerk, text=longer)
