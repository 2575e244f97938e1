"""Stage 1, normalise: clean lines from a PDF, a Word file or a committee web page.

Characters are unified, clutter ("pdf icon PDF 136 KB") dropped, action tables marked as rows, words
a PDF hyphenated rejoined, and a decision run into a sentence ("..., and RESOLVED that") put on its own line.
"""

from __future__ import annotations

import re

from .document import CELL, HEADING, MARK, TABLE_ROW, Document
from .patterns import CLUTTER_INLINE, CLUTTER_LINE, NUM_HEADING, TRIGGER
from .text import any_date, title_like
from .tracker import cell_tables
from .vocabulary import HYPHEN_PREFIXES
from .webtable import SMALL_TITLE_WORDS, web_table_rows

_REPLACEMENTS = [
    ("\r\n", "\n"), ("\r", "\n"), ("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\t", " "),
    ("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00ad", ""), ("\u200b", ""),
    ("\ufeff", ""), ("\f", "\n"), ("\x0b", "\n"), ("|", "\n"), ("\u2028", "\n"), ("\u2029", "\n"), ("\x00", ""),
]  # fmt: skip


_TABLE_ACTION = re.compile(
    r"^(?:agreed\s+)?actions?(?:\s+(?:required|agreed|description|points?))?$|"
    r"^(?:description|task|recommendations?|resolutions?|(?:report\s+)?title|subject|topic|issues?)$"
)


# "Minute | Action | By whom | By when": a log at the top of the minutes says which item each action came from.
_TABLE_REF = re.compile(r"^(?:minute|min|item|ref|reference|(?:minute|item|agenda\s+item)\s+(?:no|number|ref))\.?$")


_TABLE_OWNER = re.compile(
    r"^(?:(?:action\s+)?owner|responsible(?:\s+(?:officer|person|lead|member))?|responsibility|"
    r"lead(?:\s+(?:officer|member|department))?|who|by\s+whom|officer(?:\s+responsible)?|assigned\s+to|"
    r"(?:report\s+)?author|chief\s+officer)$"
)


_TABLE_DUE = re.compile(
    r"^(?:deadline|due(?:\s+(?:date|by))?|(?:target\s+|completion\s+|expected\s+|committee\s+|meeting\s+)?date"
    r"(?:\s+due)?|target\s+completion\s+date|by\s+when|when|"
    r"time\s*scales?|time\s*frame|target)$"
)


# A PDF sets labels in a narrow left column: "Also      Councillor X (Cabinet Member for" / "present:  Resources)".
_SPLIT_LABEL = re.compile(
    r"^[ ]*(Also|In)[ ]{2,}(\S[^\n]*)\n[ ]*(present|attendance|in[ ]+attendance|attending)[ ]*:[ ]*([^\n]*)$",
    re.M | re.I,
)


_INLINE_DECISION = re.compile(r"(?:\b[Ii]t\s+was\s+)?(?:\bUNANIMOUSLY\s+)?\b(?:RESOLVED|AGREED)\b")


