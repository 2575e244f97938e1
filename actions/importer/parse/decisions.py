"""Stage 6, read_decisions: each item's resolutions, the actions among them and its standing items.

A decision block starts at a trigger ("RESOLVED", "It was agreed", "Actions:"); actions also come from
"ACTION:" lines, action tables and promises in the discussion ("she undertook to circulate ...").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import CELL, MARK, TABLE_ROW, Document, Item, Person, Resolution
from .due import due_of
from .forward import forward_actions, is_forward, named_subject, with_referent
from .names import person_like, post_like
from .owners import (
    clean_owner,
    context_owner,
    explicit_owner,
    find_promises,
    owner_ok,
    speaker_sentences,
    tail_owner,
)
from .patterns import (
    ACTION_LINE,
    ACTION_TAIL,
    AGENDA_MOVES,
    BULLET,
    FOLLOW_UP,
    INFINITIVE_ACTION,
    INLINE_MARKER,
    LIST_MARKER,
    MEETING_END,
    MINUTES_MARKER,
    NARRATIVE,
    NEEDS_FOLLOW_UP,
    NOTING,
    OWNER_ASKED,
    PAGE_METADATA,
    PASSIVE_ACTION,
    SENTENCE_END,
    SHORTHAND,
    STANDING,
    SUBJUNCTIVE_ACTION,
    SUPPORTING_MARKER,
    THIRD_PERSON_ACTION,
    TRIGGER,
)
from .text import lists_joined, paragraphs_of, stem, trigger_at, word_overlap
from .vocabulary import ACTION_INFINITIVES, ACTION_PARTICIPLES, HONORIFIC, ROMAN


def _task_verb(text: str) -> str:
    m = re.search(r"\bto\s+([a-z]+)", text)
    return stem((m.group(1) if m else text.split()[0] if text.split() else "").lower())


def _first_verb(text: str) -> str:
    return stem((text.split() or [""])[0].lower())


def _drop_logged_twice(items: list[dict], attendance: list[Person]) -> None:
    """An "ACTION LOG" table restates actions already in the minutes: keep the table's row, which names an owner."""
    logged = [a for it in items for a in it["actions"] if a.get("_logged")]
    person_of = {p.name.lower(): p.name for p in attendance}
    person_of.update({p.title.lower(): p.name for p in attendance if p.title})

    def same(a: dict, row: dict, number: str) -> bool:
        if word_overlap(row["text"], a["text"]) >= 0.75:
            return True
        # "agreed to circulate them ..." beside the log's "Circulate the figures ..." for the same minute
        close = word_overlap(row["text"], a["text"]) >= 0.3 or row.get("_minute") == number
        if not a["owner"] and close and _first_verb(a["text"]) == _first_verb(row["text"]):
            return True
        who = person_of.get((a["owner"] or "").lower())
        return (
            bool(who)
            and who == person_of.get((row["owner"] or "").lower())
            and (_task_verb(a["text"]) == _task_verb(row["text"].lower()))
        )

    for it in items:
        if logged:
            number = (it["number"] or "").strip(" .").lower()
            it["actions"] = [
                a for a in it["actions"] if a.get("_logged") or not any(same(a, r, number) for r in logged)
            ]
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


# The first of a run of decisions printed as a list with no "RESOLVED" label: "(1) That ...", "a. That ...".
# ("(1) that the minutes ... are re-submitted ...;" in lower case too, as some committee websites print them.)
_FIRST_THAT = re.compile(r"^(?:\(\s*(?:1|a|i)\s*\)|(?:1|a|i)[.)])\s+[Tt]hat\b")
_LATER_THAT = re.compile(
    r"^(?:\(\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*\)|(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)])\s+[Tt]h(?:at|e)\b"
)
# ... and with neither "That" nor a verb, when the page lost its "RESOLVED" heading: "(a) subject to ..., the work
# programme be approved;" / "(b) ..." — an entry in the subjunctive ("be approved"), closed by a semicolon.
_FIRST_SUBJUNCTIVE = re.compile(
    r"^(?:\(\s*(?:1|a|i)\s*\)|(?:1|a|i)[.)])\s+(?![^;]*\b(?:was|were|had|has)\b)[^;]{5,300}\bbe\s+[a-z]+(?:ed|en|ne)\b"
    r"[^;]{0,200};(?:\s+and)?$"
)
# ... and one decision alone: "That the filling of the vacant positions be pursued as a priority." (a sentence
# that opens with "That" and ends in the subjunctive is a resolution whatever heading the page lost)
_LONE_THAT = re.compile(
    r"^That\s+(?![^.]*\b(?:was|were|had|has|is|are)\b)[^.;:]{5,250}\bbe\s+[a-z-]+(?:ed|en)\b[^.;:]*\.$"
)
_LATER_MARK = re.compile(r"^(?:\(\s*(?:\d{1,2}|[b-h]|[ivx]{1,4})\s*\)|(?:\d{1,2}|[b-h]|[ivx]{1,4})[.)])\s+\S")


# The same with the committee's verb opening each entry: "The Council – / 1. Agreed that ... / 2. Noted the ...".
_DECISION_VERB = r"(?:Agreed|Noted|Approved|Endorsed|Resolved|Decided|Requested|Instructed|Supported|Accepted)\b"
_FIRST_VERB = re.compile(rf"^(?:\(\s*(?:1|a|i)\s*\)|(?:1|a|i)[.)])\s+{_DECISION_VERB}")
_LATER_VERB = re.compile(
    rf"^(?:\(\s*(?:\d{{1,2}}|[a-h]|[ivx]{{1,4}})\s*\)|(?:\d{{1,2}}|[a-h]|[ivx]{{1,4}})[.)])\s+{_DECISION_VERB}"
)
_VERB_OPENING = re.compile(r"^(?:agreed|resolved|decided)\s+that\s+", re.I)


