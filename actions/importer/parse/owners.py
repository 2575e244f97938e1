"""Who owns an action: named in the decision, the speaker who promised it, or the post asked to do it.

Stage 7, resolve_owners, then matches each owner to an attendee or a post in the register.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .document import Document
from .names import looks_like_post, name_parts, person_like, post_like, take_title
from .patterns import (
    COMMITMENT,
    FOLLOW_UP,
    GIVING_VERBS,
    INITIALS_OWNER,
    LOWER_POST,
    NEEDS_FOLLOW_UP,
    OWNER_ASKED,
    PERSON,
    PROMISE,
    SENTENCE_END,
    SHORTHAND,
    WHEN_FIRST,
    WHO,
)
from .text import content_words, word_overlap
from .vocabulary import ACTION_INFINITIVES, GENERIC_WORDS, HONORIFIC, NOT_INITIALS, NOT_NAME, ORG_HEADS, POST_WORDS


def tail_owner(owner: str) -> str | None:
    """ "(Action: Scrutiny Officer to add to the work programme)": the owner is the words before "to"."""
    return clean_owner(re.split(r"\s+to\s+(?=[a-z])", owner, maxsplit=1)[0])


def clean_owner(owner: str) -> str | None:
    owner = re.sub(r"\s+", " ", owner).strip(" .,;:-–—()")
    owner = re.sub(r"^(?:by\s+)?(?:the\s+)?", "", owner, flags=re.I)
    return owner or None


_OWNER_SUBJECT = re.compile(
    rf"^(?:[Tt]hat\s+)?(?:[Aa]lso\s+)?(?:for\s+)?{WHEN_FIRST}(?P<who>{WHO}|{LOWER_POST})\s+(?:to|will|would|should|agreed\s+to|"
    r"undertook\s+to|(?:be|is|are|was|were)\s+(?:asked|requested|invited|instructed)\s+to|(?:was|were)\s+tasked\s+with)"
    r"\s+(?:\w+ly\s+)?(?!be\b)\w",
)


_OWNER_SUBJUNCTIVE = re.compile(
    rf"^(?:[Tt]hat\s+)?(?P<who>{WHO})\s+(?:\w+ly\s+)?(?:(?:{ACTION_INFINITIVES})(?:e?s)?|applies)\b(?!\s+be\b)"
)


_OWNER_AGENT = re.compile(rf"\b(?:by|from)\s+(?P<who>{LOWER_POST}|{WHO})")


def owner_ok(who: str) -> str | None:
    raw = who
    who = re.sub(r"^[Tt]he\s+", "", who.strip().rstrip(","))
    if INITIALS_OWNER.fullmatch(who) and not set(re.findall(r"[A-Z]+", who)) & NOT_INITIALS:
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
    } and not (len(words) >= 2 and low_words[-1] in ORG_HEADS):  # "Member Services team" is a team
        return None
    if re.match(rf"^{HONORIFIC}\s", who) or low_words == ["officers"]:
        return who
    if any(w in POST_WORDS for w in low_words):
        return who
    if len(words) >= 2 and low_words[-1] in ORG_HEADS:
        return who  # "the NHS Trust provide the Committee with ...": a body can own an action
    if len(words) == 1 and low_words[0] in ORG_HEADS and re.match(r"^[Tt]he\s", raw.strip()):
        return "The " + who  # "The Trust to share ...": the body the minutes have been talking about
    if len(words) == 1 and re.match(r"^[Tt]he\s", raw.strip()) and low_words[0] not in NOT_NAME:
        return who  # "The Chamberlain undertook to ...": one capitalised word after "the" is a post, not a name
    # A plain two- or three-word name such as "Jeanette Richards".
    if 2 <= len(words) <= 3 and not any(w in NOT_NAME for w in low_words):
        return who
    return None


_ALL_MEMBERS = re.compile(
    r"^(?:that\s+)?(all\s+(?:(?:committee|panel|board|group)\s+)?(?:members|councillors))\s+(?:to|will|should)\b", re.I
)


# ("The Committee requested that the Scrutiny Officer schedule ...": the body that asked, named first)
_DECIDED_THAT = re.compile(
    r"^(?:the\s+(?:committee|panel|board|council|sub-committee|commission)\s+)?"
    r"(?:agreed|requested|requests?|asked|instructed|resolved|decided)\s+that\s+",
    re.I,
)


def explicit_owner(clause: str) -> str | None:
    # "requested that the Head of Finance provide ...", "agreed that the Auditor would bring ..."
    body = re.sub(_DECIDED_THAT, "", clause.strip())
    everyone = _ALL_MEMBERS.match(body)
    if everyone:
        return everyone.group(1)[:1].upper() + everyone.group(1)[1:]
    for pat in (_OWNER_SUBJECT, _OWNER_SUBJUNCTIVE, OWNER_ASKED, _OWNER_AGENT):
        for m in pat.finditer(body):
            who = owner_ok(m.group("who"))
            if who:
                return who
    return None


@dataclass
class Said:
    speaker: str | None
    text: str
    committed: bool


def _last_person(text: str) -> str | None:
    last = None
    for m in PERSON.finditer(text):
        name = m.group(0)
        words = [w.lower() for w in name.split()]
        if re.match(rf"^{HONORIFIC}\s", name) or not any(w in NOT_NAME for w in words):
            last = (m.start(), m.end(), re.sub(r"'s$", "", name))
    if not last:
        return None
    # A possessive ("Councillor Smith's question") is the asker, not the speaker.
    if text[last[1] : last[1] + 2] == "'s":
        return None
    return last[2]


def speaker_sentences(paragraphs: list[str], people: list[str]) -> list[Said]:
    """Attribute each sentence to whoever is reported as speaking; reported speech carries on in a paragraph."""
    out: list[Said] = []
    for para in paragraphs:
        speaker = None
        for sentence in SENTENCE_END.split(para):
            for m in GIVING_VERBS.finditer(sentence):
                who = _last_person(sentence[: m.start()][-160:])
                if who:
                    speaker = who
                    break
            out.append(Said(speaker, _mask_people(sentence), bool(COMMITMENT.search(sentence))))
    return out


def _mask_people(sentence: str) -> str:
    """Drop names and their posts so "Director for Children and Young People" does not count as overlap."""

    def repl(m: re.Match) -> str:
        after = sentence[m.end() :]
        if after.startswith(", "):
            title = take_title(after[2:])
            if looks_like_post(title):
                return " " * (len(m.group(0)) + 2 + len(title))
        return " "

    masked = PERSON.sub(repl, sentence)
    return masked


def context_owner(clause: str, sentences: list[Said]) -> str | None:
    best, best_score = None, 0.0
    for said in sentences:
        if not (said.speaker and said.committed):
            continue
        score = word_overlap(clause, said.text)
        shared = len((content_words(clause) & content_words(said.text)) - GENERIC_WORDS)
        if score >= 0.4 and shared >= 2 and score > best_score:
            best, best_score = said.speaker, score
    return best


# "... and she would share the protocol": a promise by whoever the paragraph reports as speaking.
_PRONOUN_PROMISE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:(?:would|will)\s+(?:also\s+)?(?:\w+ly\s+)?(?P<verb>provide|circulate|share|"
    r"send|forward|supply|distribute|arrange|write\s+to|report\s+back|feed\s+back|find\s+out|look\s+into|confirm|"
    r"check|investigate|e-?mail|liaise|consult|contact|speak\s+to|make\s+(?:contact|a\s+note|enquiries)|come\s+back|"
    r"respond|take\s+(?:the\s+question|the\s+matter|this|it|that)\s+away|"
    r"be\s+(?:writing|contacting|circulating|providing|sending|arranging|liaising|speaking|meeting)(?:\s+(?:to|with))?|"
    r"actively\s+support)|(?:agreed|undertook|offered|promised|committed)\s+to\s+(?:also\s+)?(?:\w+ly\s+)?"
    rf"(?P<verb2>{ACTION_INFINITIVES}|find\s+out|supply))\b(?P<rest>[^.]*)"
)


# "Dr Pryce said that ... and undertook to provide the figures": the promise of the sentence's speaker.
# "... said she did not have the figures and would provide them to Members": the same, with "would".
_AND_PROMISE = re.compile(
    r"\b(?:and|but)\s+(?:that\s+(?:he|she|they)\s+)?(?:also\s+)?(?:(?:agreed|undertook|offered|promised|committed)\s+to\s+"
    rf"(?:also\s+)?(?:\w+ly\s+)?(?P<verb>{ACTION_INFINITIVES}|find\s+out|supply)|(?:would|will)\s+(?:also\s+)?"
    r"(?P<verb2>provide|circulate|share|send|forward|supply|distribute|write\s+to|report\s+back|feed\s+back|find\s+out|"
    r"look\s+into|investigate|e-?mail|speak\s+to|make\s+(?:contact|a\s+note|enquiries)|come\s+back))\b(?P<rest>[^.]*)"
)


# "this figure": what was asked for in the sentence before.
_ANAPHOR = re.compile(
    r"\b(?:this|that|these|those|the)\s+(?:figures?|information|data|details?|numbers?|answer|changes?|amendments?)\b"
)
_AGREED_CHANGE = re.compile(
    r"\b(?:agreed|suggested|felt)\s+that\s+(?P<what>[^.]{3,300}?\b(?:could|should|would)\s+be\b[^.]*)"
)


_QUESTION = re.compile(r"\basked\s+(?P<q>(?:how|what|whether|why|when|where|which|if|about|for)\b[^.?]{5,200})")


_POST_SPEAKER = re.compile(
    r"^(?:[A-Z][^.,]{0,60},\s*)?[Tt]he\s+(?P<who>[A-Z][\w'’-]+(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'’-]+){0,6})\s+"
    r"(?:then\s+|also\s+)?(?:explained|said|advised|stated|confirmed|reported|informed|responded|replied|added|"
    r"presented|introduced|outlined|clarified|acknowledged|indicated|told|noted|would|will|undertook|agreed|"
    r"summed\s+up|concluded)\b"
)
# "The Facilitator would liaise with the Chair to bring ...": a post's promise in the minutes' own words.
_POST_WOULD = re.compile(
    r"(?:^|[.;]\s+|\band\s+)[Tt]he\s+(?P<who>[A-Z][\w'’-]+(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'’-]+){0,6})\s+"
    rf"would\s+(?:also\s+)?(?:\w+ly\s+)?(?P<verb>{ACTION_INFINITIVES})\b(?P<rest>[^.]*)"  # ("will": an agenda's)
)


# "It was noted that the Chair would circulate the letter": a promise recorded by the committee.
_NOTED_WOULD = re.compile(
    rf"\b(?:noted|agreed|confirmed)\s+that\s+(?P<who>{WHO})\s+would\s+(?:also\s+)?"
    r"(?P<verb>provide|circulate|share|send|forward|supply|distribute|write\s+to|report\s+back|e-?mail)\b(?P<rest>[^.]*)"
)


# "The Chair asked the Democratic Services Officer to invite ...": the chair or committee gives someone work.
_CHAIR_ASKED = re.compile(
    r"\b(?:[Tt]he\s+)?(?:Chair(?:man|person)?|Convener|Committee|Panel|Board|Sub-Committee|Members)\s+(?:also\s+)?"
    rf"(?:asked|requested)\s+(?P<who>{WHO})\s+to\s+(?:\w+ly\s+)?"
    r"(?P<verb>(?!explain|clarify|comment|respond|outline|answer|confirm|introduce|present)"
    rf"(?:{ACTION_INFINITIVES}))\b(?P<rest>[^.]*)"
)


# "A Member requested an updated list of substitutes which Officers agreed would be provided."
_REQUEST_AGREED = re.compile(
    r"\b(?:requested|asked\s+for)\s+(?P<what>(?:an?|the|some)\s+[^.]{5,150}?),?\s+(?:which|and)\s+"
    r"(?P<who>(?:[Tt]he\s+)?[A-Z][\w'-]+(?:\s+(?:of\s+)?[A-Z][\w'-]+){0,4}|officers)\s+(?:agreed|undertook|confirmed)\s+"
    r"(?:(?:it\s+|they\s+)?would\s+be\s+(?P<done>[a-z]+)|to\s+(?P<verb>[a-z]+))"
)


_NEAR_SPEAKER = re.compile(
    r"\b(?:and|but|then|while)\s+(?:[Tt]he\s+)?(?P<who>[A-Z][\w'-]+(?:\s+(?:of\s+)?[A-Z][\w'-]+){0,4})\s+"
    r"(?:confirmed|said|advised|explained|stated|indicated|added|replied|responded)\s+that\s+$"
)


# Verbs of the meeting itself, not work after it.
_AT_THE_MEETING = {"welcome", "introduce", "open", "close", "declare", "thank"}


def find_promises(paragraphs: list[str]) -> list[tuple[str, str, str]]:
    """ "Jane Smith agreed to circulate the figures" is an action for Jane Smith even without a resolution.

    Each promise comes with its cue, the words that made it one ("undertook to", "he/she would")."""
    out = []
    for para in paragraphs:
        speaker, question = None, None
        for sentence in SENTENCE_END.split(para):
            found = False
            # "The Head of Repairs said that ... he would circulate it": this sentence's own speaker comes first.
            own = _sentence_speaker(sentence)
            if own:
                speaker = own
            for m in PROMISE.finditer(sentence):
                who = owner_ok(m.group("who"))
                if who and _this_meeting(m):
                    continue
                if who:
                    out.append((_promise_text(who, m, question), who, _promised(m)))
                    found = True
            if not found and speaker:
                for m in _PRONOUN_PROMISE.finditer(sentence):
                    if not _this_meeting(m):
                        # "X explained ..., and the Chair confirmed that he would ...": the nearer speaker
                        near = _NEAR_SPEAKER.search(sentence, 0, m.start())
                        who = (near and owner_ok(near.group("who"))) or speaker
                        out.append((_promise_text(who, m, question), who, "he/she would"))
                        found = True
            for m in [] if found else _NOTED_WOULD.finditer(sentence):
                who = owner_ok(m.group("who"))
                if who:
                    out.append((_promise_text(who, m, None), who, "noted that … would"))
                    found = True
            for m in [] if found else _CHAIR_ASKED.finditer(sentence):
                who = owner_ok(m.group("who"))
                if who and any(w in POST_WORDS for w in who.lower().split()):
                    out.append((_promise_text(who, m, None), who, "the Chair asked … to"))
                    found = True
            for m in [] if found or "would" not in sentence else _POST_WOULD.finditer(sentence):
                who = owner_ok(m.group("who"))
                if who and post_like(who):
                    out.append((_promise_text(who, m, None), who, "the <post> would"))
                    found = True
            asked = "requested" in sentence or "asked for" in sentence
            for m in [] if found or not asked else _REQUEST_AGREED.finditer(sentence):
                who = owner_ok(m.group("who"))
                if who:
                    what = m.group("what").strip(" ,")
                    text = f"{what[:1].upper()}{what[1:]} to be {m.group('done')}" if m.group("done") else ""
                    text = text or f"{who} to {m.group('verb')} {what}"
                    out.append((text, who, "requested … agreed"))
                    found = True
            short = None if found else SHORTHAND.match(sentence)
            if short and short.group("verb").lower() in _AT_THE_MEETING and not FOLLOW_UP.search(sentence):
                short = None  # an agenda's running order ("Chair to welcome Members and introduce officers")
            if short and owner_ok(short.group("who")):
                who = owner_ok(short.group("who"))
                out.append((_promise_text(who, short, None), who, "“X to …” shorthand"))
                found = True
            if not found and speaker and "to" in sentence:
                for m in _AND_PROMISE.finditer(sentence):
                    if not _this_meeting(m):
                        out.append((_promise_text(speaker, m, question), speaker, "and would"))
            q = _QUESTION.search(sentence)
            question = q.group("q").strip() if q else None
            # "It was agreed that the table could be shortened. The Clerk undertook to make these changes."
            agreed = _AGREED_CHANGE.search(sentence) if " that " in sentence else None
            if agreed and not question:
                question = agreed.group("what").strip()
    return out


def _this_meeting(m: re.Match) -> bool:
    """ "agreed to consider it further under Part B" is the meeting's own business, not work afterwards."""
    verb = m.group("verb") or m.groupdict().get("verb2") or ""
    return bool(NEEDS_FOLLOW_UP.match(verb)) and not FOLLOW_UP.search(m.group("rest"))