# Words a web page or PDF ran together: "4.00pm1 July 2021", "CllrGary Harding".
GLUED_WORDS = [
    (re.compile(r"(\d\s?[ap]\.?m\.?)(?=\d)", re.I), r"\1 "),
    # "held on Tuesday, 28 June 2022at 6.00 pm": a year with the next word glued on
    (re.compile(r"\b((?:19|20)\d\d)(?=(?:at|in|via|from)\b)"), r"\1 "),
    (re.compile(r"\b(Cllrs?|Councillors?)(?=[A-Z][a-z])"), r"\1 "),
    # "RESOLVED - T H A T the minutes ...": a word letter-spaced for emphasis, as some Welsh councils print it
    (re.compile(r"\bT H A T\b"), "THAT"),
    # "PRESENTCouncillor Brian Fearon (Convener)", "IN ATTENDANCEDave Jones": a Word label whose tab was lost
    (re.compile(r"(?m)^(PRESENT|IN ATTENDANCE|APOLOGIES|ALSO PRESENT)(?=[A-Z][a-z])"), r"\1: "),
    # "22/08APOLOGIES FOR ABSENCEAPOLOGIES FOR ABSENCE": a minutes portal printing each heading twice, once as
    # the row's title and once as its own, with the minute number glued on
    (
        re.compile(r"(?m)^([ \t]*(?:\d{1,4}/\d{1,4}|\d{1,4}\.?)?[ \t]*)([A-Z][A-Z0-9 ,&'()/-]{5,150}?)\2[ \t]*$"),
        r"\1\2",
    ),
    (re.compile(r"(?m)^(\d{1,2}/\d{2,3})(?=[A-Z]{2})"), r"\1 "),
    # A Word file saved as text, its spaces lost after punctuation: "47.APOLOGIES FOR ABSENCE",
    # "Councillor:J. C. Shephard (Chair)", "D. Hare,G. Jones", "Contracts Manager BPL;Cllr. K. Dukes"
    (re.compile(r"(?m)^(\d{1,4})\.(?=[A-Z]{2})"), r"\1. "),
    (re.compile(r"(?m)^Councillor:(?=[^\s-])"), "Councillor "),
    (re.compile(r"(?m)^(Councillors|Officers|Others\s+Present|Present|In\s+Attendance):(?=[^\s-])"), r"\1: "),
    (re.compile(r"(?<=[a-z.]),(?=[A-Z]\.?\s?[A-Z])"), ", "),
    (re.compile(r";(?=(?:Cllrs?|Councillors?)\b)"), "; "),
]


_DETAILS_RUN = re.compile(r"(?m)^(?:Meeting|Committee)\s*:[^\n]{3,200}?\s(?:Date|Time)\s*:[^\n]*$")
_INLINE_LABEL = re.compile(
    r"(?<=[\w.)])(?<!\bAlso)(?<!\bOfficers)(?<!\bMembers)(?<!\bCouncillors)(?<!\bOthers)[ \t]+"
    r"(?=(?:Present|PRESENT|In Attendance|Also Present|Also in Attendance|Officers Present|Apologies|"
    r"Apologies for Absence|Clerk to the Committee)\s*:\s*[A-Z])"
)


# "Overview Report pdf icon PDF 308 KB" alone on a line: a committee website's item title with its paper.
# (Numbered titles are found by their numbers; appendices and documents listed under an item are not items.)
_PAPER_TITLE = re.compile(
    r"^[ \t]*(?P<title>(?!(?:Appendix|Annex|Document|Enc|Schedule)\b)[A-Z][^\n.|\d][^\n|]{1,150}?)"
    r"[ \t]+(?:pdf[ \t]+icon[ \t]+)?PDF[ \t]+[\d.,]+[ \t]*[KM]B[ \t]*$",
    re.M,
)


# A PDF whose line breaks were all lost: "... Titmuss and Worlding. 1 MINUTES (REF: 1) Resolved: ... signed by the
# Mayor. 2 APOLOGIES FOR ABSENCE Apologies ...". A minute number after a sentence's end, before a capitalised word.
_INLINE_MINUTE = re.compile(r"(?<=[.:;!?)”’\"]) (?P<num>\d{1,4})\.? (?=[A-Z][A-Z'’]+[ ,:–-]|[A-Z] [A-Z]{2})")
RUN_ON_LINE = 600  # characters: longer than any paragraph of minutes a line break would have ended
# "... Public Items 1 Welcome and Apologies/Substitutes 2 Declarations of Interest 3 Minute of ...": a portal's
# agenda run into one line, titles in mixed case and no full stops; believed only as a run from 1.
_INLINE_AGENDA_NUMBER = re.compile(r"(?<=[a-z)]) (?P<num>\d{1,2}) (?=[A-Z][a-z]+ )")


