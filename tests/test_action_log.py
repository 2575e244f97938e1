"""The action log for the agenda pack: HTML, CSV and XLSX that open cleanly in Excel with UK dates."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actions.exports import LOG_COLUMNS
from actions.models import Action
from actions.views import LOG_PAGE_SIZE
from core import clock
from meetings.models import AgendaItem, Meeting, Person
from tests.conftest import at


def url(name, committee, show=None):
    path = reverse(f"actions:{name}", args=[committee.slug])
    return f"{path}?show={show}" if show else path


def content(response):
    """Exports stream: their bytes are read the way a browser would, as they come."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    body = content(response).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def xlsx_sheet(response):
    return openpyxl.load_workbook(io.BytesIO(content(response))).active


@pytest.fixture
def log(committee, past_meeting, make_action):
    owner = Person.objects.create(name="Jeanette Richards", job_title="Executive Director")
    video = make_action(
        text="Jeanette Richards to provide the cost of the recruitment campaign video",
        owner=owner,
        due_date=datetime.date(2031, 3, 7),
        rag=Action.Rag.AMBER,
    )
    video.add_update("Quote requested from the agency", at=timezone.make_aware(datetime.datetime(2030, 12, 1, 10)))
    posted = make_action(text="Improvement Plan to be sent to all councillors", owner_post="Strategic Director")
    # Over two years ago: always in an earlier municipal year, whatever day the tests run.
    older_meeting = Meeting.objects.create(committee=committee, starts_at=at(-800), status=Meeting.Status.PUBLISHED)
    older_item = AgendaItem.objects.create(meeting=older_meeting, number="6", order=6, title="Earlier business")
    old = make_action(text="Discharged long ago", source_item=older_item, created_at=older_meeting.starts_at)
    old.discharge(on=timezone.localdate() - datetime.timedelta(days=700), note="Report brought")
    recent = make_action(text="Discharged since the last meeting")
    recent.discharge(on=timezone.localdate() - datetime.timedelta(days=2), note="Shared with members")
    return {"video": video, "posted": posted, "old": old, "recent": recent, "meeting": past_meeting}


def test_html_log_shows_this_municipal_year_and_everything_outstanding_by_default(councillor, committee, log):
    page = councillor.get(url("log", committee)).content.decode()
    header = page[page.index("<thead>") : page.index("</thead>")]
    positions = [header.index(f">{column}<") for column in LOG_COLUMNS]
    assert positions == sorted(positions)
    assert log["video"].reference in page and log["posted"].reference in page
    if log["meeting"].date >= clock.municipal_year():
        assert log["recent"].reference in page, "discharged, but agreed this municipal year"
    assert log["old"].reference not in page, "agreed and discharged in an earlier year"
    # The one date language in the table (issue 11): "4 Jul 2026", never "04/07/2026".
    assert f"{log['meeting'].date:%-d %b %Y}" in page and f"{log['meeting'].date:%d/%m/%Y}" not in page
    assert "Jeanette Richards (Executive Director)" not in page  # owner_post is empty: the name alone
    assert "Strategic Director" in page
    assert "Quote requested from the agency" in page


def test_show_all_and_discharged_since_the_last_meeting(councillor, committee, log):
    everything = councillor.get(url("log", committee, "all")).content.decode()
    for key in ("video", "posted", "old", "recent"):
        assert log[key].reference in everything
    recent = councillor.get(url("log", committee, "discharged")).content.decode()
    assert log["recent"].reference in recent
    assert log["old"].reference not in recent
    assert log["video"].reference not in recent


def test_discharged_since_last_meeting_uses_the_most_recent_past_meeting(councillor, committee, log):
    Meeting.objects.create(committee=committee, starts_at=at(-1))
    page = councillor.get(url("log", committee, "discharged")).content.decode()
    assert log["recent"].reference not in page


