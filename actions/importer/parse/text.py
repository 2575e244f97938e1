"""Small text helpers every stage uses: dates, capitals, headings, paragraphs, word overlap."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .patterns import ACTION_TAIL, BULLET, NUM_HEADING, PROCEDURAL, TRIGGER
from .vocabulary import DATE_RES, MONTH_RE, MONTHS, SMALL_WORDS, STOP_WORDS


def title_case(text: str) -> str:
    """Turn SHOUTING CAPS into Title Case; leave mixed-case text as the minutes wrote it."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return text
    words = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        if i and low in SMALL_WORDS:
            words.append(low)
        elif len(word) > 1 and word.isalpha() and not re.search(r"[AEIOUY]", word):
            words.append(word)  # acronym such as NHS or SEN
        else:
            words.append("-".join(_cap_first(part.lower()) for part in word.split("-")))
    return " ".join(words)


def _cap_first(word: str) -> str:
    """Capitalise the first letter: "(northford" -> "(Northford"; "5th" stays "5th"."""
    if re.match(r"^\d+(?:st|nd|rd|th)\b", word):
        return word
    m = re.search(r"[a-z]", word)
    return word[: m.start()] + word[m.start()].upper() + word[m.start() + 1 :] if m else word


def _month(word: str) -> int:
    word = word.lower()
    return MONTHS["sept" if word.startswith("sept") else word[:3]]


def _date_from_match(m: re.Match, pat_index: int) -> dt.date | None:
    try:
        if pat_index == 0:
            day, month, year = int(m.group(1)), _month(m.group(2)), int(m.group(3))
        elif pat_index == 1:
            month, day, year = _month(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if year < 100:
                year += 2000
        if not 1990 <= year <= 2100:
            return None
        return dt.date(year, month, day)
    except (ValueError, KeyError):
        return None


def any_date(text: str) -> dt.date | None:
    best = None
    for idx, pat in enumerate(DATE_RES):
        for m in pat.finditer(text):
            found = _date_from_match(m, idx)
            if found and (best is None or m.start() < best[0]):
                best = (m.start(), found)
            if found:
                break
    return best[1] if best else None


def first_date(text: str) -> tuple[int, int, dt.date] | None:
    """The earliest real date in text, with where it starts and ends."""
    best = None
    for idx, pat in enumerate(DATE_RES):
        for m in pat.finditer(text):
            found = _date_from_match(m, idx)
            if found:
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end(), found)
                break
    return best


_HEADING_SKIP = re.compile(
    r"^(?:councillors?|cllrs?|resolved|agreed|recommended|it\s+was|decision|action|note|present|chair|"
    r"signed|minutes\s+of|apologies\s+for\s+absence\s*:|page)\b",
    re.I,
)


def looks_like_header_line(line: str) -> bool:
    council = r"\b(?:committee|panel|board|commission|council|county|borough|district|city)\b"
    return bool(re.search(council, line, re.I)) and not PROCEDURAL.match(line)


@lru_cache(maxsize=4096)
def caps_heading(line: str) -> bool:
    if len(line) > 140 or len(line.split()) > 16:
        return False
    upper = sum(c.isupper() for c in line)
    lower = sum(c.islower() for c in line)
    if upper + lower < 4 or upper / (upper + lower) < 0.85:
        return False
    if line.rstrip().endswith((":", ",", ";")) or _HEADING_SKIP.match(line) or TRIGGER.match(line):
        return False
    if re.match(r"^(?:REPORT\s+TO|SUBJECT|FROM|TO|DATE|VENUE|TIME|REF(?:ERENCE)?|PURPOSE|AUTHOR|CONTACT)\s*:\s", line):
        return False  # "REPORT TO: THE CHAIR ...", "SUBJECT: ...": a label and its value
    return not (any_date(line) or re.search(r"\d[.:]\d\d\s*(?:am|pm)", line, re.I))


def title_like(title: str) -> bool:
    words = title.split()
    # (A title in capitals may run long: "DECLARATIONS OF DISCLOSABLE PECUNIARY INTERESTS AND ... (IF ANY)".)
    if not words or len(words) > (30 if title.isupper() else 18) or not re.match(r"^[A-Z\"'(]", title):
        return False
    if title.endswith((",", ";", ":")):
        return False
    if title.endswith(".") and len(words) > 10:
        return False
    if re.match(rf"^{MONTH_RE}\.?,?\s+\d{{4}}\b", title, re.I):
        return False  # "6 Aug 2019 - 18:00" is the meeting's date, not item 6
    if not re.search(r"\b(?:be|was|were|will|would|should|agreed|noted|resolved)\b", title, re.I):
        return True
    # "Matters to be Considered in Private": a verb, but every other word a title's capital.
    words = [w for w in words if w.lower() not in SMALL_WORDS | {"be"}]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w[:1] == "(" for w in words)