def _unlabelled_decisions_at(lines: list[str], idx: int) -> bool:
    # "Moved by Councillor A, / Seconded by Councillor B, / That the Committee agrees ...": the motion carried.
    before = next((ln for ln in reversed(lines[max(0, idx - 3) : idx]) if ln), "")
    if re.match(r"^That\s", lines[idx]) and re.match(r"^(?:seconded|moved|proposed)\s+by\b", before, re.I):
        return True
    if _LONE_THAT.match(lines[idx]) and not (before and before.rstrip().endswith((":", "-", "–"))):
        return True
    later = [ln for ln in lines[idx + 1 : idx + 12] if ln][:6]
    if _FIRST_VERB.match(lines[idx]):
        return sum(1 for ln in later if _LATER_VERB.match(ln)) >= 1
    if _FIRST_SUBJUNCTIVE.match(lines[idx]):
        return sum(1 for ln in later if _LATER_MARK.match(ln)) >= 1
    if not _FIRST_THAT.match(lines[idx]):
        return False
    return sum(1 for ln in later if _LATER_THAT.match(ln)) >= 1


def _repeats(text: str, task: str, decided: str) -> bool:
    """A promise already decided: its words, with and without its owner's name, are mostly in the decision."""
    return word_overlap(text, decided) >= 0.4 and word_overlap(task, decided) >= 0.4


# Cues of actions read from reported speech or a note rather than a decision: the clerk should look at these.
UNSURE_CUES = {
    "he/she would",
    "and would",
    "noted that … would",
    "matters arising: … would",
    "requested a …",
}


def _action(text: str, owner: str | None, source: str | None, cue: str, sure: bool) -> dict:
    """A proposed action; "_due_text" is read by the due stage, "_cue" and "_sure" by the confidence stage."""
    return {"text": text, "owner": owner, "due": None, "_due_text": source, "_cue": cue, "_sure": sure}


def _resolution_cue(res: Resolution, clause: str) -> str:
    if res.listed_action:
        return f"listed under \u201c{res.cue}\u201d"
    if res.owner and not _is_action(clause):
        return "ACTION: line"
    return f"{res.cue}: … {_action_reason(clause) or 'ACTION: ' + (res.owner or '')}"


_DECISION_LABEL = re.compile(r"^Decisions?\s*:")


def _without_repeats(resolutions: list[Resolution]) -> list[Resolution]:
    """A decision page's "Minutes:" often restate its "Decision:" block: each decision once."""
    out: list[Resolution] = []
    for res in resolutions:
        if not any(
            word_overlap(res.text, kept.text) >= 0.8 and word_overlap(kept.text, res.text) >= 0.8 for kept in out
        ):
            out.append(res)
    return out


def _same_words(a: str, b: str) -> bool:
    return word_overlap(a, b) >= 0.8 and word_overlap(b, a) >= 0.8


def _after_agenda_summary(lines: list[str]) -> list[str]:
    """On committee websites the text before "Decision:" or "Minutes:" is the agenda's summary of the item.

    A "Decision:" block followed by "Minutes:" is kept too, ended by a mark so the minutes are read as the
    discussion; the decisions the minutes restate are dropped as repeats later."""
    minutes = next((k for k, ln in enumerate(lines) if MINUTES_MARKER.match(ln)), None)
    if minutes is None:
        return lines
    decision = next((k for k in range(minutes) if _DECISION_LABEL.match(lines[k])), None)
    rest = MINUTES_MARKER.match(lines[minutes]).group(1)
    after = ([rest] if rest else []) + lines[minutes + 1 :]
    return after if decision is None else lines[decision:minutes] + [MARK] + after


