"""Parse the text of a scrutiny committee's minutes into the JSON shape described in SCHEMA.md.

The parser is heuristic: councils write minutes in many house styles and export them from
PDFs (hard-wrapped lines, running page headers) or committee websites ("|" separators,
"pdf icon PDF 136 KB" clutter). Every regex here is written to run in linear time on
long documents: no nested unbounded quantifiers over the same characters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from core.vocabulary import HONORIFIC_PATTERN, HONORIFIC_WORDS

from .errors import MinutesImportError

__all__ = ["parse_minutes", "MinutesImportError"]

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_NAME = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)"
DATE_RES = [
    # 23 March 2022 / Wednesday, 23rd March, 2022 / 23rd of March 2022
    re.compile(rf"\b{_DAY_NAME}?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I),
    # March 23, 2022
    re.compile(rf"\b{_DAY_NAME}?({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
    # 23/03/2022 (UK order, day first)
    re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b"),
]

_HONORIFIC = HONORIFIC_PATTERN

# Words that begin a post/job title; used to tell "Jane Smith, Director of X" from a list of names.
POST_WORDS = {
    "director",
    "head",
    "manager",
    "officer",
    "executive",
    "chief",
    "cabinet",
    "portfolio",
    "leader",
    "clerk",
    "lead",
    "adviser",
    "advisor",
    "coordinator",
    "co-ordinator",
    "commissioner",
    "representative",
    "governor",
    "strategic",
    "assistant",
    "deputy",
    "interim",
    "acting",
    "principal",
    "senior",
    "corporate",
    "service",
    "services",
    "democratic",
    "scrutiny",
    "solicitor",
    "secretary",
    "treasurer",
    "consultant",
    "partner",
    "chair",
    "chairman",
    "chairperson",
    "convener",
    "convenor",
    "mayor",
    "vice-chair",
    "analyst",
    "specialist",
    "superintendent",
    "inspector",
    "co-opted",
    "youth",
    "member",
    "team",
    "general",
    "monitoring",
    "section",
    "policy",
    "programme",
}
# Capitalised words that are almost never part of a person's name.
NOT_NAME = {
    "the", "this", "that", "these", "those", "in", "a", "an", "it", "its", "on", "at", "for", "of", "and", "or",
    "to", "by", "with", "from", "as", "if", "but", "following", "after", "before", "during", "members", "member",
    "councillors", "committee", "council", "board", "plan", "plans", "services", "service", "children",
    "childrens", "children's", "young", "people", "director", "executive", "improvement", "scrutiny", "cabinet",
    "officer", "officers", "manager", "head", "chief", "strategic", "department", "education", "greater",
    "manchester", "police", "health", "social", "care", "report", "ofsted", "local", "authority", "authorities",
    "national", "borough", "county", "city", "district", "public", "chair", "vice", "group", "team", "trust",
    "school", "schools", "nhs", "leader", "portfolio", "holder", "corporate", "assistant", "deputy", "interim",
    "finance", "housing", "adult", "adults", "human", "resources", "inspection", "framework", "strategy",
    "programme", "agenda", "minutes", "item", "items", "policy", "panel", "partnership", "safeguarding", "street",
    "road", "house", "hall", "centre", "place", "town", "overview", "annual", "draft", "government", "state",
    "secretary", "ministry", "office", "information", "appendix", "part", "section", "page", "members'",
    "councillor", "cllr", "resolved", "agreed", "action", "actions", "update", "general", "democratic",
    "vital", "signs", "workforce", "coproduction", "red", "amber", "green", "rag", "community", "youth",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "there", "they", "we", "he", "she", "our", "their", "his", "her", "all", "any", "some", "no", "yes",
    "once", "when", "where", "what", "which", "who", "how", "why", "further", "also", "however", "moreover",
    "furthermore", "continuing", "here", "therefore", "whilst", "while", "although", "original", "nationally",
    "work", "audit", "budget", "financial", "legal", "mental", "primary", "secondary", "special", "task",
    "review", "independent", "inspecting", "monitoring", "standing", "municipal", "year", "new", "next",
}  # fmt: skip

STOP_WORDS = {
    "the", "a", "an", "to", "be", "of", "and", "for", "on", "in", "that", "with", "by", "at", "is", "was", "it",
    "this", "as", "are", "were", "been", "being", "or", "from", "will", "would", "can", "could", "should", "has",
    "have", "had", "its", "their", "there", "which", "who", "into", "also", "all", "any", "not", "so", "than",
    "then", "they", "we", "our", "he", "she", "his", "her", "them", "these", "those", "about", "around",
    "agreed", "provide", "provided", "once",
}  # fmt: skip

# Passive and infinitive forms of verbs that give someone work after the meeting.
_ACTION_PARTICIPLES = (
    r"provided|circulated|shared|brought(?:\s+back)?|presented|reported(?:\s+back)?|submitted|re-?submitted|sent|"
    r"created|included|arranged|investigated|written|updated|amended|added|reviewed|prepared|produced|developed|"
    r"explored|sought|published|drafted|scheduled|invited|forwarded|distributed|referred|looked\s+(?:at|into)|"
    r"set\s+up|established|undertaken|carried\s+out|issued|given|organi[sz]ed|requested|convened|revised|"
    r"clarified|followed\s+up|taken\s+forward|made\s+available|fed\s+back|passed\s+(?:on|to)|communicated|"
    r"e-?mailed|raised|escalated|compiled|collated|incorporated|identified|obtained|progressed|pursued|"
    r"contacted|commissioned|implemented|returned|expanded|extended|conveyed|relayed|considered\s+(?:at|by)|"
    r"asked|invited|tabled|listed|copied|added|emailed|notified|informed|advised|chased|explained"
)
_ACTION_INFINITIVES = (
    r"provide|circulate|share|bring(?:\s+back)?|present|report\s+back|report|submit|send|create|include|arrange|"
    r"investigate|write(?:\s+to)?|update|amend|add|review|prepare|produce|develop|explore|seek|publish|draft|"
    r"schedule|invite|forward|distribute|refer|look\s+(?:at|into)|set\s+up|establish|undertake|carry\s+out|"
    r"issue|give|organi[sz]e|request|convene|revise|clarify|confirm|follow\s+up|feed\s+back|pass\s+on|"
    r"communicate|e-?mail|raise|escalate|compile|collate|incorporate|identify|obtain|progress|pursue|contact|"
    r"ask|commission|implement|return|liaise|check|ensure|visit|arrange|respond|come\s+back|chase|notify|"
    r"inform|advise|explain|table|copy|consider|receive|apply|place|order|purchase|book|"
    r"meet(?!\s+(?:again|on|in|at|every|monthly|quarterly|as)\b)"
)
# "had been circulated" reports work already done.
_PASSIVE_ACTION = re.compile(
    rf"(?<!\bhad )(?<!\bhas )(?<!\bhave )\b(?:be|been|being)\s+(?:\w+ly\s+)?(?:{_ACTION_PARTICIPLES})\b", re.I
)
_INFINITIVE_ACTION = re.compile(
    rf"(?:^|\b(?:to|will|would|shall|must|should)\s+)(?:\w+ly\s+)?(?:{_ACTION_INFINITIVES})\b", re.I
)
_FOLLOW_UP = re.compile(
    r"\b(?:next|future|subsequent|later|following)\s+(?:meeting|committee|session)|\breport\s+back\b|"
    r"\bcome\s+back\s+to\b|\bat\s+a\s+later\s+date\b",
    re.I,
)
# "receive" or "consider" only gives work when it looks forward to another meeting.
# "the Head of Housing circulate ..." (subjunctive, no "to"); a determiner before the verb means it is a noun.
_SUBJUNCTIVE_ACTION = re.compile(
    rf"(?:\b[Oo]fficers|\b(?!(?:The|This|That|A|An|Any|Each|Its|Their)\b)[A-Z][\w'-]+)\s+(?:\w+ly\s+)?"
    rf"(?:{_ACTION_INFINITIVES})\b(?!\s+be\b)"
)
# "that the Clerk obtains quotations": the same in the third person, where the subject is not the committee itself.
_THIRD_PERSON_ACTION = re.compile(
    r"\b(?!(?:The|This|That|A|An|Any|Each|Its|Their|Committee|Panel|Board|Council|Commission|Group|Members|Cabinet|"
    r"Sub-Committee|Meeting|Report)\b)[A-Z][\w'-]+\s+"
    rf"(?:(?:{_ACTION_INFINITIVES})e?s|applies)\b(?!\s+be\b)"
)
_NEEDS_FOLLOW_UP = re.compile(r"^(?:receive|consider)\b", re.I)

# ---------------------------------------------------------------------------
# Line-level patterns
# ---------------------------------------------------------------------------

_CLUTTER_INLINE = [
    re.compile(r"\bpdf\s+icon\s+PDF\s+[\d.,]+\s*[KM]B\b", re.I),
    re.compile(r"\b(?:docx?|xlsx?|word)\s+icon\s+\w+\s+[\d.,]+\s*[KM]B\b", re.I),
    re.compile(
        r"\bView\s+the\s+(?:reasons?\s+why\s+item\s+[\w.]+\s+was\s+urgent|reasons?\s+for\s+urgency"
        r"|declarations\s+of\s+interests?\s+for\s+item\s+[\w.]+|background\s+to\s+item\s+[\w.]+)\.?",
        re.I,
    ),
    re.compile(r"\bView\s+the\s+(?:decision|minutes|agenda)\s+for\s+item\s+[\w.]+\.?", re.I),
    re.compile(r"\((?:PDF|Word)\s*[,-]?\s*[\d.,]+\s*[KM]B\)", re.I),
]
_CLUTTER_LINE = re.compile(
    r"^(?:local\s+democracy|agenda\s+item(?:\s+(?:no\.?\s*)?\d{1,3}[a-z]?)?|print\s+this\s+page|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|"
    r"meeting\s+details|share\s+this\s+page|contact(?:\s+officer)?\s*:.*|download|related\s+documents?|additional\s+documents?|"
    r"page\s+\d+(?:\s+of\s+\d+)?|\d{1,3}|no\.?|items?|chair(?:man|person)?|signed|date|dated|\.{3,}|_{3,}|-{3,}|"
    r"\(?[A-Z][\w.' -]{2,40}\s*[-–—]\s*\(?0[\d ()]{9,}\)?\)?)\s*:?$",
    re.I,
)
_MINUTES_MARKER = re.compile(r"^Minutes\s*:\s*(.*)$")
_SUPPORTING_MARKER = re.compile(r"^Supporting\s+documents?\s*:?", re.I)

_NUM_HEADING = re.compile(
    r"^(?:(?:Agenda\s+)?Item\s+(?:No\.?\s*)?|ITEM\s+|Minute\s+(?:No\.?\s*)?|MINUTE\s+)?"
    r"(?P<num>(?:[A-Z]{1,6}[ ./]?)?\d{1,4}(?:[/.]\d{1,4})?[a-z]?)"
    r"(?:[.):]|\s+[-–—:])?\s+(?P<title>\S.*)$"
)
_PROCEDURAL = re.compile(
    r"^(?:apologies(?:\s+for\s+absence)?(?:\s+and\s+(?:notification\s+of\s+)?substitut\w+)?|"
    r"declarations?\s+of\s+(?:members'?\s+)?interests?|minutes\s+of\s+(?:the\s+)?(?:last|previous)\s+meetings?|"
    r"(?:approval|confirmation)\s+of\s+(?:the\s+)?minutes|matters\s+arising|public\s+questions?|"
    r"questions?\s+from\s+(?:members\s+of\s+)?the\s+public|members?'?\s+questions?|urgent\s+business|"
    r"any\s+other\s+(?:urgent\s+)?business|date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting|"
    r"work\s+programme|forward\s+plan|exclusion\s+of\s+(?:the\s+)?press\s+and\s+public|"
    r"chair'?s?\s+announcements?|petitions?|(?:notification\s+of\s+)?substitut(?:es|ions))\.?$",
    re.I,
)
_TRIGGER = re.compile(
    r"^(?:(?:it\s+was|the\s+(?:committee|panel|board|sub-committee|commission|group)|members)\s+)?"
    r"(?:(?:unanimously|further|also)\s+)?"
    r"(?P<kw>agreed\s+actions|actions\s+(?:agreed|arising)|actions(?=\s*:?\s*$)|"
    r"resolved|agreed|recommended|decided|decisions?|outcome|recommendations?)"
    r"(?:\s+(?:unanimously|accordingly))?(?:\s*\(unanimously\))?"
    r"(?:\s*[:\-–—.]+\s*|\s+(?=that\b|to\b)|\s*$)(?P<rest>.*)$",
    re.I,
)
_ACTION_LINE = re.compile(r"^\(?\s*actions?(?:\s+(?:by|owner|for))?\s*[:\-–—]\s*(?P<owner>[^)]+?)\s*\)?\.?$", re.I)
# "... (ACTION: Jo Bell)" or "... ACTION: Jo Bell"; in brackets any case will do: "(Action: Head of Service)".
_ACTION_TAIL = re.compile(
    r"\s*(?:\(\s*(?i:action(?:\s+by)?)(?=\s*[:\-–—][^()]{2,80}\)[.;,]?\s*$)|\(?\s*\bACTION(?:\s+BY)?)"
    r"\s*[:\-–—]\s*(?P<owner>[^)]{2,80}?)\s*\)?[.;,]?\s*$"
)
_LIST_MARKER = re.compile(
    r"^(?:\(\s*(?:\d{1,2}|[ivx]{1,5}|[a-z])\s*\)|(?:\d{1,2}|[ivx]{1,5}|[a-z])[.)]|\d{1,4}\.\d{1,2}\.?(?=\s)|"
    r"(?i:recommendation)\s+\d{1,2}\s*[:.\-–—])(?:\s+|$)"
)
_BULLET = re.compile(r"^[•·▪●◦○■□➢►✓*\-–—]\s*")
_INLINE_MARKER = re.compile(r"(?:^|(?<=[\s:;,]))\(\s*(\d{1,2}|[ivx]{1,5}|[a-z])\s*\)\s+")
# "the Director be asked to write ..." is a decision, so a passive "be asked" is not narrative.
_NARRATIVE = re.compile(
    r"(?<!\bbe )\b(?:explained|advised|asked|queried|informed|stated|commented|responded|replied|discussed|thanked|"
    r"questioned|highlighted|said|raised\s+concerns?)\b",
    re.I,
)
_STANDING = [
    re.compile(
        r"^(?:that\s+)?(?P<subj>.+?)\s+(?:is\s+to\s+|should\s+|will\s+|shall\s+|to\s+|would\s+)?"
        r"(?:be(?:come)?|becomes?|is|remains?|continues?\s+to\s+be|be\s+made|be\s+added\s+(?:to\s+the\s+\w+\s+)?as|"
        r"be\s+included\s+as|be\s+kept\s+as)\s+(?:an?\s+|the\s+)?(?:regular\s+|permanent\s+|ongoing\s+)?"
        r"standing\s+(?:agenda\s+)?items?\b",
        re.I,
    ),
    re.compile(
        r"\b(?:an?\s+)?standing\s+(?:agenda\s+)?item\s+(?:on|about|for|regarding|covering)\s+(?P<subj>.+?)\s+"
        r"(?:to\s+)?be\s+(?:added|included|placed|created|established)\b",
        re.I,
    ),
    re.compile(
        r"^(?:that\s+)?(?P<subj>.+?)\s+(?:to\s+)?be\s+(?:added|included|placed)\s+(?:on|to|in)\s+.{0,60}?"
        r"\bas\s+an?\s+standing\s+item\b",
        re.I,
    ),
    # "add the medium term financial strategy to the work programme as a standing item"
    re.compile(
        r"^(?:that\s+)?(?:to\s+)?(?:add|include|place|put)\s+(?P<subj>[^;]{3,80}?)\s+(?:on|to|in)\s+(?:the\s+|its\s+)?"
        r"(?:[\w'-]+\s+){0,4}?(?:work\s*programmes?|agendas?|forward\s+plans?)\s+as\s+an?\s+(?:regular\s+)?standing\s+item",
        re.I,
    ),
    # "the Committee receive the quarterly monitoring report as a standing item at each budget meeting"
    re.compile(
        r"^(?:that\s+)?(?:(?:the\s+)?(?:committee|panel|board|commission|members)\s+)?(?:to\s+)?"
        r"(?:receives?|considers?|takes?|sees?|scrutinises?)\s+(?P<subj>[^;]{3,80}?)\s+as\s+an?\s+"
        r"(?:regular\s+)?standing\s+(?:agenda\s+)?item",
        re.I,
    ),
    # "subject to the addition of a standing item on GP access"
    re.compile(
        r"\bstanding\s+(?:agenda\s+)?item\s+(?:on|about|for|regarding|covering)\s+(?P<subj>[^.;,()]{3,80})", re.I
    ),
]
_TIME = r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?|(?P<noon>noon|midday)"
_START_TIME = re.compile(
    rf"\b(?:started|starts|commenced|commences|began|opened|start(?:\s+time)?|time\s+of\s+commencement|"
    rf"commencing|convened)\s*(?:at|:|-|–)?\s*(?:{_TIME})",
    re.I,
)
_END_TIME = re.compile(
    rf"\b(?:ended|ends|closed|closes|finished|concluded|terminated|rose|end(?:\s+time)?|close|"
    rf"time\s+of\s+closure)(?:\s+the\s+meeting)?\s*(?:at|:|-|–)?\s*(?:{_TIME})",
    re.I,
)
_TIME_RANGE = re.compile(rf"\b(?:time|times|meeting\s+time)\s*:?\s*(?:{_TIME})\s*(?:-|–|—|to|until)\s*", re.I)
_SINGLE_TIME = re.compile(rf"^(?:{_TIME})", re.I)
_TIME_CONTEXT = re.compile(r"\b(?:meeting|committee|panel|session|start|end|time|commenced|commencing|closed)\b", re.I)

_PERSON = re.compile(
    rf"\b{_HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,2}}[A-Z][\w'’-]+(?:\s+(?:Mc|Mac|O')?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b)?"
    r"|\b[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s+[A-Z]\.?)?\s+(?:Mc|Mac|O')?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b"
    r"|\b[A-Z]\.\s?(?:[A-Z]\.\s?)?(?:Mc|Mac|O')?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b"
)
_GIVING_VERBS = re.compile(
    r"\b(?:advised|explained|agreed|confirmed|stated|said|informed|reported|added|undertook|offered|promised|"
    r"responded|replied|clarified|outlined|assured|acknowledged|indicated|told|highlighted|commented|noted|"
    r"committed|will|would|presented)\b"
)
_COMMITMENT = re.compile(
    rf"\b(?:(?:agreed|undertook|offered|promised|committed)\s+to\s+(?:\w+ly\s+)?(?:{_ACTION_INFINITIVES})|"
    rf"(?:will|would|can|could|shall|is\s+to|are\s+to)\s+(?:also\s+)?(?:be\s+)?(?:\w+ly\s+)?"
    rf"(?:{_ACTION_PARTICIPLES}|{_ACTION_INFINITIVES}))\b",
    re.I,
)
# Words too common in committee business to show that a sentence and a decision are about the same thing.
GENERIC_WORDS = {
    "committee",
    "report",
    "plan",
    "member",
    "councillor",
    "council",
    "update",
    "meeting",
    "officer",
    "service",
    "item",
    "agenda",
    "information",
    "improvement",
    "work",
    "children",
    "people",
}
_PROMISE = re.compile(
    rf"(?P<who>{_PERSON.pattern}|[Tt]he\s+[A-Z][\w'’-]+(?:\s+(?:of|for|and|&)?\s*[A-Z][\w'’-]+){{0,5}}|Officers)"
    rf"(?:,\s*[^,.]{{3,90}},)?\s+(?:agreed|undertook|offered|promised|committed)\s+to\s+"
    rf"(?:\w+ly\s+)?(?P<verb>{_ACTION_INFINITIVES})\b(?P<rest>[^.]*)",
)


# ---------------------------------------------------------------------------
# Small data holders
# ---------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    status: str
    role: str | None = None
    title: str | None = None
    councillor: bool = False
    initials: str | None = None  # "(SB)" after the name, for owners written as initials

    def as_dict(self) -> dict:
        return {"name": self.name, "status": self.status, "role": self.role, "title": self.title}


@dataclass
class Resolution:
    text: str
    owner: str | None = None  # from an "ACTION:" line or tail
    listed_action: bool = False  # under an "Agreed actions:" heading, so an action whatever its verb
    recommendation: bool = False  # under "Recommendations to Cabinet:", so a decision for another body


@dataclass
class Item:
    number: str | None
    title: str | None
    lines: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------


def parse_minutes(text: str, known_people: list[str] | None = None) -> dict:
    """Parse minutes text into the SCHEMA.md shape. Raises only MinutesImportError."""
    if not isinstance(text, str):
        raise MinutesImportError("The minutes could not be read as text.")
    try:
        return _parse(text, [p for p in (known_people or []) if isinstance(p, str) and p.strip()])
    except MinutesImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - the contract is that callers only ever see MinutesImportError
        raise MinutesImportError(
            "Something in these minutes confused the importer, so nothing was imported. "
            "Please check the file is a set of committee minutes, or enter the actions by hand."
        ) from exc


def _parse(text: str, known_people: list[str]) -> dict:
    lines = _normalise(text)
    committee = _find_committee(lines)
    date, date_line, date_end = _find_date(lines)
    start_time, end_time = _find_times(lines, date_line, date_end)
    lines = _drop_page_furniture(lines, committee)

    attendance, attendance_lines = _find_attendance(lines)
    items = _split_items(lines, attendance_lines, committee)

    body_text = "\n".join(ln for i, ln in enumerate(lines) if i not in attendance_lines)
    paragraphs = _paragraphs(body_text.split("\n"))
    declarations = _find_declarations(paragraphs)
    _add_sentence_attendance(paragraphs, attendance)
    if not attendance:
        attendance = _mentioned_people(paragraphs)

    people = [p.name for p in attendance] + known_people
    initials = Counter(p.initials for p in attendance if p.initials)
    aliases = {p.initials: p.name for p in attendance if p.initials and initials[p.initials] == 1}
    titles = [p.title for p in attendance if p.title]
    parsed_items = [_parse_item(item, people, known_people, aliases, titles) for item in items]
    _drop_logged_twice(parsed_items, attendance)
    return {
        "committee": committee,
        "date": date,
        "start_time": start_time,
        "end_time": end_time,
        "attendance": [p.as_dict() for p in attendance],
        "declarations": declarations,
        "items": parsed_items,
    }


# ---------------------------------------------------------------------------
# Normalising the text
# ---------------------------------------------------------------------------

_REPLACEMENTS = [
    ("\r\n", "\n"), ("\r", "\n"), ("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\t", " "),
    ("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00ad", ""), ("\u200b", ""),
    ("\ufeff", ""), ("\f", "\n"), ("\x0b", "\n"), ("|", "\n"), ("\u2028", "\n"), ("\u2029", "\n"), ("\x00", ""),
]  # fmt: skip


# Marks a row of an "Action | Responsible | Deadline" table: TABLE_ROW + action + CELL + owner + CELL + due.
TABLE_ROW, CELL = "\x04", "\x1f"
_TABLE_ACTION = re.compile(
    r"^(?:agreed\s+)?actions?(?:\s+(?:required|agreed|description|point))?$|^(?:description|task)$"
)
# "Minute | Action | By whom | By when": a log at the top of the minutes says which item each action came from.
_TABLE_REF = re.compile(r"^(?:minute|min|item|ref|reference|(?:minute|item|agenda\s+item)\s+(?:no|number|ref))\.?$")
_TABLE_OWNER = re.compile(
    r"^(?:(?:action\s+)?owner|responsible(?:\s+(?:officer|person|lead|member))?|responsibility|lead(?:\s+officer)?|"
    r"who|by\s+whom|officer|assigned\s+to)$"
)
_TABLE_DUE = re.compile(
    r"^(?:deadline|due(?:\s+(?:date|by))?|(?:target\s+|completion\s+)?date(?:\s+due)?|by\s+when|when|"
    r"time\s*scales?|time\s*frame|target)$"
)
# A PDF sets labels in a narrow left column: "Also      Councillor X (Cabinet Member for" / "present:  Resources)".
_SPLIT_LABEL = re.compile(
    r"^[ ]*(Also|In)[ ]{2,}(\S[^\n]*)\n[ ]*(present|attendance|in[ ]+attendance|attending)[ ]*:[ ]*([^\n]*)$",
    re.M | re.I,
)
# Word-split prefixes whose hyphen is real: "co-\nopted" stays "co-opted".
_HYPHEN_PREFIXES = {
    "co", "non", "re", "pre", "sub", "self", "well", "cross", "multi", "long", "short", "part", "full", "ex",
    "anti", "post", "inter", "semi", "vice", "mid", "follow", "one", "two", "three", "four", "five", "year",
}  # fmt: skip
_INLINE_DECISION = re.compile(r"(?:\b[Ii]t\s+was\s+)?(?:\bUNANIMOUSLY\s+)?\b(?:RESOLVED|AGREED)\b")


def _normalise(text: str) -> list[str]:
    text = text.replace(TABLE_ROW, " ").replace(CELL, " ")
    if "|" in text or "\t" in text:
        text = _action_tables(text)
    # str.replace per character is much faster than str.translate on long documents.
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    for pat in _CLUTTER_INLINE:
        text = pat.sub(" ", text)
    if re.search(r"(?:present|attendance|attending)[ ]*:", text, re.I):
        text = _SPLIT_LABEL.sub(lambda m: f"{m.group(1)} {m.group(3)}: {m.group(2)} {m.group(4)}", text)
    text = re.sub(r" {2,}", " ", text)
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line and _CLUTTER_LINE.match(line):
            continue
        out.append(line)
    _dehyphenate(out)
    return _split_inline_decisions(out)


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
            if _NUM_HEADING.match(row[0]) and _title_like(_NUM_HEADING.match(row[0]).group("title")):
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
        lines[i] = (line if m.group(1).lower() in _HYPHEN_PREFIXES else line[:-1]) + head
        lines[i + 1] = tail


def _split_inline_decisions(lines: list[str]) -> list[str]:
    """ "Proposed by Cllr A, seconded by Cllr B, and RESOLVED that ..." : the decision starts its own line."""
    out = []
    for line in lines:
        if "RESOLVED" in line or "AGREED" in line:
            m = next((m for m in _INLINE_DECISION.finditer(line) if m.start() > 0), None)
            if m and line[: m.start()].strip() and not _TRIGGER.match(line):
                out.append(line[: m.start()].rstrip())
                line = line[m.start() :]
                line = line[:1].upper() + line[1:]  # "..., it was RESOLVED that:" starts a block of its own
        out.append(line)
    return out


def _drop_page_furniture(lines: list[str], committee: str | None) -> list[str]:
    """Remove running page headers ("Committee name, 23 March 2022") and signature blocks."""
    out: list[str] = []
    key = committee.lower() if committee else None
    for i, line in enumerate(lines):
        low = line.lower()
        if key and i > 3 and key in low and _any_date(line) and len(line.split()) <= 16:
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


# ---------------------------------------------------------------------------
# Meeting fields
# ---------------------------------------------------------------------------

_SMALL_WORDS = {"and", "of", "for", "the", "on", "in", "to", "at", "a", "an", "or", "with", "by"}


def _title_case(text: str) -> str:
    """Turn SHOUTING CAPS into Title Case; leave mixed-case text as the minutes wrote it."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return text
    words = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        if i and low in _SMALL_WORDS:
            words.append(low)
        elif len(word) > 1 and word.isalpha() and not re.search(r"[AEIOUY]", word):
            words.append(word)  # acronym such as NHS or SEN
        else:
            words.append("-".join(_cap_first(part.lower()) for part in word.split("-")))
    return " ".join(words)