def number_key(number: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", number))


PARA_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[A-Z])")


def trigger_at(lines: list[str], idx: int) -> re.Match | None:
    """A "Resolved"/"Agreed" line starts a decision block only at the start of a paragraph.

    PDF text wraps mid-sentence, so "...Jeanette Richards / agreed to bring a report" must not count.
    """
    # "2.4.1 It was agreed that ...": paragraph-numbered minutes number each paragraph, decisions too.
    line = PARA_NUMBER.sub("", BULLET.sub("", lines[idx]))
    if not line[:1].isupper():
        return None
    m = TRIGGER.match(line)
    if not m:
        return None
    if m.group("kw").lower() == "decision" and not m.group("rest").strip() and _resolved_below(lines, idx):
        return None  # a decision page's "Decision:" over the discussion, then "RESOLVED to:" and what was decided
    prev = lines[idx - 1].rstrip() if idx > 0 else ""
    if m.group("kw").isupper() and len(m.group("kw")) > 4:
        return m
    if (
        prev
        and not ACTION_TAIL.search(prev)
        and not prev.endswith((".", ":", ";", "!", "?", ")"))
        and not caps_heading(prev)
        and not (NUM_HEADING.match(prev))
    ):
        return None
    return m


def _resolved_below(lines: list[str], idx: int) -> bool:
    for line in lines[idx + 1 : idx + 60]:
        if NUM_HEADING.match(line) or line.lower().startswith("decision"):
            return False
        m = TRIGGER.match(line.strip())
        if m and m.group("kw").lower() in ("resolved", "agreed"):
            return True
    return False


def paragraphs_of(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; a blank line or a short sentence-ending line ends one."""
    paras: list[str] = []
    cur: list[str] = []
    for line in lines:
        if not line:
            if cur:
                paras.append(" ".join(cur))
                cur = []
            continue
        cur.append(line)
        if len(line) < 60 and line.endswith((".", ":", "?", "!")):
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return [re.sub(r"\s+", " ", p).strip() for p in paras]


# "During discussions it was agreed that SWW would provide:" / "- The webpage link for ..." / "- The ...": a promise
# whose objects are listed. The lead-in ends on the verb waiting for them.
_PROMISE_LEAD = re.compile(r"\b(?:would|will|to|should)\s+[a-z]+(?:\s+(?:out|on|back))?\s*:$")
_LISTED = re.compile(r"^(?:[-–•·▪●*]|\(?[a-z0-9]{1,3}[.)])\s+(?P<what>\S.*)$")


def lists_joined(paras: list[str]) -> list[str]:
    """Each listed object of a promise as a sentence of its own, with the words that promised it ("SWW would
    provide the webpage link for ..."), so each can be an action."""
    out: list[str] = []
    i = 0
    while i < len(paras):
        j, listed = i + 1, []
        while _PROMISE_LEAD.search(paras[i]) and j < len(paras) and (m := _LISTED.match(paras[j])):
            listed.append(m.group("what").rstrip(" ;,"))
            j += 1
        if listed:
            lead = paras[i].rstrip(" :")
            out += [f"{lead} {what[:1].lower()}{what[1:]}" + ("" if what.endswith(".") else ".") for what in listed]
            i = j
        else:
            out.append(paras[i])
            i += 1
    return out


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    irregular = {
        "brought": "bring",
        "sent": "send",
        "given": "give",
        "taken": "take",
        "written": "write",
        "made": "make",
        "sought": "seek",
        "fed": "feed",
    }
    word = irregular.get(word, word)
    for suffix in ("ing", "ed", "es", "s", "ion", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    return frozenset({stem(w) for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in STOP_WORDS and len(w) > 1})


def word_overlap(a: str, b: str) -> float:
    """Share of a's content words that also appear in b."""
    wa, wb = content_words(a), content_words(b)
    return len(wa & wb) / len(wa) if wa else 0.0