def _parse_item(item: Item, people: list[str]) -> dict:
    lines = _after_agenda_summary(list(item.lines))
    for idx, line in enumerate(lines):
        if SUPPORTING_MARKER.match(line):
            # Below the minutes it ends them; straight under the title it only lists the papers.
            lines = lines[:idx] if any(lines[:idx]) else lines[idx + 1 :]
            break

    discussion: list[str] = []
    resolutions: list[Resolution] = []
    noted: list[tuple[str, str | None]] = []  # actions recorded with "ACTION:" in the discussion
    tabled: list[tuple[str, str | None, str | None, str, str]] = []  # rows of an action table, with their cue
    since_block = 0  # discussion lines since the last decision block
    idx = 0
    while idx < len(lines):
        line = lines[idx]
        if line.startswith(TABLE_ROW):
            what, owner, when, minute, kind = (line[1:].split(CELL) + ["", "", "", ""])[:5]
            if kind.startswith("tracker"):
                # A tracker's row is the recommendation itself; one not agreed is a decision and nobody's work.
                agreed = kind == "tracker"
                # (As a recommendation: the row below is its action, with the owner and date.)
                resolutions.append(
                    Resolution(text=what.strip() + ("" if agreed else " (Not agreed)"), recommendation=True)
                )
                if not agreed:
                    idx += 1
                    continue
            due = due_of(when) or when.strip(" .") or due_of(what)
            tabled.append(
                (what.strip(), clean_owner(owner), due, minute, "tracker row" if kind else "action table row")
            )
            idx += 1
            continue
        if _unlabelled_decisions_at(lines, idx):
            # "a. That X be appointed ... b. That Y be brought to a future meeting", with no "RESOLVED" above.
            verb_led = _FIRST_VERB.match(lines[idx])
            block, idx = _take_block(lines, idx, "")
            for res in block:
                res.cue = "a numbered list of “Agreed …” decisions" if verb_led else "a list of “That …” decisions"
                res.text = _VERB_OPENING.sub("", res.text)  # "1. Agreed that X be ...": the decision is X
            resolutions.extend(block)
            since_block = 0
            continue
        m = trigger_at(lines, idx)
        if m:
            # "Decision: RESOLVED that ...": the label's decision starts after the second trigger word.
            again = TRIGGER.match(m.group("rest"))
            block, idx = _take_block(lines, idx + 1, again.group("rest") if again else m.group("rest"))
            said = line[: len(line) - len(m.group("rest"))].strip(" :-–—.") if m.group("rest") else line.strip(" :-–—.")
            for res in block:
                res.cue = said[:40] or m.group("kw")
            if "action" in m.group("kw").lower():
                for res in block:
                    res.listed_action = True
            if m.group("kw").lower().startswith("recommend") and re.match(r"^to\s+(?:the\s+)?[A-Z]", m.group("rest")):
                for res in block:
                    res.recommendation = True
            resolutions.extend(block)
            since_block = 0
            continue
        am = ACTION_LINE.match(line)
        tail = None if am else ACTION_TAIL.search(line)
        if tail and tail.start() == 0:
            tail = None
        if am and _OWN_ACTION.search(am.group("owner")):
            # "ACTION: James Orme to confirm the date ..." states the action itself.
            text = clean_owner(am.group("owner")) or ""
            noted.append((text, explicit_owner(text)))
        elif am and resolutions and not since_block:
            resolutions[-1].owner = clean_owner(am.group("owner"))
        elif am or tail:
            # "Members asked for a briefing note on X.   ACTION: Tracy Bell": the request is the action.
            before = line[: tail.start()].strip() if tail else ""
            if before:
                discussion.append(before)
            request = _requested(discussion)
            if request:
                noted.append((request, clean_owner((am or tail).group("owner"))))
        elif not PAGE_METADATA.match(line):
            discussion.append(line)
            since_block += bool(line)
        idx += 1

    resolutions = _without_repeats(resolutions)
    paragraphs = lists_joined(paragraphs_of([ln for ln in discussion if ln != MARK]))
    sentences = speaker_sentences(paragraphs, people)
    actions: list[dict] = []
    standing: list[str] = []
    recommendations: list[dict] = []  # to another body: proposed as recommendations, never as actions
    for res in resolutions:
        # "X be added to the work programme and that Y remain a standing item" is an action and a standing item.
        for clause in _clauses(res.text):
            subject = _standing_subject(clause)
            if subject:
                standing.append(subject)
                continue
            # "... (Action: Head of Service)": the minutes themselves mark the decision as someone's work.
            if res.recommendation and not res.owner:
                recommendations.append(_recommendation(clause, default_to="Cabinet"))
                continue
            if _recommends_to(clause) and not _is_action(clause) and not res.owner and not res.listed_action:
                recommendations.append(_recommendation(clause))
                continue
            if not (res.listed_action or (res.owner and not NOTING.match(clause)) or _is_action(clause)):
                continue
            owner = res.owner or explicit_owner(clause)
            sure = bool(owner)
            owner = owner or context_owner(clause, sentences)  # the speaker who promised it: worth a check
            actions.append(
                _action(_action_text(clause), owner, clause, _resolution_cue(res, clause), sure=sure or not owner)
            )

    for subject in _agreed_standing(paragraphs):
        if not any(word_overlap(subject, known) >= 0.6 for known in standing):
            standing.append(subject)

    for text, owner, due, minute, cue in tabled:
        # A tracker's recommendation may run on ("... Policy Development.  This would mean ..."): the task is the first.
        first = SENTENCE_END.split(text)[0] if cue == "tracker row" else text
        row = _action(_action_text(first), owner, None, cue, sure=True)
        row.update({"due": due or None, "_logged": True})
        if minute.strip(" ."):
            row["_minute"] = minute.strip(" .").lower()
        actions.append(row)

    for text, owner in noted:
        if not any(word_overlap(text, a["text"]) >= 0.6 for a in actions):
            actions.append(_action(_action_text(text), owner, text, "ACTION: line", sure=True))

    found = find_promises(paragraphs) + _prose_actions(paragraphs)
    known = [r.text for r in resolutions] + [a["text"] for a in actions] + [text for text, _, _ in found]
    for text, owner, cue in found + forward_actions(paragraphs, known, item.title):
        # (Compared without the owner's name: "the Service Director to circulate it" is not a repeat of
        # "request the Service Director to bring a report".)
        task = text[len(owner) :] if owner and text.startswith(owner) else text
        # The narrative table has already skipped sentences that gave an action: among its own finds, two
        # letters ("a letter of condolence be sent to X", "a letter and flowers be sent to Y") are two tasks.
        earlier = [a["text"] for a in actions if not (is_forward(cue) and is_forward(a["_cue"]))]
        if not any(_repeats(text, task, r.text) for r in resolutions) and not any(
            _repeats(text, task, done) for done in earlier
        ):
            text = with_referent(text, paragraphs, item.title)
            sure = cue not in UNSURE_CUES and not is_forward(cue)
            actions.append(_action(_action_text(text), owner, text, cue, sure=sure))

    presenter = _presenter(item.lines)
    for action in actions:
        action["text"] = named_subject(action["text"], item.title)
        if not action["owner"] and presenter and REPORT_BACK.search(action["text"]):
            action["owner"] = presenter  # a report coming back is written by whoever wrote this one
            action["_sure"] = False

    return {
        "number": item.number,
        "title": item.title,
        "resolutions": [r.text for r in resolutions],
        "actions": actions,
        "standing_items": standing,
        "recommendations": recommendations,
    }