def _cap_first(word: str) -> str:
    """Capitalise the first letter: "(northford" -> "(Northford"."""
    m = re.search(r"[a-z]", word)
    return word[: m.start()] + word[m.start()].upper() + word[m.start() + 1 :] if m else word


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
        r"^(?:the\s+)?(?:(?:a|an)\s+)?(?:(?:remote|virtual|special|extraordinary|ordinary)\s+)?"
        r"(?:meeting\s+of\s+(?:the\s+)?)?",
        "",
        name.strip(" :-–—,.\"'"),
        flags=re.I,
    )
    name = re.sub(r"[\s,]*[-–—]?\s*minutes\s*$", "", name, flags=re.I).strip(" :-–—,.")
    for pat in DATE_RES:
        name = pat.split(name, maxsplit=1)[0] if pat.search(name) else name
    name = name.strip(" :-–—,.")
    if (
        not name
        or len(name) > 120
        or _PROCEDURAL.match(name)
        or re.match(r"^(?:the\s+)?(?:last|previous)\b", name, re.I)
    ):
        return None
    return _title_case(name)


def _name_like(line: str) -> bool:
    """A title line: short, and its words mostly capitalised (unlike a sentence that mentions the committee)."""
    words = [w for w in re.split(r"[\s,]+", line) if w and w.lower() not in _SMALL_WORDS | {"&", "-", "–", "—"}]
    if not words or len(line.split()) > 16 or line.rstrip().endswith("."):
        return False
    caps = sum(w[:1].isupper() or w[:1].isdigit() for w in words)
    return caps / len(words) >= 0.75


