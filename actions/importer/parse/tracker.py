"""Recommendation and action trackers flattened from a table with one cell a line.

A tracker copied out of a Word or PDF table often comes as its column names, one a line, then each row's
cells, one a line, with blank lines between rows:

    No.  /  Recommendation  /  Responsibility  /  Agreed  /  Date
    1  /  That the Council consider a training programme ...  /  Training Manager  /  Yes  /  March 2003

``cell_tables`` rewrites such a tracker as one item per row (the row's text as its title) with the row as
a marked action row (``TABLE_ROW``) carrying its owner and date, so the decisions stage reads it like any
action table. A row the tracker marks as not agreed or rejected is kept as a decision but not an action.
"""

from __future__ import annotations

import re

from .document import CELL, HEADING, TABLE_ROW

# Column names, by what the column holds. Add a name here when a tracker uses a new one.
COLUMNS = {
    "ref": r"no\.?|ref(?:erence)?\.?|item(?:\s+no\.?)?|minute(?:\s+(?:no\.?|ref(?:erence)?))?|#",
    "what": r"recommendations?|actions?(?:\s+(?:required|agreed|points?))?|issues?|tasks?|description|resolutions?|"
    r"(?:report\s+)?title|subject|topic",
    "owner": r"responsib(?:ility|le)(?:\s+officer)?|owner|lead(?:\s+(?:officer|member|department))?|officer"
    r"(?:\s+responsible)?|by\s+whom|who|(?:report\s+)?author|chief\s+officer",
    "due": r"(?:target\s+|expected\s+|committee\s+|meeting\s+)?date|due(?:\s+date)?|deadline|target|time\s*scales?|"
    r"by\s+when|(?:target\s+)?completion\s+date",
    "agreed": r"agreed|accepted|decision|response|status",
    "other": r"priority|comments?|progress|update|notes?|rag|outcome|progress\s+update|directorate|service|"
    r"purpose(?:\s+of\s+report)?|(?:delayed|explanation)\b.*",
}
_COLUMN = {kind: re.compile(rf"^(?:{pattern})\s*:?$", re.I) for kind, pattern in COLUMNS.items()}
_NOT_AGREED = re.compile(r"^(?:no|not\s+agreed|rejected|declined|not\s+accepted)\b", re.I)
_BLANK = re.compile(r"^[\s\u00a0\u2022•·-]*$")


def _kind(line: str) -> str | None:
    line = line.strip()
    return next((kind for kind, pat in _COLUMN.items() if pat.match(line)), None)


def cell_tables(text: str) -> str:
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        header, end = _header_at(lines, i)
        if not header:
            out.append(lines[i])
            i += 1
            continue
        rows, i = _rows(lines, end, header)
        out += [_row_text(row, header) for row in rows]
    return "\n".join(out)


def _header_at(lines: list[str], i: int) -> tuple[list[str] | None, int]:
    """The column kinds of a header starting at line i (blank lines between them allowed), and where it ends."""
    if len(lines[i]) > 40 or _kind(lines[i]) is None:
        return None, i  # (most lines: a quick no)
    kinds, j = [], i
    while j < len(lines) and len(kinds) < 12:
        if _BLANK.match(lines[j]):
            if not kinds:
                return None, i
            j += 1
            continue
        kind = _kind(lines[j])
        if kind is None:
            break
        kinds.append(kind)
        j += 1
    if kinds.count("ref") > 1 or kinds.count("what") > 1:
        return None, i  # "No" / "No." is a row's "agreed" cell before the header repeated, not a header
    useful = "what" in kinds and ({"owner", "due", "agreed"} & set(kinds))
    return (kinds, j) if useful and len(kinds) >= 3 and kinds[0] in ("ref", "what") else (None, i)


def _rows(lines: list[str], start: int, header: list[str]) -> tuple[list[list[str]], int]:
    """Rows of cells after a header: a row starts at its number (1, 2, 3 ...) in a numbered tracker."""
    numbered = header[0] == "ref"
    rows, current, j, expected = [], [], start, 1
    while j < len(lines):
        line = lines[j].strip()
        if _BLANK.match(line):
            j += 1
            continue
        if _header_at(lines, j)[0]:
            break  # the header repeated on the next page: the caller reads on from here
        # A number starts the next row only once this row has most of its cells: "2" may be its priority.
        # (The first row may carry on the numbering of a page before the header was repeated.)
        number = re.fullmatch(r"(\d{1,3})\.?", line)
        starts = number and (int(number.group(1)) == expected or (not rows and not current))
        if starts and (not current or len(current) > len(header) // 2):
            if current:
                rows.append(current)
            current, expected = [line], int(number.group(1)) + 1
        elif numbered and not current:
            break  # text after the tracker
        else:
            current.append(line)
        if not numbered and len(current) == len(header):
            rows.append(current)
            current = []
        j += 1
    if current:
        rows.append(current)
    return rows, j


def _row_text(cells: list[str], header: list[str]) -> str:
    taken = [kind not in cell_kinds_taken(header, k) for k, kind in enumerate(header)]
    cell = {kind: cells[k] for k, kind in enumerate(header) if k < len(cells) and taken[k]}
    what = cell.get("what", "")
    if not what:
        return ""
    number = cell.get("ref", "").rstrip(".")
    lines = [f"{HEADING}{number}{CELL}{what}"]
    kind = "tracker_not_agreed" if _NOT_AGREED.match(cell.get("agreed", "")) else "tracker"
    due = cell.get("due", "")
    due = "" if re.fullmatch(r"[-–—\s]*", due) else due
    lines.append(f"{TABLE_ROW}{what}{CELL}{cell.get('owner', '')}{CELL}{due}{CELL}{CELL}{kind}")
    return "\n".join(lines + [""])


def cell_kinds_taken(header: list[str], k: int) -> set[str]:
    """The kinds an earlier column already took: the first "date" column is the due date, not a later one."""
    return {kind for kind in header[:k] if kind != "other"}
