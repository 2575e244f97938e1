"""Line and sentence patterns shared by more than one stage (item headings, decision triggers, people)."""

from __future__ import annotations

import re

from .vocabulary import ACTION_INFINITIVES, ACTION_PARTICIPLES, HONORIFIC, TIME

# "had been circulated" reports work already done.
PASSIVE_ACTION = re.compile(
    rf"(?<!\bhad )(?<!\bhas )(?<!\bhave )\b(?:be|been|being)\s+(?:\w+ly\s+)?(?:{ACTION_PARTICIPLES})\b", re.I
)


INFINITIVE_ACTION = re.compile(
    rf"(?:^|\b(?:to|will|would|shall|must|should)\s+)(?:\w+ly\s+)?(?:{ACTION_INFINITIVES})\b", re.I
)


FOLLOW_UP = re.compile(
    r"\b(?:next|future|subsequent|later|following)\s+(?:(?-i:[A-Z])[\w'-]*\s+){0,3}(?:meeting|committee|session)|"
    r"\breport(?:ing)?\s+back\b|"
    r"\b(?-i:January|February|March|April|May|June|July|August|September|October|November|December)\s+meeting\b|"
    r"\bcome\s+back\s+to\b|\bat\s+a\s+later\s+date\b",
    re.I,
)


# "receive" or "consider" only gives work when it looks forward to another meeting.
# "the Head of Housing circulate ..." (subjunctive, no "to"); a determiner before the verb means it is a noun.
SUBJUNCTIVE_ACTION = re.compile(
    rf"(?:\b[Oo]fficers|\b(?!(?:The|This|That|A|An|Any|Each|Its|Their)\b)[A-Z][\w'-]+)\s+(?:\w+ly\s+)?"
    rf"(?:{ACTION_INFINITIVES})\b(?!\s+be\b)"
)


# "that the Clerk obtains quotations": the same in the third person, where the subject is not the committee itself.
THIRD_PERSON_ACTION = re.compile(
    r"\b(?!(?:The|This|That|A|An|Any|Each|Its|Their|Committee|Panel|Board|Council|Commission|Group|Members|Cabinet|"
    r"Sub-Committee|Meeting|Report)\b)[A-Z][\w'-]+\s+"
    rf"(?:(?:{ACTION_INFINITIVES})e?s|applies)\b(?!\s+be\b)"
)


NEEDS_FOLLOW_UP = re.compile(r"^(?:receive|consider)\b", re.I)


CLUTTER_INLINE = [
    re.compile(r"\bpdf\s+icon\s+PDF\s+[\d.,]+\s*[KM]B\b", re.I),
    re.compile(r"\b(?:docx?|xlsx?|word)\s+icon\s+\w+\s+[\d.,]+\s*[KM]B\b", re.I),
    re.compile(
        r"\bView\s+the\s+(?:reasons?\s+why\s+item\s+[\w.]+\s+was\s+urgent|reasons?\s+for\s+urgency"
        r"|declarations\s+of\s+interests?\s+for\s+item\s+[\w.]+|background\s+to\s+item\s+[\w.]+)\.?",
        re.I,
    ),
    re.compile(r"\bView\s+the\s+(?:decision|minutes|agenda)\s+for\s+item\s+[\w.]+\.?", re.I),
    re.compile(r"\((?:PDF|Word)\s*[,-]?\s*[\d.,]+\s*[KM]B\)", re.I),
    re.compile(r"[ \t]+PDF[ \t]+[\d.,]+[ \t]*[KM]B\b"),
    # CMIS: "4. pdf Minutes (212Kb)", the paper's icon and size around the title
    re.compile(r"(?m)(?<=^\d\.\s)pdf\s+(?=[A-Z])|(?<=^\d\d\.\s)pdf\s+(?=[A-Z])|\s*\(\d+(?:\.\d+)?\s*[KM]b\)", re.I),
    # A committee website's note on a renamed committee, in its page title: "Cabinet - for meetings after
    # 09/05/11, please see 'Mayor & Cabinet' - Monday, 19 March 2001 5:00 pm".
    re.compile(r"- for meetings (?:after|before|from|until) [\d/.]{6,10},? please see '[^'\n]{1,80}'", re.I),
]