_BODY_WORD = re.compile(
    r"\b(?:committee|panel|board|commission|sub-committee|forum|(?:task\s+(?:and|&)\s+finish|working|review)\s+group)\b",
    re.I,
)


def _find_committee(lines: list[str]) -> str | None:
    head = [ln for ln in lines[:40] if ln][:12]
    for k, line in enumerate(head):
        nxt = head[k + 1] if k + 1 < len(head) else ""
        # A heading wrapped by a PDF: "MINUTES of a meeting of the Health Overview and Scrutiny / Committee held at".
        if (
            re.match(r"^minutes\s+of\b", line, re.I)
            and not re.search(r"\bheld\b|\d", line)
            and (
                re.match(r"^(?:committee|panel|board|commission|sub-committee|forum|group)\b", nxt, re.I)
                or re.search(r"\b(?:and|of|for|&)$", line)
            )
        ):
            line = f"{line} {nxt}"
        m = re.match(r"^minutes\s+of\s*:?\s*(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(.+)$", line, re.I)
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
            if name and not _PROCEDURAL.match(name):
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
        return _title_case(first[found.most_common(1)[0][0]])
    return None


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


def _any_date(text: str) -> dt.date | None:
    best = None
    for idx, pat in enumerate(DATE_RES):
        for m in pat.finditer(text):
            found = _date_from_match(m, idx)
            if found and (best is None or m.start() < best[0]):
                best = (m.start(), found)
            if found:
                break
    return best[1] if best else None


def _first_date(text: str) -> tuple[int, int, dt.date] | None:
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
        if _ATTENDANCE_LABEL.match(line) or _DATE_LABEL.match(line):
            continue
        m = _NUM_HEADING.match(line)
        if (m and _title_like(m.group("title").strip())) or re.match(r"^(?:Item\s+)?\d{1,3}[a-z]?[.)]?$", line):
            return i
        # A ModernGov "Decisions" page starts with that word as its title, before the meeting's heading.
        if seen <= 2 and re.match(r"^(?:decisions|recommendations)$", line, re.I):
            continue
        if _PROCEDURAL.match(line) or _TRIGGER.match(line):
            return i
    return len(lines)


def _dated_header_line(line: str, span: tuple[int, int]) -> bool:
    """Does this header line give the meeting's own date (not a date mentioned in passing)?"""
    if _OTHER_MEETING.search(line):
        return False
    before = line[: span[0]]
    if _DATE_LABEL.match(line) or re.search(r"\b(?:held|on|meeting)\b", before, re.I):
        return True
    if re.match(rf"^\s*{_DAY_NAME}", line[span[0] : span[1]], re.I):
        return True
    # A line that is little more than the date, e.g. "Wednesday 6 March 2024 10.00 am" or a title plus the date.
    rest = (before + " " + line[span[1] :]).strip()
    return len(rest.split()) <= 8 and not rest.rstrip().endswith(".")


def _find_date(lines: list[str]) -> tuple[str | None, int | None, int]:
    """The meeting date from the heading, with the line it was on and where the date ends on that line.

    Minutes are full of other dates ("the minutes of the meeting held on 10 October"), so a date only counts if it
    is in the header, above the first item, and the line reads like a meeting heading.
    """
    for i in range(_header_end(lines)):
        line = lines[i]
        found = _first_date(line) if line else None
        if found and _dated_header_line(line, found[:2]):
            return found[2].isoformat(), i, found[1]
    # No dated heading: a labelled date anywhere ("Date of Meeting: ..."), never another meeting's.
    labelled = re.compile(r"\b(?:date\s+of\s+(?:the\s+)?meeting|meeting\s+date|^date)\s*:?\s*(.{0,60})", re.I)
    for i, line in enumerate(lines):
        m = labelled.search(line)
        if m and not _OTHER_MEETING.search(line):
            found = _first_date(m.group(1))
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
    lead = re.match(rf"^\s*(?:{_TIME})(?=\s*[,–—-]?\s*{_DAY_NAME}?\d)", lines[date_line], re.I)
    if lead and (lead.group("m") or lead.group("ap")) and _to_hhmm(lead):
        return _to_hhmm(lead), None
    texts = [lines[date_line][date_end:]]
    texts += [ln for ln in lines[date_line + 1 : date_line + 6] if ln][:3]
    for k, text in enumerate(texts):
        timed = re.match(rf"^(?:(?:times?|start(?:\s+time)?|commencing)\s*[:\-–—]?\s*)?(?:{_TIME})", text, re.I)
        # "Town Hall, Calderbrook, 6.00 pm": a venue line under the date that ends with the time
        venue_time = len(text.split()) <= 10 and re.search(rf"(?:,|\bat)\s*(?:{_TIME})\s*$", text, re.I)
        if k and not (timed or venue_time):
            continue
        if k == 0 and _OTHER_MEETING.search(text):
            continue
        for m in re.finditer(_TIME, text, re.I):
            start = _to_hhmm(m)
            if not start:
                continue
            rng = re.match(rf"\s*(?:-|–|—|to|until)\s*(?:{_TIME})", text[m.end() :], re.I)
            return start, (_to_hhmm(rng) if rng else None)
    return None, None


def _find_times(lines: list[str], date_line: int | None = None, date_end: int = 0) -> tuple[str | None, str | None]:
    start = end = None
    for line in lines:
        if not _TIME_CONTEXT.search(line) or _OTHER_MEETING.search(line):
            continue
        if start is None:
            m = _START_TIME.search(line)
            if m:
                start = _to_hhmm(m)
            else:
                m = _TIME_RANGE.search(line)
                if m:
                    start = _to_hhmm(m)
                    m2 = _SINGLE_TIME.match(line[m.end() :])
                    if m2:
                        end = _to_hhmm(m2) or end
        for m in _END_TIME.finditer(line):
            end = _to_hhmm(m) or end
    head_start, head_end = _header_times(lines, date_line, date_end)
    return start or head_start, end or head_end


# ---------------------------------------------------------------------------
# Attendance
# ---------------------------------------------------------------------------

_ATTENDANCE_LABEL = re.compile(
    r"^(?P<label>(?:(?:committee\s+|panel\s+|board\s+)?members?\s+|councillors?\s+|cllrs?\s+)?present|also\s+present|(?:also\s+)?in\s+attendance|"
    r"(?:committee|panel|board)\s+members|other\s+(?:members|councillors)(?:\s+present|\s+in\s+attendance)?|"
    r"(?:[a-z&]+\s+){0,3}?(?:partner\s+)?representatives(?:\s+present|\s+in\s+attendance)?|"
    r"(?:nhs\s+|health\s+|external\s+)?(?:partners|witnesses)(?:\s+present|\s+in\s+attendance)?|"
    r"officers?(?:\s+(?:present|in\s+attendance))?|apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received"
    r"(?:\s+from)?)?|absent|substitutes?(?:\s+members?)?|co-?opted\s+members?(?:\s+present)?|"
    r"(?:independent|lay|statutory|(?:non-?)?voting)\s+(?:co-?opted\s+)?(?:members?|persons?)(?:\s+present)?|"
    r"public\s+attendance|sederunt|together\s+with|cabinet\s+members?(?:\s+(?:present|in\s+attendance))?|co-?optees|"
    r"co-?opted|councillors|cllrs|also\s+attending|"
    r"chair(?:man|person)?|vice[- ]chair(?:man|person)?|guests?|attendees|attending)\s*[:\-–—]\s*(?P<rest>.*)$"
    r"|^(?P<bare>(?:councillors?\s+|members?\s+)?present|also\s+present|(?:also\s+)?in\s+attendance|also\s+attending|"
    r"officers?(?:\s+(?:present|in\s+attendance))?|apologies(?:\s+for\s+absence)?|co-?opted\s+members?|sederunt|"
    r"cabinet\s+members?\s+present)\s*$",
    re.I,
)


