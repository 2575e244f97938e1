"""Parse the text of a scrutiny committee's minutes into the JSON shape of docs/import-json.md.

The parser is a row of stages, each a function of one ``Document`` (document.py) that reads what
the stages before it found and adds its own part:

    normalise      normalise.py     clean lines from a PDF, Word file or web page
    detect_layout  layout.py        which house style the minutes look like
    read_header    header.py        committee, date, start and end times
    read_attendance attendance.py   who was present, in attendance, gave apologies; declarations
    split_items    items.py         the agenda items and their lines
    read_decisions decisions.py     resolutions, actions and standing items of each item
    resolve_owners owners.py        each action's owner as the attendee or post it means
    file_logged_actions decisions.py an action log's rows filed under their minutes, once each
    set_due        due.py           each action's due date or phrase
    rate_confidence confidence.py   why each action was proposed (its cue), and whether to check it

The words the stages look for are tables: vocabulary.py (posts, names, verbs, months) and
patterns.py (the line and sentence patterns), with the honorifics shared with the people register
in core/vocabulary.py. The parser is heuristic, and every pattern is written to run in linear time
on long documents: no nested unbounded quantifiers over the same characters.
"""

from __future__ import annotations

from ..errors import MinutesImportError
from .attendance import read_attendance
from .confidence import rate_confidence
from .decisions import file_logged_actions, read_decisions
from .document import Document
from .due import set_due
from .header import read_header
from .items import split_items
from .layout import detect_layout
from .normalise import normalise
from .owners import resolve_owners

__all__ = ["STAGES", "Document", "MinutesImportError", "parse_minutes", "run_stages"]

STAGES = [
    normalise,
    detect_layout,
    read_header,
    read_attendance,
    split_items,
    read_decisions,
    resolve_owners,
    file_logged_actions,
    set_due,
    rate_confidence,
]


def run_stages(text: str, known_people: list[str] | None = None, stages=STAGES) -> Document:
    """The Document after the given stages: handy for looking at what one stage made of a text."""
    doc = Document(text=text, known_people=list(known_people or []))
    for stage in stages:
        stage(doc)
    return doc


def parse_minutes(text: str, known_people: list[str] | None = None) -> dict:
    """Parse minutes text into the SCHEMA.md shape. Raises only MinutesImportError."""
    if not isinstance(text, str):
        raise MinutesImportError("The minutes could not be read as text.")
    people = [p for p in (known_people or []) if isinstance(p, str) and p.strip()]
    try:
        return run_stages(text, people).as_json()
    except MinutesImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - the contract is that callers only ever see MinutesImportError
        raise MinutesImportError(
            "Something in these minutes confused the importer, so nothing was imported. "
            "Please check the file is a set of committee minutes, or enter the actions by hand."
        ) from exc
