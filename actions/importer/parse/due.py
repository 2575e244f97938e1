"""Stage 9, set_due: a date (YYYY-MM-DD) where the minutes give one, else their words ("next meeting")."""

from __future__ import annotations

import re

from .document import Document
from .text import any_date
from .vocabulary import MONTH_RE

# "the minutes of the meeting of 16 July 2019", "the meeting held on ...": a meeting gone by, not a due date
# ("to Cabinet at its meeting on 16 January" is one).
_PAST_MEETING_DATE = re.compile(
    r"\b(?:minutes\s+of\s+(?:the\s+)?meetings?|meetings?\s+held)\s+(?:held\s+)?(?:of|on)\s+(?:the\s+)?"
    r"[^.;,]{4,30}?\b\d{4}\b",
    re.I,
)


def due_of(text: str) -> str | None:
    if "meeting" in text:
        # ("the next Scrutiny Meeting, held on 12 October 2023" is still to come.)
        text = _PAST_MEETING_DATE.sub(lambda m: m.group(0) if "next" in text[: m.start()][-60:] else " ", text)
    low = text.lower()
    m = re.search(
        r"\b(?:by|before|no\s+later\s+than|on\s+or\s+before|until|for|on|at)\s+(?:the\s+)?(.{6,40})", text, re.I
    )
    for candidate in [m.group(1)] if m else []:
        found = any_date(candidate)
        if found:
            return found.isoformat()
    found = any_date(text)
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
        rf"\b(?:by|in|during|before)\s+(?:the\s+)?(?:end\s+of\s+)?(?:{MONTH_RE}|spring|summer|autumn|"
        r"winter)(?:\s+\d{4})?\b",
        text,
        re.I,
    )
    if m:
        return m.group(0)
    m = re.search(r"\b(?:within|in)\s+(?:\w+\s+){1,2}?(?:days?|weeks?|months?|years?)(?:'?\s+time)?\b", text, re.I)
    if m and not re.match(r"^in\s+(?:the|recent|previous|past|last|many|some)\b", m.group(0), re.I):
        return m.group(0)
    # "for the meeting on 18 March": a day without a year, as the minutes give it
    m = re.search(rf"\b(?:on|by|before)\s+(?:the\s+)?(\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_RE})\b", text, re.I)
    if m:
        return m.group(1)
    # "brought to the June meeting"
    m = re.search(rf"\b{MONTH_RE}(?:\s+\d{{4}})?\s+meeting\b", text, re.I)
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


def set_due(doc: Document) -> None:
    """Stage: each action's due date or phrase, read from the decision or sentence it came from."""
    for item in doc.parsed_items:
        for action in item["actions"]:
            source = action.pop("_due_text", None)
            if source is not None:  # (an action table's row brings its own date)
                action["due"] = due_of(source)