def _label_status(label: str) -> tuple[str | None, str | None]:
    label = label.lower()
    if "public" in label:
        return None, None
    if "apolog" in label:
        return "apologies", None
    if "absent" in label:
        return "absent", None
    if label.startswith("vice"):
        return "present", "vice_chair"
    if label.startswith("chair"):
        return "present", "chair"
    if "substitute" in label:
        return "present", "substitute"
    if label.startswith("voting"):
        return "present", None  # the committee's own members, as against non-voting co-optees
    if (
        "co-opted" in label
        or "coopted" in label
        or label.startswith(("independent", "lay", "statutory", "voting", "non"))
    ):
        return "present", "co-opted"
    if label.startswith("cabinet"):
        return "in_attendance", "cabinet_member"
    if (
        "also" in label
        or label.startswith("other")
        or "representative" in label
        or "partners" in label
        or "witness" in label
        or "attendance" in label
        or "officer" in label
        or "guest" in label
        or "attend" in label
        or label.startswith("together")
    ):
        return "in_attendance", None
    return "present", None


# A joint committee groups its members by council: "Northford City Council – Councillor A (Chair), Councillor B".
_ORG_PREFIX = re.compile(rf"^[A-Z][\w'&. -]{{0,60}}?\b(?:Council|Authority)\s*(?:[:–—-]|\s[–—-])\s*(?={_HONORIFIC}\s)")


def _find_attendance(lines: list[str]) -> tuple[list[Person], set[int]]:
    people: list[Person] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        m = _ATTENDANCE_LABEL.match(lines[i])
        label = m and (m.group("label") or m.group("bare"))
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
        if re.match(r"^(?:councillors|cllrs)$", label, re.I):
            rest = "Councillors " + rest  # "Councillors: A Khan, B Lee" lists councillors
        chunk = [_ORG_PREFIX.sub("", rest)]
        used.add(i)
        j = i + 1
        if not rest.strip() and j + 1 < len(lines) and not lines[j] and _next_is_names(lines, j):
            j += 1  # "PRESENT:" / blank line / the names
        while j < len(lines) and lines[j] and not _ATTENDANCE_LABEL.match(lines[j]) and not _caps_heading(lines[j]):
            if _NUM_HEADING.match(lines[j]) or _PROCEDURAL.match(lines[j]):
                break
            chunk.append(_ORG_PREFIX.sub("", lines[j]))
            used.add(j)
            j += 1
        if status:
            people.extend(_parse_people(_join_attendance_lines(chunk), status, role))
        i = j
    return _dedupe_people(people), used


def _next_is_names(lines: list[str], i: int) -> bool:
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    if not nxt and i + 2 < len(lines):
        nxt = lines[i + 2]  # a label, a blank line, then the names
    return bool(nxt) and bool(
        re.match(rf"^{_HONORIFIC}[\s:]", nxt)
        or _ATTENDANCE_LABEL.match(nxt)
        or (_ENTRY_START.match(nxt) and not _PROCEDURAL.match(nxt))
    )


# "Jane Smith – Title", "J. Smith, Title", "Jane Smith (Title)": a new attendee at the start of a line.
_ENTRY_START = re.compile(
    rf"^(?P<name>(?:{_HONORIFIC}\s+)?(?:[A-Z]\.?\s+){{0,2}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"
    r"\s*(?:[—–-]\s|,\s|\(|$)"
)


def _starts_entry(line: str) -> bool:
    m = _ENTRY_START.match(line)
    if not m:
        return False
    words = [w.lower().strip(".") for w in m.group("name").split()]
    return not any(w in NOT_NAME and w not in HONORIFIC_WORDS for w in words)


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
    if re.search(rf"(?:,|\band|&|\bof|\bfor|\bthe|\b{_HONORIFIC})\s*$", prev, re.I):
        return True
    last = re.split(r"[,;]", prev)[-1]
    first = line.split(None, 1)[0].lower()
    # "Democratic Services" / "Officer (Sian Tully)": a post wrapped before its last word.
    if first in POST_HEADS and "(" not in last and _post_like(last.strip()) and not _person_like(last.strip()):
        return True
    in_title = bool(re.search(r"\s[—–-]\s", last)) and not re.search(r"[.)]\s*$", prev)
    return in_title and not _starts_entry(line)


def _looks_like_post(text: str) -> bool:
    words = [w.lower().strip(",.()") for w in text.split()]
    return bool(words) and words[0] in POST_WORDS | {"the"} and any(w in POST_WORDS for w in words)


def _strip_honorific(name: str) -> tuple[str, bool]:
    m = re.match(rf"^{_HONORIFIC}\s+", name)
    if not m:
        return name, False
    rest = name[m.end() :].strip()
    is_cllr = bool(re.search(r"councillor|cllr", m.group(0), re.I))
    # Keep "Councillor Smith" whole: a bare surname reads badly on its own.
    return (rest if len(rest.split()) >= 2 else name.strip()), is_cllr


def _plausible_name(name: str) -> bool:
    if not name or len(name) > 60 or re.search(r"\d", name):
        return False
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[-1][:1].isupper():
        return False
    return not re.match(r"^(?:none|no\s|nil|n/a|there\s|all\s|the\s+committee)", name, re.I)


# Post words that end a job title: "Community Safety Manager", "Trade Union Representative".
POST_HEADS = {
    "manager", "officer", "director", "adviser", "advisor", "coordinator", "co-ordinator", "lead", "clerk",
    "commissioner", "representative", "governor", "solicitor", "secretary", "treasurer", "consultant", "analyst",
    "specialist", "superintendent", "inspector", "holder", "chair", "leader", "head", "executive", "administrator",
    "engineer", "planner", "accountant", "auditor", "nurse", "worker", "assistant", "partner", "member", "chairman",
}  # fmt: skip
# Parenthesised notes after a name that are not the person's post.
_NOT_A_TITLE = re.compile(
    r"^(?:labour|lab|conservatives?|con|liberal\s+democrats?|lib\s*dems?|ld|green(?:\s+party)?|independent|ind|"
    r"plaid(?:\s+cymru)?|reform(?:\s+uk)?|snp|[\w\s]*\bchair\w*|[\w\s-]*\bconven[eo]r|in\s+the\s+chair|"
    r"vice[- ]?chair\w*|sub\b.*|"
    r"substitut.*|deputising.*|ex[- ]officio|remote\w*|virtual\w*|online|via\s.*|part|from\s.*|until\s.*|"
    r"left\s.*|arrived\s.*|for\s+(?:part|items?)\b.*|items?\s.*|non-voting|voting|observer|.*\bward\b.*|"
    r"minute\s.*|\d.*)$",
    re.I,
)


def _bracketed_name(text: str) -> bool:
    """ "Chief Executive (Jane Smith)" names its holder in brackets; "Service Manager (Parks)" does not."""
    notes = re.findall(r"\(([^()]{0,200})\)", text)
    return any(_person_like(n) and 2 <= len(n.split()) <= 3 and not re.search(r"\s(?:and|&)\s", n) for n in notes)


def _post_like(text: str) -> bool:
    """A job title rather than a name: "Head of Planning", "Community Safety Manager", "Healthwatch" is not."""
    words = [w.lower().strip(",.()") for w in text.split()]
    if not words:
        return False
    if _looks_like_post(text):
        return True
    return len(words) >= 2 and (
        words[-1] in POST_HEADS
        or any(w in {"of", "for"} for w in words[1:-1])
        and any(w in POST_WORDS | POST_HEADS for w in words)
    )


def _person_like(text: str) -> bool:
    """A name on its own: "Cllr A Khan", "J. Smith", "Jane Smith"; not "Education and Inclusion"."""
    text = text.strip()
    if re.match(rf"^{_HONORIFIC}\s", text):
        return True
    parts = re.split(r"\s+(?:and|&)\s+", text)
    for part in parts:
        words = part.split()
        # One bare word ("Learning" in "Skills and Learning") is not a name without "Councillor" before it.
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return False
        if any(w.lower().strip(".") in NOT_NAME | POST_WORDS | POST_HEADS for w in words):
            return False
    return True


def _parse_people(text: str, status: str, label_role: str | None) -> list[Person]:
    text = re.sub(r"\s+", " ", text).strip(" .;")
    if not text or re.match(r"^(?:none|nil|no\s+(?:apologies|members|one))", text, re.I):
        return []
    initials: list[str] = []
    if "(" in text:
        # "Cllr Sam Bailey (Chair) (SB)", "Tom Greaves, Housing Manager (TG)": initials the notes use for owners.
        text = re.sub(r"\s*\(([A-Z]{2,4})\)", lambda m: initials.append(m.group(1)) or "", text)
    people = _parse_entries(text, status, label_role)
    for person in people:
        mine = _initials_of(person.name)
        if mine in initials:
            person.initials = mine
    return people


def _initials_of(name: str) -> str:
    words = [w for w in re.split(r"[\s.]+", name) if w and w.lower() not in HONORIFIC_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _parse_entries(text: str, status: str, label_role: str | None) -> list[Person]:
    # Protect commas inside parentheses, e.g. "(Medical Director, City NHS Trust)".
    text = re.sub(r"\(([^()]*)\)", lambda m: "(" + m.group(1).replace(",", "\x01").replace(";", "\x03") + ")", text)
    people: list[Person] = []
    councillor_run = False
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
                and (not _person_like(chunk) or _org_after_title(entry, chunk))
            ):
                titled_here.title = f"{titled_here.title}, {chunk}"
                continue
            elif (
                people
                and k
                and people[-1].title is None
                and _post_like(chunk)
                and not _bracketed_name(chunk)
                and not re.match(rf"^{_HONORIFIC}\s", chunk)  # "Councillor Tom Ellery (Deputy Chair)" is a person
            ):
                prev = people[-1]
                prev.title = chunk
                titled_here = prev
                if prev.role in (None, "member", "officer", "co-opted"):
                    prev.role = _infer_role(prev.status, chunk, prev.councillor)
                continue
            if re.match(r"^(?:County\s+)?(?:Councillors|Cllrs|COUNCILLORS)\b", chunk, re.I):
                councillor_run = True
            elif title or not re.match(rf"^{_HONORIFIC}\s", chunk) and re.match(r"^[A-Z][a-z]+\s+[A-Z][a-z]", chunk):
                councillor_run = councillor_run and not title and len(chunk.split()) <= 3
            # "Head of Revenues and Benefits (Dean Roper)" is one post and its holder, not two people.
            one = _bracketed_name(chunk) and _post_like(re.sub(r"\s*\(.*", "", chunk))
            names = [chunk] if one else re.split(r"\s+(?:and|&)\s+(?![^(]*\))", chunk)
            for n, name in enumerate(names):
                # In "Cllr D Reid and Georgia Murphy - Youth Cabinet Chair" the post belongs to the last name only.
                own_title = title if n == len(names) - 1 else None
                made = _make_person(name, own_title, status, label_role, councillor_run and not own_title)
                people.extend(made)
                titled_here = made[-1] if made and own_title else None
    return people


def _org_after_title(entry: str, chunk: str) -> bool:
    """One dash in "Andrew Pike - Chief Executive, Healthwatch Dalby", so what follows its comma is the employer."""
    dashes = re.findall(r"\s[—–-]\s|\s[—–]|[—–]\s", entry)
    head = entry.split(",", 1)[0]
    if len(dashes) != 1 or not re.search(r"\s[—–-]\s|\s[—–]|[—–]\s", head):
        return False
    return not re.match(rf"^{_HONORIFIC}\s", chunk)