_RECOMMEND_TO_BODY = re.compile(
    r"\brecommend\w*\s+to\s+(?:the\s+)?(?P<to>[A-Z][\w'&,\- ]{2,60}?)\s+that\b(?P<what>.*)$", re.I | re.S
)


def _recommends_to(clause: str) -> bool:
    body = re.sub(r"^(?:that\s+)?", "", clause.strip(), flags=re.I)
    return bool(_RECOMMEND_TO.match(body))


def _recommendation(clause: str, default_to: str = "") -> dict:
    """A recommendation to another body: its words, and whom it is to when the minutes say."""
    text = clause.strip()
    m = _RECOMMEND_TO_BODY.search(text)
    return {"text": text, "to": (m.group("to").strip() if m else default_to) or "Cabinet"}


_OWN_ACTION = re.compile(rf"\s(?:to|will)\s+(?:\w+ly\s+)?(?:{ACTION_INFINITIVES})\b", re.I)


_REQUEST = re.compile(
    r"^(?:.{0,80}?\b(?:asked|requested|sought|wanted|would\s+like|called)\s+(?:for\s+|that\s+)?)?(?P<what>.+)$", re.I
)


def _requested(discussion: list[str]) -> str | None:
    """The last sentence of the discussion so far, as the thing asked for: "a briefing note on X"."""
    paras = paragraphs_of([ln for ln in discussion[-8:]])
    if not paras:
        return None
    last = SENTENCE_END.split(paras[-1])[-1].strip().rstrip(".")
    what = _REQUEST.match(last).group("what").strip() if last else ""
    return what[:1].upper() + what[1:] if len(what.split()) >= 3 else None


# A sentence in the past tense that decides nothing: narrative after a block whose page lost its next heading.
_PAST_REPORT = re.compile(
    r"^(?!that\b)[^.;]{0,120}?\b(?:was|were|had|has|have)\s+(?:\w+\s+){0,2}?[a-z]+(?:ed|en)\b", re.I
)
_WORK_AHEAD = re.compile(
    r"\b(?:be|to|would|will|shall|should)\s+(?:\w+ly\s+)?[a-z]+|\b(?:resolved|agreed|decided|recommended)\b", re.I
)


def _take_block(lines: list[str], start: int, rest: str) -> tuple[list[Resolution], int]:
    """Read the decisions after a "Resolved"/"It was agreed" line up to the next narrative paragraph."""
    raw: list[str] = [rest.strip()] if rest.strip() else []
    idx = start
    while idx < len(lines):
        line = lines[idx]
        if line.startswith((TABLE_ROW, MARK)) or PAGE_METADATA.match(line) or MEETING_END.match(line):
            break
        if trigger_at(lines, idx):
            break
        raw.append(line)
        idx += 1
    segments = _segments(raw)
    out: list[Resolution] = []
    consumed_segments = 0
    in_list = False
    for seg in segments:
        if seg.startswith("\x02"):
            if out:
                out[-1].owner = clean_owner(seg[1:])
            consumed_segments += 1
            continue
        listed, seg = seg.startswith(LISTED), seg.removeprefix(LISTED)
        # "2) The manager was asked to draw up ...": the next item of a numbered list of decisions, not narrative.
        if out and NARRATIVE.search(seg) and not re.match(r"^that\b", seg, re.I) and not (listed and in_list):
            break
        if out and not listed and _PAST_REPORT.match(seg) and not _WORK_AHEAD.search(seg):
            break  # "No declarations were received.": the next heading was lost, the minute's story goes on
        in_list = listed
        if out and re.match(r"^[A-Z][\w' &-]{2,40}(?::|\s[–—-])$", seg) and not re.match(r"^that\b", seg, re.I):
            break  # "Matters arising:": a new section of the minute, not a decision
        consumed_segments += 1
        for part in _sentences_of(_inline_split(seg)):
            tail = ACTION_TAIL.search(part)
            owner = None
            if tail and tail.start() > 0:
                owner = tail_owner(tail.group("owner"))
                part = part[: tail.start()].rstrip()
            out.append(Resolution(text=part, owner=owner))
    if consumed_segments < len(segments):
        # Hand the narrative back to the discussion so promises in it are still seen.
        leftover = segments[consumed_segments:]
        lines_back = [s.removeprefix(LISTED) for s in leftover if not s.startswith("\x02")]
        return _drop_intros(out), _rewind(lines, start, idx, lines_back)
    return _drop_intros(out), idx


_PROPOSER = re.compile(r"^(?:(?:it\s+was\s+)?(?:proposed|moved|seconded)\s+by\b|(?:proposer|seconder)\s*:)", re.I)


def _sentences_of(parts: list[str]) -> list[str]:
    """One decision per sentence: "RESOLVED to object. Clerk to submit comments." is a decision and a task.

    "Proposed by Cllr A, seconded by Cllr B" records the vote, not a decision."""
    out = []
    for part in parts:
        pieces = SENTENCE_END.split(part) if ". " in part else [part]
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


LISTED = "\x05"  # marks a segment that began with a list marker ("2)", "(b)", "•")


