"""Stage 4, read_attendance: who was present, in attendance or sent apologies, and in what role.

The labels a list can start with are in ``ATTENDANCE_LABELS`` with the status and role they give.
"""

from __future__ import annotations

import re

from core.vocabulary import HONORIFIC_WORDS

from .declarations import find_declarations
from .document import HEADING, Document, Person
from .names import (
    NOT_A_TITLE,
    bracketed_name,
    initials_of,
    looks_like_post,
    person_like,
    plausible_name,
    post_like,
    same_person,
    strip_honorific,
    take_title,
)
from .patterns import ATTENDANCE_LABEL, NUM_HEADING, PERSON, PROCEDURAL
from .text import caps_heading, paragraphs_of
from .vocabulary import HONORIFIC, NOT_NAME, POST_HEADS, POST_WORDS

# What an attendance label says about the people after it: (label pattern, status, role), first match wins.
# A status of None means the list is not of attendees ("Public attendance: 4"). Unmatched labels: present.
LABEL_STATUS = [
    (r"public", None, None),
    (r"^attendance\s+details$", "present", None),  # a committee website's heading above the members' run-on list
    (r"apolog", "apologies", None),
    (r"absent", "absent", None),
    (r"^vice", "present", "vice_chair"),
    (r"^(?:chair|presiding|in\s+the\s+chair)", "present", "chair"),
    (r"substitute", "present", "substitute"),
    (r"^voting", "present", None),  # the committee's own members, as against non-voting co-optees
    (r"co-?opted|^(?:independent|lay|statutory|non-?voting)", "present", "co-opted"),
    (r"^cabinet", "in_attendance", "cabinet_member"),
    (
        r"also|^other|representative|partners|witness|attend|officer|official|guest|^together|^and$|present(?:er|ing)|"
        r"speaker|contributor|invitation|invitee",
        "in_attendance",
        None,
    ),
]
_LABEL_STATUS = [(re.compile(pattern), status, role) for pattern, status, role in LABEL_STATUS]


def _label_status(label: str) -> tuple[str | None, str | None]:
    label = label.lower()
    for pattern, status, role in _LABEL_STATUS:
        if pattern.search(label):
            return status, role
    return "present", None


# A joint committee groups its members by council: "Northford City Council – Councillor A (Chair), Councillor B".
_ORG_PREFIX = re.compile(rf"^[A-Z][\w'&. -]{{0,60}}?\b(?:Council|Authority)\s*(?:[:–—-]|\s[–—-])\s*(?={HONORIFIC}\s)")


# A PDF's left-hand column of labels run into its names with no colon or commas:
# "Other Members Present P J Bateson J Campbell Mrs E A Forde", "Officers Present J A Lowe, (Chief Executive) ...".
_RUN_ON_LABEL = re.compile(
    r"^(?P<label>presiding|(?:other\s+)?(?:members|councillors)\s+present|officers\s+present|also\s+present|"
    r"present\s+(?:in\s+person|virtually|remotely|online|in\s+the\s+room)|"
    r"present|in\s+attendance|apologies)\s+(?P<rest>(?:(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr|Alderman)\.?\s+)?[A-Z].*)$",
    re.I,
)
_BRACKETED = r"(?:\s*,?\s*\([^()]{2,80}\))?"
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Councillor|Cllr|Alderman)\.?\s+)?"
_INITIALLED = re.compile(rf"{_TITLE}(?:[A-Z]\.?\s+){{1,3}}[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*{_BRACKETED}")
# "Present in person Sandy Bremner (Convener) Jackie Brierton Kenny Deans": a forename and a surname each.
_WORD = r"[A-Z][a-z]*(?:['’][A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
_FULL_NAMED = re.compile(rf"{_TITLE}{_WORD}\s+{_WORD}{_BRACKETED}")


def _comma_less_run(line: str) -> str | None:
    """ "Presiding P McLean" → "Presiding: P McLean"; names told apart by their initials (or as forename and
    surname, where every one has both), one entry each."""
    m = _RUN_ON_LABEL.match(line)
    if not m:
        return None
    names = _names_only(m.group("rest")) or _named_with_posts(m.group("rest"))
    return f"{m.group('label')}: " + "; ".join(names) if names else None  # else something besides names


def _names_only(text: str, shapes=(_INITIALLED, _FULL_NAMED)) -> list[str]:
    for shape in shapes:
        names = [n.group(0) for n in shape.finditer(text)]
        left = shape.sub("", text)
        if names and not re.sub(r"[\s,;.]|\band\b", "", left) and (shape is _INITIALLED or len(names) >= 2):
            # (a forename and a surname are never "Park Authority" or "Page Header")
            if shape is _FULL_NAMED and any(_common_word(n) for n in names):
                return []
            return [re.sub(r",\s*\(", " (", n) for n in names]
    return []


def _common_word(name: str) -> bool:
    words = re.sub(r"\([^()]*\)", "", name).split()
    return any(w.lower() in NOT_NAME or w.lower() in POST_WORDS | POST_HEADS for w in words)


# "In Attendance Grant Moir, Chief Executive Officer (CEO) David Cameron, Director of Corporate Services Gavin
# Miles, Director of Planning": each name is the two words before a comma, its post runs to the next name.
_NAME_COMMA = re.compile(rf"(?:^|(?<=\s))({_WORD}\s+{_WORD}),\s+")


def _named_with_posts(text: str) -> list[str]:
    starts = list(_NAME_COMMA.finditer(text))
    if len(starts) < 2 or starts[0].start() != 0:
        return []
    entries = []
    for k, name in enumerate(starts):
        post = text[name.end() : starts[k + 1].start() if k + 1 < len(starts) else len(text)].strip(" ,;")
        if not any(w.lower().strip("()") in POST_HEADS | POST_WORDS for w in post.split()):
            return []  # not a post between two names: some other layout
        entries.append(f"{name.group(1)}, {post}")
    return entries


def _continued_runs(lines: list[str], converted: list[str | None]) -> list[str]:
    """A comma-less run wrapped onto the next line ("Present virtually Chris Beattie Paul Gibb" / "Geva Blackett
    Hannah Grist"): the wrapped line's names join the list."""
    out = []
    for k, line in enumerate(lines):
        names = k and (converted[k - 1] or out[-1].startswith("; ")) and not converted[k] and _names_only(line)
        out.append(f"; {'; '.join(names)}" if names else converted[k] or line)
    return out


# A PDF's label column wrapped around the first name: "Officers in Mr Tohill, Chief Executive Attendance: Ms Campbell".
_WRAPPED_LABEL = re.compile(
    r"^(?P<a>(?:officers?|members?|also|others?)\s+in)\s+(?P<first>[^:]{3,80}?)\s+(?P<b>attendance)\s*:\s*"
    r"(?P<rest>.*)$",
    re.I,
)
# A label printed in brackets with no colon: "(Officials) Mrs M Ward, Chief Executive ...".
_BRACKETED_LABEL = re.compile(r"^\((?P<label>officials|officers|in\s+attendance|apologies)\)\s+(?=\S)", re.I)