def _make_person(raw: str, title: str | None, status: str, label_role: str | None, councillor_run: bool):
    role = label_role
    notes = re.findall(r"\(([^()]{0,200})\)", raw)
    # One note per line so "(Lockford City Council) (Chair)" still reads the role from its own bracket.
    low_notes = "\n".join(notes).lower()
    name = re.sub(r"\s*\([^()]{0,200}\)", "", raw).strip(" .")
    if re.search(r"\bin\s+the\s+chair\b|^(?:chair(?:man|person|woman)?|conven[eo]r)\b", low_notes, re.M):
        role = "chair"
    elif re.search(r"(?:vice|deputy)[- ]?(?:chair|conven[eo]r)", low_notes):
        role = "vice_chair"
    elif re.search(r"\bsub(?:stitute|stituting|\.)?\b", low_notes):
        role = "substitute"
    post_notes = [n.strip() for n in notes if n.strip() and not _NOT_A_TITLE.match(n.strip())]
    if post_notes and _post_like(name) and not re.match(rf"^{_HONORIFIC}\s", name) and _bracketed_name(raw):
        # "Chief Executive (Jane Smith)": the post comes first and the name is in brackets.
        name, title = post_notes[0], title or name
    elif post_notes and not title:
        title = post_notes[0]
    name, is_cllr = _strip_honorific(name)
    name = re.sub(rf"^{_HONORIFIC}\s+", "", name) if len(name.split()) > 2 else name
    if not _plausible_name(name):
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
        elif person.title and not seen[key].title:
            seen[key].title = person.title
    return list(seen.values())


def _add_sentence_attendance(paragraphs: list[str], people: list[Person]) -> None:
    """Pick up "Apologies for absence were received from Councillors X and Y." written as prose."""
    pat = re.compile(
        r"\bapologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|submitted|given|noted)"
        r"(?:\s+and\s+(?:accepted|noted|approved))?\s+"
        r"(?:from|on\s+behalf\s+of|for)\s+((?:[^.]|(?<=\b[A-Z])\.){3,300})",
        re.I,
    )
    sub = re.compile(
        rf"\b({_HONORIFIC}\s+[A-Z][\w' -]{{1,40}}?)\s+(?:(?:(?:attended|was\s+present)\s+as\s+(?:a\s+)?substitute|"
        r"substituted|was\s+substituting|substituting|deputised|was\s+deputising)\s+for\s+|"
        r"(?:attended|was\s+present)\s+as\s+(?:a\s+)?substitute\b)",
        re.I,
    )
    known = {p.name.lower() for p in people}
    for para in paragraphs:
        low = para.lower()
        if "apolog" not in low and "substitut" not in low:
            continue
        for m in pat.finditer(para):
            for person in _parse_people(m.group(1), "apologies", None):
                if person.name.lower() not in known:
                    people.append(person)
                    known.add(person.name.lower())
        for m in sub.finditer(para):
            name, _ = _strip_honorific(m.group(1).strip())
            listed = [p for p in people if p.status == "present" and _same_person(p.name, name)]
            if listed:
                for p in listed:
                    p.role = "substitute" if p.role in (None, "member") else p.role
            elif name.lower() not in known and _plausible_name(name):
                people.append(Person(name=name, status="present", role="substitute"))
                known.add(name.lower())


def _same_person(a: str, b: str) -> bool:
    first_a, last_a = _name_parts(a)
    first_b, last_b = _name_parts(b)
    if not last_a or last_a.lower() != last_b.lower():
        return False
    return not (first_a and first_b and first_a[0].lower() != first_b[0].lower())


def _take_title(text: str) -> str:
    """The post title at the start of text: capitalised words joined by of/for/and/&."""
    out: list[str] = []
    for word in text.split()[:14]:
        core = word.rstrip(",.;:)")
        low = core.lower()
        if low in HONORIFIC_WORDS:
            break
        if core[:1].isupper() or core == "&" or (low in {"of", "for", "and", "the"} and out):
            out.append(core)
        else:
            break
        if core != word:
            break
    while out and out[-1].lower() in {"of", "for", "and", "the", "&"}:
        out.pop()
    return " ".join(out)


def _mentioned_people(paragraphs: list[str]) -> list[Person]:
    """Without an attendance list, people introduced as "Name, Post" are recorded as in attendance."""
    found: list[Person] = []
    for para in paragraphs:
        for m in re.finditer(rf"({_PERSON.pattern}),\s+", para):
            title = _take_title(para[m.end() :])
            if not title or not _looks_like_post(title):
                continue
            name, is_cllr = _strip_honorific(m.group(1))
            if any(w.lower() in NOT_NAME - HONORIFIC_WORDS for w in name.split()):
                continue
            found.append(
                Person(
                    name=name, status="in_attendance", role=_infer_role("in_attendance", title, is_cllr), title=title
                )
            )
    return _dedupe_people(found)


# ---------------------------------------------------------------------------
# Declarations
# ---------------------------------------------------------------------------

_DECLARATION = re.compile(
    rf"(?P<name>{_HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,2}}[A-Z][\w'-]+(?:\s+(?:and|&)\s+[A-Z][\w'-]+)?"
    r"|[A-Z][a-z]+\s+[A-Z][\w'-]+)\s+declared\s+(?:an?\s+|the\s+following\s+)?(?P<text>[^.]{0,300}?interests?"
    r"[^.]{0,300})",
)


def _find_declarations(paragraphs: list[str]) -> list[dict]:
    out = []
    for para in paragraphs:
        for m in _DECLARATION.finditer(para):
            text = m.group("text").strip(" ,;")
            item = re.search(r"\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?([\w/.]*\d[\w/]*)", text, re.I)
            out.append(
                {"name": m.group("name").strip(), "item": item.group(1).rstrip(".") if item else None, "text": text}
            )
    return out


# ---------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------

_HEADING_SKIP = re.compile(
    r"^(?:councillors?|cllrs?|resolved|agreed|recommended|it\s+was|decision|action|note|present|chair|"
    r"signed|minutes\s+of|apologies\s+for\s+absence\s*:|page)\b",
    re.I,
)


def _looks_like_header_line(line: str) -> bool:
    return bool(re.search(r"\b(?:committee|panel|board|commission|council)\b", line, re.I)) and not _PROCEDURAL.match(
        line
    )


@lru_cache(maxsize=4096)
def _caps_heading(line: str) -> bool:
    if len(line) > 140 or len(line.split()) > 16:
        return False
    upper = sum(c.isupper() for c in line)
    lower = sum(c.islower() for c in line)
    if upper + lower < 4 or upper / (upper + lower) < 0.85:
        return False
    if line.rstrip().endswith((":", ",", ";")) or _HEADING_SKIP.match(line) or _TRIGGER.match(line):
        return False
    return not (_any_date(line) or re.search(r"\d[.:]\d\d\s*(?:am|pm)", line, re.I))


def _title_like(title: str) -> bool:
    words = title.split()
    if not words or len(words) > 18 or not re.match(r"^[A-Z\"'(]", title):
        return False
    if title.endswith((",", ";", ":")):
        return False
    if title.endswith(".") and len(words) > 10:
        return False
    return not re.search(r"\b(?:be|was|were|will|would|should|agreed|noted|resolved)\b", title, re.I)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", number))


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
        heading = None
        bare = re.match(r"^(?:Item\s+)?(\d{1,3}[a-z]?)[.)]?$", line)
        if bare and not (in_resolution and _number_key(bare.group(1)) == (list_next,)):
            j = next((k for k in range(i + 1, min(i + 4, len(lines))) if lines[k]), None)
            if j is not None and not _NUM_HEADING.match(lines[j]) and _title_like(lines[j]):
                line = f"{bare.group(1)}. {lines[j]}"
                skip.add(j)
        m = _NUM_HEADING.match(line)
        nxt_line = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            m
            and m.group("title").isupper()
            and re.search(r"(?:[,–—-]|\b(?:AND|OF|FOR|THE|IN|ON|TO))$", m.group("title").strip())
            and nxt_line.isupper()
            and _caps_heading(nxt_line)
            and not _NUM_HEADING.match(nxt_line)
        ):
            # "4 SPECIAL EDUCATIONAL NEEDS – EDUCATION," / "HEALTH AND CARE PLANS": a PDF wrapped the title.
            line = f"{line} {nxt_line}"
            m = _NUM_HEADING.match(line)
            skip.add(i + 1)
        sub = m and re.match(r"^(\d+)\.\d+$", m.group("num"))
        if sub and current.number and sub.group(1) == current.number.rstrip("."):
            m = None  # "46.2 That Cabinet note ...": a numbered paragraph of minute 46, not a new item
        if m and _title_like(m.group("title").strip()):
            key = _number_key(m.group("num"))
            has_letter = bool(re.search(r"\d[a-z]$", m.group("num")))
            increasing = last_key is None or key > last_key or (key == last_key and has_letter)
            big = key and key[0] > 999 and "/" not in m.group("num")
            as_list = in_resolution and key == (list_next,) and not _caps_heading(m.group("title"))
            if increasing and not big and not as_list:
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
                    and _caps_heading(nxt)
                    and not _NUM_HEADING.match(nxt)
                    and not _PROCEDURAL.match(nxt)
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
            and not _caps_heading(line)
            and _PROCEDURAL.match(line)
            and any(c.islower() for c in line)
            and all(it.number for it in items)
            and raw_caps
        )
        if heading is None and not sub_label and (_caps_heading(line) or _PROCEDURAL.match(line)):
            low = line.lower().strip(" :")
            is_title_line = committee_low and (
                low in (committee_low, f"minutes of {committee_low}")
                # A long name set over two heading lines: "ADULT SOCIAL CARE AND HEALTH" / "OVERVIEW AND SCRUTINY ..."
                or (not items and len(low) >= 10 and low in committee_low)
            )
            if not is_title_line and not (not seen_content and _looks_like_header_line(line) and not items):
                heading = (None, line.strip())
        if heading:
            raw_caps = heading[1].isupper()
            current = Item(heading[0], _title_case(re.sub(r"\s+", " ", heading[1]).strip(" .-–—:")))
            items.append(current)
            in_resolution, list_next = False, 1
            continue
        current.lines.append(line)
        if line:
            seen_content = True
        if _trigger_at(lines, i):
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


def _has_table_rows(item: Item) -> bool:
    return any(ln.startswith(TABLE_ROW) for ln in item.lines)


_PAGE_TITLE = re.compile(r"^(?:decisions|recommendations)$", re.I)


def _item_has_content(item: Item) -> bool:
    first = next((k for k, ln in enumerate(item.lines) if ln), None)
    return any(
        _trigger_at(item.lines, k)
        for k in range(len(item.lines))
        # "Decisions" heading a ModernGov decisions page is its title, not a decision.
        if not (item.number is None and k == first and _PAGE_TITLE.match(item.lines[k]))
    )


def _trigger_at(lines: list[str], idx: int) -> re.Match | None:
    """A "Resolved"/"Agreed" line starts a decision block only at the start of a paragraph.

    PDF text wraps mid-sentence, so "...Jeanette Richards / agreed to bring a report" must not count.
    """
    line = _BULLET.sub("", lines[idx])
    if not line[:1].isupper():
        return None
    m = _TRIGGER.match(line)
    if not m:
        return None
    prev = lines[idx - 1].rstrip() if idx > 0 else ""
    if m.group("kw").isupper() and len(m.group("kw")) > 4:
        return m
    if (
        prev
        and not _ACTION_TAIL.search(prev)
        and not prev.endswith((".", ":", ";", "!", "?", ")"))
        and not _caps_heading(prev)
        and not (_NUM_HEADING.match(prev))
    ):
        return None
    return m


def _paragraphs(lines: list[str]) -> list[str]:
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


def _task_verb(text: str) -> str:
    m = re.search(r"\bto\s+([a-z]+)", text)
    return _stem((m.group(1) if m else text.split()[0] if text.split() else "").lower())


def _drop_logged_twice(items: list[dict], attendance: list[Person]) -> None:
    """An "ACTION LOG" table restates actions already in the minutes: keep the table's row, which names an owner."""
    logged = [a for it in items for a in it["actions"] if a.get("_logged")]
    person_of = {p.name.lower(): p.name for p in attendance}
    person_of.update({p.title.lower(): p.name for p in attendance if p.title})

    def same(a: dict, row: dict) -> bool:
        if _overlap(row["text"], a["text"]) >= 0.75:
            return True
        who = person_of.get((a["owner"] or "").lower())
        return (
            bool(who)
            and who == person_of.get((row["owner"] or "").lower())
            and (_task_verb(a["text"]) == _task_verb(row["text"].lower()))
        )

    for it in items:
        if logged:
            it["actions"] = [a for a in it["actions"] if a.get("_logged") or not any(same(a, r) for r in logged)]
    _file_logged_rows(items)
    for it in items:
        for a in it["actions"]:
            a.pop("_logged", None)
            a.pop("_minute", None)