def _segments(raw: list[str]) -> list[str]:
    """Split a decision block into one string per decision, undoing PDF line wrapping."""
    segs: list[str] = []
    cur: list[str] = []
    listed = [False]  # whether the segment being read began with a list marker

    def flush():
        if cur:
            text = re.sub(r"\s+", " ", " ".join(cur)).strip()
            if text:
                segs.append(LISTED + text if listed[0] else text)
            cur.clear()
        listed[0] = False

    for line in raw:
        s = line.strip()
        if not s:
            flush()
            continue
        am = ACTION_LINE.match(s)
        if am:
            flush()
            segs.append("\x02" + am.group("owner"))
            continue
        marker = LIST_MARKER.match(s) or BULLET.match(s)
        # "(a) That X. (b) That Y." on one line: keep "(a)" so the inline split sees the whole run.
        if marker and any(
            pat.match(s) and len(_sequential_marks(list(pat.finditer(s)))) >= 2
            for pat in (INLINE_MARKER, _INLINE_BARE_MARKER)
        ):
            marker = None
        if marker and (marker.group(0).strip() or s[:1] in "•·▪●◦○■□➢►✓"):
            flush()
            listed[0] = True
            s = s[marker.end() :].strip()
            if not s:
                continue
        elif cur and cur[-1].rstrip().endswith((".", ";", ":")) and re.match(r"^[A-Z\"'(]", s):
            flush()
        cur.append(s)
    flush()
    return segs


# "1. That ..." inline needs the sentence before it to have ended, or it would split "paragraph 3. The ...".
_INLINE_BARE_MARKER = re.compile(r"(?:^|(?<=[.;:]\s))(\d{1,2}|[ivx]{1,5}|[a-h])[.)]\s+(?=[A-Z]|that\b|the\b)")


def _marker_ordinal(mark: str, scheme: str) -> int | None:
    if scheme == "digit":
        return int(mark) if mark.isdigit() else None
    if scheme == "roman":
        return ROMAN.get(mark)
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
    marks = _sequential_marks(list(INLINE_MARKER.finditer(text)))
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


def _standing_subject(text: str) -> str | None:
    if "standing" not in text.lower():
        return None
    for pat in STANDING:
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
        r"(?:be\s+)?(?:asked|requested)\s+to\b)|\s+and\s+(?=(?:a|an)\s+(?:[\w'-]+\s+){1,4}?would\s+be\s+)|"
        # "... be noted ... and a further report be received in due course": a second decision, a task
        r"\s+and\s+(?=(?:a|an|the)\s+(?:[\w'-]+\s+){0,3}?(?:report|update|briefing|paper|review|meeting|workshop|session|seminar|visit)\s+be\s+)",
        text,
        flags=re.I,
    )
    out: list[str] = []
    for part in (p.strip() for p in parts if p and p.strip()):
        # "Items on X; Y; and Z be added to the agenda": the parts before the verb are one list, not decisions.
        if out and not _HAS_VERB.search(re.sub(r"^that\s+", "", out[-1], flags=re.I)) and len(out[-1].split()) <= 40:
            out[-1] = f"{out[-1]}; {part}"
        else:
            out.append(part)
    return out


_HAS_VERB = re.compile(
    r"\b(?:be|is|are|was|were|to|will|would|should|shall|noted|agreed|approved|asks?|requests?)\b", re.I
)


# "agreed to recommend to Cabinet that X be included": the decision is for another body to take, not a task.
_RECOMMEND_TO = re.compile(
    r"^(?:(?:the\s+)?(?:committee|panel|board|commission|sub-committee|members)\b[^.;]{0,80}?\b)?"
    r"(?:recommends?|recommended|agreed\s+to\s+recommend|to\s+recommend)\s+(?:to\s+(?:the\s+)?[A-Z][\w' ]{2,40}?\s+)?"
    r"that\b",
    re.I,
)


# Decisions that record something rather than give work: thanks placed on record, a fact noted.
_NOT_WORK = re.compile(
    r"\b(?:thanks|gratitude|appreciation|congratulations|condolences)\b.{0,40}\bbe\s+(?:placed|recorded)\b|"
    r"^(?:it\s+be\s+noted|noted|notes)\b",
    re.I,
)


# "To bolster the links between the committees and the Executive by ...": an aim, not a task.
_AIM = re.compile(
    r"^to\s+(?:bolster|strengthen|ensure|improve|enable|promote|encourage|enhance|foster|maintain|build)\b", re.I
)


# "the Cabinet adopted the recommendations ..., along with one to carry out a review": a report of what another
# body did, not work the committee gives.
_ANOTHER_BODY_DID = re.compile(
    r"^(?:the\s+)?(?:cabinet|council|executive|board|mayor|leader)\s+(?:had\s+)?"
    r"(?:adopted|approved|accepted|agreed|endorsed|rejected|considered|received|decided)\b",
    re.I,
)


def _is_action(clause: str) -> bool:
    return _action_reason(clause) is not None


