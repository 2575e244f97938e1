"""Stage 3, read_header: the committee's name, the meeting's date and its start and end times."""

from __future__ import annotations

import re
from collections import Counter

from .document import HEADING, Document
from .normalise import drop_page_furniture
from .patterns import (
    ATTENDANCE_LABEL,
    END_TIME,
    NUM_HEADING,
    PROCEDURAL,
    SINGLE_TIME,
    START_TIME,
    TIME_CONTEXT,
    TIME_RANGE,
    TRIGGER,
)
from .text import any_date, first_date, title_case, title_like
from .vocabulary import DATE_RES, DAY_NAME, MONTH_RE, SMALL_WORDS, TIME


def _clean_committee(name: str) -> str | None:
    # A committee's name never contains "held": "... Committee held remotely via Teams on ..." ends before it.
    name = re.split(r"\s+held\b", name, maxsplit=1, flags=re.I)[0]
    name = re.split(
        r"\s+(?:held|meeting\s+held|on|at)\s+(?=\S*\d|on\b|at\b|mon|tue|wed|thu|fri|sat|sun)",
        name,
        maxsplit=1,
        flags=re.I,
    )[0]
    name = re.sub(
        r"^(?:the\s+)?(?:(?:a|an)\s+)?(?:(?:remote|virtual|special|extraordinary|ordinary|monthly|adjourned|"
        r"reconvened)\s+)?"
        r"(?:meeting\s+of\s+(?:the\s+)?)?",
        "",
        name.strip(" :-–—,.\"'"),
        flags=re.I,
    )
    name = re.sub(r"[\s,]*[-–—]?\s*minutes\s*$", "", name, flags=re.I).strip(" :-–—,.")
    for pat in DATE_RES:
        name = pat.split(name, maxsplit=1)[0] if pat.search(name) else name
    # "Minutes of a Full Council meeting held on ...", "Formal Board Meeting", "THE FULL COUNCIL MEETING OF 3rd
    # March": the body, not the occasion.
    name = re.sub(r"(?<=\S)\s+meeting(?:\s+(?:of|on|held))?$", "", name.strip(" :-–—,."), flags=re.I)
    name = name.strip(" :-–—,.")
    if (
        not name
        or len(name) > 120
        or PROCEDURAL.match(name)
        or re.match(r"^(?:the\s+)?(?:last|previous)\b", name, re.I)
    ):
        return None
    return title_case(name)


def _name_like(line: str) -> bool:
    """A title line: short, and its words mostly capitalised (unlike a sentence that mentions the committee)."""
    words = [w for w in re.split(r"[\s,]+", line) if w and w.lower() not in SMALL_WORDS | {"&", "-", "–", "—"}]
    if not words or len(line.split()) > 16 or line.rstrip().endswith("."):
        return False
    caps = sum(w[:1].isupper() or w[:1].isdigit() for w in words)
    return caps / len(words) >= 0.75


_BODY_WORD = re.compile(
    r"\b(?:committee|panel|board|commission|sub-committee|forum|(?:task\s+(?:and|&)\s+finish|working|review)\s+group)\b",
    re.I,
)


# "Meeting: 22/01/2013 - Overview and Scrutiny Committee (Item 180)", "Decided at meeting: 17/09/2019 - Cabinet"
MEETING_LINE = re.compile(
    r"^(?:decided\s+at\s+)?meeting\s*:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*[-–—]\s*(?P<name>[^()]+?)"
    r"\s*(?:\(Item\s+[\w./]+\))?\s*$",
    re.I,
)


# "Cabinet - Tuesday, 23 October 2012 2.00 pm": a committee website's heading, the name before the date.
_NAME_DASH_DATE = re.compile(
    rf"^(?P<name>[A-Z][^\n]{{2,80}}?)\s+[-–—]\s+{DAY_NAME}?\d{{1,2}}(?:st|nd|rd|th)?,?\s+{MONTH_RE}\b", re.I
)
_PAGE_WORDS = re.compile(
    r"^(?:minutes|agenda|decisions?|items?|meeting(?:\s+(?:details|documents))?|documents|media|no\.?|venue|contact)\b",
    re.I,
)


