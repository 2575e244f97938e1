"""Stage: say which house style the minutes look like, so later stages can pick their rules.

Each entry of ``LAYOUTS`` names a style and the test that recognises it from the normalised lines.
A style is a hint, not a switch: most rules run on every document, and a document can carry several.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .document import HEADING, MARK, Document


def _count(pattern: str, lines: list[str], flags: int = re.I) -> int:
    pat = re.compile(pattern, flags)
    return sum(1 for ln in lines if pat.search(ln))


# (name, test over the normalised lines). Add a row to teach the parser a new style's name.
LAYOUTS: list[tuple[str, Callable[[list[str]], bool]]] = [
    # A committee website's agenda and minutes page: "Minutes:" under each item's papers.
    ("moderngov", lambda lines: _count(r"^Minutes\s*:", lines, 0) >= 2),
    # A decisions page: "Decision:" blocks, often followed by "Minutes:" repeating them.
    ("decision_page", lambda lines: _count(r"^Decisions?\s*:", lines) >= 1),
]


def detect_layout(doc: Document) -> None:
    doc.layout = {name for name, test in LAYOUTS if test(doc.lines)}
    for rule in HEADING_RULES:
        rule(doc.lines)
    _drop_agenda_summaries(doc.lines)
    doc.lines = [ln for ln in doc.lines if not ln.startswith(MARK)]


_PAPERS = MARK + "papers"
_TITLE_WORD = re.compile(r"^(?:[A-Z0-9&(\"'][\w'’&()/,-]*|of|and|for|the|to|in|on|a|an|with|by|at|from|-|–)$")


def _item_page_title(lines: list[str]) -> None:
    """ "Agenda item" / "Scrutiny Review": on a single item's page the line after the page's title is the item's."""
    filled = [k for k, ln in enumerate(lines) if ln][:2]
    if len(filled) < 2 or lines[filled[0]] != MARK + "item_page":
        return
    title = lines[filled[1]]
    # "Meeting of Place Scrutiny Panel, Tuesday, 12th March, 2024 (Item 45.)" or "Minutes of the Overview and
    # Scrutiny Committee" is the meeting, not the item.
    if not title.startswith(MARK) and not re.search(r"^(?:meeting|minutes)\b|\(item\s+[\w.]+\)", title, re.I):
        lines[filled[1]] = HEADING + title.lstrip(HEADING)


_PAPERS_LABEL = re.compile(r"^(?:supporting|additional)\s+documents?\s*:?$", re.I)


def _paper_titles(lines: list[str]) -> None:
    """ "Overview Report pdf icon PDF 308 KB": an item's title, unless it is listed under the item's papers."""
    previous = ""
    for k, line in enumerate(lines):
        if line.startswith(MARK + "paper:"):
            title = line[len(MARK + "paper:") :]
            listed = previous.startswith(MARK) or re.match(
                r"^(?:supporting|additional)\s+documents?\s*:?$", previous, re.I
            )
            lines[k] = title if listed else HEADING + title
            previous = MARK if listed else title
        elif line:
            previous = line


def _title_above_papers(lines: list[str]) -> None:
    """ "COVID-19 Update" / "Public Health to report" / "Additional documents:": an unnumbered item's title is
    the short capitalised line a little above its papers."""
    for k, line in enumerate(lines):
        if line != _PAPERS:
            continue
        above = [j for j in range(k - 1, max(k - 8, -1), -1) if lines[j] and not lines[j].startswith(MARK)][:3]
        titles = [j for j in above if _short_title(lines[j]) and (j == 0 or not lines[j - 1])]
        if titles and not any(lines[j].startswith(HEADING) for j in above):
            lines[titles[-1]] = HEADING + lines[titles[-1]]


def _short_title(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 10 or line.endswith((".", ":", ";", ",")) or line.startswith(HEADING):
        return False
    if re.match(r"^(?:\d|RESOLVED|AGREED|Minutes\s*:|[A-Z]{1,4}\d{1,4}[a-z]?$)", line):  # (or "AM119", a minute code)
        return False  # numbered headings are found by their numbers
    return all(_TITLE_WORD.match(w) for w in words) and words[0][:1].isupper()


def _website_item_titles(lines: list[str]) -> None:
    """A committee website's "No. Item" page with no numbers left: every short capitalised line standing alone
    between blank lines below the table's header is an item's title ("Members' Interests", "Update from Portfolio
    Holder"), not only those with papers beside them."""
    start = next((k for k, ln in enumerate(lines) if re.match(r"^No\.?\s+Item$", ln, re.I)), None)
    if start is None:
        return
    for k in range(start + 1, len(lines)):
        line = lines[k]
        alone = not lines[k - 1] and (k + 1 >= len(lines) or not lines[k + 1])
        before = next((lines[j] for j in range(k - 1, max(k - 4, start), -1) if lines[j].strip()), "")
        listed = re.search(r"(?:[;,]|\band)\s*$", before)  # "Interim Director; and" / "Head of Finance": a list
        if alone and not listed and _short_title(line) and not _DECISION_WORD.search(line):
            lines[k] = HEADING + line


# Rules that mark an item heading the numbered-heading rules cannot see, in this order. Add one for a new page style.
HEADING_RULES = [_item_page_title, _paper_titles, _title_above_papers, _website_item_titles]


_DECISION_WORD = re.compile(r"\b(?:RESOLVED|AGREED|resolved|agreed)\b")


def _drop_agenda_summaries(lines: list[str]) -> None:
    """On a committee website the paragraph just above an item's papers is the agenda's summary of the item
    ("Items which in the opinion of the Chair should be considered ..."), not what the meeting did."""
    for k, line in enumerate(lines):
        if line != _PAPERS:
            continue
        above = [j for j in range(k - 1, max(k - 12, -1), -1) if lines[j]]
        if not above:
            continue
        para = [above[0]]
        while para[-1] > 0 and lines[para[-1] - 1]:
            para.append(para[-1] - 1)
        if any(lines[j].startswith((HEADING, MARK)) or re.match(r"^\d", lines[j]) for j in para):
            continue
        if any(_DECISION_WORD.search(lines[j]) or _short_title(lines[j]) for j in para):
            continue
        before = next((lines[j] for j in range(para[-1] - 1, max(para[-1] - 4, -1), -1) if lines[j]), "")
        if re.match(r"^(?:[A-Z]{1,4})?\d{1,4}[a-z]?[.)]?$", before):
            continue  # "AM319" / "Suspension of Standing Orders - Admission of ...": a long title under its number
        for j in para:
            lines[j] = ""