@lru_cache(maxsize=4096)
def _action_reason(clause: str) -> str | None:
    """The words that make a decision someone's work ("be brought", "asks the Head of Parks to"), or None."""
    body = re.sub(r"^(?:that\s+)?(?:also\s+(?:for\s+)?)?", "", clause.strip(), flags=re.I)
    # "approved, subject to X being added": the condition is not a task of its own.
    body = re.sub(r"^(.{10,}?),?\s+subject\s+to\b.*$", r"\1", body, flags=re.I)
    if _RECOMMEND_TO.match(body) and not OWNER_ASKED.search(body):
        return None
    if re.match(
        r"^(?:the\s+)?(?:committee|members?|panel)\s+(?:notes?|noted|received?|welcomed?|thanks?|thanked)\b", body, re.I
    ) and not (PASSIVE_ACTION.search(body) or any(p.search(body) for p in _FORWARD_DECISIONS)):
        return None
    if _NOT_WORK.search(body) and not FOLLOW_UP.search(body):
        return None
    if _AIM.match(body) or (_ANOTHER_BODY_DID.match(body) and not PASSIVE_ACTION.search(body)):
        return None
    for pattern in (PASSIVE_ACTION, SUBJUNCTIVE_ACTION, THIRD_PERSON_ACTION):
        m = pattern.search(body)
        if m:
            return m.group(0).strip()
    for m in OWNER_ASKED.finditer(body):
        if owner_ok(m.group("who")):
            return m.group(0).strip()  # "asks the Head of Parks to model the cost": someone is asked to do something
    short = SHORTHAND.match(body)
    if short and owner_ok(short.group("who")):
        return f"{short.group('who')} to {short.group('verb')}"
    # "the Committee: refers the report to Cabinet ...": a list item in the committee's own voice.
    m = re.match(rf"^(?:{ACTION_INFINITIVES})e?s\b", body, re.I) or INFINITIVE_ACTION.search(body)
    if m and m.start() == 0 and re.match(r"^[\w-]+\s+(?:in|on|of|with|made|against)\b", body, re.I):
        m = None  # "Progress in relation to the projects be noted": a noun, not an order
    if m:
        verb = re.sub(r"^(?:to|will|would|shall|must|should)\s+", "", m.group(0).strip(), flags=re.I)
        if not NEEDS_FOLLOW_UP.match(verb) or FOLLOW_UP.search(body):
            return m.group(0).strip()
        # "receive a further update in six months": receiving is work when the paper is still to be written.
        ahead = next((p.search(body) for p in _FORWARD_DECISIONS if p.search(body)), None)
        return ahead.group(0).strip() if ahead else None
    later = FOLLOW_UP.search(body)
    if later and re.search(r"\b(?:update|report|presentation|information)\b", body, re.I):
        return later.group(0)
    for pattern in _FORWARD_DECISIONS:
        m = pattern.search(body)
        if m:
            return m.group(0).strip()
    # "(b) that arrangements for further interviews are made": a decision in the present tense.
    m = re.match(r"^that\b", clause.strip(), re.I) and _PRESENT_PASSIVE.search(body)
    if m:
        return m.group(0).strip()
    return None


_PRESENT_PASSIVE = re.compile(
    rf"\b(?:is|are)\s+(?:\w+ly\s+)?(?:made|{ACTION_PARTICIPLES})\b(?!\s+(?:by|in|at)\s+the\s+report)"
)


# Decisions that set up later work without a verb of the usual tables. Add a row for a new phrasing.
FORWARD_DECISIONS = [
    # "a further report be received in due course", "a progress update be considered at ..."
    r"\b(?:further|follow-up|progress|final|full|fuller)\s+(?:report|update|briefing|paper)s?\b[^.;]{0,40}?"
    r"\bbe\s+(?:received|considered|made|taken)\b",
    # "a Meeting be held with Committee Members to ...", "an informal workshop be arranged"
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:meeting|workshop|session|briefing|site\s+visit|seminar)\s+"
    r"(?:[\w-]+\s+){0,2}?be\s+(?:held|arranged|convened|organised|organized|set\s+up)\b",
    # "continue to receive quarterly updates about homelessness": reports that someone keeps writing
    # ("receive the annual report" is this meeting's business)
    r"\breceive\s+(?:(?:further|more|continued)\s+)?(?:quarterly|regular|monthly|six-monthly|periodic)\s+"
    r"(?:updates?|reports?|briefings?)\b",
    # "(iii) receive a further update in six months"
    r"\breceive\s+(?:a|an)\s+(?:further|follow-up|progress|final|full|fuller)\s+(?:[\w-]+\s+)?(?:report|update|briefing)\b",
    # "The Board noted the report and asked for a further report in six months"
    r"\b(?:asked|requested|called)\s+for\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:report|update|briefing|paper|"
    r"presentation)\b",
]
_FORWARD_DECISIONS = [re.compile(pattern, re.I) for pattern in FORWARD_DECISIONS]


def _action_text(clause: str) -> str:
    text = re.sub(
        r"^(?:it\s+was\s+(?:also\s+|further\s+)?(?:agreed|resolved)\s+)?that\s+", "", clause.strip(), flags=re.I
    )
    # "The manager was asked to draw up a template, which gave residents ...": the task, not its description.
    text = re.sub(r"\s+(?:was|were)\s+(?:asked|requested|instructed)\s+to\s+", " to ", text, flags=re.I)
    if len(text.split()) > 20:  # (and "..., in order that agendas were kept clear ...": why, not what)
        text = re.split(r",\s+(?:which|in\s+order\s+that|so\s+that)\s+", text, maxsplit=1)[0]
    text = text.rstrip(" .;,")
    return text[:1].upper() + text[1:]


def read_decisions(doc: Document) -> None:
    """Stage: each item's resolutions, actions (owner as the minutes word it) and standing items."""
    people = doc.people
    doc.parsed_items = [_parse_item(item, people) for item in doc.items]


def file_logged_actions(doc: Document) -> None:
    """Stage: an action log restates actions; keep one of each and file its rows under their minutes."""
    _drop_logged_twice(doc.parsed_items, doc.attendance)