CLUTTER_LINE = re.compile(
    r"^(?:local\s+democracy|agenda\s+item(?:\s+(?:no\.?\s*)?\d{1,3}[a-z]?)?|print\s+this\s+page|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|"
    r"meeting\s+details|share\s+this\s+page|contact(?:\s+officer)?\s*:.*|download|related\s+documents?|additional\s+documents?|"
    r"page\s+\d+(?:\s+of\s+\d+)?|\d{1,3}|no\.?|items?|chair(?:man|person)?|signed|date|dated|\.{3,}|_{3,}|-{3,}|"
    r"\(?[A-Z][\w.' -]{2,40}\s*[-–—]\s*\(?0[\d ()]{9,}\)?\)?)\s*:?$",
    re.I,
)


MINUTES_MARKER = re.compile(r"^Minutes\s*:\s*(.*)$")


SUPPORTING_MARKER = re.compile(r"^Supporting\s+documents?\s*:?", re.I)


NUM_HEADING = re.compile(
    r"^(?:(?:Agenda\s+)?Item\s+(?:No\.?\s*)?|ITEM\s+|Minute\s+(?:No\.?\s*)?|MINUTE\s+)?"
    # A town council's "3/1/21": the minute's number, then the month and year it was taken in.
    # A parish's running paragraph numbers reach five digits: "12931. Apologies for Absence".
    r"(?P<num>(?:[A-Z]{1,6}[ ./]?)?(?:\d{1,4}|\d{5}(?=\.\s))(?:[/.]\d{1,4})?(?:/\d{2})?[a-z]?)"
    r"(?:[.):]|\s+[-–—:])?\s+(?P<title>\S.*)$"
)


PROCEDURAL = re.compile(
    r"^(?:apologies(?:\s+for\s+absence)?(?:\s+and\s+(?:notification\s+of\s+)?substitut\w+)?|"
    r"(?:members'?\s+)?declarations?\s+of\s+(?:members'?\s+)?interests?|minutes\s+of\s+(?:the\s+)?(?:last|previous)\s+meetings?|"
    r"(?:approval|confirmation)\s+of\s+(?:the\s+)?minutes|matters\s+arising|public\s+questions?|public\s+participation|"
    r"questions?\s+from\s+(?:members\s+of\s+)?the\s+public|members?'?\s+questions?|urgent\s+business|"
    r"any\s+other\s+(?:urgent\s+)?business|date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+meeting|"
    r"work\s+programme|forward\s+plan|exclusion\s+of\s+(?:the\s+)?press\s+and\s+public|"
    r"chair'?s?\s+announcements?|petitions?|(?:notification\s+of\s+)?substitut(?:es|ions))\.?"
    r"(?:\s+\((?:including|incl\.?|if\s+any|and)\b[^()]{0,60}\))?$",  # "... (including whipping declarations)"
    re.I,
)


TRIGGER = re.compile(
    r"^(?:(?:it\s+was|the\s+(?:committee|panel|board|sub-committee|commission|group)|members)\s+)?"
    r"(?:(?:unanimously|further|also)\s+)?"
    r"(?P<kw>agreed\s+actions|actions\s+(?:agreed|arising)|actions(?=\s*:?\s*$)|"
    r"resolved|agreed|recommended|decided|decisions?|outcome|recommendations?|concluded(?=\s+that\b))"
    r"(?:\s+(?:unanimously|accordingly))?(?:\s*\(unanimously\))?"
    r"(?:,\s*subject\s+to\s+the\s+foregoing,?)?"  # "The Committee AGREED, subject to the foregoing, that ..."
    r"(?:\s*[:\-–—.]+\s*|\s+(?=that\b|to\b)|\s*$)(?P<rest>.*)$",
    re.I,
)


