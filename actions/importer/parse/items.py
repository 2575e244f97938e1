"""Stage 5, split_items: cut the minutes into agenda items at their headings."""

from __future__ import annotations

import re

from .document import CELL, HEADING, TABLE_ROW, Document, Item
from .patterns import NUM_HEADING, PROCEDURAL, TRIGGER
from .text import any_date, caps_heading, looks_like_header_line, number_key, title_case, title_like, trigger_at
from .vocabulary import HONORIFIC


def _split_items(lines: list[str], skip: set[int], committee: str | None) -> list[Item]:
    items: list[Item] = []
    preamble = Item(None, None)
    current = preamble
    last_key: tuple[int, ...] | None = None
    in_resolution = False
    list_next = 1
    seen_content = False
    raw_caps = False  # the current heading was set in capitals
    committee_low = (committee or "").lower()
    skip = set(skip)
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if line.startswith(TABLE_ROW):
            current.lines.append(line)
            continue
        heading = _marked_heading(line) if line.startswith(HEADING) else None
        alone = False
        bare = None if heading else NUMBER_ALONE.match(line)
        sub_item = None if heading or bare else re.match(r"^(\d{1,3}\.\d{1,2})\.?$", line)
        if sub_item:
            # "5.1" / "5TH FEBRUARY, 2018; pdf icon PDF 244 KB": a sub-item with its own papers, under item 5.
            j = next((k for k in range(i + 1, min(i + 4, len(lines))) if lines[k]), None)
            title = None if j is None else _marked_heading(lines[j])[1] if lines[j].startswith(HEADING) else lines[j]
            if (
                title
                and (current.number or "").split(".")[0] == sub_item.group(1).split(".")[0]
                and len(title.split()) <= 10
                and not NUM_HEADING.match(title)
                and not trigger_at(lines, j)
            ):
                heading = (sub_item.group(1), title.rstrip(" ;.,"))
                skip.add(j)
        if bare and not (in_resolution and number_key(bare.group(1)) == (list_next,)):
            j = next((k for k in range(i + 1, min(i + 4, len(lines))) if lines[k]), None)
            if j is not None and lines[j].startswith(HEADING):
                heading, last_key = (bare.group(1), _marked_heading(lines[j])[1]), number_key(bare.group(1))
                skip.add(j)
            elif j is not None and not NUM_HEADING.match(lines[j]) and title_like(_without_colon(lines[j])):
                line = f"{bare.group(1)}. {_without_colon(lines[j])}"
                skip.add(j)
                alone = True  # a number alone on its line is a minute number, even "2041."
            elif j is not None and "/" in bare.group(1) and _long_title(lines[j]):
                # "89/25" alone, then "To confirm the accuracy of the minutes of the meeting ... held on 6th January"
                heading, last_key = (bare.group(1), lines[j]), number_key(bare.group(1))
                skip.add(j)
        m = NUM_HEADING.match(line)
        nxt_line = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            m
            and m.group("title").isupper()
            and re.search(r"(?:[,–—-]|\b(?:AND|OF|FOR|THE|IN|ON|TO))$", m.group("title").strip())
            and nxt_line.isupper()
            and caps_heading(nxt_line)
            and not NUM_HEADING.match(nxt_line)
        ):
            # "4 SPECIAL EDUCATIONAL NEEDS – EDUCATION," / "HEALTH AND CARE PLANS": a PDF wrapped the title.
            line = f"{line} {nxt_line}"
            m = NUM_HEADING.match(line)
            skip.add(i + 1)
        run_on = None
        if m and (re.search(r":|\s[–—]\s", m.group("title")) or _REPORT_BY.search(m.group("title"))):
            title, run_on = _title_then_text(m.group("title").strip())
            m = NUM_HEADING.match(f"{m.group('num')}. {title}") if run_on is not None else m
        sub = m and re.match(r"^(\d+)\.\d+$", m.group("num"))
        if sub and current.number and sub.group(1) == current.number.rstrip("."):
            m = None  # "46.2 That Cabinet note ...": a numbered paragraph of minute 46, not a new item
        if m and (title_like(m.group("title").strip()) or _next_in_line(m, last_key)):
            key = number_key(m.group("num"))
            has_letter = bool(re.search(r"\d[a-z]$", m.group("num")))
            increasing = last_key is None or key > last_key or (key == last_key and has_letter)
            # A four-digit number is a year ("2024 Budget") unless it cannot be one ("1772. Apologies").
            big = key and key[0] > 999 and "/" not in m.group("num") and (1900 <= key[0] <= 2100 or len(key) > 1)
            big = big and not alone
            as_list = in_resolution and key == (list_next,) and not caps_heading(m.group("title"))
            if increasing and not big and not as_list and not _cited_ahead(lines, i, key, last_key):
                heading = (m.group("num").rstrip("."), m.group("title").strip())
                last_key = key
                nxt = lines[i + 1] if i + 1 < len(lines) else ""
                # A shouted title wrapped by a PDF: "61. QUARTER 3 PERFORMANCE AND FINANCIAL MONITORING" / "REPORT".
                if (
                    nxt
                    and i + 1 not in skip
                    and len(heading[1]) > 30
                    and heading[1].isupper()
                    and nxt.isupper()
                    and caps_heading(nxt)
                    and not NUM_HEADING.match(nxt)
                    and not PROCEDURAL.match(nxt)
                    and len(nxt.split()) <= 6
                ):
                    heading = (heading[0], f"{heading[1]} {nxt}")
                    skip.add(i + 1)
        # "Matters arising" in mixed case under a numbered minute whose own heading was in capitals is a sub-label.
        sub_label = (
            heading is None
            and current.number
            and current.title
            and current is items[-1]
            and not caps_heading(line)
            and PROCEDURAL.match(line)
            and any(c.islower() for c in line)
            and all(it.number for it in items)
            and raw_caps
        )
        if heading is None and not sub_label and (caps_heading(line) or PROCEDURAL.match(line)):
            low = line.lower().strip(" :")
            is_title_line = committee_low and (
                low in (committee_low, f"minutes of {committee_low}")
                # A long name set over two heading lines: "ADULT SOCIAL CARE AND HEALTH" / "OVERVIEW AND SCRUTINY ..."
                or (not items and len(low) >= 10 and low in committee_low)
            )
            if not is_title_line and not (not seen_content and looks_like_header_line(line) and not items):
                heading = (None, line.strip())
        if heading:
            raw_caps = heading[1].isupper()
            current = Item(heading[0], title_case(re.sub(r"\s+", " ", heading[1]).strip(" .-–—:")))
            items.append(current)
            in_resolution, list_next = False, 1
            if run_on and m and heading[0] == m.group("num").rstrip("."):
                current.lines.append(run_on)
            continue
        current.lines.append(line)
        if line:
            seen_content = True
        if trigger_at(lines, i):
            in_resolution, list_next = True, 1
        elif in_resolution:
            lm = re.match(r"^\(?(\d{1,2})[.)]", line)
            if lm and int(lm.group(1)) == list_next:
                list_next += 1
    if not items:
        return [preamble] if any(preamble.lines) else []
    if sum(1 for it in items if it.number) >= 2:
        # Where items are numbered, an unnumbered heading with nothing under it is a section label ("MINUTES"),
        # and one above the first numbered item with no decision in it is part of the page's header.
        first = next(k for k, it in enumerate(items) if it.number)
        items = [
            it
            for k, it in enumerate(items)
            if it.number or (any(it.lines) and (k > first or _item_has_content(it) or _has_table_rows(it)))
        ]
    if _item_has_content(preamble):
        items.insert(0, preamble)
    return items