def _name_by_the_date(head: list[str]) -> str | None:
    """A name with no "Committee" in it ("Cabinet", "Council"), known by where it stands: before the date."""
    for k, line in enumerate(head[:8]):
        m = _NAME_DASH_DATE.match(line)
        if m and not _PAGE_WORDS.match(m.group("name")):
            return _clean_committee(m.group("name"))
        nxt = head[k + 1] if k + 1 < len(head) else ""
        date = first_date(nxt) if nxt else None
        starts_with_date = date and not re.sub(rf"^{DAY_NAME}", "", nxt[: date[0]], flags=re.I).strip()
        short = len(line.split()) <= 6 and _name_like(line) and not re.search(r"\d", line)
        if starts_with_date and short and not _PAGE_WORDS.match(line):
            return title_case(line)
    return None


# "Scottish Borders Council" / "Agenda and minutes": a committee website's page, its body's name above the page's.
_PAGE_TITLE = re.compile(
    r"^(?:agenda(?:,\s*(?:decisions|reports))?\s+and\s+(?:minutes|decisions)|minutes|decisions)$", re.I
)


def _name_above_page_title(head: list[str]) -> str | None:
    for line, nxt in zip(head[:4], head[1:5], strict=False):
        if (
            _PAGE_TITLE.match(nxt)
            and len(line.split()) <= 8
            and _name_like(line)
            and not re.search(r"\d", line)
            and not _PAGE_WORDS.match(line)
        ):
            return title_case(line)
    return None


def _find_committee(lines: list[str]) -> str | None:
    for line in lines:
        m = MEETING_LINE.match(line)
        if m:
            return _clean_committee(m.group("name"))
    head = [ln for ln in lines[:40] if ln and not ln.startswith(HEADING)][:12]
    for k, line in enumerate(head):
        nxt = head[k + 1] if k + 1 < len(head) else ""
        # A heading wrapped by a PDF: "MINUTES of a meeting of the Health Overview and Scrutiny / Committee held at".
        if (
            re.match(r"^minutes?\s+of\b", line, re.I)
            and not re.search(r"\bheld\b|\d", line)
            and (
                re.match(r"^(?:committee|panel|board|commission|sub-committee|forum|group)\b", nxt, re.I)
                or re.search(r"\b(?:and|of|for|&)$", line)
            )
        ):
            line = f"{line} {nxt}"
        # ("Minutes of Proceedings of a Meeting of Dunmore District Council held in ...", as Northern Ireland prints it)
        m = re.match(
            r"^(?:(?:draft|approved|confirmed|unconfirmed)\s+)?minutes?\s+of\s*:?\s*(?:the\s+|a\s+)?"
            r"(?:proceedings\s+of\s+(?:the\s+|a\s+)?)?"
            r"(?:meeting\s+of\s+(?:the\s+)?)?(.+)$",
            line,
            re.I,
        )
        # "Minutes of a meeting held on ..." names no committee; the heading above it does.
        if m and not re.match(r"^(?:(?:the\s+)?(?:last|previous)|meeting|proceedings)\b", m.group(1), re.I):
            name = _clean_committee(m.group(1))
            if name:
                return name
        m = re.match(r"^(?:committee|meeting|body|decision\s+maker)\s*:\s*(.+)$", line, re.I)
        if m:
            name = _clean_committee(m.group(1))
            if name:
                return name
    for k, line in enumerate(head[:6]):
        nxt = head[k + 1] if k + 1 < len(head) else ""
        # "CORPORATE OVERVIEW AND SCRUTINY" / "COMMITTEE": a shouted name wrapped before its last word.
        if (
            line.isupper()
            and nxt.isupper()
            and re.match(r"^(?:committee|panel|board|commission|sub-committee|forum)$", nxt, re.I)
            and not _BODY_WORD.search(line)
        ):
            line = f"{line} {nxt}"
        if (
            _BODY_WORD.search(line)
            and _name_like(line)
            and not re.match(r"^(?:present|apologies|also|in attendance)\b", line, re.I)
        ):
            name = _clean_committee(re.sub(r"^minutes\s*(?:of|[-–—:])?\s*", "", line, flags=re.I))
            if name and not PROCEDURAL.match(name):
                return name
    name = _name_by_the_date(head) or _name_above_page_title(head)
    if name:
        return name
    # No header: fall back to the scrutiny body the minutes mention most often.
    found = Counter()
    first: dict[str, str] = {}
    pat = re.compile(
        r"\b((?:[A-Z][\w'-]*|and|&|of|for)(?:\s+(?:[A-Z][\w'-]*|and|&|of|for)){0,8}?\s+"
        r"(?:Committee|Panel|Commission|Sub-Committee))\b"
    )
    for line in lines:
        for m in pat.finditer(line):
            name = re.sub(r"^(?:(?:and|&|of|for|The|This|Members|Member|In|At|To)\s+)+", "", m.group(1))
            if re.search(r"\b(?:Scrutiny|Overview)\b", name) and len(name.split()) >= 3:
                key = name.lower()
                found[key] += 1
                first.setdefault(key, name)
    if found:
        return title_case(first[found.most_common(1)[0][0]])
    return None


