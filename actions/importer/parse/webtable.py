"""A committee website's "No. | Item" table copied as text: one row per agenda item, no item numbers.

Each row starts with the item's title, then its papers ("PDF 246 KB", "Report attached", "Additional
documents:") and the agenda summary, then "Decision:" and/or "Minutes:" with what happened:

    No. | Item |
    ---|---|
    Apologies for Absence Additional documents: Decision: ... Minutes: An apology was received from ... |

``web_table_rows`` rewrites such a table as one marked heading line per row (``HEADING`` + title) and the
rest of the row below it, with each "Decision:" or "Minutes:" starting its own line.
"""

from __future__ import annotations

import re

from .document import CELL, HEADING

# "No. | Item |", or "| No. | Item |" as a markdown table
TABLE_HEADER = re.compile(r"^[ \t]*(?:\|[ \t]*)?No\.?[ \t]*\|[ \t]*Item[ \t]*\|[ \t|]*$", re.I | re.M)
_SEPARATOR = re.compile(r"^[\s|:-]*$")
# Where a row's title ends: the first of these after it. Add a row-label here as a new site shows one.
TITLE_ENDS = [
    r"\s(?:pdf\s+icon\s+)?PDF\s+[\d.,]+\s*[KM]B\b",
    r"\s(?:Additional\s+documents|Supporting\s+documents|Decision|Minutes|Documents)\s*:",
    r"\s(?:Report|Reports|Slides|Presentation|Papers?)\s+(?:attached|to\s+follow|to\s+be\s+circulated)\b",
    r"\sVerbal\s+(?:update|report)\b",
    r"\s(?:To|Members\s+are)\s+(?=[a-z])",
    r"\s(?=To\s+(?:Receive|Consider|Note|Approve|Agree)\b)",  # "Declarations of Interest To Receive Declarations"
    r"\s(?:RESOLVED|AGREED|RECOMMENDED)\b",
    r"\s(?=That\s+[a-z])",  # "Minutes of the meeting of ... That the minutes of the meeting be signed ..."
    r"\s(?:Report\s+of|The\s+report\s+of)\s",
    # "Declarations of Interest Members to state ...", "Public participation Registered speakers may ...":
    # a capitalised word that starts the summary's first sentence.
    r"\s(?=(?:The|This|These|Members|Councillors|Questions|Registered|Residents|Officers)\s+(?!of\b|and\b)[a-z])",
    # "... 2021-22 Scrutiny committee is recommended to ...": the summary's first sentence, subject and all.
    r"\s(?=[A-Z][\w']*\s+(?:[a-z][\w']*\s+){0,2}(?:is|are)\s+(?:recommended|invited|asked|requested|reminded)\b)",
    # "Public Questions Arrangements for asking a public question can be viewed here: ...": the same, with a modal.
    r"\s(?=[A-Z][a-z]+\s+(?:[a-z][\w']*\s+){0,6}(?:can|will|may|should|must)\s+be\s+[a-z])",
]
_TITLE_END = re.compile("|".join(TITLE_ENDS))
# The labels that start a new line inside a row.
_ROW_LABEL = re.compile(r"\s+(?=(?:Additional\s+documents|Supporting\s+documents|Decision|Minutes)\s*:)")
# A line that starts a new row even though the last one did not end with "|": a title, then a label (after the
# agenda's summary, which may have sentences of its own: "Minutes of the meeting of ... That the minutes of the
# meeting be signed as a correct record. Minutes:"), but not a sentence of the minutes before a label ("The Action
# Log was noted by the Committee. Minutes:").
_ROW_START = re.compile(
    r"^(?!(?:Additional\s+documents|Supporting\s+documents|Decision|Minutes)\s*:)(?![^.|:]{0,200}\s(?:was|were|is|are|has|had)\s)[A-Z\"'(][^|]{2,400}?"
    r"(?:\s(?:pdf\s+icon\s+)?PDF\s+[\d.,]+\s*[KM]B\b|\s(?:Additional\s+documents|Decision|Minutes)\s*:)"
)
_PAPER = re.compile(r"^(?:pdf\s+icon\s+)?PDF\s+[\d.,]+\s*[KM]B\b\s*")
SMALL_TITLE_WORDS = {"of", "and", "for", "the", "to", "in", "on", "&", "a", "an", "with", "by", "at", "from"}
LONGEST_TITLE = 30  # words; a longer "title" is the agenda summary run on