# Decisions and requests recorded in the discussion rather than under "RESOLVED": (pattern, needs a follow-up).
# A request or suggestion is enough ("It was suggested that a letter be sent to all local MPs"); a confirmation
# or a note only when it looks to a later meeting ("it was confirmed that the minutes ... would be brought to
# the next meeting"), since "confirmed that the protocol would be presented at item 6" is about this one.
PROSE_ACTIONS = [
    (r"\b(?:suggested|requested|recommended|proposed|agreed)\s+that\s+(?P<what>[^.;]{10,300})", False),
    # "the Panel agreed for the Convener and the Scrutiny Officer to write a draft report": who, then the task
    (r"\bagreed\s+for\s+(?P<what>(?:the\s+)?[A-Z][^.;]{10,300})", False),
    (r"\b(?:confirmed|noted|reported|advised)\s+that\s+(?P<what>[^.;]{10,300})", True),
]
_PROSE_ACTIONS = [(re.compile(p, re.I), follow_up) for p, follow_up in PROSE_ACTIONS]
_WOULD_COME_BACK = re.compile(r"\b(?:would|will|should|to)\s+(?:then\s+|also\s+)?(?:be\s+)?[a-z]+")
_NOT_A_TASK = re.compile(
    r"\bbe\s+held\b|\b(?:had|has|have)\s+been\b|\bwas\s+|\bwere\s+(?!not\s+yet)|"
    r"\badded\s+(?:as\s+an?\s+item|to\s+the\s+(?:work\s+programme|forward\s+plan))",  # the work programme's
    re.I,
)


# "..., and that Y would be ...", "... and a written response would be sent ...": parts to weigh one by one.
_PROSE_PARTS = re.compile(
    r",?\s+and\s+that\s+|\s+and\s+(?=(?:a|an|the)\s+(?:[\w'-]+\s+){1,6}?(?:would|will|should)\s+be\s+)", re.I
)
_SPEAKER_BEFORE = re.compile(r"(?:^|\s)(?:[Tt]he\s+)?(?P<who>(?:[A-Z][\w'-]*\s+){0,4}?[A-Z][\w'-]*)\s*$")


_SPEAKER_WOULD = re.compile(rf"^\s+would\s+(?:also\s+|personally\s+)?(?:{ACTION_INFINITIVES})\b", re.I)


# "(agreed for) the Convener and the Scrutiny Officer to write ...": the people before "to" and the task's verb.
_FOR_WHOM = re.compile(rf"^(?:[Tt]he\s+)?(?P<who>[A-Z][^,;]{{2,80}}?)\s+to\s+(?:\w+ly\s+)?(?:{ACTION_INFINITIVES})\b")


def _named_for(what: str) -> str | None:
    m = _FOR_WHOM.match(what)
    return owner_ok(m.group("who")) if m else None


def _speaker_for_pronoun(what: str, before: str) -> tuple[str, str | None]:
    """ "the Chair advised that he would be reporting back": the Chair, not "he", will."""
    pronoun = re.match(r"^(?:he|she|they)\s+(?=would|will)", what, re.I)
    speaker = _SPEAKER_BEFORE.search(before) if pronoun else None
    who = owner_ok(speaker.group("who")) if speaker else None
    return (f"{who} {what[pronoun.end() :]}", who) if who else (what, None)


_MODAL = re.compile(r"\b(?:would|will|shall|should|to)\s+(?:[\w-]+\s+){0,1}[\w-]+")


def _head_of(what: str) -> str:
    """The words up to the task's verb: "X would contact officers ... that questions were not being answered"
    is weighed on "X would contact officers", since what follows describes the task, not something done."""
    m = _MODAL.search(what)
    return what[: m.end()] if m else what


# "Members requested that future reports include a breakdown by ward": work for whoever writes the next report.
_REPORTS_TO_INCLUDE = re.compile(
    r"^(?:future|all|the\s+next|subsequent|further)\s+(?:[\w-]+\s+){0,2}?(?:reports?|updates?|papers?)\s+"
    r"(?:should\s+|would\s+|to\s+)?(?:include|set\s+out|show|contain|provide)\b",
    re.I,
)


def _prose_task(what: str) -> bool:
    """A task, not a view: "a letter be sent", "the Director provide ..."; not "it should be written for ..." or
    "this would give no indication ..."."""
    if _REPORTS_TO_INCLUDE.match(what):
        return True
    if re.search(r"\bshould\b", what, re.I) or not _is_action(what):
        return False
    passive = PASSIVE_ACTION.search(what) and not re.search(r"\b(?:would|will)\s+(?:\w+\s+)?be\b", what)
    return bool(passive or SUBJUNCTIVE_ACTION.search(what) or explicit_owner(what))


# "Minute 32, Housing Benefits Review – concerns would be passed on to officers by Councillor Finch": an entry of a
# "Matters arising" list, which says for each earlier minute what was done or what still will be.
_MATTER_ARISING = re.compile(
    r"^(?:Minute|Min\.?)\s+\d{1,4}[\w.()]*\s*[,:]?\s*(?:[^–—]{0,150}?\s[–—-]\s+)(?P<what>[^.;]{10,300})"
)
_STILL_TO_DO = re.compile(r"\b(?:would|will)\s+(?:now\s+|also\s+)?(?:be\s+)?[a-z]+", re.I)
_BY_AGENT = re.compile(rf"\bby\s+(?P<who>{HONORIFIC}\s+(?:[A-Z]\.?\s+)?[A-Z][\w'-]+)")


