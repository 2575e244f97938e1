"""Property tests: whatever text or bytes arrive, the importer returns schema-shaped data or MinutesImportError."""

import contextlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.importer import MinutesImportError, parse_minutes, read_minutes_file

SNIPPETS = [
    "Minutes of: CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE",
    "Minutes of the Health Scrutiny Panel held on Wednesday, 23rd March, 2022 at 6.00 pm",
    "Date of Meeting: 23/03/2022",
    "Present: Councillor S Wright (in the Chair)",
    "Councillors C Boles, S Butler, P Cropper and J Lancaster,",
    "Helen Chadwick — Trade Union Representative.",
    "Also in attendance: Jo Price - Director of Law and",
    "Democratic Services, Cllr N Okafor (substitute for Cllr D Reid)",
    "Apologies for Absence: Georgia Murphy — Youth Cabinet Chair",
    "Apologies for absence were received from Councillors Ahmed and Wilson.",
    "Councillor Lancaster declared a personal interest in item 5 as she is a governor.",
    "23/45 APOLOGIES FOR ABSENCE",
    "12. Urgent Business",
    "6a Fostering Update",
    "1. | Apologies | Minutes: | pdf icon PDF 136 KB | Supporting documents:",
    "View the reasons why item 3. was urgent",
    "It was agreed:",
    "Resolved -",
    "RESOLVED UNANIMOUSLY:",
    "Resolved that (1) the report be noted; (2) the Head of Housing circulate figures by 31 March 2023;",
    "1.",
    "(a) A report to be brought to a future committee.",
    "(ii) An update to be provided at the next meeting.",
    "• Officers to write to the operator.",
    "ACTION: Strategic Director of Children's Service",
    "Jeanette Richards agreed to provide an appendix explaining the acronyms.",
    "The Ofsted improvement work to be a standing item on the agenda.",
    "That the progress be noted and that the plan be presented early in the new Municipal Year.",
    "(Note: The meeting started at 5.30 pm and ended at 6.45 pm)",
    "Meeting commenced: 6.00pm",
    "COUNCILLOR S WRIGHT",
    "Chair",
    "",
    "   ",
]

SCHEMA_KEYS = {"committee", "date", "start_time", "end_time", "attendance", "declarations", "items"}
STATUSES = {"present", "apologies", "in_attendance", "absent"}
ROLES = {"chair", "vice_chair", "member", "substitute", "co-opted", "officer", "cabinet_member", None}


def opt_str(value):
    return value is None or isinstance(value, str)


def check_shape(result):
    assert set(result) >= SCHEMA_KEYS
    for key in ("committee", "date", "start_time", "end_time"):
        assert opt_str(result[key])
    if result["date"]:
        assert len(result["date"]) == 10 and result["date"][4] == "-"
    for key in ("start_time", "end_time"):
        if result[key]:
            hour, minute = result[key].split(":")
            assert 0 <= int(hour) <= 23 and 0 <= int(minute) <= 59
    for person in result["attendance"]:
        assert isinstance(person["name"], str) and person["name"]
        assert person["status"] in STATUSES and person["role"] in ROLES and opt_str(person["title"])
    for decl in result["declarations"]:
        assert isinstance(decl["name"], str) and opt_str(decl["item"]) and isinstance(decl["text"], str)
    for item in result["items"]:
        assert opt_str(item["number"]) and opt_str(item["title"])
        assert all(isinstance(r, str) for r in item["resolutions"])
        assert all(isinstance(s, str) for s in item["standing_items"])
        for action in item["actions"]:
            assert isinstance(action["text"], str) and opt_str(action["owner"]) and opt_str(action["due"])
    json.dumps(result)


def parse_or_import_error(text, **kwargs):
    try:
        result = parse_minutes(text, **kwargs)
    except MinutesImportError:
        return
    check_shape(result)


FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=2000))
def test_random_text(text):
    parse_or_import_error(text)


@FAST
@given(st.lists(st.sampled_from(SNIPPETS), max_size=40), st.sampled_from(["\n", " | ", " ", "\r\n", "\n\n"]))
def test_shuffled_snippets(parts, joiner):
    parse_or_import_error(joiner.join(parts))


@FAST
@given(
    st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=30),
    st.integers(0, 200),
    st.integers(0, 200),
    st.text(alphabet="\n |:-()•.1aA", max_size=20),
)
def test_mangled_snippets(parts, cut_start, cut_len, noise):
    text = "\n".join(parts)
    text = text[:cut_start] + noise + text[cut_start + cut_len :]
    parse_or_import_error(text, known_people=["Jeanette Richards", "Strategic Director of Children's Service"])


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.exe", "a.png", "a", "A.PDF"]))
def test_random_bytes_into_reader(data, name):
    try:
        text = read_minutes_file(name, data)
    except MinutesImportError as exc:
        assert str(exc)
        return
    assert isinstance(text, str)
    parse_or_import_error(text)


@FAST
@given(st.binary(max_size=500), st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04"]), st.sampled_from(["a.pdf", "a.docx"]))
def test_bytes_that_look_like_pdf_or_docx(tail, head, name):
    with contextlib.suppress(MinutesImportError):
        read_minutes_file(name, head + tail)