def _file_logged_rows(items: list[dict]) -> None:
    """Move a log's rows that name their minute ("CS.44") to that item; drop a log left with nothing else."""
    by_number = {(it["number"] or "").strip(" .").lower(): it for it in items if it["number"]}
    emptied = []
    for it in items:
        moving = [a for a in it["actions"] if by_number.get(a.get("_minute", "")) not in (None, it)]
        if not moving:
            continue
        it["actions"] = [a for a in it["actions"] if a not in moving]
        for a in moving:
            by_number[a["_minute"]]["actions"].append(a)
        if not (it["number"] or it["actions"] or it["resolutions"] or it["standing_items"]):
            emptied.append(it)
    items[:] = [it for it in items if not any(it is e for e in emptied)]


def _parse_item(
    item: Item,
    people: list[str],
    known_people: list[str],
    aliases: dict[str, str] | None = None,
    titles: list[str] | None = None,
) -> dict:
    lines = list(item.lines)
    for idx, line in enumerate(lines):
        m = _MINUTES_MARKER.match(line)
        if m:
            # On committee websites the text before "Minutes:" is the agenda summary, not what happened.
            lines = ([m.group(1)] if m.group(1) else []) + lines[idx + 1 :]
            break
    for idx, line in enumerate(lines):
        if _SUPPORTING_MARKER.match(line):
            lines = lines[:idx]
            break

    discussion: list[str] = []
    resolutions: list[Resolution] = []
    noted: list[tuple[str, str | None]] = []  # actions recorded with "ACTION:" in the discussion
    tabled: list[tuple[str, str | None, str | None, str]] = []  # rows of an action table
    since_block = 0  # discussion lines since the last decision block
    idx = 0
    while idx < len(lines):
        line = lines[idx]
        if line.startswith(TABLE_ROW):
            what, owner, when, minute = (line[1:].split(CELL) + ["", "", ""])[:4]
            tabled.append((what.strip(), _clean_owner(owner), _due(when) or when.strip(" .") or _due(what), minute))
            idx += 1
            continue
        m = _trigger_at(lines, idx)
        if m:
            block, idx = _take_block(lines, idx + 1, m.group("rest"))
            if "action" in m.group("kw").lower():
                for res in block:
                    res.listed_action = True
            if m.group("kw").lower().startswith("recommend") and re.match(r"^to\s+(?:the\s+)?[A-Z]", m.group("rest")):
                for res in block:
                    res.recommendation = True
            resolutions.extend(block)
            since_block = 0
            continue
        am = _ACTION_LINE.match(line)
        tail = None if am else _ACTION_TAIL.search(line)
        if tail and tail.start() == 0:
            tail = None
        if am and _OWN_ACTION.search(am.group("owner")):
            # "ACTION: James Orme to confirm the date ..." states the action itself.
            text = _clean_owner(am.group("owner")) or ""
            noted.append((text, _explicit_owner(text)))
        elif am and resolutions and not since_block:
            resolutions[-1].owner = _clean_owner(am.group("owner"))
        elif am or tail:
            # "Members asked for a briefing note on X.   ACTION: Tracy Bell": the request is the action.
            before = line[: tail.start()].strip() if tail else ""
            if before:
                discussion.append(before)
            request = _requested(discussion)
            if request:
                noted.append((request, _clean_owner((am or tail).group("owner"))))
        elif not _PAGE_METADATA.match(line):
            discussion.append(line)
            since_block += bool(line)
        idx += 1

    paragraphs = _paragraphs(discussion)
    sentences = _speaker_sentences(paragraphs, people)
    actions: list[dict] = []
    standing: list[str] = []
    for res in resolutions:
        # "X be added to the work programme and that Y remain a standing item" is an action and a standing item.
        for clause in _clauses(res.text):
            subject = _standing_subject(clause)
            if subject:
                standing.append(subject)
                continue
            # "... (Action: Head of Service)": the minutes themselves mark the decision as someone's work.
            if res.recommendation and not res.owner:
                continue
            if not (res.listed_action or (res.owner and not _NOTING.match(clause)) or _is_action(clause)):
                continue
            owner = res.owner or _explicit_owner(clause) or _context_owner(clause, sentences)
            actions.append({"text": _action_text(clause), "owner": owner, "due": _due(clause)})

    for subject in _agreed_standing(paragraphs):
        if not any(_overlap(subject, known) >= 0.6 for known in standing):
            standing.append(subject)

    for text, owner, due, minute in tabled:
        row = {"text": _action_text(text), "owner": owner, "due": due or None, "_logged": True}
        if minute.strip(" ."):
            row["_minute"] = minute.strip(" .").lower()
        actions.append(row)

    for text, owner in noted:
        if not any(_overlap(text, a["text"]) >= 0.6 for a in actions):
            actions.append({"text": _action_text(text), "owner": owner, "due": _due(text)})

    for text, owner in _promises(paragraphs):
        if not any(_overlap(text, r.text) >= 0.4 for r in resolutions) and not any(
            _overlap(text, a["text"]) >= 0.4 for a in actions
        ):
            actions.append({"text": text, "owner": owner, "due": _due(text)})

    for action in actions:
        if action["owner"] and aliases and _INITIALS_OWNER.fullmatch(action["owner"]):
            action["owner"] = re.sub(r"\b[A-Z]{2,4}\b", lambda m: aliases.get(m.group(0), m.group(0)), action["owner"])
        if action["owner"]:
            parts = re.split(r"\s+(?:and|&)\s+", action["owner"])
            if len(parts) > 1 and all(_person_like(p) for p in parts):
                # "Sam Roy and Ruth Ode": each person is matched on their own.
                action["owner"] = " and ".join(_resolve_person(p, people, known_people) for p in parts)
            else:
                action["owner"] = _full_post(_resolve_person(action["owner"], people, known_people), titles or [])
    return {
        "number": item.number,
        "title": item.title,
        "resolutions": [r.text for r in resolutions],
        "actions": actions,
        "standing_items": standing,
    }


# A sentence ends at . ! or ? before a capital, but not after an initial or a title ("H. Davies", "Dr. Patel").
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\b(?:Dr|Mr|Ms|St)\.)(?<!\bMrs\.)(?<!\bCllr\.)\s+(?=[A-Z\"'(])")
_OWN_ACTION = re.compile(rf"\s(?:to|will)\s+(?:\w+ly\s+)?(?:{_ACTION_INFINITIVES})\b", re.I)
_REQUEST = re.compile(
    r"^(?:.{0,80}?\b(?:asked|requested|sought|wanted|would\s+like|called)\s+(?:for\s+|that\s+)?)?(?P<what>.+)$", re.I
)


def _requested(discussion: list[str]) -> str | None:
    """The last sentence of the discussion so far, as the thing asked for: "a briefing note on X"."""
    paras = _paragraphs([ln for ln in discussion[-8:]])
    if not paras:
        return None
    last = _SENTENCE_END.split(paras[-1])[-1].strip().rstrip(".")
    what = _REQUEST.match(last).group("what").strip() if last else ""
    return what[:1].upper() + what[1:] if len(what.split()) >= 3 else None


# The fields under a decision on a committee website's "Decision details" page, which end the decision.
_PAGE_METADATA = re.compile(
    r"^(?:report\s+author|publication\s+date|date\s+of\s+decision|decided\s+at\s+meeting|decision\s+status|"
    r"is\s+(?:key\s+decision|subject\s+to\s+call[- ]?in)|accompanying\s+documents|reasons?\s+for\s+(?:the\s+)?"
    r"decisions?|alternative\s+options(?:\s+considered)?)\b[^:]{0,20}:",
    re.I,
)


_NOTING = re.compile(r"^(?:that\s+)?(?:the\s+)?[\w' -]{0,60}?\b(?:be|is|was|were)\s+(?:duly\s+)?noted\.?$", re.I)
_MEETING_END = re.compile(
    r"^(?:the\s+)?(?:meeting|committee|panel|board)\s+(?:terminated|closed|ended|finished|concluded|rose)\b", re.I
)


def _take_block(lines: list[str], start: int, rest: str) -> tuple[list[Resolution], int]:
    """Read the decisions after a "Resolved"/"It was agreed" line up to the next narrative paragraph."""
    raw: list[str] = [rest.strip()] if rest.strip() else []
    idx = start
    while idx < len(lines):
        line = lines[idx]
        if line.startswith(TABLE_ROW) or _PAGE_METADATA.match(line) or _MEETING_END.match(line):
            break
        if _trigger_at(lines, idx):
            break
        raw.append(line)
        idx += 1
    segments = _segments(raw)
    out: list[Resolution] = []
    consumed_segments = 0
    for seg in segments:
        if seg.startswith("\x02"):
            if out:
                out[-1].owner = _clean_owner(seg[1:])
            consumed_segments += 1
            continue
        if out and _NARRATIVE.search(seg) and not re.match(r"^that\b", seg, re.I):
            break
        if out and re.match(r"^[A-Z][\w' &-]{2,40}:$", seg) and not re.match(r"^that\b", seg, re.I):
            break  # "Matters arising:": a new section of the minute, not a decision
        consumed_segments += 1
        for part in _sentences_of(_inline_split(seg)):
            tail = _ACTION_TAIL.search(part)
            owner = None
            if tail and tail.start() > 0:
                owner = _tail_owner(tail.group("owner"))
                part = part[: tail.start()].rstrip()
            out.append(Resolution(text=part, owner=owner))
    if consumed_segments < len(segments):
        # Hand the narrative back to the discussion so promises in it are still seen.
        leftover = segments[consumed_segments:]
        lines_back = [s for s in leftover if not s.startswith("\x02")]
        return _drop_intros(out), _rewind(lines, start, idx, lines_back)
    return _drop_intros(out), idx


_PROPOSER = re.compile(r"^(?:(?:it\s+was\s+)?(?:proposed|moved|seconded)\s+by\b|(?:proposer|seconder)\s*:)", re.I)


def _sentences_of(parts: list[str]) -> list[str]:
    """One decision per sentence: "RESOLVED to object. Clerk to submit comments." is a decision and a task.

    "Proposed by Cllr A, seconded by Cllr B" records the vote, not a decision."""
    out = []
    for part in parts:
        pieces = _SENTENCE_END.split(part) if ". " in part else [part]
        for piece in pieces:
            piece = piece.strip()
            if piece and not _PROPOSER.match(piece):
                out.append(piece)
    return out


def _rewind(lines: list[str], start: int, end: int, leftover: list[str]) -> int:
    """Find where the first leftover segment began so the caller re-reads it as discussion."""
    if not leftover:
        return end
    first_words = leftover[0].split()[:4]
    for i in range(start, end):
        if lines[i] and lines[i].split()[:4] == first_words[: len(lines[i].split()[:4])]:
            return i
    return end


def _segments(raw: list[str]) -> list[str]:
    """Split a decision block into one string per decision, undoing PDF line wrapping."""
    segs: list[str] = []
    cur: list[str] = []

    def flush():
        if cur:
            text = re.sub(r"\s+", " ", " ".join(cur)).strip()
            if text:
                segs.append(text)
            cur.clear()

    for line in raw:
        s = line.strip()
        if not s:
            flush()
            continue
        am = _ACTION_LINE.match(s)
        if am:
            flush()
            segs.append("\x02" + am.group("owner"))
            continue
        marker = _LIST_MARKER.match(s) or _BULLET.match(s)
        # "(a) That X. (b) That Y." on one line: keep "(a)" so the inline split sees the whole run.
        if marker and any(
            pat.match(s) and len(_sequential_marks(list(pat.finditer(s)))) >= 2
            for pat in (_INLINE_MARKER, _INLINE_BARE_MARKER)
        ):
            marker = None
        if marker and (marker.group(0).strip() or s[:1] in "•·▪●◦○■□➢►✓"):
            flush()
            s = s[marker.end() :].strip()
            if not s:
                continue
        elif cur and cur[-1].rstrip().endswith((".", ";", ":")) and re.match(r"^[A-Z\"'(]", s):
            flush()
        cur.append(s)
    flush()
    return segs


_ROMAN = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12,
}  # fmt: skip
# "1. That ..." inline needs the sentence before it to have ended, or it would split "paragraph 3. The ...".
_INLINE_BARE_MARKER = re.compile(r"(?:^|(?<=[.;:]\s))(\d{1,2}|[ivx]{1,5}|[a-h])[.)]\s+(?=[A-Z]|that\b|the\b)")


