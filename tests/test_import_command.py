"""python manage.py import_minutes: dry-run JSON, creating a minutes draft, re-imports and bad files."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actions.models import Action
from meetings.models import AgendaItem, Attendance, Committee, Declaration, Meeting, Person, Resolution, StandingItem

MINUTES = """AUDIT AND GOVERNANCE SCRUTINY PANEL

Minutes of a meeting held on Wednesday 6 March 2024 at 2.00 pm

Present: Councillor R Patel (in the Chair)
Councillors G Hughes, M O'Neill and S Varga
Independent member: Tom Ashworth

Also in attendance: Lena Fox - Chief Internal Auditor

Apologies: Councillor K Dunn

23/45 DECLARATIONS OF INTEREST

There were no declarations of interest.

23/46 INTERNAL AUDIT PROGRESS REPORT pdf icon PDF 210 KB

Supporting documents:
Progress report, item 23/46 pdf icon PDF 210 KB

Minutes:
Lena Fox presented the report. Lena Fox agreed to provide members with the list of overdue recommendations.

RESOLVED:
(a) That the report be noted.
(b) That the Chief Internal Auditor report progress on the payroll audit to the next meeting.
(c) That fraud risk be a standing item on the agenda.

23/47 WORK PROGRAMME

RESOLVED UNANIMOUSLY: That the work programme be noted.

The meeting ended at 3.15 pm.
"""

ROW_MODELS = (Meeting, Attendance, Declaration, AgendaItem, Resolution, Action, StandingItem, Person)


def counts():
    return {model.__name__: model.objects.count() for model in ROW_MODELS}


@pytest.fixture
def minutes_file(tmp_path):
    path = tmp_path / "audit-2024-03-06.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


@pytest.fixture
def audit(db):
    return Committee.objects.create(name="Audit and Governance Scrutiny Panel", short_name="AGS")


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_minutes", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_json_prints_the_schema_and_writes_nothing(minutes_file, audit):
    before = counts()
    out, err = run(minutes_file, "--dry-run", "--json")
    assert counts() == before
    data = json.loads(out)  # nothing but the JSON on standard output
    assert set(data) >= {"committee", "date", "start_time", "end_time", "attendance", "declarations", "items"}
    assert data["committee"] == "Audit and Governance Scrutiny Panel"
    assert (data["date"], data["start_time"], data["end_time"]) == ("2024-03-06", "14:00", "15:15")
    for person in data["attendance"]:
        assert set(person) >= {"name", "status", "role", "title"}
        assert person["status"] in {"present", "apologies", "in_attendance", "absent"}
    for item in data["items"]:
        assert set(item) >= {"number", "title", "resolutions", "actions", "standing_items"}
        for action in item["actions"]:
            assert set(action) >= {"text", "owner", "due"}
    assert [item["number"] for item in data["items"]] == ["23/45", "23/46", "23/47"]
    assert "Dry run" in err


def test_import_creates_a_minutes_draft_with_everything_in_it(minutes_file, audit):
    out, err = run(minutes_file)
    assert out == ""
    meeting = Meeting.objects.get()
    assert meeting.committee == audit and meeting.status == Meeting.Status.MINUTES_DRAFT
    assert f"meeting {meeting.pk}" in err
    assert meeting.attendances.count() == 7
    assert meeting.attendances.get(in_chair=True).person.name == "R Patel"
    assert Person.objects.get(name="Tom Ashworth").kind == Person.Kind.COOPTEE
    assert meeting.items.count() == 3
    progress = meeting.items.get(number="23/46")
    assert progress.resolutions.count() == 3
    actions = Action.objects.filter(source_item=progress)
    assert actions.count() == 2  # the payroll report and Lena Fox's promise; "noted" is not an action
    assert set(actions.values_list("owner__name", flat=True)) == {"Lena Fox"}
    assert StandingItem.objects.get(committee=audit).title.lower().startswith("fraud risk")


def test_committee_by_slug(minutes_file, audit):
    other = Committee.objects.create(name="Corporate Scrutiny", short_name="CS")
    run(minutes_file, "--committee", other.slug)
    assert Meeting.objects.get().committee == other


def test_unknown_committee_is_an_error_listing_the_slugs(minutes_file, db):
    Committee.objects.create(name="Health Scrutiny Committee", short_name="HSC")
    with pytest.raises(CommandError, match="health-scrutiny-committee"):
        run(minutes_file)
    with pytest.raises(CommandError, match="no committee with the slug 'nope'"):
        run(minutes_file, "--committee", "nope")
    assert not Meeting.objects.exists() and not Committee.objects.filter(name__icontains="audit").exists()


def test_reimport_warns_and_does_not_duplicate(minutes_file, audit):
    run(minutes_file)
    before = counts()
    out, err = run(minutes_file)
    assert counts() == before
    assert "already in the tracker" in err
    assert Meeting.objects.get().get_absolute_url() in err


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("minutes.txt", b"", "is empty"),
        ("minutes.odt", b"some text", "not a file type"),
        ("minutes.pdf", b"%PDF-1.4 not really a pdf", "could not be opened as a PDF"),
        ("minutes.docx", b"PK\x03\x04 broken", "could not be read|Word"),
    ],
)
def test_bad_files_give_a_clear_message(tmp_path, db, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError, match=message):
        run(path, "--dry-run", "--json")


def test_missing_file_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="Could not open"):
        run(tmp_path / "nowhere.txt")


def test_bad_file_exits_non_zero_from_the_shell(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    manage = Path(__file__).resolve().parent.parent / "manage.py"
    done = subprocess.run(
        [sys.executable, str(manage), "import_minutes", "--dry-run", "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert done.stdout == ""
    assert "is empty" in done.stderr