ACTION_LINE = re.compile(r"^\(?\s*actions?(?:\s+(?:by|owner|for))?\s*[:\-–—]\s*(?P<owner>[^)]+?)\s*\)?\.?$", re.I)


# "... (ACTION: Jo Bell)" or "... ACTION: Jo Bell"; in brackets any case will do: "(Action: Head of Service)".
ACTION_TAIL = re.compile(
    r"\s*(?:\(\s*(?i:action(?:\s+by)?)(?=\s*[:\-–—][^()]{2,80}\)[.;,]?\s*$)|\(?\s*\bACTION(?:\s+BY)?)"
    r"\s*[:\-–—]\s*(?P<owner>[^)]{2,80}?)\s*\)?[.;,]?\s*$"
)


LIST_MARKER = re.compile(
    r"^(?:\(\s*(?:\d{1,2}|[ivx]{1,5}|[a-z])\s*\)|(?:\d{1,2}|[ivx]{1,5}|[a-z])[.)]|\d{1,4}\.\d{1,2}\.?(?=\s)|"
    r"(?i:recommendation)\s+\d{1,2}\s*[:.\-–—])(?:\s+|$)"
)


BULLET = re.compile(r"^[•·▪●◦○■□➢►✓*\-–—]\s*")


INLINE_MARKER = re.compile(r"(?:^|(?<=[\s:;,]))\(\s*(\d{1,2}|[ivx]{1,5}|[a-z])\s*\)\s+")


# "the Director be asked to write ..." is a decision, so a passive "be asked" ("had been highlighted") is not narrative.
NARRATIVE = re.compile(
    r"(?<!\bbe )(?<!\bbeen )\b(?:explained|advised|asked|queried|informed|stated|commented|responded|replied|"
    r"discussed|thanked|questioned|highlighted|said|raised\s+concerns?)\b",
    re.I,
)