def _unfold_numbered_minutes(text: str) -> str:
    """Each minute of a run-on line starts a line of its own, where three or more number on from each other in
    the line (a list of minutes, not a figure that happens to follow a full stop)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= RUN_ON_LINE:
            out.append(line)
            continue
        runs: list[list[re.Match]] = [[]]
        for m in _INLINE_MINUTE.finditer(line):
            if runs[-1] and int(m.group("num")) != int(runs[-1][-1].group("num")) + 1:
                runs.append([])
            runs[-1].append(m)
        cuts = [m.start() for run in runs if len(run) >= 3 for m in run] or _agenda_run(line)
        out += [line[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return "\n".join(out)


def _agenda_run(line: str) -> list[int]:
    """Where "1 Title 2 Title 3 Title 4 Title" numbers on from 1, at least four deep: the places to cut."""
    run: list[re.Match] = []
    for m in _INLINE_AGENDA_NUMBER.finditer(line):
        if int(m.group("num")) == len(run) + 1:
            run.append(m)
    return [m.start() for m in run] if len(run) >= 4 else []


# Clutter lines the layout stage still wants to see, by what they tell it.
_KEPT_MARKS = {
    "additional documents": "papers",
    "additional document": "papers",
    "agenda item": "item_page",
    "decision details": "item_page",
}


def _normalise(text: str) -> list[str]:
    text = text.replace(TABLE_ROW, " ").replace(CELL, " ").replace(HEADING, " ").replace(MARK, " ")
    text = cell_tables(text)
    if "|" in text or "\t" in text:
        text = web_table_rows(text)
        text = _action_tables(text)
    # str.replace per character is much faster than str.translate on long documents.
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    if "PDF" in text:
        text = _PAPER_TITLE.sub(lambda m: f"{MARK}paper:{m.group('title')}", text)
    for pat in CLUTTER_INLINE:
        text = pat.sub(" ", text)
    if re.search(r"(?:present|attendance|attending)[ ]*:", text, re.I):
        text = _SPLIT_LABEL.sub(lambda m: f"{m.group(1)} {m.group(3)}: {m.group(2)} {m.group(4)}", text)
    text = re.sub(r" {2,}", " ", text)
    text = _unfold_numbered_minutes(text)
    # "... on 10 SEPTEMBER 2013 at 10.30am Present: Councillors A, B ... In Attendance: C, Head of Finance": a PDF
    # page run into one line; each attendance label starts a line of its own
    text = _INLINE_LABEL.sub("\n", text)
    # "Meeting: London Assembly – Question Time Date: Wednesday 21 May 2008 Time: 10.00am Place: ...": a page's
    # labelled details run into one line, each label on a line of its own
    text = _DETAILS_RUN.sub(lambda m: re.sub(r"\s+(?=(?:Date|Time|Place|Venue|Location)\s*:)", "\n", m.group(0)), text)
    for pattern, repl in GLUED_WORDS:
        text = pattern.sub(repl, text)
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line and CLUTTER_LINE.match(line):
            kind = _KEPT_MARKS.get(line.lower().rstrip(" :"))
            if kind and (kind != "item_page" or not any(out)):
                out.append(MARK + kind)  # for the layout stage, which takes it out again
            continue
        out.append(line)
    _dehyphenate(out)
    out = _without_alphabet_menu(out)
    return _split_inline_decisions(_split_run_in_titles(_interest_tables(_rejoin_wrapped(_referenced_titles(out)))))


# "Apologies for absence (ECSS/01/060411)": a website's item title with its minute reference in brackets after it.
_REFERENCED_TITLE = re.compile(r"^(?P<title>[A-Z][^()]{2,150}?)\s+\((?P<ref>[A-Z]{2,8}/\w{1,4}/\d{2,8})\)$")


def _referenced_titles(lines: list[str]) -> list[str]:
    """Such titles become headings numbered by their references, where two or more make a list of minutes."""
    found = [i for i, line in enumerate(lines) if _REFERENCED_TITLE.match(line)]
    if len(found) < 2:
        return lines
    out = list(lines)
    for i in found:
        m = _REFERENCED_TITLE.match(lines[i])
        out[i] = f"{HEADING}{m.group('ref')}{CELL}{m.group('title')}"
    return out


def _without_alphabet_menu(lines: list[str]) -> list[str]:
    """A council website's "A-Z of Services" menu copied with the page: "2. A", "3. B", ... is not 26 items."""
    letters = [i for i, line in enumerate(lines) if re.match(r"^\d{1,2}\.\s+[A-Z]$", line)]
    if len(letters) < 5:
        return lines
    drop = set(letters) | {i for i, line in enumerate(lines) if re.match(r"^\d{1,2}\.\s+A-Z\b", line)}
    return [line for i, line in enumerate(lines) if i not in drop]