def _promised(m: re.Match) -> str:
    """ "undertook to", "agreed to": the promise's own words."""
    words = re.search(r"\b(?:agreed|undertook|offered|promised|committed)\s+to\b", m.group(0))
    return words.group(0) if words else "agreed to"


def _sentence_speaker(sentence: str) -> str | None:
    for m in GIVING_VERBS.finditer(sentence):
        who = _last_person(sentence[: m.start()][-160:])
        if who:
            return who
    post = _POST_SPEAKER.match(sentence)
    if post and owner_ok(post.group("who")) and post_like(post.group("who")):
        return post.group("who")
    return None


_INFINITIVE_OF = {
    "writ": "write",
    "circulat": "circulate",
    "provid": "provide",
    "arrang": "arrange",
    "liais": "liaise",
    "meet": "meet",
}


def _promise_text(who: str, m: re.Match, question: str | None) -> str:
    rest = m.group("rest").rstrip()
    verb = m.group("verb") or m.groupdict().get("verb2") or ""
    # "he would be writing to the operator": the tracker says "Chair to write to the operator"
    verb = re.sub(r"^be\s+(\w+?)ing\b", lambda g: _INFINITIVE_OF.get(g.group(1), g.group(1)), verb)
    text = f"{who} to {verb}{rest}".strip()
    if question and _ANAPHOR.search(rest):
        text += f" ({question})"
    return text


