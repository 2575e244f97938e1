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
from .patterns import AGENDA_MOVES, SENTENCE_END
from .text import word_overlap
from .vocabulary import ACTION_INFINITIVES, ACTION_PARTICIPLES, HONORIFIC

# Where the work goes or when it comes back: a later meeting, a named body, "in due course".
DESTINATION = re.compile(
    r"\b(?:to|at|before|with|for)\s+(?:the\s+|a\s+|an\s+|its\s+|this\s+|that\s+)?(?:[\w'&/-]+\s+){0,5}?"
    r"(?:committee|board|commission|panel|cabinet|council|executive|meeting|forum|sub-committee|"
    r"scrutiny|members|councillors)s?\b|"
    r"\b(?:next|future|later|subsequent)\s+(?:[\w-]+\s+){0,5}?(?:meeting|committee|session)s?\b|"
    r"\bin\s+due\s+course\b|\bin\s+advance\b|\bshortly\b|\bquarterly\b|\bin\s+the\s+new\s+year\b|\bat\s+a\s+later\s+date\b|"
    r"\bwork\s+programme\b|\b(?:after|following)\s+the\s+meeting\b|\bby\s+the\s+end\s+of\s+(?:the\s+)?\w+\b|"
    r"\bwithin\s+(?:\d+|one|two|three|four|six)\s+(?:days|weeks|months)\b|"
    r"\bto\s+(?:the\s+)?(?:[\w'&/-]+\s+){0,4}?(?:chairs|chairmen|officers|partners|petitioners?)\b",
    re.I,
)