STANDING = [
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


START_TIME = re.compile(
    rf"\b(?:started|starts|commenced|commences|began|opened|start(?:\s+time)?|time\s+of\s+commencement|"
    rf"commencing|convened)\s*(?:at|:|-|–)?\s*(?:{TIME})",
    re.I,
)


END_TIME = re.compile(
    rf"\b(?:ended|ends|closed|closes|finished|finishing|concluded|terminated|rose|end(?:\s+time)?|close|"
    rf"time\s+of\s+closure)(?:\s+the\s+meeting)?\s*(?:at|:|-|–)?\s*(?:{TIME})",
    re.I,
)


TIME_RANGE = re.compile(rf"\b(?:time|times|meeting\s+time)\s*:?\s*(?:{TIME})\s*(?:-|–|—|to|until)\s*", re.I)


SINGLE_TIME = re.compile(rf"^(?:{TIME})", re.I)


TIME_CONTEXT = re.compile(r"\b(?:meeting|committee|panel|session|start|end|time|commenced|commencing|closed)\b", re.I)


PERSON = re.compile(
    rf"\b{HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,2}}[A-Z][\w'’-]+(?:\s+(?:Mc|Mac|O')?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b)?"
    r"|\b[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s+[A-Z]\.?)?\s+(?:Mc|Mac|O')?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b"
    r"|\b[A-Z]\.\s?(?:[A-Z]\.\s?)?(?:Mc|Mac|O')?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b"
)


GIVING_VERBS = re.compile(
    r"\b(?:advised|explained|agreed|confirmed|stated|said|informed|reported|added|undertook|offered|promised|indicating|"
    r"responded|replied|clarified|outlined|assured|acknowledged|indicated|told|highlighted|commented|noted|"
    r"committed|will|would|presented)\b"
)


COMMITMENT = re.compile(
    rf"\b(?:(?:agreed|undertook|offered|promised|committed)\s+to\s+(?:\w+ly\s+)?(?:{ACTION_INFINITIVES})|"
    rf"(?:will|would|can|could|shall|is\s+to|are\s+to)\s+(?:also\s+)?(?:be\s+)?(?:\w+ly\s+)?"
    rf"(?:{ACTION_PARTICIPLES}|{ACTION_INFINITIVES}))\b",
    re.I,
)


PROMISE = re.compile(
    rf"(?P<who>{PERSON.pattern}|[Tt]he\s+[A-Z][\w'’-]+(?:\s+(?:of|for|and|&)?\s*[A-Z][\w'’-]+){{0,5}}|Officers|"
    # "the officer agreed to provide ...", "the lead officer undertook to ...": a post the minutes leave in lower case
    r"[Tt]he\s+(?:(?:lead|relevant|responsible|presenting|report(?:ing)?)\s+)?(?:officers?|clerk|report\s+author))"
    rf"(?:,\s*[^,.]{{3,90}},)?\s+(?:also\s+)?(?:(?:agreed|undertook|offered|promised|committed)\s+to\s+"
    rf"(?:\w+ly\s+)?(?P<verb>{ACTION_INFINITIVES})|(?:undertook|promised)\s+to\s+(?P<verb2>(?!be\b)[a-z]+))"
    r"\b(?P<rest>[^.]*)",
)


ATTENDANCE_LABEL = re.compile(
    r"^(?P<label>(?:also\s+)?(?:present|in\s+attendance|attending)\s+(?:via|virtually|remotely|online|in\s+person)\b"
    r"[^:\n]{0,40}|(?:(?:committee\s+|panel\s+|board\s+)?members?\s+|councillors?\s+|cllrs?\s+)?present|also\s+present|(?:also\s+)?in\s+attendance|"
    r"(?:committee|panel|board)\s+members|members(?=\s*:)|other\s+(?:members|councillors)(?:\s+present|\s+in\s+attendance)?|"
    r"non-?members?\s+(?:also\s+)?present|others\s+(?:present|in\s+attendance)|in\s+the\s+chair|officials|by\s+invitation|"
    r"(?:[a-z&]+\s+){0,3}?(?:partner\s+)?representatives(?:\s+present|\s+in\s+attendance)?|"
    r"(?:nhs\s+|health\s+|external\s+)?(?:partners|witnesses)(?:\s+present|\s+in\s+attendance)?|"
    r"officers?(?:\s+(?:present|in\s+attendance))?|apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received"
    r"(?:\s+from)?)?|absent|substitutes?(?:\s+members?)?|co-?opted\s+members?(?:\s+present)?|"
    r"(?:independent|lay|statutory|(?:non-?)?voting)\s+(?:co-?opted\s+)?(?:members?|persons?)(?:\s+present)?|"
    r"public\s+attendance|sederunt|together\s+with|cabinet\s+members?(?:\s+(?:present|in\s+attendance))?|co-?optees|"
    r"co-?opted|councillors|cllrs|also\s+attending|attended|and(?=\s*:)|presenters?|presenting\s+officers?|"
    r"(?:invited\s+)?speakers?|contributors?|invitees|"
    r"chair(?:man|person)?|vice[- ]chair(?:man|person)?|presiding|guests?|attendees|attending)"
    r"\s*(?::-?|[\-–—])\s*(?P<rest>.*)$"  # "Present:-" as Scottish minutes print it
    r"|^(?P<bare>attendance\s+details|(?:councillors?\s+|members?\s+)?present|also\s+present|(?:also\s+)?in\s+attendance|also\s+attending|"
    r"officers?(?:\s+(?:present|in\s+attendance))?|apologies(?:\s+for\s+absence)?|co-?opted\s+members?|sederunt|"
    r"cabinet\s+members?\s+present|by\s+invitation|invitees|(?:[a-z&]+\s+){0,3}(?:representatives|partners)|"
    r"members\s+of\s+the\s+(?:panel|committee|board|commission)|other\s+members(?:\s+present)?)\.?\s*$",
    re.I,
)


# A sentence ends at . ! or ? before a capital, but not after an initial or a title ("H. Davies", "Dr. Patel").
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\b(?:Dr|Mr|Ms|St)\.)(?<!\bMrs\.)(?<!\bCllr\.)\s+(?=[A-Z\"'(])")


# The fields under a decision on a committee website's "Decision details" page, which end the decision.
PAGE_METADATA = re.compile(
    r"^(?:report\s+author|publication\s+date|date\s+of\s+decision|decided\s+at\s+meeting|decision\s+status|"
    r"is\s+(?:key\s+decision|subject\s+to\s+call[- ]?in)|accompanying\s+documents|reasons?\s+for\s+(?:the\s+)?"
    r"decisions?|alternative\s+options(?:\s+considered)?|reasons?)\b[^:]{0,20}:",  # "REASON:To establish ..."
    re.I,
)


NOTING = re.compile(r"^(?:that\s+)?(?:the\s+)?[\w' -]{0,60}?\b(?:be|is|was|were)\s+(?:duly\s+)?noted\.?$", re.I)


MEETING_END = re.compile(
    r"^(?:the\s+)?(?:meeting|committee|panel|board)\s+(?:terminated|closed|ended|finished|concluded|rose)\b", re.I
)


WHO = (
    # "Councillors Toseland, Lambert and Waller": members named together under one title
    r"(?:(?:Councillors|Cllrs)\s+[A-Z][\w'-]+(?:(?:,\s*|\s+(?:and|&)\s+)[A-Z][\w'-]+){1,5}"
    rf"|{HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,2}}[A-Z][\w'-]+"
    # "Chief Executive and the Leader": two posts
    r"|(?:[Tt]he\s+)?[A-Z][\w'-]+(?:\s+(?:(?:of|for|(?:and|&)(?:\s+the)?)\s+)?[A-Z][\w'-]+){0,7}|[Oo]fficers)"
)


OWNER_ASKED = re.compile(
    rf"\b(?:asks?|asked|requests?|requested|invites?|invited|instructs?|authori[sz]e[sd]?)\s+(?:that\s+)?"
    # "asks the Executive Director, Place, to bring ...": a post with its directorate after a comma.
    rf"(?P<who>{WHO}(?:,\s+[A-Z][\w'-]+(?:\s+(?:and\s+|&\s+)?[A-Z][\w'-]+){{0,3}},)?)\s+"
    # "... to request that the Head of Waste provides an update": the request's verb in the third person
    rf"(?:to|be|should|(?:{ACTION_INFINITIVES})e?s)\b"
)


# "SB", "RO and LW": owners written as initials, as informal notes do.
INITIALS_OWNER = re.compile(r"[A-Z]{2,4}(?:\s*(?:,|and|&|/)\s*[A-Z]{2,4}){0,4}")


# "In September 2022, Councillor Begy to lead ...": when, then who.
WHEN_FIRST = r"(?:(?:In|By|From)\s+(?:[A-Z][a-z]+\s+)?(?:\d{4}|[A-Z][a-z]+),\s+)?"


# Minute-book shorthand: "Clerk to place the order.", "Cllr Brereton to report it to Highways."
# "the scrutiny manager to liaise ...": a post the minutes write in lower case.
LOWER_POST = r"(?:[Tt]he\s+)?(?:[A-Za-z]+\s+){1,3}(?:manager|officer|team|director|clerk|chairs?|lead|chairman)"
SHORTHAND = re.compile(
    # ("Secretary to the Panel advised ...": a post named "X to the Y", not X's task)
    rf"^(?:[a-z]\)\s+)?{WHEN_FIRST}(?P<who>{WHO}|{LOWER_POST})\s+to\s+"
    r"(?!be\b|have\b|the\b|a\b|an\b|this\b|his\b|her\b|their\b|its\b)(?P<verb>[a-z]+)\b(?P<rest>[^.]*)"
)


# "this item had been withdrawn and would be considered at the next meeting": the agenda moves, nobody has work.
# (Nor does "X would be added as an item for the April meeting" or "be taken at the June meeting": the work
# programme's business, recorded there.)
AGENDA_MOVES = re.compile(
    r"\b(?:withdrawn|deferred|postponed|added\s+as\s+an?\s+(?:agenda\s+)?item|be\s+taken\s+at\s+the)\b", re.I
)