def _rejoin_wrapped(lines: list[str]) -> list[str]:
    """A PDF that spaced every line with a blank one: "RESOLVED: That a letter be sent to A Taylor" / blank /
    "upon her election to the Youth Parliament." is one sentence, the second line in lower case carrying it on."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        while (
            i + 2 < len(lines)
            and len(line) >= 30
            and re.search(r"[A-Za-z,]$", line)
            # a numbered heading's short title keeps its own line
            and not (re.match(r"^\d{1,3}(?:\.\d{1,2})?\.?\s+[A-Z]", line) and len(line.split()) <= 8)
            and not lines[i + 1]
            and re.match(r"^[a-z][a-z]+\s+\S", lines[i + 2])
        ):
            line = f"{line} {lines[i + 2]}"
            i += 2
        out.append(line)
        i += 1
    return out


# A declarations of interest table copied one cell a line: "Councillor" / "Minute Number" / "Nature of Interest",
# then three lines a row. Each row becomes a sentence, so the row's minute number is not read as an item's.
_INTEREST_HEADER = [
    re.compile(r"^(?:councillor|member|name(?:\s+of\s+member)?)s?$", re.I),
    re.compile(r"^(?:minute|item|agenda\s+item)(?:\s+(?:number|no\.?))?$", re.I),
    re.compile(r"^(?:nature\s+of\s+(?:the\s+)?interest|interest|type\s+of\s+interest)$", re.I),
]


def _interest_tables(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        filled = (
            [k for k in range(i, min(i + 8, len(lines))) if lines[k]][:3] if _INTEREST_HEADER[0].match(lines[i]) else []
        )
        if len(filled) == 3 and all(p.match(lines[k]) for p, k in zip(_INTEREST_HEADER, filled, strict=True)):
            i = filled[-1] + 1
            while True:
                row = [k for k in range(i, min(i + 8, len(lines))) if lines[k]][:3]
                if len(row) < 3 or not re.match(r"^\d{1,4}[a-z]?\b", lines[row[1]]) or len(lines[row[0]]) > 40:
                    break
                who, minute, nature = (lines[k] for k in row)
                if not re.match(r"^(?:Councillor|Cllr)\b", who):
                    who = f"Councillor {who}"
                out += [f"{who} declared an interest in minute {minute} ({nature.rstrip('.')}).", ""]
                i = row[-1] + 1
            continue
        out.append(lines[i])
        i += 1
    return out


def _cells(line: str) -> list[str] | None:
    delim = "|" if "|" in line else "\t" if "\t" in line else None
    if delim is None:
        return None
    cells = [c.strip() for c in line.strip().strip(delim).split(delim)]
    return cells if len(cells) >= 2 else None


def _action_tables(text: str) -> str:
    """Turn "Action | Responsible | Deadline" tables (Word tables pasted or exported) into marked rows."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        header = _cells(lines[i]) if len(lines[i]) < 200 else None
        cols = [c.lower().strip(" *:") for c in header] if header else []
        what = next((k for k, c in enumerate(cols) if _TABLE_ACTION.match(c)), None)
        who = next((k for k, c in enumerate(cols) if _TABLE_OWNER.match(c)), None)
        due = next((k for k, c in enumerate(cols) if _TABLE_DUE.match(c)), None)
        ref = next((k for k, c in enumerate(cols) if _TABLE_REF.match(c)), None)
        if what is None or (who is None and due is None):
            i += 1
            continue
        lines[i] = ""
        j = i + 1
        while j < len(lines):
            row = _cells(lines[j])
            if row is None or len(row) != len(cols):
                break
            if NUM_HEADING.match(row[0]) and title_like(NUM_HEADING.match(row[0]).group("title")):
                break
            if re.match(r"^:?-{3,}:?$", row[0]):
                lines[j] = ""
            elif row[what] and not re.match(r"^(?:none|nil|n/?a|no\s+actions?|-+)\.?$", row[what], re.I):
                owner = row[who] if who is not None else ""
                when = row[due] if due is not None else ""
                minute = row[ref] if ref is not None and len(row[ref]) <= 12 else ""
                lines[j] = f"{TABLE_ROW}{row[what]}{CELL}{owner}{CELL}{when}{CELL}{minute}"
            else:
                lines[j] = ""
            j += 1
        i = j
    return "\n".join(lines)