# "12." or "AM119" (a minute code: the body's letters, the number, the year) alone on its line
NUMBER_ALONE = re.compile(r"^(?:Item\s+)?((?:[A-Z]{1,4})?\d{1,4}(?:/\d{1,4})?[a-z]?)[.)]?$")


def _cited_ahead(lines: list[str], i: int, key: tuple, last_key: tuple | None) -> bool:
    """ "Minute 94 Forward Plan." under minute 89's declarations, before minute 90: a minute cited ahead of its
    turn, not a heading. Said where the number skips and the one that should come next follows within a page."""
    if not last_key or len(key) != 1 or len(last_key) != 1 or key[0] <= last_key[0] + 1:
        return False
    for line in lines[i + 1 : i + 60]:
        alone, numbered = NUMBER_ALONE.match(line), NUM_HEADING.match(line)
        number = alone.group(1) if alone else numbered.group("num") if numbered else ""
        if number_key(number) == (last_key[0] + 1,):
            return True
    return False


def _marked_heading(line: str) -> tuple[str | None, str]:
    """HEADING + title, or HEADING + number + CELL + title, as an earlier stage marked it."""
    number, _, title = line[1:].rpartition(CELL)
    return (number or None), title


# "2. UEFA EURO 2020 postponement - Report by Executive Director of Finance.": the paper's author, not the title.
_REPORT_BY = re.compile(
    r"\s+[-–—]\s+(?:(?:joint|verbal)\s+)?(?:report|presentation|update)\s+(?:by|of|from)\s+[^:]{3,120}$", re.I
)
# "7. Community Fund: Cllr. Adams to collate ...", "4. Matters outstanding from the last meeting:"
_TITLE_COLON = re.compile(r"^(?P<title>[A-Z][^:–—]{2,80}?)(?:\s*:|\s+[–—]\s+(?=\S))(?:\s*(?P<text>\S.*))?$")


