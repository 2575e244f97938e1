"""Work the discussion says is coming, in the words minutes use when nobody resolved anything.

Real minutes record much of a committee's follow-up as narrative, not under "RESOLVED": "Options to mitigate the
shortfall would be taken to Environment Committee", "the Chairperson asked that a letter of condolence be sent",
"it was the intention to submit a report to the April meeting", "there would be a progress report coming to the
Board in due course". Each rule below is a row: a shape of sentence and the cue the review screen shows. Every
proposal from here is low-confidence, so the clerk is asked to check it.

This stage runs after the resolution, promise and prose tables, and only adds what they did not find.
"""

from __future__ import annotations

import re

from .owners import owner_ok
from .patterns import SENTENCE_END
from .text import word_overlap
from .vocabulary import ACTION_INFINITIVES, ACTION_PARTICIPLES

# Where the work goes or when it comes back: a later meeting, a named body, "in due course".
DESTINATION = re.compile(
    r"\b(?:to|at|before|with)\s+(?:the\s+|a\s+|an\s+|its\s+|this\s+|that\s+)?(?:[\w'&/-]+\s+){0,5}?"
    r"(?:committee|board|commission|panel|cabinet|council|executive|meeting|forum|sub-committee|"
    r"scrutiny|members|councillors)\b|"
    r"\b(?:next|future|later|subsequent)\s+(?:[\w-]+\s+){0,5}?(?:meeting|committee|session)\b|"
    r"\bin\s+due\s+course\b|\bshortly\b|\bquarterly\b|\bin\s+the\s+new\s+year\b|\bat\s+a\s+later\s+date\b|"
    r"\bwork\s+programme\b|\bafter\s+the\s+meeting\b",
    re.I,
)

# Participles of work beyond the shared table, for things asked for in so many words ("that a reception be
# hosted", "that his success be acknowledged", "that the figures be checked").
_ASKED_DONE = (
    rf"(?:{ACTION_PARTICIPLES}|hosted|acknowledged|checked|completed|contacted|explored|investigated|examined|"
    r"reflected|written|held|done|made|planned|organised|organized|followed\s+up)"
)

# Decided or noted things that ask nobody for work.
_NOT_WORK_DONE = re.compile(r"^(?:noted|approved|adopted|accepted|agreed|endorsed|received|welcomed|thanked)\b", re.I)

# A question or a condition, not a commitment: "asked whether the reviews would be reported back".
_QUESTION = re.compile(r"\b(?:if|whether|how|why|when|what|unless)\b", re.I)

_LEAD_IN = re.compile(
    r"^(?:[•·▪●◦\-–—]\s*)?(?:[\w ,'()/&-]{0,120}?\s[–—-]\s+)?"  # a tracker's "89, 90 (Libraries Review) – "
    r"(?:(?:also|further|however|therefore|in\s+addition),?\s+)*",
    re.I,
)