def _matter_arising(para: str) -> tuple[str, str | None, str] | None:
    m = _MATTER_ARISING.match(para)
    if not m or not _STILL_TO_DO.search(m.group("what")) or _NOT_A_TASK.search(m.group("what")):
        return None
    what = m.group("what").strip()
    if re.search(r"\b(?:confirmed|advised|reported|noted|explained|said|stated|informed)\b", what):
        return None  # someone's report of it, weighed as prose ("confirmed that ... would be presented at item 6")
    agent = _BY_AGENT.search(what)
    return what, (agent.group("who") if agent else explicit_owner(what)), "matters arising: … would"


# "The Committee requested a briefing note on enforcement powers": a request for a paper, nobody named.
_REQUESTED_PAPER = re.compile(
    r"\b(?:requested|asked\s+for)\s+(?P<what>(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:briefing(?:\s+note)?|report|update|note|paper|presentation|breakdown|"
    r"site\s+visit|workshop|seminar)\b[^.;]{0,200})",
    re.I,
)
# Who asked, just before the verb: the body or its members, not a member of the public or an officer.
_REQUESTER = re.compile(r"\b(?:committee|panel|board|commission|members|chair(?:man)?)\s+(?:also\s+)?$", re.I)


# "During the ensuing discussion – / • agreed to invite the Cabinet Lead Members to future meetings": a point of
# the discussion, bulleted, whose subject is the committee itself.
_BULLET_AGREED = re.compile(
    rf"^[•·▪●◦]\s*(?:members\s+)?(?:also\s+)?agreed\s+to\s+(?P<what>(?:{ACTION_INFINITIVES})\b[^.;]{{5,300}})", re.I
)


def _prose_actions(paragraphs: list[str]) -> list[tuple[str, str | None, str]]:
    out = []
    for para in paragraphs:
        arising = _matter_arising(para)
        if arising:
            out.append(arising)
            continue
        bullet = _BULLET_AGREED.match(para)
        if bullet:
            what = bullet.group("what").strip()
            out.append((what[:1].upper() + what[1:], None, "• agreed to …"))
            continue
        for m in _REQUESTED_PAPER.finditer(para):
            if _REQUESTER.search(para, max(0, m.start() - 30), m.start()):
                out.append((m.group("what").strip(), None, "requested a …"))
        found = []
        for pattern, needs_follow_up in _PROSE_ACTIONS:
            for m in pattern.finditer(para):
                # "noted that it would discuss X, and that an updated programme would be circulated": two things.
                for what in _PROSE_PARTS.split(m.group("what").strip()):
                    what, speaker = _speaker_for_pronoun(what, para[: m.start()])
                    later = _WOULD_COME_BACK.search(what) and FOLLOW_UP.search(what)
                    # "the Chair confirmed that he would pursue ...": the speaker's own promise, a task
                    said_would = speaker and _SPEAKER_WOULD.match(what[len(speaker) :])
                    follow_up = needs_follow_up and not said_would
                    if AGENDA_MOVES.search(what) or (_NOT_A_TASK.search(_head_of(what)) and not later):
                        continue
                    if re.match(
                        r"^(?:nothing|no\s+(?:new\s+|further\s+|more\s+)?[a-z]+\s+(?:be|would|should))\b", what, re.I
                    ):
                        # "proposed that nothing new be added until ...": a thing not to do is nobody's task
                        continue
                    if later or (not follow_up and (said_would or _prose_task(what) or _named_for(what))):
                        verb = " ".join(m.group(0)[: m.start("what") - m.start()].split()[:2]).lower()
                        include = _REPORTS_TO_INCLUDE.match(what)
                        reason = _action_reason(what) or (include.group(0).split()[-1] if include else None)
                        cue = f"{verb} … {later.group(0)}" if later else f"{verb} … {reason}"
                        found.append((m.start(), what, speaker or explicit_owner(what) or _named_for(what), cue))
        out += [(what, owner, cue) for _, what, owner, cue in sorted(found)]  # in the order the minutes give them
    return out


# "The Head of Transformation submitted a report", "Report of the Strategic Director of Place", "Report author: X"
_PRESENTER = re.compile(
    r"^(?:[Tt]he\s+)?(?:report\s+of\s+the\s+|report\s+author\s*:\s*)(?P<who>[A-Z][\w' -]{2,80}?)\.?$"
    # "(Reference: Report by Executive Director with responsibility for Legal Services dated 3 May 2021)"
    r"|^\(?(?:reference|ref\.?)\s*:\s*(?:the\s+)?report\s+(?:by|of)\s+(?:the\s+)?"
    r"(?P<by>[A-Z][\w' ,&-]{2,100}?)(?:\s+dated\b.*|\s+submitted\b.*|\)?\.?)$"
    r"|^[Tt]he\s+(?P<post>[A-Z][\w'-]+(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'-]+){0,6})\s+"
    r"(?:submitted|presented|introduced)\s+(?:a|the|his|her|their)\s+report\b",
    re.I,
)
REPORT_BACK = re.compile(
    r"\b(?:reports?|update|brought|bring|back|circulated|programme|papers?|submitted|presented)\b", re.I
)


def _presenter(lines: list[str]) -> str | None:
    for line in lines:
        m = _PRESENTER.match(line)
        if m:
            who = (m.group("who") or m.group("post") or m.group("by")).strip()
            # An officer's report: a councillor presenting one does not write the next.
            officer = not re.search(r"\b(?:cabinet|member|councillor|leader|mayor|chair\w*)\b", who, re.I)
            return who if officer and (post_like(who) or person_like(who) or owner_ok(who)) else None
    return None