# What follows a title's colon when it is the item's minute, not the rest of its title ("Housing: Quarter 2
# Update"): a sentence, "None", or a member named ("Apologies for absence: Cllr. Les Thomson").
_MINUTE_AFTER_COLON = re.compile(rf"^(?:.*\.$|(?:none|nil|nothing)\b.*|{HONORIFIC}\s.*)$", re.I)


def _title_then_text(title: str) -> tuple[str, str | None]:
    """A numbered heading's title with what a parish's or a portal's minutes run on after it: (title, the rest),
    or (title, None) where there is no such title."""
    bare = _REPORT_BY.sub("", title)
    if bare != title and title_like(bare) and not title_like(title):
        return bare, ""  # (a title that reads as one keeps it: "Review of Allowances – Report of the Panel")
    m = _TITLE_COLON.match(title)
    head, text = (m.group("title"), m.group("text") or "") if m else ("", "")
    if not head or len(head.split()) > 12 or not title_like(head) or _LABEL_WORDS.match(head):
        return title, None
    if text and title_like(title) and not _MINUTE_AFTER_COLON.match(text):
        return title, None
    return head, text


def _next_in_line(m: re.Match, last_key: tuple[int, ...] | None) -> bool:
    """ "82 Minutes of the Parish Council Meeting held on 6th January 2021." after minute 81: a title with a full
    stop, longer than a sentence-like title may be, is still the next minute's when its number follows on."""
    title = m.group("title").strip()
    key = number_key(m.group("num"))
    return (
        bool(last_key)
        and len(key) == 1
        and key[0] == last_key[0] + 1
        and title.endswith(".")
        and len(title.split()) <= 16
        and title[:1].isupper()
        and not TRIGGER.match(title)
    )


def _long_title(line: str) -> bool:
    return len(line.split()) <= 30 and line[:1].isupper() and not line.endswith((".", ":", ";", ","))


def _has_table_rows(item: Item) -> bool:
    return any(ln.startswith(TABLE_ROW) for ln in item.lines)


_PAGE_TITLE = re.compile(r"^(?:decisions|recommendations)$", re.I)


def _item_has_content(item: Item) -> bool:
    first = next((k for k, ln in enumerate(item.lines) if ln), None)
    return any(
        trigger_at(item.lines, k)
        for k in range(len(item.lines))
        # "Decisions" heading a ModernGov decisions page is its title, not a decision.
        if not (item.number is None and k == first and _PAGE_TITLE.match(item.lines[k]))
    )


def split_items(doc: Document) -> None:
    """Stage: cut the body into agenda items, each with its own lines."""
    lines = doc.lines
    if not any(ln.startswith(HEADING) for ln in lines) and not _numbered(lines, doc.attendance_lines):
        lines = _mark_standalone_titles(lines, doc.attendance_lines)
    doc.items = _split_items(lines, doc.attendance_lines, doc.committee)


def _numbered(lines: list[str], skip: set[int]) -> bool:
    for i, line in enumerate(lines):
        m = NUM_HEADING.match(line) if i not in skip else None
        if m and title_like(m.group("title").strip()):
            return True
    return False


_STANDALONE_WORD = re.compile(r"^(?:[A-Z0-9(\"'][\w'’&()/,-]*|of|and|for|the|to|in|on|a|an|with|by|at|from|-|–)$")


# Labels that end with a colon under a number alone, and are not the item's title.
_LABEL_WORDS = re.compile(
    r"^(?:Minutes|Decisions?|Resolved|Agreed|Recommended|Present|In\s+attendance|Also\s+present)\b", re.I
)


def _without_colon(line: str) -> str:
    """ "Apologies for absence:" on the line after a number alone: a title that a website's table set with a colon
    after it (its summary or minutes follow on the next lines). A label ("Minutes:", "Resolved:") stays as it is."""
    if not line.endswith(":"):
        return line
    title = line[:-1].rstrip()
    return line if len(title.split()) < 2 or _LABEL_WORDS.match(title) else title


def _mark_standalone_titles(lines: list[str], skip: set[int]) -> list[str]:
    """Minutes with no item numbers ("Night-Time Economy" on a line of its own between blank lines, then the
    minute): such a short Title Case line below the attendance is an item's heading."""
    start = max(skip) + 1 if skip else 0
    out, found = list(lines), False
    for i in range(start, len(lines)):
        # "Election of Vice Chairman:" alone: a website's heading, its colon kept (a label's, "Present:", is not)
        line = _without_colon(lines[i])
        words = line.split()
        if not (1 <= len(words) <= 8) or line.endswith((".", ":", ";", ",")) or TRIGGER.match(line):
            continue
        if not found and (looks_like_header_line(line) or any_date(line)):
            continue  # the minutes' own heading ("City Growth Committee"), above the first item
        alone = (i == 0 or not lines[i - 1]) and (i + 1 >= len(lines) or not lines[i + 1])
        if alone and words[0][:1].isupper() and all(_STANDALONE_WORD.match(w) for w in words):
            out[i], found = HEADING + line, True
    return out