def _relabelled(line: str) -> str:
    m = _WRAPPED_LABEL.match(line)
    if m:
        return f"{m.group('a')} {m.group('b')}: {m.group('first')} {m.group('rest')}"
    return _BRACKETED_LABEL.sub(lambda b: f"{b.group('label')}: ", line)


_NUMBERED_APOLOGIES = re.compile(r"^\d{1,3}[.)]?\s+(?=apologies\b[^:]{0,40}:\s*\S)", re.I)
_SHOUTED_APOLOGIES = re.compile(
    r"^\d{1,3}[.)]?\s+APOLOGIES(?:\s+FOR\s+ABSENCE)?(?:\s*/\s*[A-Z][A-Z ]{2,40}?)?"
    r"\s+(?=(?:Cllrs?|Councillors?)\.?\s+[A-Z])"
)
_ATTENDED_SENTENCE = re.compile(r"\s(?:also\s+)?attended\s+(?:the|this)\s+meeting\b")


def _find_attendance(lines: list[str]) -> tuple[list[Person], set[int]]:
    people: list[Person] = []
    used: set[int] = set()
    converted = [_comma_less_run(line) for line in lines]
    lines = [_relabelled(line) for line in _continued_runs(lines, converted)]
    # A comma-less run is whole on its lines: what follows it is not more of its names ("Apologies Kay Ellis" /
    # "Welcome and introduction").
    runs = {k for k, line in enumerate(lines) if converted[k] or line.startswith("; ")}
    i = 0
    while i < len(lines):
        if not people and i < 30 and _UNLABELLED_LIST.match(lines[i]):
            # "Aldermen M Coyle, G Robinson and J Rankin. Councillors O Beattie, ...": the page lost its "Present"
            lines[i] = "Present: " + lines[i]
        # A website's "Apologies" item, marked as a heading by an earlier stage: its names are the apologies, and the
        # heading stays the item's.
        heading = lines[i].startswith(HEADING)
        # "1. Apologies for absence: Cllr. Les Thomson": a numbered item whose title is the label (kept as the item's)
        numbered = None if heading else _NUMBERED_APOLOGIES.match(lines[i]) or _SHOUTED_APOLOGIES.match(lines[i])
        heading = heading or bool(numbered)
        seen = lines[i][numbered.end() :] if numbered else lines[i][1:] if heading else lines[i]
        if numbered and numbered.re is _SHOUTED_APOLOGIES:
            seen = f"Apologies: {seen}"  # "24. APOLOGIES FOR ABSENCE / DECLARATIONS OF INTEREST Cllrs A Brinn, ..."
        m = ATTENDANCE_LABEL.match(seen)
        label = m and (m.group("label") or m.group("bare"))
        if heading and not (label and label.lower().startswith("apolog")):
            m = None
        # A label alone on its line ("Present", "Apologies") is a heading only if names follow it.
        if not m or (
            (m.group("bare") or label.lower().startswith("apolog"))
            and not (m.group("rest") or "").strip()
            and not _next_is_names(lines, i)
        ):
            i += 1
            continue
        status, role = _label_status(label)
        rest = m.group("rest") or ""
        # "Present: Councillors:" / blank / the names: a group's title, not a name
        rest = "" if re.match(r"^(?:councillors|members|cllrs)\s*:?\s*$", rest, re.I) else rest
        if re.match(r"^(?:councillors|cllrs)$", label, re.I):
            rest = "Councillors " + rest  # "Councillors: A Khan, B Lee" lists councillors
        chunk = [_ORG_PREFIX.sub("", rest)]
        if not heading:
            used.add(i)
        j = i + 1
        if not rest.strip() and j + 1 < len(lines) and not lines[j] and _next_is_names(lines, i):
            while j < len(lines) and (not lines[j] or _MINUTES_LABEL.match(lines[j]) or _AGENDA_ASKS.match(lines[j])):
                used.add(j)
                j += 1  # "PRESENT:" / blank lines / the names; an agenda page's "Apologies" / "Minutes:" / the names
        while j < len(lines):
            if not lines[j]:
                # "Present: Councillor A (Chair)" / blank line / "Councillor B" / "Mr C": the list goes on.
                nxt = next((k for k in range(j + 1, min(j + 8, len(lines))) if lines[k]), None)
                if nxt is None or not (
                    re.match(rf"^{HONORIFIC}\s", lines[nxt])
                    or _GROUP_TITLE.match(lines[nxt])
                    or _CAPS_SURNAME.match(lines[nxt])
                    # "Invitees:" / "Cllr Jane Mudd (Leader)," / blank / "Beverly Owen (Chief Executive),": a comma
                    or (chunk[-1].rstrip().endswith(",") and _starts_entry(lines[nxt]))
                    # "S Serridge (Vice-Chair)" / blank / "F De Molfetta": a column of names a web page spaced out
                    or (_starts_entry(chunk[-1].strip()) and _short_entry(lines[nxt]))
                ):
                    break
                j = nxt
            if _GROUP_TITLE.match(lines[j]) or lines[j].strip() == "|":
                used.add(j)  # "BAILIES" / "COUNCILLORS" over their names, or a table's empty cell
                j += 1
                continue
            if ATTENDANCE_LABEL.match(lines[j]) or caps_heading(lines[j]) or (j - 1 in runs and j not in runs):
                break
            if NUM_HEADING.match(lines[j]) or PROCEDURAL.match(lines[j]) or _ATTENDED_SENTENCE.search(lines[j]):
                break  # ("Councillor Pinder attended the meeting under Procedure Rule 1.37": a sentence, read later)
            if chunk[-1].rstrip().endswith(".") and not _starts_entry(lines[j]) and not re.match(HONORIFIC, lines[j]):
                break  # "Apologies for absence: / Cllr A Bee." then "Item Description Decision": the list ended
            chunk.append(_ORG_PREFIX.sub("", re.sub(r"\s*\|$", "", lines[j])))
            used.add(j)
            j += 1
        if status:
            people.extend(_parse_people(_join_attendance_lines(chunk), status, role))
        i = j
    return _dedupe_people(people), used


