"""Issue 11: the rough edges users hit: titles printed twice, the brief's "as at" date and print CSS, the filter
form on a phone, the favicon, and the widths of the "Latest update" column."""

import pathlib
import re

import pytest
from django.urls import reverse

from meetings.models import Attendance, Meeting, Person

from .conftest import at

STATIC = pathlib.Path(__file__).resolve().parent.parent / "static"


@pytest.fixture
def irfan(db):
    return Person.objects.create(name="Irfan Alam", job_title="Improvement Programme Manager")


def attendance_line(page, name):
    return re.search(rf"<li>{name}[^<]*</li>", page).group(0)


def test_public_minutes_print_a_job_title_once_when_the_capacity_repeats_it(anonymous, committee, irfan):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-10), status=Meeting.Status.PUBLISHED)
    Attendance.objects.create(
        meeting=meeting, person=irfan, status=Attendance.Status.IN_ATTENDANCE, capacity="Improvement Programme Manager"
    )
    page = anonymous.get(meeting.get_absolute_url()).content.decode()
    assert attendance_line(page, "Irfan Alam") == "<li>Irfan Alam, Improvement Programme Manager</li>"


def test_a_different_capacity_is_still_printed_after_the_job_title(anonymous, committee, irfan):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-10), status=Meeting.Status.PUBLISHED)
    Attendance.objects.create(
        meeting=meeting, person=irfan, status=Attendance.Status.IN_ATTENDANCE, capacity="for item 5 only"
    )
    page = anonymous.get(meeting.get_absolute_url()).content.decode()
    assert attendance_line(page, "Irfan Alam") == "<li>Irfan Alam, Improvement Programme Manager, for item 5 only</li>"


def test_attendance_titles_ignore_case_and_spacing(irfan, committee):
    meeting = Meeting.objects.create(committee=committee, starts_at=at(-10))
    a = Attendance(meeting=meeting, person=irfan, capacity=" improvement programme manager ")
    assert a.titles() == "Improvement Programme Manager"


def test_the_brief_says_as_at_when_and_prints_numbered_pages_without_forced_breaks(chair, committee, next_meeting):
    page = chair.get(reverse("actions:brief", args=[committee.slug])).content.decode()
    assert re.search(r'<p class="brief-as-at">As at \d{1,2} [A-Z][a-z]+ \d{4}, ', page)
    css = (STATIC / "css" / "print.css").read_text()
    assert 'counter(page) " of " counter(pages)' in css
    assert ".brief-part + .brief-part" not in css  # no forced page break between the parts


def test_the_brief_as_at_date_is_the_prose_date_of_now(chair, committee, next_meeting, time_machine):
    time_machine.move_to("2026-07-04 09:15:00+01:00")
    page = chair.get(reverse("actions:brief", args=[committee.slug])).content.decode()
    assert "As at 4 July 2026, 9.15 a.m." in page


def test_the_filter_form_folds_behind_a_filter_disclosure_on_small_screens(councillor):
    page = councillor.get(reverse("actions:list"), {"rag": "red", "overdue": "on", "sort": "rag"}).content.decode()
    assert '<details class="filters-toggle no-print" id="filters-panel">' in page
    assert "<summary>Filter (2 applied)</summary>" in page  # sort is an order, not a filter
    css = (STATIC / "css" / "scrutiny.css").read_text()
    assert "@media (max-width: 640px)" in css and ".filters-toggle > summary" in css


def test_a_filter_form_with_a_mistake_is_open(councillor):
    page = councillor.get(reverse("actions:list"), {"rag": "purple"}).content.decode()
    assert '<details class="filters-toggle no-print" id="filters-panel" open>' in page


def test_favicon_is_served(anonymous):
    response = anonymous.get("/favicon.ico")
    assert response.status_code == 302 and response.url.endswith(".ico")
    assert (STATIC / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert 'rel="icon"' in anonymous.get("/").content.decode()


def test_the_latest_update_column_has_room_on_wide_screens(councillor, make_action):
    make_action().add_update("Draft report with the Director")
    page = councillor.get(reverse("actions:list")).content.decode()
    assert '<th scope="col" role="columnheader" class="col-latest">Latest update</th>' in page
    assert 'data-label="Latest update" class="col-latest"' in page
    css = (STATIC / "css" / "scrutiny.css").read_text()
    assert re.search(r"\.table th\.col-latest, \.table td\.col-latest \{ min-width: 12rem;", css)