FORWARD_STATEMENTS = [
    # "the Chairperson asked that a letter of condolence be sent", "suggested that third parties could be invited"
    (
        "asked that … be done",
        re.compile(
            r"\b(?:asked|requested|suggested|proposed|recommended|urged)\s+that\s+(?P<subject>[^.;]{3,160}?)\s+"
            rf"(?:could\s+|should\s+|would\s+|might\s+)?(?:be|(?<!\bhad\s)(?<!\bhas\s)(?<!\bhave\s)been)\s+(?:\w+ly\s+)?"
            rf"(?P<done>{_ASKED_DONE})\b"
            r"(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
    # "requested that they follow up the current matter": the request names who, as a pronoun or "officers"
    (
        "asked that … do",
        re.compile(
            r"\b(?:asked|requested|suggested)\s+that\s+(?P<subject>they|officers|the\s+officers?|he|she)\s+"
            rf"(?P<verb>{ACTION_INFINITIVES})\b(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
    # "It was the intention to submit a report", "it was proposed to bring an update", "The Chairman proposed to
    # write to ...", "which Sergeant Clayton agreed to discuss at the next meeting"
    (
        "proposed to …",
        re.compile(
            r"(?:^|\b(?:the\s+)?(?P<who>(?:[A-Z][\w'-]+\s+){1,4}?)|\bit\s+was\s+(?:the\s+)?|\b)"
            r"(?:proposed|intention|intended|planned|agreed|undertook|offered)\s+to\s+"
            rf"(?P<verb>{ACTION_INFINITIVES}|discuss|host|acknowledge)\b(?P<rest>[^.;]*)",
        ),
    ),
    # "there would be a progress report coming to the Board in due course"
    (
        "there would be …",
        re.compile(
            r"\bthere\s+(?:would|will)\s+(?:also\s+)?be\s+(?P<subject>an?\s+(?:[\w-]+\s+){0,3}?"
            r"(?:report|update|briefing|item|presentation|paper|review|workshop|site\s+visit))\b(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
    # "Options to mitigate the shortfall would be taken to Environment Committee", "It was anticipated that a final
    # report would be submitted to the Commission shortly"
    (
        "would be … to",
        re.compile(
            r"(?P<subject>[^.;]{3,200}?)\s+(?:would|will)\s+(?:now\s+|also\s+|then\s+|shortly\s+|subsequently\s+)?"
            rf"be\s+(?:\w+ly\s+)?(?P<done>{ACTION_PARTICIPLES}|completed|taken)\b(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
]

# What begins the clause whose subject is the thing to be done: "reported that", "so", "and", a comma clause.
_CLAUSE_START = re.compile(r".*(?:\bthat\s+|\bso\s+|,\s+and\s+|;\s+|:\s+)", re.I)
# Where the subject's noun phrase ends: a relative clause or a verb of its own ("..., which had been ...").
_SUBJECT_END = re.compile(r",\s*(?:which|who|that|as)\b|\s+(?:was|were|is|are|had|has|have)\b", re.I)
# Verbs that need a later meeting to be work: "agreed to consider it at the next meeting", not "to consider it".
_NEEDS_DESTINATION = re.compile(r"^(?:discuss|consider|receive|ask|explain|advise|inform|confirm|check)\b", re.I)
# This meeting's business: "agreed to receive the report", "asked that X be included in the scope".
_THIS_MEETING = re.compile(
    r"\b(?:this|today'?s)\s+meeting\b|\bat\s+item\s+\d|\bin\s+the\s+(?:scope|terms\s+of\s+reference|minutes)\b", re.I
)
# Nobody's task: "that nothing new be added", another body's own agenda ("would be considered by Cabinet").
# A tracker's line on earlier work that says it is done: "... – an update had been sent to Members".
_ALREADY_DONE = re.compile(
    r"\b(?:had|has|have)\s+(?:now\s+|already\s+)?been\s+(?:sent|provided|circulated|completed|done|actioned|received|"
    r"shared|e-?mailed|issued|published|arranged|held|answered|resolved)\b|\b(?:completed|actioned)\s*[.;]?$",
    re.I,
)
_NEGATED = re.compile(r"\b(?:would|will|could|should)\s+not\b", re.I)
_PRONOUN = re.compile(r"^(?:it|this|that|these|those|they|he|she|which)\b", re.I)
_NOBODY = re.compile(r"^(?:nothing|no\s+(?:new\s+|further\s+|more\s+)?[a-z]+)\b", re.I)


def _subject(text: str) -> str:
    start = _CLAUSE_START.match(text)
    subject = text[start.end() :] if start else text
    subject = _LEAD_IN.sub("", subject, count=1)
    end = _SUBJECT_END.search(subject)
    subject = subject[: end.start()] if end else subject
    subject = re.sub(r"^(?:it\s+was\s+\w+\s+that\s+)", "", subject.strip(" ,"), flags=re.I)
    return subject


def _sentence_action(sentence: str) -> tuple[str, str | None, str] | None:
    if _THIS_MEETING.search(sentence) or _ALREADY_DONE.search(sentence) or _NEGATED.search(sentence):
        return None
    for cue, pattern in FORWARD_STATEMENTS:
        m = pattern.search(sentence)
        if not m:
            continue
        groups = m.groupdict()
        rest = (groups.get("rest") or "").rstrip(" ,")
        rest = re.split(r",\s+(?:as|which|but|although|because)\b", rest)[0]
        if cue == "asked that … be done":
            if _NOT_WORK_DONE.match(m.group("done")):
                continue
            subject = _LEAD_IN.sub("", m.group("subject"), count=1).strip(" ,")
            if _NOBODY.match(subject) or _PRONOUN.match(subject) or re.search(r",\s*which\b", subject):
                continue
            return f"{subject[:1].upper()}{subject[1:]} to be {m.group('done')}{rest}", None, cue
        if cue == "asked that … do":
            return f"{m.group('verb')[:1].upper()}{m.group('verb')[1:]}{rest}", None, cue
        if cue == "proposed to …":
            if _NEEDS_DESTINATION.match(m.group("verb")) and not DESTINATION.search(rest):
                continue
            who = owner_ok(m.group("who").strip()) if m.group("who") else None
            task = f"{m.group('verb')}{rest}"
            return (f"{who} to {task}" if who else task[:1].upper() + task[1:]), who, cue
        if not DESTINATION.search(m.group(0)) or _QUESTION.search(sentence[: m.start("rest")]):
            continue
        if cue == "there would be …":
            subject = m.group("subject")
            return f"{subject[:1].upper()}{subject[1:]}{rest}", None, cue
        subject = _subject(m.group("subject"))
        if not 2 <= len(subject.split()) <= 12 or _PRONOUN.match(subject):
            continue
        if _NOBODY.match(subject) or re.match(r"^considered\s+by\b", m.group("done") + rest, re.I):
            continue
        return f"{subject[:1].upper()}{subject[1:]} to be {m.group('done')}{rest}", None, cue
    return None


def forward_actions(paragraphs: list[str], known: list[str]) -> list[tuple[str, str | None, str]]:
    """Low-confidence actions from narrative sentences: (text, owner, cue), in the order the minutes give them.

    A sentence that already gave an action (``known``, by any earlier rule) gives nothing more."""
    out = []
    for para in paragraphs:
        for sentence in SENTENCE_END.split(para):
            if any(word_overlap(text, sentence) >= 0.6 for text in known):
                continue
            found = _sentence_action(sentence.strip())
            if found:
                out.append(found)
    return out


CUES = {cue for cue, _ in FORWARD_STATEMENTS}