# Participles of work beyond the shared table, for things asked for in so many words ("that a reception be
# hosted", "that his success be acknowledged", "that the figures be checked").
_ASKED_DONE = (
    rf"(?:{ACTION_PARTICIPLES}|hosted|acknowledged|checked|completed|contacted|explored|investigated|examined|"
    r"reflected|written|held|done|made|planned|organised|organized|followed\s+up|considered\s+for\s+inclusion|extended)"
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
            r"(?<!\bhad\s)\b(?:asked|requested|suggested|proposed|recommended|urged)\s+(?:that\s+|(?=(?:the|a|an)\s))"
            r"(?P<subject>[^.;]{3,160}?)\s+"
            rf"(?:could\s+|should\s+|would\s+|might\s+)?(?:be|(?<!\bhad\s)(?<!\bhas\s)(?<!\bhave\s)been)\s+(?:\w+ly\s+)?"
            rf"(?P<done>{_ASKED_DONE})\b"
            r"(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
    # "The Panel asked if a familiarisation event could be arranged before 6 December": the committee's request,
    # put as a question (a member's "asked whether the reviews would be reported" stays a question)
    (
        "asked if … could be",
        re.compile(
            r"\b(?:Committee|Panel|Board|Commission|Sub-Committee|Forum)\s+(?:also\s+|further\s+)?"
            r"(?:asked|requested|enquired)\s+(?:if|whether)\s+(?P<subject>[^.;]{3,160}?)\s+could\s+(?:also\s+)?be\s+"
            r"(?P<done>arranged|organi[sz]ed|provided|circulated|held|scheduled|brought|sent|set\s+up|made\s+available)\b"
            r"(?P<rest>(?:(?!\s+and\s+(?:whether|if|how)\b)[^.;])*)"
        ),
    ),
    # "requested that they follow up the current matter": the request names who, as a pronoun or "officers"
    (
        "asked that … do",
        re.compile(
            # ("suggested that, once the restrictions were relaxed, Members should visit ...")
            # ("requested that, following the discussion at the meeting on 2 March, that the Chief Executive write")
            r"\b(?:asked|requested|suggested)\s+that,?\s+(?:[^.;]{3,160}?,\s+(?:that\s+)?)?"
            r"(?P<subject>they|officers|the\s+officers?|he|she|(?:the\s+)?(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}))\s+"
            rf"(?:should\s+)?(?P<verb>{ACTION_INFINITIVES})\b(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
    # "It was the intention to submit a report", "it was proposed to bring an update", "The Chairman proposed to
    # write to ...", "which Sergeant Clayton agreed to discuss at the next meeting"
    (
        "proposed to …",
        re.compile(
            r"(?:^|\b(?:the\s+)?(?P<who>(?:[A-Z][\w'-]+\s+){1,4}?)|\bit\s+was\s+(?:the\s+)?|\b)"
            r"(?:proposed|intention|intended|planned|agreed|undertook|offered|had\s+undertaken|"
            r"(?:was|were|would\s+be)\s+(?:happy|willing|pleased)|authorised|delegated\s+authority)\s+to\s+"
            rf"(?P<verb>{ACTION_INFINITIVES}|discuss|host|acknowledge|continue\s+to\s+(?:receive|monitor))\b"
            r"(?P<rest>[^.;]*)",
        ),
    ),
    # "Further updates on the masterplans were requested", "members emphasised the desire for site visits to be planned"
    (
        "… were requested",
        re.compile(
            r"^(?:[•·▪●◦\-–—]\s*)?(?P<subject>(?:further|an?|the|more|regular|quarterly)\s[^.;]{3,120}?)\s+"
            r"(?:was|were)\s+(?:also\s+)?requested\b(?P<rest>)",
            re.I,
        ),
    ),
    (
        "asked that … be done",
        re.compile(
            r"\b(?:desire|wish|need|request|call)\s+for\s+(?P<subject>[^.;]{3,150}?)\s+to\s+be\s+"
            rf"(?P<done>{_ASKED_DONE})\b(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
    # "asked Officers to rethink the front cover", "requested Members to send any comments to ..."
    (
        "asked … to",
        re.compile(
            r"\b(?:asked|requested|invited|instructed|tasked|reminded)\s+(?P<who>[Oo]fficers|[Mm]embers|(?:the\s+)?[A-Z][\w'-]+"
            r"(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'-]+){0,5})\s+to\s+"
            rf"(?P<verb>{ACTION_INFINITIVES})\b(?P<rest>[^.;]*)"
        ),
    ),
    # "it was resolved for the Clerk to write to the Police to see if ...": the decision names who
    (
        "resolved for X to",
        re.compile(
            r"\b(?:resolved|agreed|decided)\s+for\s+(?P<who>[Oo]fficers|(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})"
            rf"\s+to\s+(?P<verb>{ACTION_INFINITIVES})\b(?P<rest>[^.;]*)"
        ),
    ),
    # "Officers had compiled a draft and would circulate this to Members", "the Leader would come back to the
    # committee", "the Officer would make contact again in due course"
    (
        "X would …",
        re.compile(
            r"(?:^|(?<=\s))(?P<who>[Oo]fficers|[Tt]he\s+[A-Z][\w'-]+(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'-]+){0,5}|"
            r"(?:Democratic|Member|Committee|Legal|Scrutiny)\s+Services|"  # a team named without "the"
            rf"{HONORIFIC}\s+(?:[A-Z]\.?\s+)?[A-Z][\w'-]+)"
            # (the nearest subject: "the Chair advised that Councillor X would respond" is X's, but "the Clerk
            # stated that he would clarify" is the Clerk's)
            r"\s+(?:(?:(?!\bthat\s+(?!he\b|she\b|they\b))[^.;]){0,60}?\s)?(?:and\s+)?"
            rf"(?:would\s+(?:also\s+|now\s+)?(?P<verb>{ACTION_INFINITIVES})|"
            # "The Head of Strategy will investigate and let the Committee know" (not "will present", an agenda's)
            r"will\s+(?P<verb_will>investigate|circulate|provide|send|look\s+into|contact|check|find\s+out|"
            r"write\s+to|arrange|follow\s+up|liaise))\b(?P<rest>[^.;]*)"
        ),
    ),
    # "members agreed that the recommissioning of the task group would proceed", "it was agreed this would be
    # looked at further", "It was agreed that this would be moved to the April meeting"
    (
        "agreed … would",
        re.compile(
            r"\b(?:agreed|resolved|decided)\s+(?:that\s+)?(?P<subject>(?:(?!\b(?:agreed|decided|resolved)\b)[^.;]){2,160}?)\s+"
            r"(?:would|should|will)\s+"
            rf"(?:now\s+)?(?:be\s+(?:\w+ly\s+)?(?P<done>{ACTION_PARTICIPLES}|completed|looked\s+at(?:\s+further)?)|"
            r"(?P<go>proceed|go\s+ahead))\b(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
    # A work plan's line: "Parking – a further meeting to be convened in the autumn to consider the charges"
    (
        "– X to be done",
        re.compile(
            r"^(?P<title>[A-Z][^.;:–—]{2,80}?)\s[–—-]\s+(?P<subject>(?:an?|the|one|two|three|further|[A-Z])[^.;]{2,120}?)\s+"
            rf"to\s+be\s+(?P<done>{ACTION_PARTICIPLES}|convened|held|completed)\b(?P<rest>[^.;]*)"
        ),
    ),
    # "there would be a progress report coming to the Board in due course"
    (
        "there would be …",
        re.compile(
            r"\bthere\s+(?:would|will)\s+(?:also\s+)?be\s+(?P<subject>(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
            r"(?:report|update|briefing|item|presentation|paper|review|workshop|site\s+visit|discussion))\b"
            r"(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
    # "Options to mitigate the shortfall would be taken to Environment Committee", "It was anticipated that a final
    # report would be submitted to the Commission shortly"
    (
        "would be … to",
        re.compile(
            r"(?P<subject>[^.;]{3,200}?)\s+(?:would|will|(?:is|are|was|were)\s+to)\s+"
            r"(?:now\s+|also\s+|then\s+|shortly\s+|subsequently\s+)?"
            rf"be\s+(?:\w+ly\s+)?(?P<done>{ACTION_PARTICIPLES}|completed|taken|held|ready|highlighted|picked\s+up)\b"
            r"(?P<rest>[^.;]*)",
            re.I,
        ),
    ),
]

# Words each row needs somewhere in the sentence, looked for first: most sentences have none of them, and the
# rows' lazy subjects would otherwise be tried from every position of every sentence.
_GATES = {
    cue: re.compile(gate)
    for cue, gate in {
        "asked that … be done": r"\b(?:asked|requested|suggested|proposed|recommended|urged|desire|wish|need|"
        r"request|call)\b",
        "asked that … do": r"\b(?:asked|requested|suggested)\s+that\b",
        "resolved for X to": r"\b(?:resolved|agreed|decided)\s+for\b",
        "asked if … could be": r"\b(?:asked|requested|enquired)\s+(?:if|whether)\b.*\bcould\b",
        "proposed to …": r"\b(?:proposed|intention|intended|planned|agreed|undertook|offered|undertaken|happy|willing|"
        r"pleased|authorised|authority)\s+to\b",
        "… were requested": r"\brequested\b",
        "asked … to": r"\b(?:asked|requested|invited|instructed|tasked|reminded)\b",
        "X would …": r"\bwould\b|\bwill\s+(?:investigate|circulate|provide|send|look|contact|check|find|write|"
        r"arrange|follow|liaise)\b",
        "agreed … would": r"\b(?:agreed|resolved|decided)\b.*\b(?:would|should|will)\b",
        "– X to be done": r"\sto\s+be\s",
        "there would be …": r"\bthere\s+(?:would|will)\b",
        "would be … to": r"\b(?:would|will|is\s+to|are\s+to|was\s+to|were\s+to)\s+(?:\w+\s+)?be\b",
    }.items()
}

# The words without which no gate can open, as plain substrings (much cheaper than any pattern).
_CUE_WORDS = (
    "would", "will", "ask", "request", "suggest", "propos", "recommend", "urged", "desire", "wish", "need", "call",
    "intend", "intention", "planned", "agreed", "undert", "offered", "happy", "willing", "pleased", "authori",
    "invited", "instructed", "tasked", "resolved", "decided", " to be ", "reminded", "enquired",
)  # fmt: skip

# What begins the clause whose subject is the thing to be done: "reported that", "so", "and", a comma clause.
_CLAUSE_START = re.compile(
    # ("confirmed that, in accordance with the Code of Practice, written responses would be provided")
    r".*(?:\bthat,\s+[^,]{3,80},\s+|\bthat\s+|\bso\s+|,\s+and\s+|;\s+|:\s+|\sand\s+(?=(?:a|an|the|this|these|further)\s))",
    re.I,
)
# Where the subject's noun phrase ends: a relative clause or a verb of its own ("..., which had been ...").
_SUBJECT_END = re.compile(r",\s*(?:which|who|that|as)\b|\s+(?:was|were|is|are|had|has|have)\b", re.I)
# Verbs that need a later meeting to be work: "agreed to consider it at the next meeting", not "to consider it".
_NEEDS_DESTINATION = re.compile(
    r"^(?:discuss|consider|receive|ask|explain|advise|inform|confirm|check|continue)\b", re.I
)
# This meeting's business: "agreed to receive the report", "asked that X be included in the scope".
_THIS_MEETING = re.compile(
    r"(?<!following\s)(?<!after\s)\b(?:this|today'?s)\s+meeting\b|\bat\s+item\s+\d|\bin\s+the\s+(?:scope|terms\s+of\s+reference|minutes)\b",
    re.I,
)
# A tracker's line on earlier work that says it is done: "... – an update had been sent to Members".
_ALREADY_DONE = re.compile(
    r"\b(?:had|has|have)\s+(?:now\s+|already\s+)?been\s+(?:sent|provided|circulated|completed|done|actioned|received|"
    r"shared|e-?mailed|issued|published|arranged|held|answered|resolved)\b|\b(?:completed|actioned)\s*[.;]?$",
    re.I,
)
_A_MEETING = re.compile(r"\b(?:meeting|session|seminar|workshop|election|vote|ballot)s?\b", re.I)
_AT_A_MEETING = re.compile(r"^\s+at\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:meeting|session|workshop)\b", re.I)
# Agreed work that needs no later meeting named to be work: "would be circulated", "would proceed".
_DONE_FOR_CERTAIN = re.compile(
    r"^(?:circulated|provided|sent|brought|presented|submitted|reported|arranged|invited|moved\s+to|looked\s+at|"
    r"proceed|go\s+ahead|shared|forwarded|scheduled|organised|organized|investigated|explored|reviewed|completed|"
    r"sought|clarified|raised|picked\s+up|issued|published|approached|made\s+available)",
    re.I,
)
_PROMISED_THAT = re.compile(r"\b(?:confirmed|agreed|assured|undertook|promised|advised)\s+(?:\w+\s+){0,3}?that\s", re.I)
_NEGATED = re.compile(r"\b(?:would|will|could|should)\s+not\b", re.I)
_PRONOUN = re.compile(r"^(?:it|this|that|these|those|they|he|she|which)\b", re.I)
# Nobody's task: "that nothing new be added".
_NOBODY = re.compile(r"^(?:nothing|no\s+(?:new\s+|further\s+|more\s+)?[a-z]+)\b", re.I)


def _subject(text: str) -> str:
    start = _CLAUSE_START.match(text)
    subject = text[start.end() :] if start else text
    subject = _LEAD_IN.sub("", subject, count=1)
    end = _SUBJECT_END.search(subject)
    subject = subject[: end.start()] if end else subject
    subject = re.sub(r"^(?:it\s+was\s+\w+\s+that\s+)", "", subject.strip(" ,"), flags=re.I)
    return subject


# "Ms Roe raised an issue about the footpath, which the Inspector agreed to discuss ...": what is discussed is
# the issue raised, named before "which".
_RAISED = re.compile(
    r"\b(?:raised|made|highlighted|mentioned|reported|submitted|posed|put\s+forward)\s+(?P<what>(?:an?|the|some)\s[^,;]{3,150})$"
    # "The Committee asked about access to free school meals, which the Leader would come back to the committee on"
    r"|\b(?:asked|enquired|queried|questioned)\s+(?P<about>about\s[^,;]{3,150})$"
)


def _antecedent(before: str) -> str:
    if not re.search(r",?\s*which\s+(?:the\s+)?(?:[A-Z][\w'-]+\s+){0,4}$", before):
        return ""
    raised = _RAISED.search(re.split(r",?\s*which\s", before)[0].rstrip(" ,"))
    if not raised:
        return ""
    return f" {raised.group('what')}" if raised.group("what") else f" {raised.group('about')}"


def _sentence_actions(sentence: str, title: str | None = None) -> list[tuple[str, str | None, str]]:
    """Each rule's first match in the sentence, where no earlier rule's match already covers those words."""
    low = sentence.lower()
    rows = (
        [(cue, pattern) for cue, pattern in FORWARD_STATEMENTS if _GATES[cue].search(low)]
        if any(w in low for w in _CUE_WORDS)
        else []
    )
    if not rows or any(p.search(sentence) for p in (_THIS_MEETING, _ALREADY_DONE, _NEGATED, AGENDA_MOVES)):
        return []
    found, taken = [], []
    for cue, pattern in rows:
        m = pattern.search(sentence)
        if not m or any(m.start() < end and start < m.end() for start, end in taken):
            continue
        action = _action_of(cue, m, sentence, title)
        if action:
            text, owner, _ = action
            found.append((m.start(), (text, owner, f"{cue}: “{_quoted(cue, m, low)}”")))
            taken.append(m.span())
    return [action for _, action in sorted(found)]


def _quoted(cue: str, m: re.Match, low: str) -> str:
    """The minutes' own words that made the proposal, for the review screen's "Why proposed"."""
    gate = _GATES[cue].search(low, m.start())
    start = gate.start() if gate and gate.start() < m.end() else m.start()
    keys = [k for k in ("done", "verb", "verb_will", "go") if k in m.re.groupindex and m.group(k)]
    words = m.string[start : m.end(keys[0]) if keys else m.end()].split()
    return " ".join(words if len(words) <= 8 else [*words[:3], "…", *words[-3:]])


def is_forward(cue: str) -> bool:
    return cue.split(":")[0] in CUES


def _action_of(cue: str, m: re.Match, sentence: str, title: str | None) -> tuple[str, str | None, str] | None:
    groups = m.groupdict()
    rest = (groups.get("rest") or "").rstrip(" ,")
    # The task, not the reasons for it: "... about the advertisements in view of their impact on ..."
    rest = re.split(r",\s+(?:as|which|but|although|because)\b|,?\s+(?:in\s+view\s+of|given\s+that)\b", rest)[0]
    if cue == "resolved for X to":
        who = owner_ok(re.sub(r"^the\s+", "", m.group("who"))) or (
            m.group("who") if m.group("who").lower() == "officers" else None
        )
        return (f"{who} to {m.group('verb')}{rest}", who, cue) if who else None
    if cue == "asked … to":
        plural = m.group("who") if m.group("who").lower() in ("officers", "members") else None
        who = owner_ok(m.group("who")) or plural
        if not who or (_NEEDS_DESTINATION.match(m.group("verb")) and not DESTINATION.search(rest)):
            return None  # "asked the Director to explain the delay": answered there and then
        return f"{who} to {m.group('verb')}{rest}", who, cue
    if cue == "X would …":
        who = None if m.group("who").endswith(("'s", "’s")) else owner_ok(m.group("who"))
        verb = m.group("verb") or m.group("verb_will")
        if m.group("verb_will") and not re.match(r"^(?:[Tt]he\s|[Oo]fficers)", m.group("who")):
            return None  # "will" is a post's promise in the minutes' words ("The Head of X will investigate")
        if not who or _QUESTION.search(sentence[: m.start("verb" if m.group("verb") else "verb_will")].split(",")[-1]):
            return None
        if _NEEDS_DESTINATION.match(verb) and not DESTINATION.search(rest):
            return None
        return f"{who} to {verb}{_antecedent(sentence[: m.start()])}{rest}", who, cue
    if cue == "agreed … would":
        subject = _LEAD_IN.sub("", m.group("subject"), count=1).strip(" ,")
        if _PRONOUN.match(subject) and len(subject.split()) == 1:
            subject = (title or "").strip(" .")
        if not subject or _NOBODY.match(subject) or _PRONOUN.match(subject) or len(subject.split()) > 16:
            return None
        certain = _DONE_FOR_CERTAIN.match(m.group("done") or m.group("go"))
        if AGENDA_MOVES.search(m.group(0)) or not (certain or DESTINATION.search(rest)):
            return None
        done = f"be {m.group('done')}" if m.group("done") else m.group("go")
        return f"{subject[:1].upper()}{subject[1:]} to {done}{rest}", None, cue
    if cue in ("asked that … be done", "asked if … could be"):
        if _NOT_WORK_DONE.match(m.group("done")):
            return None
        subject = re.sub(r"\s+to$", "", _LEAD_IN.sub("", m.group("subject"), count=1).strip(" ,"))
        if _NOBODY.match(subject) or _PRONOUN.match(subject) or re.search(r",\s*which\b", subject):
            return None
        return f"{subject[:1].upper()}{subject[1:]} to be {m.group('done')}{rest}", None, cue
    if cue == "– X to be done":
        return m.group(0).strip(" ,"), None, cue
    if cue == "… were requested":
        subject = m.group("subject")
        return f"{subject[:1].upper()}{subject[1:]} to be provided", None, cue
    if cue == "asked that … do":
        subject = re.sub(r"^the\s+(?=[A-Z])", "", m.group("subject"))
        who = owner_ok(subject) if subject[:1].isupper() else None
        who = who or (subject if re.search(r"\b(?:Members|Councillors|Officers)$", subject) else None)
        if subject[:1].isupper() and not who:
            return None
        task = f"{m.group('verb')}{rest}"
        return (f"{who} to {task}" if who else task[:1].upper() + task[1:]), who, cue
    if cue == "proposed to …":
        if _NEEDS_DESTINATION.match(m.group("verb")) and not DESTINATION.search(rest):
            return None
        who = owner_ok(m.group("who").strip()) if m.group("who") else None
        task = f"{m.group('verb')}{_antecedent(sentence[: m.start()])}{rest}"
        return (f"{who} to {task}" if who else task[:1].upper() + task[1:]), who, cue
    clause = re.split(r"\bthat\s+|,\s+and\s+", sentence[: m.start("rest")])[-1]
    # "Mr Cavill confirmed that the name ... would be made available": promised in so many words, no meeting named
    done = groups.get("done")
    promised = done and _DONE_FOR_CERTAIN.match(done) and _PROMISED_THAT.search(sentence[: m.start("done")])
    if not (DESTINATION.search(m.group(0)) or promised) or _QUESTION.search(clause):
        return None
    if cue == "there would be …":
        subject = m.group("subject")
        return f"{subject[:1].upper()}{subject[1:]}{rest}", None, cue
    subject = _subject(m.group("subject"))
    if not 2 <= len(subject.split()) <= 12 or _PRONOUN.match(subject):
        return None
    if _NOBODY.match(subject) or re.match(r"^considered\s+by\b", m.group("done") + rest, re.I):
        return None
    if m.group("done") == "held" and (_A_MEETING.search(subject) or not _AT_A_MEETING.match(rest)):
        return None  # "the next meeting would be held on 4 May" is the calendar; a discussion held at one is work
    return f"{subject[:1].upper()}{subject[1:]} to be {m.group('done')}{rest}", None, cue


def forward_actions(
    paragraphs: list[str], known: list[str], title: str | None = None
) -> list[tuple[str, str | None, str]]:
    """Low-confidence actions from narrative sentences: (text, owner, cue), in the order the minutes give them.

    A sentence that already gave an action (``known``, by any earlier rule) gives nothing more."""
    out = []
    for para in paragraphs:
        sentences = (s for part in _INLINE_BULLET.split(para) for s in SENTENCE_END.split(part))
        # "a briefing had been sent to members and a more detailed report would be sent shortly": two clauses
        for sentence in (c for s in sentences for c in _NEW_CLAUSE.split(s)):
            if any(word_overlap(text, sentence) >= 0.6 for text in known):
                continue
            # (A "sentence" of thousands of characters is run-on text, not prose: the rows' subjects would be
            # tried from every position of it.)
            out += _sentence_actions(sentence.strip(), title) if len(sentence) <= LONGEST_SENTENCE else []
    return out


CUES = {cue for cue, _ in FORWARD_STATEMENTS}
LONGEST_SENTENCE = 1500  # characters
_NEW_CLAUSE = re.compile(r"\s+and\s+(?=(?:a|an|further|more)\s)")
# Bullets a web page ran together on one line: "• ... had passed away. • The Chair asked that ...".
_INLINE_BULLET = re.compile(r"\s+(?=[•·▪●]\s)")


def named_subject(text: str, title: str | None) -> str:
    """ "It was agreed that this would be moved to the April meeting": "this" is the item, so the tracker says which."""
    m = re.match(r"^(?:this|it)\s+(?=(?:would|will|should|to|be)\b)", text, re.I)
    if not m or not title or len(title.split()) < 2:
        return text
    rest = re.sub(r"^(?:would|will|should)\s+be\b", "to be", text[m.end() :], flags=re.I)
    return f"{title.strip(' .')} {rest}"


# "Stephen Chard to follow up on this point": the point is the question asked just before.
_POINTS_BACK = re.compile(
    r"\b(?:on|to|about|into|up|pursue|raise|consider|investigate)\s+(?:this|that|the)\s+(?:point|matter|issue|query|question)$"
    r"|\b(?:respond|report\s+back|come\s+back|update\s+members)\s+on\s+this$",
    re.I,
)
# "Reference was made to the possibility of ...", "Councillor X raised an issue about ...": what "this matter" is.
_MENTION = re.compile(
    r"^(?:reference\s+was\s+made\s+to|concerns?\s+(?:was|were)\s+(?:raised|expressed)\s+(?:about|regarding|over)|"
    r"(?:[A-Z][\w.'-]*\s+){1,4}(?:raised|mentioned|highlighted)\s+(?:a\s+|an\s+|the\s+)?(?:question|issue|concerns?|matter)\s+"
    r"(?:about|regarding|on|of)|(?:[A-Z][\w.'-]*\s+){1,4}asked\s+about)\s+(?P<what>[^.;]{5,200})",
    re.I,
)
_QUERY = re.compile(
    r"\b(?:queried|asked|questioned|enquired|wondered)\s+(?:if|whether|as\s+to\s+whether|about)\s+(?P<what>[^.?;]{5,200})"
)


def with_referent(text: str, paragraphs: list[str], title: str | None = None) -> str:
    """An action that points back ("on this matter") gets what it points to, the question asked just before or
    else the item's title, so it still reads on its own in the tracker."""
    if not _POINTS_BACK.search(text):
        return text
    tail = " ".join(text.split()[-3:])
    for para in paragraphs:
        sentences = SENTENCE_END.split(para)
        for k, sentence in enumerate(sentences):
            if tail in sentence and k:
                query = _QUERY.search(sentences[k - 1])
                if query:
                    return f"{text} (whether {query.group('what').strip()})"
                mention = _MENTION.search(sentences[k - 1])
                if mention:
                    return f"{text} ({mention.group('what').strip()})"
    return f"{text} ({title.strip(' .')})" if title and len(title.split()) >= 2 else text