def _dehyphenate(lines: list[str]) -> None:
    """Rejoin words a PDF hyphenated at a line end: "consid-" / "ered the report" -> "considered" / "the report"."""
    for i in range(len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        if not nxt[:1].islower() or not line.endswith("-") or len(line) < 3:
            continue
        m = re.search(r"(?<![\w-])([A-Za-z]+)-$", line)
        if not m or len(m.group(1)) < 2:
            continue
        head, _, tail = nxt.partition(" ")
        # "co-" / "opted" keeps its hyphen; "consid-" / "ered" loses it.
        lines[i] = (line if m.group(1).lower() in HYPHEN_PREFIXES else line[:-1]) + head
        lines[i + 1] = tail


# "234  MINUTES – Resolved – That the minutes ...": a printed minute's number and capitalised title run into
# its text on one line. The title goes on a line of its own so the item splitter sees a heading.
_RUN_IN_TITLE = re.compile(
    r"^(?P<num>(?:[A-Z]{1,6}[ ./]?)?\d{1,4}(?:[/.]\d{1,4})?[a-z]?\.?)\s+"
    r"(?P<title>[A-Z][A-Z0-9,'’&()/ -]{1,200}?[A-Z)])\s*(?:[–—]|\s-|:)\s+(?P<rest>\S.*)$"
)
# "235  PUBLIC REQUESTS TO SPEAK There were no requests received.": the same with no dash, the title ending
# where the words stop being capitals ("1 MINUTES (REF: 1) Resolved: ...": a reference may come between; "99
# MINUTES OF A PREVIOUS MEETING": a capital "A" opens prose only before a lower-case word).
_RUN_IN_BARE = re.compile(
    r"^(?P<num>\d{1,4}[a-z]?\.?)\s+(?P<title>[A-Z][A-Z0-9,'’&()/-]+(?:\s+[A-Z0-9][A-Z0-9,'’&()/-]*){0,20}?)"
    r"\s+(?P<rest>(?:\([^()\n]{1,20}\)\s+)?(?:[A-Z][a-z]|[Aa]\s+[a-z])\S*\s.*)$"
)


# "2 Neighbourhood Policing Team The Neighbourhood Policing Team provided ...": the same in mixed case, from a PDF
# whose headings lost their line breaks. The title ends where a sentence starts: at a word that opens one, or at a
# capital after a lower-case word ("3 Minutes of the previous meeting Minutes of the meeting held on ...").
_RUN_IN_MIXED = re.compile(r"^(?P<num>\d{1,3})\.?\s+(?P<text>[A-Z][a-z][^.]*?\s\S.*)$")
_OPENS_SENTENCE = {
    "The", "A", "An", "In", "It", "This", "There", "These", "At", "On", "Following", "None", "No", "Approximately",
    "All", "Members", "Councillor", "Councillors", "Cllr", "Mr", "Mrs", "Ms", "Dr", "He", "She", "They", "We",
    "RESOLVED", "Resolved", "AGREED", "Agreed",
}  # fmt: skip
_TITLE_JOINS = SMALL_TITLE_WORDS | {"-", "–"}


def _mixed_title_end(text: str) -> int | None:
    words = text.split()
    for k in range(1, min(len(words) - 1, 12)):
        word, prev = words[k], words[k - 1]
        if not word[:1].isupper() or prev.lower() in _TITLE_JOINS:
            continue
        if word in _OPENS_SENTENCE or (prev[:1].islower() and words[k + 1][:1].islower()):
            return k
    return None


def _split_mixed_run_in(lines: list[str]) -> list[str]:
    """Only where at least three such lines number on from each other: a list of minutes, not stray numbers."""
    found = {}
    for i, line in enumerate(lines):
        m = _RUN_IN_MIXED.match(line)
        cut = _mixed_title_end(m.group("text")) if m else None
        if cut:
            found[i] = (int(m.group("num")), cut, m)
    numbers = sorted(n for n, _, _ in found.values())
    if sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b == a + 1) < 2:
        return lines
    out = []
    for i, line in enumerate(lines):
        if i in found:
            _, cut, m = found[i]
            words = m.group("text").split()
            out += [f"{m.group('num')} {' '.join(words[:cut])}", " ".join(words[cut:])]
        else:
            out.append(line)
    return out