def full_post(owner: str, titles: list[str]) -> str:
    """ "the Director said ... would provide": the one attendee's post that begins "Director" ("Director of Place")."""
    words = owner.lower().split()
    if not words or len(words) > 3 or not any(w in POST_WORDS for w in words) or owner in titles:
        return owner
    fits = {t for t in titles if t.lower().split()[: len(words)] == words or t.lower().startswith(owner.lower() + ",")}
    return fits.pop() if len(fits) == 1 else owner


def resolve_person(owner: str, people: list[str], known_people: list[str]) -> str:
    """Match a name in the text to a listed person, forgiving a wrong surname if the forename is unique."""
    pool = known_people or people
    if not pool:
        return owner
    low = owner.lower()
    for person in pool:
        if person.lower() == low:
            return person
    first, last = name_parts(owner)
    if not last:
        return owner
    by_surname = []
    for person in pool:
        p_first, p_last = name_parts(person)
        if p_last.lower() != last.lower():
            continue
        if first and p_first and p_first[0].lower() != first[0].lower():
            continue
        by_surname.append(person)
    if len(by_surname) == 1:
        return by_surname[0]
    if first and len(first) > 1:
        by_forename = [p for p in pool if (name_parts(p)[0] or "").lower() == first.lower()]
        if len(by_forename) == 1 and not by_surname:
            return by_forename[0]
    if known_people:
        # A post: take the known post sharing most of its words.
        scored = sorted(((word_overlap(owner, p), p) for p in known_people), reverse=True)
        if scored and scored[0][0] >= 0.75:
            return scored[0][1]
    return owner


def resolve_owners(doc: Document) -> None:
    """Stage: turn each owner as written ("JR", "Mrs Richards", "the Director") into the attendee it means."""
    people, known = doc.people, doc.known_people
    initials = Counter(p.initials for p in doc.attendance if p.initials)
    aliases = {p.initials: p.name for p in doc.attendance if p.initials and initials[p.initials] == 1}
    titles = [p.title for p in doc.attendance if p.title]
    for item in doc.parsed_items:
        for action in item["actions"]:
            if action["owner"]:
                action["owner"] = _resolve_owner(action["owner"], people, known, aliases, titles)


def _resolve_owner(owner: str, people: list[str], known: list[str], aliases: dict, titles: list[str]) -> str:
    if aliases and INITIALS_OWNER.fullmatch(owner):
        owner = re.sub(r"\b[A-Z]{2,4}\b", lambda m: aliases.get(m.group(0), m.group(0)), owner)
    parts = re.split(r"\s+(?:and|&)\s+", owner)
    if len(parts) > 1 and all(person_like(p) for p in parts):
        # "Sam Roy and Ruth Ode": each person is matched on their own.
        return " and ".join(resolve_person(p, people, known) for p in parts)
    return full_post(resolve_person(owner, people, known), titles)