# A date on such a line is some other meeting's: "the minutes of the meeting held on ...", "date of next meeting".
_OTHER_MEETING = re.compile(
    r"\b(?:previous|last|next|future|following|forthcoming|subsequent)\s+meetings?\b|\bthe\s+minutes\s+of\b",
    re.I,
)


_DATE_LABEL = re.compile(r"^(?:date(?:\s+of\s+(?:the\s+)?meeting)?|meeting\s+date|held\s+on|when)\s*[:\-–—]", re.I)


def _header_end(lines: list[str]) -> int:
    """Index of the first line that starts the business (an item heading or a decision): the header is above it."""
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > 40:
            return i
        if ATTENDANCE_LABEL.match(line) or _DATE_LABEL.match(line):
            continue
        m = NUM_HEADING.match(line)
        if (m and title_like(m.group("title").strip())) or re.match(r"^(?:Item\s+)?\d{1,3}[a-z]?[.)]?$", line):
            return i
        # A ModernGov "Decisions" page starts with that word as its title, before the meeting's heading.
        if seen <= 2 and re.match(r"^(?:decisions|recommendations)$", line, re.I):
            continue
        if PROCEDURAL.match(line) or TRIGGER.match(line):
            return i
    return len(lines)


def _dated_header_line(line: str, span: tuple[int, int]) -> bool:
    """Does this header line give the meeting's own date (not a date mentioned in passing)?"""
    # A committee website's decision or issue page: "24/06/2021 - To confirm the minutes of the meeting held on ..."
    if span[0] == 0 and re.match(r"\d\d/\d\d/\d{4}\s+[-–]\s+\S", line):
        return True
    if _OTHER_MEETING.search(line):
        return False
    before = line[: span[0]]
    if _DATE_LABEL.match(line) or re.search(r"\b(?:held|on|meeting)\b", before, re.I):
        return True
    if re.match(rf"^\s*{DAY_NAME}", line[span[0] : span[1]], re.I):
        return True
    # A line that is little more than the date, e.g. "Wednesday 6 March 2024 10.00 am" or a title plus the date.
    rest = (before + " " + line[span[1] :]).strip()
    return len(rest.split()) <= 8 and not rest.rstrip().endswith(".")


_MINUTES_HELD_ON = re.compile(r"^minutes\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?meeting\s+held\s+on\b", re.I)


def _find_date(lines: list[str]) -> tuple[str | None, int | None, int]:
    """The meeting date from the heading, with the line it was on and where the date ends on that line.

    Minutes are full of other dates ("the minutes of the meeting held on 10 October"), so a date only counts if it
    is in the header, above the first item, and the line reads like a meeting heading.
    """
    end = _header_end(lines)
    for i in range(end):
        line = lines[i]
        found = first_date(line) if line else None
        if found and _dated_header_line(line, found[:2]):
            # An agenda page's own date above the minutes it prints: "Tuesday, 13 May 2008" / ... / "MINUTES of
            # the meeting held on 26 February 2008": the minutes' heading names their meeting.
            for k in range(i + 1, end):
                own = _MINUTES_HELD_ON.search(lines[k]) and first_date(lines[k])
                if own:
                    return own[2].isoformat(), k, own[1]
            return found[2].isoformat(), i, found[1]
    # No dated heading: a labelled date anywhere ("Date of Meeting: ..."), never another meeting's.
    labelled = re.compile(r"\b(?:date\s+of\s+(?:the\s+)?meeting|meeting\s+date|^date)\s*:?\s*(.{0,60})", re.I)
    for i, line in enumerate(lines):
        m = labelled.search(line)
        if m and not _OTHER_MEETING.search(line):
            found = first_date(m.group(1))
            if found:
                return found[2].isoformat(), i, m.start(1) + found[1]
    return None, None, 0


def _to_hhmm(m: re.Match) -> str | None:
    if m.group("noon"):
        return "12:00"
    hour, minute, ap = int(m.group("h")), m.group("m"), (m.group("ap") or "").replace(".", "").lower()
    if not minute and not ap:
        return None  # a bare number is more likely a count than a time
    minute_i = int(minute or 0)
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    elif not ap and 1 <= hour <= 7:
        hour += 12  # committees meet in the evening far more often than before 8am
    if hour > 23 or minute_i > 59:
        return None
    return f"{hour:02d}:{minute_i:02d}"