# Copied without its header row (a search engine's excerpt, a partial copy): rows that end with "|" and are not
# a markdown table's (which start with "|" too), each with what happened under "Minutes:" or "Decision:".
_HEADLESS_ROW_END = re.compile(r"^[ \t]*[^|\s][^\n]*\|[ \t]*$", re.M)
_ROW_LABEL_ANYWHERE = re.compile(r"\s(?:Decision|Minutes)\s*:")
HEADLESS_ROWS = 2  # at least this many such rows, and as many labels


def _table_bounds(text: str) -> tuple[int, int] | None:
    """Where the table starts, and where its rows start: after its header row, or at its first row."""
    header = TABLE_HEADER.search(text)
    if header:
        return header.start(), header.end()
    if len(_HEADLESS_ROW_END.findall(text)) < HEADLESS_ROWS:
        return None
    if len(_ROW_LABEL_ANYWHERE.findall(text)) < HEADLESS_ROWS:
        return None
    offset = 0
    for line in text.split("\n"):
        if _ROW_START.match(line.strip()):
            return offset, offset
        offset += len(line) + 1
    return None


def web_table_rows(text: str) -> str:
    bounds = _table_bounds(text)
    if not bounds:
        return text
    start, rows_start = bounds
    rows, current = [], []
    for line in text[rows_start:].split("\n"):
        if _SEPARATOR.match(line):
            if current:
                rows.append(" ".join(current))
                current = []
            continue
        if current and _ROW_START.match(line.strip()):
            rows.append(" ".join(current))
            current = []
        current.append(line.strip().strip("|").strip())
        if line.rstrip().endswith("|"):
            rows.append(" ".join(current))
            current = []
    if current:
        rows.append(" ".join(current))
    out = [_row_lines(row) for row in rows if row.strip()]
    return text[:start] + "\n" + "\n".join(out) + "\n"


def _row_lines(row: str) -> str:
    row = re.sub(r"\s+", " ", row).strip()
    # "1. | APOLOGIES | The following apologies ...": a numbered row with its title in a cell of its own.
    cells = [c.strip() for c in row.split("|")]
    if len(cells) >= 2 and re.fullmatch(r"\d{1,4}[a-z]?\.?", cells[0]) and cells[1]:
        body = _ROW_LABEL.sub("\n", _PAPER.sub("", " ".join(cells[2:]))).strip()
        return f"{HEADING}{cells[0].rstrip('.')}{CELL}{cells[1]}\n{body}\n"
    title, rest = split_title(row)
    body = _ROW_LABEL.sub("\n", _PAPER.sub("", rest)).strip()
    if not re.search(r"\b(?:Minutes|Decision)\s*:|\b(?:RESOLVED|AGREED|Resolved|Agreed)\b", body):
        body = ""  # only the agenda's summary: nothing happened on this row that the minutes record
    return f"{HEADING}{title}\n{body}\n" if title else f"{body}\n"


def split_title(row: str) -> tuple[str, str]:
    """("Declarations of Interest", "Members are invited to ...") from one row of the table."""
    m = _TITLE_END.search(row)
    title, rest = (row[: m.start()], row[m.start() :]) if m else (row, "")
    # "Urgent Business Urgent business, if any, introduced by the Chair": the summary opens with the title again.
    words = title.split()
    for k in range(1, len(words) // 2 + 1):
        if [w.lower() for w in words[:k]] == [w.lower().strip(",") for w in words[k : 2 * k]] and words[k][
            :1
        ].isupper():
            title, rest = " ".join(words[:k]), " ".join(words[k:]) + " " + rest
            break
    if len(title.split()) > LONGEST_TITLE:
        title, rest = _capitalised_run(row)
    return title.strip(" .:-–—"), rest.strip()


def _capitalised_run(row: str) -> tuple[str, str]:
    """The title as the run of capitalised words before the summary's first sentence ("... Interest Members are")."""
    words = row.split()
    k = 0
    while k < len(words) and (
        words[k][:1].isupper() or words[k][:1].isdigit() or words[k].lower() in SMALL_TITLE_WORDS
    ):
        k += 1
    end = k - 1 if 1 < k < len(words) else k  # the last capital word is the next sentence's subject
    while end > 1 and words[end - 1].lower() in SMALL_TITLE_WORDS:
        end -= 1
    return " ".join(words[:end]), " ".join(words[end:])