def _marker_ordinal(mark: str, scheme: str) -> int | None:
    if scheme == "digit":
        return int(mark) if mark.isdigit() else None
    if scheme == "roman":
        return _ROMAN.get(mark)
    return ord(mark) - 96 if len(mark) == 1 and mark.isalpha() else None


def _sequential_marks(marks: list[re.Match]) -> list[re.Match]:
    """Keep the markers that run (1) (2) (3), (a) (b) (c) or (i) (ii) (iii); "(a)" cited in passing is skipped."""
    if not marks:
        return []
    first = marks[0].group(1)
    scheme = "digit" if first == "1" else "roman" if first == "i" else "letter" if first == "a" else None
    if scheme is None:
        return []
    out, expected = [], 1
    for m in marks:
        if _marker_ordinal(m.group(1), scheme) == expected:
            out.append(m)
            expected += 1
    return out


def _inline_split(text: str) -> list[str]:
    """Split "That (1) the report be noted; (2) officers circulate X" into separate decisions."""
    marks = _sequential_marks(list(_INLINE_MARKER.finditer(text)))
    if len(marks) < 2:
        marks = _sequential_marks(list(_INLINE_BARE_MARKER.finditer(text)))
    if len(marks) < 2:
        return [_tidy(text)]
    parts = []
    head = text[: marks[0].start()].strip()
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        parts.append(text[m.end() : end])
    out = [_tidy(p) for p in parts if _tidy(p)]
    if (
        head
        and not re.match(r"^(?:that|the\s+committee|members)?\s*[:\-–—]?\s*$", head, re.I)
        and len(head.split()) > 6
    ):
        out.insert(0, _tidy(head))
    return out


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?:;|,)?\s*(?:and|or)\s*$", "", text).strip()
    return text.rstrip(";,").strip()


def _drop_intros(resolutions: list[Resolution]) -> list[Resolution]:
    """'That:' or 'That the Committee:' before a list is not itself a decision."""
    out = []
    for k, res in enumerate(resolutions):
        is_intro = res.text.endswith((":", "–", "-", "—")) and len(res.text.split()) <= 10 and k + 1 < len(resolutions)
        if is_intro or re.match(r"^that\s*[:\-–—]?$", res.text, re.I) or not res.text:
            continue
        out.append(res)
    return out


def _tail_owner(owner: str) -> str | None:
    """ "(Action: Scrutiny Officer to add to the work programme)": the owner is the words before "to"."""
    return _clean_owner(re.split(r"\s+to\s+(?=[a-z])", owner, maxsplit=1)[0])


def _clean_owner(owner: str) -> str | None:
    owner = re.sub(r"\s+", " ", owner).strip(" .,;:-–—()")
    owner = re.sub(r"^(?:by\s+)?(?:the\s+)?", "", owner, flags=re.I)
    return owner or None


# ---------------------------------------------------------------------------
# Classifying decisions
# ---------------------------------------------------------------------------


def _standing_subject(text: str) -> str | None:
    if "standing" not in text.lower():
        return None
    for pat in _STANDING:
        m = pat.search(text)
        if m:
            subj = re.sub(r"^(?:that\s+)?", "", m.group("subj").strip(), flags=re.I)
            subj = re.sub(r"[\"'‘’“”]", "", subj)
            subj = re.sub(r"\s+on\s+the\s+agenda.*$", "", subj, flags=re.I).strip(" ,")
            # "agreed its work programme, and that X would be a standing item"
            subj = re.split(r"(?:,\s*|\s)(?:and\s+)?that\s+", subj)[-1].strip(" ,")
            subj = re.split(
                r"\b(?:be|been|is|was)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b[^,;]{0,80}?(?:,\s*|\s+)(?:with|and(?:\s+that)?)\s+",
                subj,
            )[-1].strip(" ,")
            if subj:
                return subj[:1].upper() + subj[1:]
    return None


_AGREED_THAT = re.compile(r"\b(?:agreed|resolved|decided)\s+(?:that\s+)?(?P<what>[^.]{3,200}\bstanding\b[^.]*)", re.I)


def _agreed_standing(paragraphs: list[str]) -> list[str]:
    """ "It was agreed that fly-tipping should remain a standing item", written in the discussion."""
    out = []
    for para in paragraphs:
        if "standing" not in para.lower():
            continue
        for m in _AGREED_THAT.finditer(para):
            subject = _standing_subject(m.group("what"))
            if subject and not re.search(r"\b(?:whether|if)\b", para[: m.start()][-60:], re.I):
                out.append(subject)
    return out


def _clauses(text: str) -> list[str]:
    """Split compound decisions: "the report be noted and that X be presented ..." has two parts."""
    parts = re.split(
        r"\s*;\s*(?:and\s+)?(?:that\s+)?|\s*,?\s+and\s+that\s+|\s+and\s+(?=(?:officers?|the\s+\w+)\s+"
        r"(?:be\s+)?(?:asked|requested)\s+to\b)",
        text,
        flags=re.I,
    )
    return [p.strip() for p in parts if p and p.strip()]


# "agreed to recommend to Cabinet that X be included": the decision is for another body to take, not a task.
_RECOMMEND_TO = re.compile(
    r"^(?:(?:the\s+)?(?:committee|panel|board|commission|sub-committee|members)\b[^.;]{0,80}?\b)?"
    r"(?:recommends?|recommended|agreed\s+to\s+recommend|to\s+recommend)\s+(?:to\s+(?:the\s+)?[A-Z][\w' ]{2,40}?\s+)?"
    r"that\b",
    re.I,
)


def _is_action(clause: str) -> bool:
    body = re.sub(r"^that\s+", "", clause.strip(), flags=re.I)
    # "approved, subject to X being added": the condition is not a task of its own.
    body = re.sub(r"^(.{10,}?),?\s+subject\s+to\b.*$", r"\1", body, flags=re.I)
    if _RECOMMEND_TO.match(body) and not _OWNER_ASKED.search(body):
        return False
    if re.match(
        r"^(?:the\s+)?(?:committee|members?|panel)\s+(?:notes?|noted|received?|welcomed?|thanks?|thanked)\b", body, re.I
    ) and not _PASSIVE_ACTION.search(body):
        return False
    if _PASSIVE_ACTION.search(body) or _SUBJUNCTIVE_ACTION.search(body) or _THIRD_PERSON_ACTION.search(body):
        return True
    if any(_owner_ok(m.group("who")) for m in _OWNER_ASKED.finditer(body)):
        return True  # "asks the Head of Parks to model the cost": someone is asked to do something
    short = _SHORTHAND.match(body)
    if short and _owner_ok(short.group("who")):
        return True
    # "the Committee: refers the report to Cabinet ...": a list item in the committee's own voice.
    m = re.match(rf"^(?:{_ACTION_INFINITIVES})e?s\b", body, re.I) or _INFINITIVE_ACTION.search(body)
    if m:
        verb = re.sub(r"^(?:to|will|would|shall|must|should)\s+", "", m.group(0).strip(), flags=re.I)
        return not _NEEDS_FOLLOW_UP.match(verb) or bool(_FOLLOW_UP.search(body))
    return bool(_FOLLOW_UP.search(body) and re.search(r"\b(?:update|report|presentation|information)\b", body, re.I))


def _action_text(clause: str) -> str:
    text = re.sub(r"^that\s+", "", clause.strip(), flags=re.I).rstrip(" .;,")
    return text[:1].upper() + text[1:]


def _due(text: str) -> str | None:
    low = text.lower()
    m = re.search(
        r"\b(?:by|before|no\s+later\s+than|on\s+or\s+before|until|for|on|at)\s+(?:the\s+)?(.{6,40})", text, re.I
    )
    for candidate in [m.group(1)] if m else []:
        found = _any_date(candidate)
        if found:
            return found.isoformat()
    found = _any_date(text)
    if found:
        return found.isoformat()
    m = re.search(
        r"\b(?:(?:early|late|later|at\s+the\s+start|at\s+the\s+end)\s+(?:in|of)\s+)?the\s+(?:new|next)\s+"
        r"municipal\s+year\b",
        text,
        re.I,
    )
    if m:
        words = m.group(0)
        return words if not words.lower().startswith("the") else "in " + words
    m = re.search(
        rf"\b(?:by|in|during|before)\s+(?:the\s+)?(?:end\s+of\s+)?(?:{_MONTH_RE}|spring|summer|autumn|"
        r"winter)(?:\s+\d{4})?\b",
        text,
        re.I,
    )
    if m:
        return m.group(0)
    m = re.search(r"\b(?:within|in)\s+(?:\w+\s+){1,2}?(?:days?|weeks?|months?|years?)(?:'?\s+time)?\b", text, re.I)
    if m and not re.match(r"^in\s+(?:the|recent|previous|past|last|many|some)\b", m.group(0), re.I):
        return m.group(0)
    # "brought to the June meeting"
    m = re.search(rf"\b{_MONTH_RE}(?:\s+\d{{4}})?\s+meeting\b", text, re.I)
    if m:
        return m.group(0)
    if re.search(r"\bnext\s+(?:meeting|committee|session)\b", low):
        return "next meeting"
    if re.search(r"\b(?:future|subsequent|later|forthcoming)\s+(?:meeting|committee|session)\b", low) or re.search(
        r"\b(?:brought|presented|reported|submitted|come|came|bring|report)\s+(?:back\s+)?to\s+(?:the|a|this)\s+"
        r"(?:[\w'&-]+\s+){0,7}?(?:committee|panel|board|meeting|commission)\b|\breport\s+back\b|\bat\s+a\s+later\s+date",
        low,
    ):
        return "future meeting"
    return None


# ---------------------------------------------------------------------------
# Owners
# ---------------------------------------------------------------------------

_WHO = (
    rf"(?:{_HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,2}}[A-Z][\w'-]+"
    r"|(?:[Tt]he\s+)?[A-Z][\w'-]+(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'-]+){0,7}|[Oo]fficers)"
)
_OWNER_SUBJECT = re.compile(
    rf"^(?:[Tt]hat\s+)?(?P<who>{_WHO})\s+(?:to|will|would|should|agreed\s+to|undertook\s+to|(?:be|is|are)\s+(?:asked|requested|"
    r"invited)\s+to)\s+(?:\w+ly\s+)?(?!be\b)\w",
)
_OWNER_SUBJUNCTIVE = re.compile(
    rf"^(?:[Tt]hat\s+)?(?P<who>{_WHO})\s+(?:\w+ly\s+)?(?:(?:{_ACTION_INFINITIVES})(?:e?s)?|applies)\b(?!\s+be\b)"
)
_OWNER_AGENT = re.compile(rf"\b(?:by|from)\s+(?P<who>{_WHO})")
_OWNER_ASKED = re.compile(
    rf"\b(?:asks?|asked|requests?|requested|invites?|invited|instructs?)\s+(?:that\s+)?"
    # "asks the Executive Director, Place, to bring ...": a post with its directorate after a comma.
    rf"(?P<who>{_WHO}(?:,\s+[A-Z][\w'-]+(?:\s+(?:and\s+|&\s+)?[A-Z][\w'-]+){{0,3}},)?)\s+(?:to|be|should)\b"
)


# "SB", "RO and LW": owners written as initials, as informal notes do.
_INITIALS_OWNER = re.compile(r"[A-Z]{2,4}(?:\s*(?:,|and|&|/)\s*[A-Z]{2,4}){0,4}")
_NOT_INITIALS = {"RAG", "AOB", "TBC", "TBA", "NB", "PS", "AND", "THE", "ALL", "NOTE"}


ORG_HEADS = {
    "trust", "partnership", "board", "service", "team", "department", "directorate", "healthwatch", "police",
    "constabulary", "authority", "icb", "agency", "college", "university", "association", "unit",
}  # fmt: skip