def _header_times(lines: list[str], date_line: int | None, date_end: int) -> tuple[str | None, str | None]:
    """Times in the heading: "... on Tuesday 14 November 2023 at 7.00 pm", "Monday 3 June 2024 — 7.00 pm – 9.15 pm",
    or a "Time: 10.30 am" line under the date."""
    if date_line is None:
        return None, None
    # "4.00pm 18 NOVEMBER 2024": the time before the date on the heading line.
    lead = re.match(rf"^\s*(?:{TIME})(?=\s*[,–—-]?\s*{DAY_NAME}?\d)", lines[date_line], re.I)
    if lead and (lead.group("m") or lead.group("ap")) and _to_hhmm(lead):
        return _to_hhmm(lead), None
    texts = [lines[date_line][date_end:]]
    texts += [ln for ln in lines[date_line + 1 : date_line + 6] if ln][:3]
    day = any_date(lines[date_line])
    for k, text in enumerate(texts):
        again = k and day and first_date(text)
        if again and again[2] == day and not _OTHER_MEETING.search(text):
            # "23 November 2021 – Minutes" / "Minutes of the Meeting ... held on 23 November 2021 at 6:30pm in ...":
            # the heading under a page title gives the date again, with the time
            at = re.search(rf"\bat\s+(?:{TIME})", text[again[1] :], re.I)
            if at and _to_hhmm(at):
                return _to_hhmm(at), None
        timed = re.match(rf"^(?:(?:times?|start(?:\s+time)?|commencing)\s*[:\-–—]?\s*)?(?:{TIME})", text, re.I)
        # "Town Hall, Calderbrook, 6.00 pm": a venue line under the date that ends with the time
        venue_time = len(text.split()) <= 10 and re.search(rf"(?:,|\bat)\s*(?:{TIME})\s*$", text, re.I)
        if k and not (timed or venue_time):
            continue
        if k == 0 and _OTHER_MEETING.search(text):
            continue
        for m in re.finditer(TIME, text, re.I):
            start = _to_hhmm(m)
            if not start:
                continue
            rng = re.match(rf"\s*(?:-|–|—|to|until)\s*(?:{TIME})", text[m.end() :], re.I)
            return start, (_to_hhmm(rng) if rng else None)
    return None, None


_TIMES_ALONE = re.compile(rf"^(?:{TIME})\s*(?:-|–|—|to)\s*(?P<end>(?:{TIME.replace('?P<', '?P<e_')}))$", re.I)


def _find_times(lines: list[str], date_line: int | None = None, date_end: int = 0) -> tuple[str | None, str | None]:
    start = end = None
    for line in lines:
        if start is None and _TIMES_ALONE.match(line):
            # "4.00 pm - 6.00 pm" alone on its line: a committee website's meeting times, wherever it puts them
            m = _TIMES_ALONE.match(line)
            start, end = _to_hhmm(m), _to_hhmm(SINGLE_TIME.match(m.group("end"))) or end
            continue
        if not TIME_CONTEXT.search(line) or _OTHER_MEETING.search(line):
            continue
        if start is None:
            m = START_TIME.search(line)
            if m:
                start = _to_hhmm(m)
            else:
                m = TIME_RANGE.search(line)
                if m:
                    start = _to_hhmm(m)
                    m2 = SINGLE_TIME.match(line[m.end() :])
                    if m2:
                        end = _to_hhmm(m2) or end
        for m in END_TIME.finditer(line):
            end = _to_hhmm(m) or end
    head_start, head_end = _header_times(lines, date_line, date_end)
    return start or head_start, end or head_end


_MUNICIPAL_YEAR = re.compile(r"\s+\(?(?:19|20)\d\d\s*[/-]\s*(?:19|20)?\d\d\)?$")


def read_header(doc: Document) -> None:
    """Stage: the committee, the meeting's date and its times; then the running headers naming them go."""
    committee = _find_committee(doc.lines)
    # "Scrutiny Board (Children's Services) 2010/2011": the municipal year is the page's, not the name's
    doc.committee = committee and _MUNICIPAL_YEAR.sub("", committee)
    doc.date, doc.date_line, doc.date_end = _find_date(doc.lines)
    doc.start_time, doc.end_time = _find_times(doc.lines, doc.date_line, doc.date_end)
    doc.lines = drop_page_furniture(doc.lines, doc.committee, doc.date)