def _split_run_in_titles(lines: list[str]) -> list[str]:
    lines = _split_mixed_run_in(lines)
    out = []
    for line in lines:
        m = _RUN_IN_TITLE.match(line) if line[:1].isdigit() or line[:1].isupper() else None
        if m and m.group("title").count("(") != m.group("title").count(")"):
            m = None  # "1 MINUTES (REF: 1) Resolved: ...": the colon is the reference's, not the title's end
        m = m or (_RUN_IN_BARE.match(line) if line[:1].isdigit() else None)
        # (The text after the title must be prose: "31 CALL-IN: DISPOSAL OF LAND" is one shouted title.)
        if (
            m
            and len(m.group("title").split()) <= 30
            # one word is a title only before a reference: "1 MINUTES (REF: 1) Resolved: ..."
            and (len(m.group("title").split()) > 1 or m.group("rest").startswith("(") or m.re is _RUN_IN_TITLE)
            and re.search(r"[A-Z]{3}", m.group("title"))
            and (re.search(r"[a-z]", m.group("rest")))
        ):
            out += [f"{m.group('num')} {m.group('title')}", m.group("rest")]
        else:
            out.append(line)
    return out


def _split_inline_decisions(lines: list[str]) -> list[str]:
    """ "Proposed by Cllr A, seconded by Cllr B, and RESOLVED that ..." : the decision starts its own line."""
    out = []
    for line in lines:
        if "RESOLVED" in line or "AGREED" in line:
            m = next((m for m in _INLINE_DECISION.finditer(line) if m.start() > 0), None)
            if m and line[: m.start()].strip() and not TRIGGER.match(line):
                out.append(line[: m.start()].rstrip())
                line = line[m.start() :]
                line = line[:1].upper() + line[1:]  # "..., it was RESOLVED that:" starts a block of its own
        out.append(line)
    return out


def drop_page_furniture(lines: list[str], committee: str | None, date: str | None = None) -> list[str]:
    """Remove running page headers ("Committee name, 23 March 2022") and signature blocks."""
    out: list[str] = []
    key = committee.lower() if committee else None
    for i, line in enumerate(lines):
        low = line.lower()
        dated = key and i > 3 and key in low and len(line.split()) <= 16 and any_date(line)
        # (A header carries the meeting's own date: "47 MINUTES OF THE CITY COUNCIL HELD ON 28/01/16" is a minute.)
        if dated and (not date or dated.isoformat() == date):
            continue
        nxt = next((ln for ln in lines[i + 1 : i + 3] if ln), "")
        if re.match(r"^(?:COUNCILLOR|CLLR|Councillor|Cllr)\b", line) and line.isupper() and len(line.split()) <= 5:
            continue
        if line.isupper() and re.match(r"^(?:chair(?:man|person)?|vice[- ]chair)$", nxt, re.I) and len(line) < 40:
            continue
        if re.search(r"\bmeeting\b.*\b(?:started|commenced|began|ended|closed|finished|concluded)\b", line, re.I) and (
            re.search(r"\d", line) and len(line.split()) <= 25
        ):
            continue
        out.append(line)
    return out


def normalise(doc: Document) -> None:
    """Stage: one clean line per line of the minutes, whatever file or web page they came from."""
    doc.lines = _normalise(doc.text)