def _owner_ok(who: str) -> str | None:
    raw = who
    who = re.sub(r"^[Tt]he\s+", "", who.strip().rstrip(","))
    if _INITIALS_OWNER.fullmatch(who) and not set(re.findall(r"[A-Z]+", who)) & _NOT_INITIALS:
        return who
    words = who.split()
    if not words:
        return None
    low_words = [w.lower() for w in words]
    if low_words[0] in {
        "committee",
        "council",
        "members",
        "member",
        "meeting",
        "panel",
        "board",
        "minutes",
        "report",
        "plan",
        "update",
        "chair's",
        "following",
    }:
        return None
    if re.match(rf"^{_HONORIFIC}\s", who) or low_words == ["officers"]:
        return who
    if any(w in POST_WORDS for w in low_words):
        return who
    if len(words) >= 2 and low_words[-1] in ORG_HEADS:
        return who  # "the NHS Trust provide the Committee with ...": a body can own an action
    if len(words) == 1 and low_words[0] in ORG_HEADS and re.match(r"^[Tt]he\s", raw.strip()):
        return "The " + who  # "The Trust to share ...": the body the minutes have been talking about
    # A plain two- or three-word name such as "Jeanette Richards".
    if 2 <= len(words) <= 3 and not any(w in NOT_NAME for w in low_words):
        return who
    return None


_ALL_MEMBERS = re.compile(
    r"^(?:that\s+)?(all\s+(?:(?:committee|panel|board|group)\s+)?(?:members|councillors))\s+(?:to|will|should)\b", re.I
)


_DECIDED_THAT = re.compile(r"^(?:agreed|requested|requests?|asked|instructed|resolved|decided)\s+that\s+", re.I)


def _explicit_owner(clause: str) -> str | None:
    # "requested that the Head of Finance provide ...", "agreed that the Auditor would bring ..."
    body = re.sub(_DECIDED_THAT, "", clause.strip())
    everyone = _ALL_MEMBERS.match(body)
    if everyone:
        return everyone.group(1)[:1].upper() + everyone.group(1)[1:]
    for pat in (_OWNER_SUBJECT, _OWNER_SUBJUNCTIVE, _OWNER_ASKED, _OWNER_AGENT):
        for m in pat.finditer(body):
            who = _owner_ok(m.group("who"))
            if who:
                return who
    return None


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
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
def _content_words(text: str) -> frozenset[str]:
    return frozenset({_stem(w) for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in STOP_WORDS and len(w) > 1})


def _overlap(a: str, b: str) -> float:
    """Share of a's content words that also appear in b."""
    wa, wb = _content_words(a), _content_words(b)
    return len(wa & wb) / len(wa) if wa else 0.0


@dataclass
class Said:
    speaker: str | None
    text: str
    committed: bool


def _last_person(text: str) -> str | None:
    last = None
    for m in _PERSON.finditer(text):
        name = m.group(0)
        words = [w.lower() for w in name.split()]
        if re.match(rf"^{_HONORIFIC}\s", name) or not any(w in NOT_NAME for w in words):
            last = (m.start(), m.end(), re.sub(r"'s$", "", name))
    if not last:
        return None
    # A possessive ("Councillor Smith's question") is the asker, not the speaker.
    if text[last[1] : last[1] + 2] == "'s":
        return None
    return last[2]


def _speaker_sentences(paragraphs: list[str], people: list[str]) -> list[Said]:
    """Attribute each sentence to whoever is reported as speaking; reported speech carries on in a paragraph."""
    out: list[Said] = []
    for para in paragraphs:
        speaker = None
        for sentence in _SENTENCE_END.split(para):
            for m in _GIVING_VERBS.finditer(sentence):
                who = _last_person(sentence[: m.start()][-160:])
                if who:
                    speaker = who
                    break
            out.append(Said(speaker, _mask_people(sentence), bool(_COMMITMENT.search(sentence))))
    return out


def _mask_people(sentence: str) -> str:
    """Drop names and their posts so "Director for Children and Young People" does not count as overlap."""

    def repl(m: re.Match) -> str:
        after = sentence[m.end() :]
        if after.startswith(", "):
            title = _take_title(after[2:])
            if _looks_like_post(title):
                return " " * (len(m.group(0)) + 2 + len(title))
        return " "

    masked = _PERSON.sub(repl, sentence)
    return masked


def _context_owner(clause: str, sentences: list[Said]) -> str | None:
    best, best_score = None, 0.0
    for said in sentences:
        if not (said.speaker and said.committed):
            continue
        score = _overlap(clause, said.text)
        shared = len((_content_words(clause) & _content_words(said.text)) - GENERIC_WORDS)
        if score >= 0.4 and shared >= 2 and score > best_score:
            best, best_score = said.speaker, score
    return best


# "... and she would share the protocol": a promise by whoever the paragraph reports as speaking.
_PRONOUN_PROMISE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:(?:would|will)\s+(?:also\s+)?(?:\w+ly\s+)?(?P<verb>provide|circulate|share|"
    r"send|forward|supply|distribute|arrange|write\s+to|report\s+back|feed\s+back|find\s+out|look\s+into|confirm|"
    r"check|investigate|e-?mail)|(?:agreed|undertook|offered|promised|committed)\s+to\s+(?:also\s+)?(?:\w+ly\s+)?"
    rf"(?P<verb2>{_ACTION_INFINITIVES}|find\s+out|supply))\b(?P<rest>[^.]*)"
)
# "Dr Pryce said that ... and undertook to provide the figures": the promise of the sentence's speaker.
# "... said she did not have the figures and would provide them to Members": the same, with "would".
_AND_PROMISE = re.compile(
    r"\b(?:and|but)\s+(?:that\s+(?:he|she|they)\s+)?(?:also\s+)?(?:(?:agreed|undertook|offered|promised|committed)\s+to\s+"
    rf"(?:also\s+)?(?:\w+ly\s+)?(?P<verb>{_ACTION_INFINITIVES}|find\s+out|supply)|(?:would|will)\s+(?:also\s+)?"
    r"(?P<verb2>provide|circulate|share|send|forward|supply|distribute|write\s+to|report\s+back|feed\s+back|find\s+out|"
    r"look\s+into|investigate|e-?mail))\b(?P<rest>[^.]*)"
)
# Minute-book shorthand: "Clerk to place the order.", "Cllr Brereton to report it to Highways."
_SHORTHAND = re.compile(rf"^(?:[a-z]\)\s+)?(?P<who>{_WHO})\s+to\s+(?!be\b|have\b)(?P<verb>[a-z]+)\b(?P<rest>[^.]*)")
# "this figure": what was asked for in the sentence before.
_ANAPHOR = re.compile(r"\b(?:this|that|these|those|the)\s+(?:figures?|information|data|details?|numbers?|answer)\b")
_QUESTION = re.compile(r"\basked\s+(?P<q>(?:how|what|whether|why|when|where|which|if|about|for)\b[^.?]{5,200})")


_POST_SPEAKER = re.compile(
    r"^(?:[A-Z][^.,]{0,60},\s*)?[Tt]he\s+(?P<who>[A-Z][\w'’-]+(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'’-]+){0,6})\s+"
    r"(?:explained|said|advised|stated|confirmed|reported|informed|responded|replied|added|presented|introduced|"
    r"outlined|clarified|acknowledged|indicated|told)\b"
)


# "It was noted that the Chair would circulate the letter": a promise recorded by the committee.
_NOTED_WOULD = re.compile(
    rf"\b(?:noted|agreed|confirmed)\s+that\s+(?P<who>{_WHO})\s+would\s+(?:also\s+)?"
    r"(?P<verb>provide|circulate|share|send|forward|supply|distribute|write\s+to|report\s+back|e-?mail)\b(?P<rest>[^.]*)"
)
# "The Chair asked the Democratic Services Officer to invite ...": the chair or committee gives someone work.
_CHAIR_ASKED = re.compile(
    r"\b(?:[Tt]he\s+)?(?:Chair(?:man|person)?|Convener|Committee|Panel|Board|Sub-Committee|Members)\s+(?:also\s+)?"
    rf"(?:asked|requested)\s+(?P<who>{_WHO})\s+to\s+(?:\w+ly\s+)?"
    r"(?P<verb>(?!explain|clarify|comment|respond|outline|answer|confirm|introduce|present)"
    rf"(?:{_ACTION_INFINITIVES}))\b(?P<rest>[^.]*)"
)


def _promises(paragraphs: list[str]) -> list[tuple[str, str]]:
    """ "Jane Smith agreed to circulate the figures" is an action for Jane Smith even without a resolution."""
    out = []
    for para in paragraphs:
        speaker, question = None, None
        for sentence in _SENTENCE_END.split(para):
            found = False
            # "The Head of Repairs said that ... he would circulate it": this sentence's own speaker comes first.
            own = _sentence_speaker(sentence)
            if own:
                speaker = own
            for m in _PROMISE.finditer(sentence):
                who = _owner_ok(m.group("who"))
                if who:
                    out.append((_promise_text(who, m, question), who))
                    found = True
            if not found and speaker:
                for m in _PRONOUN_PROMISE.finditer(sentence):
                    out.append((_promise_text(speaker, m, question), speaker))
                    found = True
            for m in [] if found else _NOTED_WOULD.finditer(sentence):
                who = _owner_ok(m.group("who"))
                if who:
                    out.append((_promise_text(who, m, None), who))
                    found = True
            for m in [] if found else _CHAIR_ASKED.finditer(sentence):
                who = _owner_ok(m.group("who"))
                if who and any(w in POST_WORDS for w in who.lower().split()):
                    out.append((_promise_text(who, m, None), who))
                    found = True
            short = None if found else _SHORTHAND.match(sentence)
            if short and _owner_ok(short.group("who")):
                who = _owner_ok(short.group("who"))
                out.append((_promise_text(who, short, None), who))
                found = True
            if not found and speaker and "to" in sentence:
                for m in _AND_PROMISE.finditer(sentence):
                    out.append((_promise_text(speaker, m, question), speaker))
            q = _QUESTION.search(sentence)
            question = q.group("q").strip() if q else None
    return out


def _sentence_speaker(sentence: str) -> str | None:
    for m in _GIVING_VERBS.finditer(sentence):
        who = _last_person(sentence[: m.start()][-160:])
        if who:
            return who
    post = _POST_SPEAKER.match(sentence)
    if post and _owner_ok(post.group("who")) and _post_like(post.group("who")):
        return post.group("who")
    return None


def _promise_text(who: str, m: re.Match, question: str | None) -> str:
    rest = m.group("rest").rstrip()
    verb = m.group("verb") or m.groupdict().get("verb2") or ""
    text = f"{who} to {verb}{rest}".strip()
    if question and _ANAPHOR.search(rest):
        text += f" ({question})"
    return text


@lru_cache(maxsize=1024)
def _name_parts(name: str) -> tuple[str | None, str]:
    words = [w for w in re.sub(r"[.,]", " ", name).split() if w.lower() not in HONORIFIC_WORDS]
    if not words:
        return None, ""
    return (words[0] if len(words) > 1 else None), words[-1]


def _full_post(owner: str, titles: list[str]) -> str:
    """ "the Director said ... would provide": the one attendee's post that begins "Director" ("Director of Place")."""
    words = owner.lower().split()
    if not words or len(words) > 3 or not any(w in POST_WORDS for w in words) or owner in titles:
        return owner
    fits = {t for t in titles if t.lower().split()[: len(words)] == words or t.lower().startswith(owner.lower() + ",")}
    return fits.pop() if len(fits) == 1 else owner


def _resolve_person(owner: str, people: list[str], known_people: list[str]) -> str:
    """Match a name in the text to a listed person, forgiving a wrong surname if the forename is unique."""
    pool = known_people or people
    if not pool:
        return owner
    low = owner.lower()
    for person in pool:
        if person.lower() == low:
            return person
    first, last = _name_parts(owner)
    if not last:
        return owner
    by_surname = []
    for person in pool:
        p_first, p_last = _name_parts(person)
        if p_last.lower() != last.lower():
            continue
        if first and p_first and p_first[0].lower() != first[0].lower():
            continue
        by_surname.append(person)
    if len(by_surname) == 1:
        return by_surname[0]
    if first and len(first) > 1:
        by_forename = [p for p in pool if (_name_parts(p)[0] or "").lower() == first.lower()]
        if len(by_forename) == 1 and not by_surname:
            return by_forename[0]
    if known_people:
        # A post: take the known post sharing most of its words.
        scored = sorted(((_overlap(owner, p), p) for p in known_people), reverse=True)
        if scored and scored[0][0] >= 0.75:
            return scored[0][1]
    return owner