# A Scottish or Northern Irish list's group headings, in capitals over the names: "BAILIES", "COUNCILLORS".
_UNLABELLED_LIST = re.compile(r"^(?:Aldermen|Councillors|Cllrs)\s+(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+,\s(?:[^,]+,){1,}")
_MINUTES_LABEL = re.compile(r"^Minutes\s*:\s*$")
# An agenda page's summary under "Apologies for absence", before its "Minutes:" and the names.
_AGENDA_ASKS = re.compile(
    r"^(?:Members\s+are\s+(?:requested|asked|invited)|To\s+(?:receive|note)\s+(?:any\s+)?apologies)\b", re.I
)
_CAPS_SURNAME = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+(?:Mc|Mac)?[A-Z][A-Z'’-]{2,}\b")  # "Kevin KEENAN"
_GROUP_TITLE = re.compile(r"^(?:BAILIES|BAILIE|(?i:councillors|aldermen)|PROVOST|LORD PROVOST|DEPUTE LORD PROVOST)\s*$")


def _next_is_names(lines: list[str], i: int) -> bool:
    # A label, blank lines (a PDF or Word file spaces them out), then the names.
    nxt = next(
        (
            ln
            for ln in lines[i + 1 : i + 8]
            if ln and not _GROUP_TITLE.match(ln) and not _MINUTES_LABEL.match(ln) and not _AGENDA_ASKS.match(ln)
        ),
        "",
    )
    return bool(nxt) and bool(
        re.match(rf"^{HONORIFIC}[\s:]", nxt)
        or ATTENDANCE_LABEL.match(nxt)
        or (_ENTRY_START.match(nxt) and not PROCEDURAL.match(nxt))
    )


# "Jane Smith – Title", "J. Smith, Title", "Jane Smith (Title)": a new attendee at the start of a line.
_ENTRY_START = re.compile(
    rf"^(?P<name>(?:{HONORIFIC}\s+)?(?:[A-Z]\.?\s+){{0,2}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"
    r"\s*(?:[—–-]\s|,\s|\(|$)"
)


def _short_entry(line: str) -> bool:
    return len(line.split()) <= 5 and _starts_entry(line.strip())


def _starts_entry(line: str) -> bool:
    m = _ENTRY_START.match(line)
    if not m:
        return False
    words = [w.lower().strip(".") for w in m.group("name").split()]
    # (an initial is no word: "A Hope" is a name, though "a" is never one)
    return not any(w in NOT_NAME and w not in HONORIFIC_WORDS and len(w) > 1 for w in words)


def _join_attendance_lines(chunk: list[str]) -> str:
    """Join attendance lines: "; " between entries, a space where a PDF wrapped one entry over two lines."""
    parts: list[str] = []
    depth = 0  # unclosed brackets so far
    for line in chunk:
        line = line.strip()
        if not line:
            continue
        if parts:
            parts.append(" " if depth > 0 or _continues_entry("".join(parts[-6:]), line) else "; ")
        parts.append(line)
        depth += line.count("(") - line.count(")")
    return "".join(parts)


def _continues_entry(prev: str, line: str) -> bool:
    """Does line carry on the entry that prev (the previous line) began?"""
    prev = prev[-200:]
    if line[:1] == "(" or line[:1].islower():
        return True
    if re.search(rf"(?:,|\band|&|\bof|\bfor|\bthe|\b{HONORIFIC})\s*$", prev, re.I):
        return True
    last = re.split(r"[,;]", prev)[-1]
    first = line.split(None, 1)[0].lower()
    # "Democratic Services" / "Officer (Sian Tully)": a post wrapped before its last word.
    if first in POST_HEADS and "(" not in last and post_like(last.strip()) and not person_like(last.strip()):
        return True
    in_title = bool(re.search(r"\s[—–-]\s", last)) and not re.search(r"[.)]\s*$", prev)
    return in_title and not _starts_entry(line)


_REPLACING = re.compile(
    rf"\s+(?:for|in\s+place\s+of|substituting\s+for|replacing)\s+(?:{HONORIFIC}\s+)?(?:[A-Z]\.?\s+){{0,3}}"
    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?"
)


_IN_PLACE_OF = re.compile(
    rf"(?P<who>{HONORIFIC}\s+[A-Z][^,;()]{{1,60}}?)\s*\(\s*(?:in\s+place\s+of|substituting\s+for|substitute\s+for|"
    rf"replacing|for)\s+(?P<gone>{HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*\)"
)


_OFFICE_DASH = re.compile(
    r"\b(?:the\s+)?(?P<deputy>deputy\s+)?(?:lord\s+)?mayor\s*[–—-]\s*"
    r"(?P<who>(?:Councillor|Cllr|Alderman)\.?\s+(?:[A-Z]\.?\s+){0,3}[A-Z][\w'’-]+)\.?\s*",
    re.I,
)
_MAYOR_FIRST = re.compile(
    r"^(?:The\s+)?(?:Right\s+Worshipful\s+|Worshipful\s+)?(?:the\s+)?(?:Lord\s+)?Mayor,?\s+"
    r"(?P<who>(?:Councillor|Cllr|Alderman)\.?\s+(?:[A-Z]\.?\s+){0,3}[A-Z][\w'’-]+)(?=\s*(?:[,;]|$))"
)


def _parse_people(text: str, status: str, label_role: str | None) -> list[Person]:
    text = re.sub(r"\s+", " ", text).strip(" .;")
    if not text or re.match(r"^(?:none|nil|no\s+(?:apologies|members|one))", text, re.I):
        return []
    # "Aldermen A, B and C. Councillors D, E": a full stop closes one group before the next group's title
    # "THE MAYOR - Councillor Roden. THE DEPUTY MAYOR - Councillor Zia COUNCILLORS - Akbar, ...": offices first.
    text = _OFFICE_DASH.sub(lambda m: f"{m.group('who')} ({'Deputy Mayor' if m.group('deputy') else 'Chair'}); ", text)
    text = re.sub(r"\.\s+(?=(?:Aldermen|Councillors|Cllrs)\s)", "; ", text, flags=re.I)
    # "Aldermen – Haire, Kingston; Councillors – Beattie, Black": the dash follows a group's title, not a name.
    text = re.sub(r"\b(Aldermen|Councillors|Cllrs)\s*[–—-]\s*", lambda m: f"{m.group(1).title()} ", text, flags=re.I)
    # "The Right Worshipful the Mayor Councillor R T Beckett": a council chaired by its Mayor, named by office first
    text = _MAYOR_FIRST.sub(r"\g<who> (Chair)", text)
    # "Councillor J Byrne in the chair. Councillors M Quinn (Vice-Chair), ...": the chair's entry ends there.
    text = re.sub(r"\s+(?:[-–—]\s*)?in\s+the\s+chair\b\.?", " (Chair);", text, flags=re.I)
    # "Councillor Mac Cafferty (Chair) Appich (Spokesperson)": a bracket closes one entry even without a comma.
    text = re.sub(r"\)\s+(?=(?:and\s+)?[A-Z](?:[a-z]|\.?\s+[A-Z][a-z]))", "), ", text)  # ... "(Mayor) L Asman"
    initials: list[str] = []
    if "(" in text:
        # "Cllr Sam Bailey (Chair) (SB)", "Tom Greaves, Housing Manager (TG)": initials the notes use for owners.
        text = re.sub(r"\s*\(([A-Z]{2,4})\)", lambda m: initials.append(m.group(1)) or "", text)
    if label_role == "substitute":
        # "Substitutes: Councillor Hunt for Councillor Moss": the one replaced is not a second substitute.
        text = _REPLACING.sub("", text)
    # "Councillor D Wren (in place of Councillor F Hale)": Wren substitutes, Hale was absent.
    stood_in = [(m.group("who"), m.group("gone")) for m in _IN_PLACE_OF.finditer(text)] if "(" in text else []
    if stood_in:
        text = _IN_PLACE_OF.sub(lambda m: m.group("who"), text)
    people = _parse_entries(_split_run_together(text), status, label_role)
    for who, gone in stood_in if status == "present" else []:
        name, _ = strip_honorific(who.strip())
        for person in people:
            if same_person(person.name, name) and person.role in (None, "member"):
                person.role = "substitute"
        gone, is_cllr = strip_honorific(gone.strip())
        people.append(Person(name=gone, status="absent", role="member" if is_cllr else None))
    for person in people:
        mine = initials_of(person.name)
        if mine in initials:
            person.initials = mine
    return people


# "Councillor T Andrews Councillor P Brown", "Mrs M Ward, Chief Executive Mrs D Carville, Director ...": a PDF list
# that lost its commas, where each title begins the next person.
# (The word before the gap is captured rather than looked up, so a long list costs one pass.)
_RUN_TOGETHER = re.compile(r"(?P<prev>\S*[\w.)])\s+(?=(?:Councillor|Cllr|Alderman|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z])")
_JOINS_NAMES = {"of", "for", "by", "from", "and", "with", "to", "the", "or", "worshipful", "mayor", "deputy", "chair"}


def _split_run_together(text: str) -> str:
    found = _RUN_TOGETHER.finditer(text)
    cuts = [m.end("prev") for m in found if m.group("prev").lower().strip(".") not in _JOINS_NAMES]
    if not cuts or (len(cuts) < 2 and not re.match(rf"{HONORIFIC}\s", text)):
        return text  # one title mid-entry is more likely part of it ("Director of Public Health Dr Lee")
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return ";".join(pieces)


def _parse_entries(text: str, status: str, label_role: str | None) -> list[Person]:
    # Protect commas inside parentheses, e.g. "(Medical Director, City NHS Trust)".
    text = re.sub(r"\(([^()]*)\)", lambda m: "(" + m.group(1).replace(",", "\x01").replace(";", "\x03") + ")", text)
    people: list[Person] = []
    councillor_run, run_title = False, "Councillor"
    for entry in text.split(";"):
        # The person in this entry whose post is being read: "X, Assistant Director, Education".
        titled_here: Person | None = None
        for k, raw in enumerate(entry.split(",")):
            chunk = raw.replace("\x01", ",").replace("\x03", ";").strip(" .")
            if not chunk:
                continue
            if re.match(r"^(?:and|&)\s+", chunk):
                chunk = re.sub(r"^(?:and|&)\s+", "", chunk)
            title = None
            dash = re.search(r"\s[—–-]\s|\s[—–]|[—–]\s", chunk)
            if dash:
                chunk, title = chunk[: dash.start()].strip(), chunk[dash.end() :].strip(" .")
            elif (
                people
                and k
                and titled_here is people[-1]
                and (not person_like(chunk) or _org_after_title(entry, chunk))
            ):
                titled_here.title = f"{titled_here.title}, {chunk}"
                continue
            elif (
                people
                and k
                and people[-1].title is None
                and not post_like(people[-1].name)  # "Chief Executive, Director of Finance": two posts
                and post_like(re.sub(r"\s*\([^()]*\)\s*$", "", chunk))  # "C Dale (Chairman)" is a person
                and not bracketed_name(chunk)
                and not re.match(rf"^{HONORIFIC}\s", chunk)  # "Councillor Tom Ellery (Deputy Chair)" is a person
            ):
                prev = people[-1]
                prev.title = chunk
                titled_here = prev
                if prev.role in (None, "member", "officer", "co-opted"):
                    prev.role = _infer_role(prev.status, chunk, prev.councillor)
                continue
            if re.match(r"^(?:County\s+)?(?:Councillors|Cllrs|COUNCILLORS|Aldermen)\b", chunk, re.I):
                councillor_run = True
                run_title = "Alderman" if chunk.lower().startswith("aldermen") else "Councillor"
            elif title or not re.match(rf"^{HONORIFIC}\s", chunk) and re.match(r"^[A-Z][a-z]+\s+[A-Z][a-z]", chunk):
                councillor_run = councillor_run and not title and len(chunk.split()) <= 3
            # "Head of Revenues and Benefits (Dean Roper)" is one post and its holder, not two people.
            one = bracketed_name(chunk) and post_like(re.sub(r"\s*\(.*", "", chunk))
            # "Executive Director Finance and Regulatory" is one post, not two people.
            one = one or (post_like(chunk) and not person_like(chunk) and not re.match(rf"^{HONORIFIC}\s", chunk))
            names = [chunk] if one else re.split(r"\s+(?:and|&)\s+(?![^(]*\))", chunk)
            for n, name in enumerate(names):
                # In "Cllr D Reid and Georgia Murphy - Youth Cabinet Chair" the post belongs to the last name only.
                own_title = title if n == len(names) - 1 else None
                made = _make_person(name, own_title, status, label_role, councillor_run and not own_title)
                for person in made:
                    if run_title == "Alderman" and councillor_run:
                        person.name = re.sub(r"^(?:Councillor|Aldermen)\s", "Alderman ", person.name)
                people.extend(made)
                titled_here = made[-1] if made and own_title else None
    return people


def _org_after_title(entry: str, chunk: str) -> bool:
    """One dash in "Andrew Pike - Chief Executive, Healthwatch Dalby", so what follows its comma is the employer."""
    dashes = re.findall(r"\s[—–-]\s|\s[—–]|[—–]\s", entry)
    head = entry.split(",", 1)[0]
    if len(dashes) != 1 or not re.search(r"\s[—–-]\s|\s[—–]|[—–]\s", head):
        return False
    return not re.match(rf"^{HONORIFIC}\s", chunk)


def _make_person(raw: str, title: str | None, status: str, label_role: str | None, councillor_run: bool):
    role = label_role
    notes = re.findall(r"\(([^()]{0,200})\)", raw)
    # One note per line so "(Lockford City Council) (Chair)" still reads the role from its own bracket.
    low_notes = "\n".join(notes).lower()
    name = re.sub(r"\s*\([^()]{0,200}\)", "", raw).strip(" .")
    # "Councillor Jawaid MBE"; "Mr D Bill CC", a county councillor
    name = re.sub(r"(?:\s+(?:MBE|OBE|CBE|BEM|JP|DL|KC|QC|CC))+$", "", name)
    if re.search(r"\bin\s+the\s+chair\b|^(?:chair(?:man|person|woman)?|conven[eo]r)\b", low_notes, re.M):
        role = "chair"
    elif re.search(r"(?:vice|deputy)[- ]?(?:chair|conven[eo]r)", low_notes):
        role = "vice_chair"
    elif re.search(r"\bsub(?:stitute|stituting|\.)?\b", low_notes):
        role = "substitute"
    post_notes = [n.strip() for n in notes if n.strip() and not NOT_A_TITLE.match(n.strip())]
    if post_notes and post_like(name) and not re.match(rf"^{HONORIFIC}\s", name) and bracketed_name(raw):
        # "Chief Executive (Jane Smith)": the post comes first and the name is in brackets.
        name, title = post_notes[0], title or name
    elif post_notes and not title:
        title = post_notes[0]
    name, is_cllr = strip_honorific(name)
    name = re.sub(rf"^{HONORIFIC}\s+", "", name) if len(name.split()) > 2 else name
    if not plausible_name(name):
        return []
    is_cllr = is_cllr or councillor_run
    if is_cllr and len(name.split()) == 1:
        name = f"Councillor {name}"
    elif re.match(r"^(?:Councillors|Cllrs)\s", name):
        name = "Councillor " + name.split(None, 1)[1]
    if role is None or (role in ("member", "officer") and title):
        role = _infer_role(status, title, is_cllr)
    return [Person(name=name, status=status, role=role, title=title or None, councillor=is_cllr)]


def _infer_role(status: str, title: str | None, is_cllr: bool) -> str | None:
    low = (title or "").lower()
    if re.search(
        r"cabinet\s+(?:member|lead)|portfolio\s+holder|^(?:deputy\s+)?leader\b|leader\s+of\s+the\s+council|"
        r"executive\s+(?:member|councillor)|(?:elected\s+)?mayor\b",
        low,
    ):
        return "cabinet_member"
    if status == "present":
        if re.search(r"co-?opt", low) or (title and not is_cllr):
            return "co-opted"
        return "member"
    if status == "in_attendance":
        if is_cllr:
            return None
        return "officer"
    return "member" if is_cllr else None


def _dedupe_people(people: list[Person]) -> list[Person]:
    seen: dict[str, Person] = {}
    for person in people:
        key = person.name.lower()
        if key not in seen:
            seen[key] = person
        elif seen[key].status == "absent" and person.status == "apologies":
            seen[key].status = "apologies"  # one replaced by a substitute, who had also sent apologies
        elif person.title and not seen[key].title:
            seen[key].title = person.title
    return list(seen.values())


_REPLACED = re.compile(rf"(?P<who>{HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")
_REPRESENTATIVE = re.compile(
    r"\b(?:with|and)\s+(?P<who>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2}(?:\s*\([^()]{2,80}\))?)\s+"
    r"(?:attending|attended|present)\s+as\s+(?:their|his|her|the)\s+(?:representative|substitute|deputy)"
)


def _add_sentence_attendance(paragraphs: list[str], people: list[Person]) -> None:
    """Pick up "Apologies for absence were received from Councillors X and Y." written as prose."""
    pat = re.compile(
        r"\b(?:apologies|an\s+apology)(?:\s+for\s+(?:absence|inability\s+to\s+attend|non-attendance))?\s+"
        # "Apologies for absence for this meeting were received from ...", "Apologies received from Cllr A"
        r"(?:(?:for|from|at)\s+(?:this|the)\s+meeting\s+)?(?:(?:were|was|had\s+been)\s+(?:also\s+)?)?(?:received|submitted|given|noted|intimated|tendered|reported|recorded)"
        r"(?:\s+and\s+(?:accepted|noted|approved))?\s*"
        r"(?:from|by|on\s+behalf\s+of|for|:-|:)\s*((?:[^.]|(?<=\b[A-Z])\.|(?<=\bM[rs])\.|(?<=\bMrs)\.|(?<=\bDr)\.){3,300})"
        # "The Chair confirmed the apologies of Councillors A and B, with Councillors C and D deputising for them"
        r"|\b(?:confirmed|noted|reported|received|announced|gave|submitted)\s+(?:the\s+)?apologies"
        r"(?:\s+for\s+absence)?\s+(?:of|from)\s+((?:[^.]|(?<=\b[A-Z])\.){3,300})",
        re.I,
    )
    sub = re.compile(
        # "Councillor Mrs M.L. Barnes was present as substitute for ...": initials with full stops
        rf"\b({HONORIFIC}\s+(?:(?:Mrs|Mr|Ms|Miss|Dr)\s+)?(?:[A-Z]\.){{1,3}}\s*[A-Z][\w'’-]+|"
        rf"{HONORIFIC}\s+[A-Z][\w' -]{{1,40}}?)\s+(?:(?:(?:attended|was\s+present)\s+as\s+(?:a\s+)?substitute|"
        r"substituted|was\s+substituting|substituting|deputised|was\s+deputising)\s+for\s+|"
        r"(?:attended|was\s+present)\s+as\s+(?:a\s+)?substitute\b)",
        re.I,
    )
    known = {p.name.lower() for p in people}
    for n, para in enumerate(paragraphs):
        low = para.lower()
        # "The following apologies for absence were received:-" / "Councillor A;" / "Head of Finance; and" / "B"
        if _LIST_OF_APOLOGIES.search(para):
            for entry in _listed_after(paragraphs, n):
                if _a_post(entry) and not re.match(rf"^{HONORIFIC}\s", entry):
                    found = [Person(name=entry, status="apologies", role="officer", title=entry)]
                else:
                    found = _parse_people(entry, "apologies", None)
                for person in found:
                    if person.name.lower() in known:
                        continue
                    people.append(person)
                    known.add(person.name.lower())
            continue
        if _LIST_OF_SUBSTITUTIONS.search(para):
            # "The Committee noted that the following substitutions had been made:" / "(i) Cllr A for Cllr B; and"
            for entry in paragraphs[n + 1 : n + 12]:
                swap = _SWAP_ENTRY.match(entry)
                if not swap:
                    break
                for who, status, role in (
                    (swap.group("who"), "present", "substitute"),
                    (swap.group("gone"), "absent", "member"),
                ):
                    name, _ = strip_honorific(who)
                    if name.lower() not in known:
                        people.append(Person(name=name, status=status, role=role))
                        known.add(name.lower())
            continue
        if "apolog" not in low and "substitut" not in low:
            continue
        # "... with Ravi Jassar (Deputy Director, Finance) attending as their representative"
        for m in _REPRESENTATIVE.finditer(para):
            for person in _parse_people(m.group("who"), "in_attendance", None):
                if person.name.lower() not in known:
                    people.append(person)
                    known.add(person.name.lower())
        for m in _SENT_APOLOGIES.finditer(para):
            for person in _parse_people(m.group("who"), "apologies", None):
                if person.name.lower() not in known:
                    people.append(person)
                    known.add(person.name.lower())
            deputies = _DEPUTISING.search(para, m.end())
            for person in _parse_people(deputies.group("who"), "present", "substitute") if deputies else []:
                if person.name.lower() not in known:
                    people.append(person)
                    known.add(person.name.lower())
        for m in pat.finditer(para):
            # "... from Jo Bell (Director) with Sam Roy attending as their representative": Sam Roy came.
            listed = m.group(1) or m.group(2)
            deputies = _DEPUTISING.search(listed)
            if deputies:
                for person in _parse_people(deputies.group("who"), "present", "substitute"):
                    if person.name.lower() not in known:
                        people.append(person)
                        known.add(person.name.lower())
            sent = re.split(r",?\s+(?:with|who|whose)\s+", listed, maxsplit=1)[0]
            sent = _apologies_with_substitutes(sent, people, known)
            for person in _parse_people(sent, "apologies", None):
                if person.name.lower() not in known:
                    people.append(person)
                    known.add(person.name.lower())
        for m in sub.finditer(para):
            # "Councillor A substituted for Councillor B and Councillor C substituted for ...": the name next to the
            # verb is the one substituting (the words before "and" are the previous clause or another deputy)
            name, _ = strip_honorific(re.split(r"\s(?:and|&)\s", m.group(1).strip())[-1].strip())
            listed = [p for p in people if p.status == "present" and same_person(p.name, name)]
            if listed:
                for p in listed:
                    p.role = "substitute" if p.role in (None, "member") else p.role
            elif name.lower() not in known and plausible_name(name):
                people.append(Person(name=name, status="present", role="substitute"))
                known.add(name.lower())
            # "... substituted for Councillor Praveen Anand": the member replaced was absent.
            absent = _REPLACED.match(para[m.end() :])
            if absent and m.group(0).rstrip().lower().endswith("for"):
                gone, is_cllr = strip_honorific(absent.group("who"))
                if gone.lower() not in known and not any(same_person(p.name, gone) for p in people):
                    people.append(Person(name=gone, status="absent", role="member" if is_cllr else None))
                    known.add(gone.lower())


# "..., with Councillors C and D deputising for them respectively": the deputies came.
_DEPUTISING = re.compile(
    rf"\bwith\s+(?P<who>{HONORIFIC}\s+[^.]{{2,200}}?)\s+(?:deputising|substituting|attending\s+as\s+(?:a\s+)?substitutes?)\b"
)
# "Cllr. Britter sent apologies, with Cllr. Andrews substituting."
_SENT_APOLOGIES = re.compile(
    # "Claire Upton-Brown had submitted apologies": a full name needs no title
    rf"(?P<who>{HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"|\b(?!The\b)[A-Z][a-z]+\s+[A-Z][\w'’-]+)\s+(?:had\s+)?"
    r"(?:sent|gave|tendered|submitted|offered)\s+(?:his\s+|her\s+|their\s+)?apologies\b"
)


# "from the Chair, Councillor A (substitute: Councillor B) and from Councillors C (substitute: Councillor D) and
# Co-opted Members, Ms E": the substitutes came; the words that join or label the list are nobody's name.
_SUBSTITUTE_IN_BRACKETS = re.compile(
    rf"\s*\(\s*(?:substitute(?:d\s+by)?|substituted\s+for\s+by|sub)\s*[:–—-]?\s*(?P<who>{HONORIFIC}\s+[^()]{{2,60}})\)"
    # "Councillor Cosgrove (Councillor Shuttleworth substituting)"
    rf"|\s*\(\s*(?P<who2>{HONORIFIC}\s+[^()]{{2,60}}?)\s+(?:substituting|deputising|attending\s+as\s+substitute)\s*\)",
    re.I,
)
_LIST_GLUE = [
    (re.compile(r"\band\s+from\s+", re.I), "and "),
    (re.compile(r"^(?:the\s+)?(?:vice[- ])?chair(?:man|person)?\s*,\s*(?=\S)", re.I), ""),
    (re.compile(r"\b(?:and\s+)?(?:co-?opted|independent)\s+members?\s*,?\s*", re.I), ", "),
]


def _apologies_with_substitutes(sent: str, people: list[Person], known: set[str]) -> str:
    for m in _SUBSTITUTE_IN_BRACKETS.finditer(sent):
        for person in _parse_people(m.group("who") or m.group("who2"), "present", "substitute"):
            if person.name.lower() not in known:
                people.append(person)
                known.add(person.name.lower())
    sent = _SUBSTITUTE_IN_BRACKETS.sub("", sent)
    for pattern, replacement in _LIST_GLUE:
        sent = pattern.sub(replacement, sent)
    return re.sub(r"^[\s,]+|(?<=,)\s*,", " ", sent).strip()


_LIST_OF_SUBSTITUTIONS = re.compile(r"\bfollowing\s+substitutions?\b[^.]{0,60}[:–—-]\s*$", re.I)
_SWAP_ENTRY = re.compile(
    rf"^(?:\(?(?:[ivx]{{1,4}}|\d{{1,2}}|[a-h])[.)]\s*)?(?P<who>{HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'’-]+)"
    rf"\s+for\s+(?P<gone>{HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'’-]+)\s*[;.,]?(?:\s+and)?$"
)


# A sentence announcing a list of apologies on the lines after it.
_LIST_OF_APOLOGIES = re.compile(
    r"\b(?:following|these)\s+apologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+\w+"
    r"(?:\s+from)?\s*(?::-?|[–—-])?\s*$",
    re.I,
)


def _a_post(entry: str) -> bool:
    """ "Head of Libraries", "Corporate Director Place": a post, where a list gives posts and names one a line."""
    return post_like(entry) or any(w.lower() in POST_WORDS | POST_HEADS for w in entry.split())


def _listed_after(paragraphs: list[str], n: int) -> list[str]:
    """The short lines after a list's announcement, each a person or a post ("Councillor A;", "B; and")."""
    found = []
    for para in paragraphs[n + 1 : n + 30]:
        entry = para.strip()
        if not entry:
            continue
        if len(entry) > 80 or not entry[:1].isupper() or re.match(r"^\d", entry) or entry.endswith(":"):
            break
        found.append(re.sub(r"[;,.]?\s*(?:\band)?\s*$", "", entry))
        if not re.search(r"(?:[;,]|\band)\s*$", entry):
            break  # the last entry has no ";" or "and" after it
    return found


def _mentioned_people(paragraphs: list[str]) -> list[Person]:
    """Without an attendance list, people introduced as "Name, Post" are recorded as in attendance."""
    found: list[Person] = []
    for para in paragraphs:
        for m in re.finditer(rf"({PERSON.pattern}),\s+", para):
            title = take_title(para[m.end() :])
            if not title or not looks_like_post(title):
                continue
            name, is_cllr = strip_honorific(m.group(1))
            if any(w.lower() in NOT_NAME - HONORIFIC_WORDS for w in name.split()):
                continue
            found.append(
                Person(
                    name=name, status="in_attendance", role=_infer_role("in_attendance", title, is_cllr), title=title
                )
            )
    return _dedupe_people(found)


# A printed register where each member is marked present or absent: "North Somerset Council P. Councillor Nigel
# Ashton (Chairman), P. Councillor Roz Willis Sedgemoor District Council A. Councillor John Swayne ...".
_MARKED = re.compile(
    rf"(?:^|(?<=\s))(?P<mark>[PA])\.\s+(?P<who>(?:{HONORIFIC}\s+)?"
    r"[A-Z][a-z][\w'’-]*\s+(?:[A-Z]\.?\s+)?[A-Z][a-z][\w'’-]*)(?P<note>\s*\([^()]{2,40}\))?"
)
_MARK_STATUS = {"P": "present", "A": "absent"}


def _marked_register(lines: list[str], used: set[int]) -> tuple[list[Person], set[int]]:
    """The register's people, and its lines: three marks or more on a line, among the first sixty not yet read."""
    people, found = [], set()
    unread = [i for i in range(len(lines)) if i not in used][:60]
    for i in unread:
        marks = list(_MARKED.finditer(lines[i]))
        if len(marks) < 3:
            continue
        for m in marks:
            raw = m.group("who") + (m.group("note") or "")
            people += _make_person(raw, None, _MARK_STATUS[m.group("mark")], None, "Councillor" in m.group("who"))
        found.add(i)
    return people, found


# A register that lost its "Present" label: each member's initials and surname on a line, their council under it
# ("P R Lewis (Chair)" / "Conwy County Borough Council" / "R Griffiths" / "Anglesey County Council" ...).
_INITIALLED_LINE = re.compile(r"^(?:[A-Z][a-z]?\.?\s+){1,3}[A-Z][\w'’-]+(?:\s*\([^()]{2,40}\))?$")
_BODY_LINE = re.compile(r"^[A-Z][\w'’&. -]{2,60}\b(?:Council|Authority|Board|Trust)$")


def _unlabelled_column(lines: list[str], used: set[int]) -> tuple[list[Person], set[int]]:
    start = None
    for i, line in enumerate(lines[:150]):
        fits = i not in used and (not line or _INITIALLED_LINE.match(line) or _BODY_LINE.match(line))
        if fits and start is None and line and _INITIALLED_LINE.match(line):
            start = i
        if start is not None and (not fits or i == len(lines) - 1):
            end = i if not fits else i + 1
            block = [k for k in range(start, end) if _INITIALLED_LINE.match(lines[k])]
            bodies = sum(1 for k in range(start, end) if _BODY_LINE.match(lines[k]))
            if len(block) >= 5 and bodies >= len(block) - 1:
                people = [p for k in block for p in _make_person(lines[k], None, "present", "member", True)]
                return people, set(range(start, end))
            start = None
    return [], set()


def read_attendance(doc: Document) -> None:
    """Stage: who was there, from the attendance lists, then from the prose (apologies, substitutes)."""
    doc.attendance, doc.attendance_lines = _find_attendance(doc.lines)
    # Registers with no label, read beside any labelled list, each from the lines the lists left.
    for register in (_unlabelled_column, _marked_register):
        people, lines = register(doc.lines, doc.attendance_lines)
        if people:
            doc.attendance = _dedupe_people(people + doc.attendance)
            doc.attendance_lines |= lines
    body = [ln for i, ln in enumerate(doc.lines) if i not in doc.attendance_lines]
    doc.paragraphs = paragraphs_of(body)
    doc.declarations = find_declarations(doc.paragraphs)
    _add_sentence_attendance(doc.paragraphs, doc.attendance)
    # The people the minutes show taking part were there, list or no list; nobody else is invented.
    # (Without a list, people introduced as "Name, Post" count too.)
    known = {p.name.lower() for p in doc.attendance}
    posts = {(p.title or "").lower() for p in doc.attendance}
    found = (_mentioned_people(doc.paragraphs) if not doc.attendance_lines else []) + _taking_part(doc.paragraphs)
    for person in found:
        if doc.attendance_lines and person.title:
            continue  # a list names its officers: "the Director said" is one of them, not someone new
        if person.name.lower() in known or person.name.lower() in posts:
            continue
        if any(same_person(p.name, person.name) for p in doc.attendance):
            continue
        doc.attendance.append(person)
        known.add(person.name.lower())


# People the minutes show taking part: (pattern with a "who" group, status, role). Add a row for a new phrasing.
# A named person with their title: "Councillor M Blair Park", "Mrs J M L A Griffiths".
_TITLED = rf"{HONORIFIC}\s+(?:(?:[A-Z]\.){{2,4}}\s*|(?:[A-Z]\.?\s+){{0,4}})[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?"
# A post in capitals, its parts joined by "of", "for", "and", "/" or a dash: "Chief Officer – Governance".
_POST_WORDS = r"[A-Z][\w'-]+(?:(?:\s+(?:(?:of|for|and|&)\s+)?|\s*/\s*|\s+[-–—]\s*)[A-Z][\w'-]+){0,8}"
# "The" opening a sentence or a clause ("..., wherein the", "and the"): checked on the words before the match,
# so the pattern's scan starts at "the".
_THE_AFTER_A_BREAK = r"\b[Tt]he\s+"
_BREAK_BEFORE = re.compile(r"(?:^|[.;,]\s*|\b(?:wherein|whereupon|when|and|but|which|that|then)\s+)$")
TAKING_PART = [
    # "It was moved by Councillor M Blair Park, seconded by Councillor S Lambeth" ("second by", as typed)
    (rf"\b(?:moved|second(?:ed)?|proposed)\s+by\s+(?P<who>{_TITLED})", "present", "member"),
    # "A petition ... was presented by Mrs Lynne Bates": a member of the public who spoke
    (
        r"\b(?:presented|introduced|submitted)\s+by\s+(?P<who>(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)",
        "in_attendance",
        None,
    ),
    # "Mrs Stockell seconded Mr Scholes as Vice Chairman", "The nomination of Mr A P Miller was moved"
    (rf"\b(?:proposed|seconded|nominated|nomination\s+of|that\s+of)\s+(?P<who>{_TITLED})", "present", "member"),
    # "ACTION: Councillor Rice": a councillor given work at the meeting was at it
    (r"\bACTION\s*:\s*(?P<who>(?:Councillor|Cllr)\.?\s+(?:[A-Z]\.?\s+){0,2}[A-Z][\w'-]+)\s*$", "present", "member"),
    # "The Director of Public Health updated the Committee", "..., wherein the Chief Officer - Governance advised",
    # "The Interim City Solicitor/Director of Legal Services advised": an officer known only by the post
    (
        rf"{_THE_AFTER_A_BREAK}(?P<post>{_POST_WORDS})\s+"
        r"(?:presented|introduced|updated|reported|explained|advised|outlined|informed|gave|summarised|said|"
        r"responded|confirmed|undertook|agreed|asked|thanked|welcomed|congratulated|recorded|replied|stated|"
        r"clarified|highlighted|noted|referred|provided|indicated|told|reminded|answered|described)\b",
        "in_attendance",
        "officer",
    ),
    # "Bryan Hale, Litigation Manager explained that ...": a named officer with the post after the name
    (
        r"\b(?P<named>[A-Z][a-z][\w'’-]+\s+(?:[A-Z]\.?\s+)?[A-Z][a-z][\w'’-]+),\s+(?:the\s+)?"
        rf"(?P<npost>{_POST_WORDS}),?\s+"
        r"(?:presented|introduced|updated|reported|explained|advised|outlined|informed|gave|summarised|said|"
        r"responded|confirmed|undertook|agreed|replied|stated|clarified|highlighted|indicated|told|answered)\b",
        "in_attendance",
        "officer",
    ),
    # "The Leader of the Council, Councillor Stephen Alambritis, and the Chief Executive, Ged Curran, expressed":
    # a post, then its holder's name between commas
    (
        rf"{_THE_AFTER_A_BREAK}(?P<apost>{_POST_WORDS}(?:\s+of\s+the\s+[A-Z][\w'-]+)?),\s+(?P<aname>(?:(?:Councillor|Cllr)\.?\s+)?[A-Z][a-z][\w'’-]+"
        r"(?:\s+[A-Z]\.?)?\s+[A-Z][a-z][\w'’-]+),",
        "in_attendance",
        None,
    ),
    # "(Councillor Lloyd in the chair)": who took the chair for the meeting
    (rf"\((?P<who>{_TITLED})\s+in\s+the\s+chair\)", "present", "chair"),
    # "The Convener congratulated ...", "the Chair welcomed ...": the one in the chair, known only by the post
    (
        rf"{_THE_AFTER_A_BREAK}"
        r"(?P<chair>Chair|Chairman|Chairperson|Chair\s+of\s+the\s+\w+|Convener|Convenor|Provost|Mayor|Lord\s+Mayor|"
        r"Vice[- ]Chair(?:man)?|Vice[- ]Convener|Presiding\s+Member)\s+"
        r"(?:asked|thanked|welcomed|congratulated|advised|reminded|invited|informed|opened|noted|said|proposed|"
        r"moved|presented|introduced|confirmed|explained|stated|closed|declared|agreed|expressed|wished|raised|"
        r"reported|summarised|referred|requested|queried|sought|suggested|updated|drew)\b",
        "present",
        "chair",
    ),
    # "The Chair welcomed Jane Sellwood to the meeting": someone welcomed was there (a guest, an officer)
    (
        r"\bwelcomed\s+(?P<guest>[A-Z][a-z][\w'-]+\s+(?:[A-Z]\.?\s+)?[A-Z][\w'-]+)(?=\s*(?:[,(]|to\b|and\b|$))",
        "in_attendance",
        None,
    ),
]
_TAKING_PART = [(re.compile(pattern), status, role) for pattern, status, role in TAKING_PART]
# "Councillor Winskill informed Members", "Mr King proposed and Mrs Stockell seconded Mr Scholes": the verb is
# found first and the titled name looked for just before it, which is far quicker than scanning for names.
_SPEAKING_VERB = re.compile(
    # ("Councillor Devenney Moved", "Councillor L Davies Declared": capitals as some councils print them)
    r"\b(?:[Pp]roposed|[Ss]econded|[Mm]oved|[Dd]eclared|informed|said|asked|explained|stated|commented|queried|raised|"
    r"thanked|attended|told|reminded|"
    r"suggested|reported|presented|introduced|noted|welcomed|requested|questioned|advised|replied|responded)\b"
)
_TITLED_BEFORE = re.compile(rf"(?P<who>{_TITLED})\s+(?:also\s+)?$")


# Posts the minutes shorten, by their full name: "the Leader said" is the Leader of the Council.
POST_ALIASES = {"Leader": "Leader of the Council", "Deputy Leader": "Deputy Leader of the Council"}


def _person_taking_part(m: re.Match, status: str, role: str | None) -> list[Person]:
    groups = m.re.groupindex
    if ("chair" in groups or "post" in groups or "apost" in groups) and not _BREAK_BEFORE.search(
        m.string, max(0, m.start() - 12), m.start()
    ):
        return []  # "... of the Director of Finance said": not the start of what someone did
    if "chair" in m.re.groupindex:
        post = re.sub(r"\s+", " ", m.group("chair"))
        return [Person(name=post, status=status, role=role, title=post)]
    if "apost" in groups:
        name, is_cllr = strip_honorific(m.group("aname"))
        post = m.group("apost")
        if post_like(post) and plausible_name(name) and not post_like(name):
            role = "cabinet_member" if is_cllr and re.search(r"\b(?:Leader|Cabinet|Portfolio)\b", post) else role
            return [Person(name=name, status=status, role=role or ("member" if is_cllr else "officer"), title=post)]
        return []
    if "named" in m.re.groupindex:
        name, post = m.group("named"), m.group("npost")
        words = [w.lower() for w in name.split()]
        if post_like(post) and plausible_name(name) and not post_like(name) and not any(w in NOT_NAME for w in words):
            return [Person(name=name, status=status, role=role, title=post)]
        return []
    if "guest" in m.re.groupindex:
        name = m.group("guest")
        words = [w.lower() for w in name.split()]
        if plausible_name(name) and not post_like(name) and not any(w in NOT_NAME for w in words):
            return [Person(name=name, status=status, role=role)]
        return []
    if "post" in m.re.groupindex:
        post = POST_ALIASES.get(m.group("post"), m.group("post"))
        if post_like(post) and not re.match(r"^(?:Chair|Chairman|Committee|Council|Conven[eo]r|Mayor|Provost)\b", post):
            return [Person(name=post, status=status, role=role, title=post)]
        return []
    name, is_cllr = strip_honorific(m.group("who"))
    name = name if is_cllr else m.group("who")  # "Dr Amir Khan" keeps the title he was given
    # (An initial such as "A" in "Mr A P Miller" is not the word "a".)
    words = [w.lower() for w in name.split() if len(w.strip(".")) > 1]
    if plausible_name(name) and not any(w in NOT_NAME - HONORIFIC_WORDS for w in words):
        return [Person(name=name, status=status, role=role if is_cllr else None, councillor=is_cllr)]
    return []


_CHAIR_FOR_THE_MEETING = re.compile(
    r"(?:would\s+be|be|was\s+(?:elected|appointed)(?:\s+as)?)\s+(?:the\s+)?Chair(?:man|person)?\s+for\s+"
    r"(?:the\s+purposes\s+of\s+)?(?:the|this)\s+meeting"
)


def _taking_part(paragraphs: list[str]) -> list[Person]:
    found: list[Person] = []
    for para in paragraphs:
        spoke = []
        for verb in _SPEAKING_VERB.finditer(para):
            m = _TITLED_BEFORE.search(para, max(0, verb.start() - 60), verb.start())
            if m:
                spoke.append((m, "present", "member"))
        # "RESOLVED that Councillor W Payne would be Chair for the purposes of the meeting", "Councillor A was
        # elected Chair for the meeting": the one chosen to chair in the appointed Chair's absence. (Found from
        # the words after the name, then the name before them: scanning for names first is slow.)
        for chosen in _CHAIR_FOR_THE_MEETING.finditer(para) if "hair for th" in para else []:
            m = _TITLED_BEFORE.search(para, max(0, chosen.start() - 60), chosen.start())
            if m:
                spoke.append((m, "present", "chair"))
        rest = [(m, status, role) for pattern, status, role in _TAKING_PART for m in pattern.finditer(para)]
        found += [p for m, status, role in spoke + rest for p in _person_taking_part(m, status, role)]
    found = _dedupe_people(found)
    # "the Director undertook ..." after "The Director of Public Health updated ...": one person, the longer post.
    posts = [p.title for p in found if p.title]
    return [p for p in found if not p.title or not any(t != p.title and t.startswith(p.title + " ") for t in posts)]