def test_csv_opens_in_excel_with_a_bom_and_uk_dates(councillor, committee, log):
    response = councillor.get(url("log_csv", committee, "outstanding"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="action-log-{committee.slug}-outstanding')
    rows = csv_rows(response)
    assert rows[0] == LOG_COLUMNS
    by_ref = {row[0]: row for row in rows[1:]}
    assert set(by_ref) == {log["video"].reference, log["posted"].reference}
    video = by_ref[log["video"].reference]
    assert video == [
        log["video"].reference,
        f"{log['meeting'].date:%d/%m/%Y}",
        "5. Improvement Plan",
        "Jeanette Richards to provide the cost of the recruitment campaign video",
        "Jeanette Richards",
        "07/03/2031",
        "In progress",
        "Amber",
        "1 Dec 2030: Quote requested from the agency",  # text: the pages' words; date cells stay dates
    ]
    assert by_ref[log["posted"].reference][4] == "Strategic Director"


def test_csv_keeps_non_ascii_text_and_defuses_formulas(councillor, committee, make_action):
    make_action(text='=HYPERLINK("http://evil") ‘quoted’ – café')
    rows = csv_rows(councillor.get(url("log_csv", committee)))
    assert rows[1][3] == '\'=HYPERLINK("http://evil") ‘quoted’ – café'


def test_xlsx_has_real_date_cells_in_uk_format(councillor, committee, log):
    response = councillor.get(url("log_xlsx", committee, "all"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = xlsx_sheet(response)
    assert [cell.value for cell in sheet[1]] == LOG_COLUMNS
    assert sheet.freeze_panes == "A2"
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(rows) == {log[key].reference for key in ("video", "posted", "old", "recent")}
    video = rows[log["video"].reference]
    meeting_date, due = video[1], video[5]
    assert meeting_date.is_date and meeting_date.value.date() == log["meeting"].date
    assert meeting_date.number_format == "dd/mm/yyyy"
    assert due.is_date and due.value.date() == datetime.date(2031, 3, 7) and due.number_format == "dd/mm/yyyy"
    assert [c.value for c in video[2:5]] == [
        "5. Improvement Plan",
        "Jeanette Richards to provide the cost of the recruitment campaign video",
        "Jeanette Richards",
    ]
    assert [c.value for c in video[6:]] == ["In progress", "Amber", "1 Dec 2030: Quote requested from the agency"]
    assert rows[log["old"].reference][6].value == "Discharged"


def test_xlsx_writes_text_that_looks_like_a_formula_as_text(councillor, committee, make_action):
    make_action(text="=1+1")
    cell = xlsx_sheet(councillor.get(url("log_xlsx", committee)))["D2"]
    assert cell.value == "=1+1" and cell.data_type == "s"


def test_an_undated_due_point_is_written_as_its_note(councillor, committee, make_action):
    make_action(due_note="early in the new municipal year")
    sheet = xlsx_sheet(councillor.get(url("log_xlsx", committee)))
    assert sheet["F2"].value == "early in the new municipal year"
    assert csv_rows(councillor.get(url("log_csv", committee)))[1][5] == "early in the new municipal year"


def test_an_unknown_choice_falls_back_to_the_default(councillor, committee, log):
    page = councillor.get(url("log", committee, "everything-ever")).content.decode()
    assert log["video"].reference in page and log["old"].reference not in page


def test_an_earlier_year_is_one_click_away(councillor, committee, log):
    page = councillor.get(url("log", committee)).content.decode()
    year = clock.municipal_year(log["old"].agreed_on).year
    link = f"{url('log', committee)}?year={year}"
    assert f'href="{link}"' in page and clock.municipal_year_label(year) in page
    earlier = councillor.get(link).content.decode()
    assert log["old"].reference in earlier and log["video"].reference not in earlier
    assert f"Actions agreed in {clock.municipal_year_label(year)}" in earlier
    rows = csv_rows(councillor.get(reverse("actions:log_csv", args=[committee.slug]) + f"?year={year}"))
    assert [row[0] for row in rows[1:]] == [log["old"].reference]


def test_a_long_log_is_paged(councillor, committee, make_action):
    for n in range(LOG_PAGE_SIZE + 3):
        make_action(text=f"Action number {n}")
    first = councillor.get(url("log", committee, "all")).content.decode()
    assert first.count('class="ref"') == LOG_PAGE_SIZE
    assert 'rel="next"' in first
    second = councillor.get(url("log", committee, "all") + "&page=2").content.decode()
    assert second.count('class="ref"') == 3
    assert len(csv_rows(councillor.get(url("log_csv", committee, "all")))) == LOG_PAGE_SIZE + 4, "exports are whole"


def test_the_pages_of_the_log_hold_its_rows_in_the_exports_order(councillor, committee, make_action):
    """Each page is found by its ids and then read (PagedByIds): together, the pages are the log, in order."""
    meetings = [
        Meeting.objects.create(committee=committee, starts_at=at(-days), status=Meeting.Status.PUBLISHED)
        for days in (40, 100, 70)
    ]
    for n in range(LOG_PAGE_SIZE + 10):
        meeting = meetings[n % 3]
        item = AgendaItem.objects.create(meeting=meeting, number=str(n), order=n, title=f"Item {n}")
        make_action(text=f"Action number {n}", source_item=item)
    pages = [councillor.get(url("log", committee, "all") + f"&page={n}").content.decode() for n in (1, 2)]
    shown = [ref for page in pages for ref in re.findall(r'class="ref">([^<]+)</a>', page)]
    exported = [row[0] for row in csv_rows(councillor.get(url("log_csv", committee, "all")))[1:]]
    assert shown == exported and len(shown) == LOG_PAGE_SIZE + 10


def test_log_of_an_unknown_committee_is_404(councillor):
    assert councillor.get("/actions/log/no-such-committee/").status_code == 404


@pytest.mark.parametrize("name", ["log", "log_csv", "log_xlsx"])
def test_query_count_does_not_grow_with_rows(councillor, committee, make_action, name):
    def add(n):
        for i in range(n):
            make_action(owner=Person.objects.create(name=f"Officer {i}")).add_update(f"Progress {i}")

    add(5)
    with CaptureQueriesContext(connection) as five:
        assert content(councillor.get(url(name, committee, "all")))
    add(45)
    with CaptureQueriesContext(connection) as fifty:
        assert content(councillor.get(url(name, committee, "all")))
    assert len(fifty) == len(five)


@pytest.mark.parametrize("query", ["year=abc", "year=1066", "year=99999", "page=xyz", "page=999&show=all"])
def test_a_malformed_year_or_page_falls_back_to_a_page_that_works(councillor, committee, log, query):
    response = councillor.get(f"{url('log', committee)}?{query}")
    assert response.status_code == 200
    assert log["video"].reference in response.content.decode()
    assert content(councillor.get(f"{url('log_csv', committee)}?{query}")).startswith(b"\xef\xbb\xbf")


def test_each_period_of_the_log_leaves_out_what_another_committee_agreed_or_recorded(
    clerk, committee, other_committee, log, make_action
):
    # The period's conditions name the committee in each arm, without a filter on it beside them (issue 10g).
    theirs_at_a_meeting = make_action(text="Theirs, agreed at their meeting", committee=other_committee)
    theirs_recorded = make_action(text="Theirs, recorded between meetings", committee=other_committee, source_item=None)
    ours_recorded = make_action(text="Ours, recorded between meetings", source_item=None)
    year = clock.municipal_year().year
    for query in ("", f"?year={year}"):
        page = clerk.get(url("log", committee) + query).content.decode()
        assert ours_recorded.reference in page and log["video"].reference in page, query
        assert theirs_at_a_meeting.reference not in page and theirs_recorded.reference not in page, query
