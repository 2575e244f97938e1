"""The document the parser's stages pass along, and the small records they fill in.

Each stage (see ``STAGES`` in ``__init__.py``) reads what the stages before it left on the
``Document`` and adds its own part, so a newcomer can run the pipeline up to any stage and look.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    cue: str = "RESOLVED"  # the words that started its decision block, as the minutes print them


@dataclass
class Item:
    number: str | None
    title: str | None
    lines: list[str] = field(default_factory=list)


# Marks a row of an "Action | Responsible | Deadline" table: TABLE_ROW + action + CELL + owner + CELL + due.
TABLE_ROW, CELL = "\x04", "\x1f"
# Marks a line as an item heading that an earlier stage recognised (a web table row's title): HEADING + title.
HEADING = "\x06"
# Marks a line that normalise took out but the layout stage wants to know about: MARK + what it was
# ("papers" for "Additional documents:", "item_page" for "Agenda item", "paper:" + title for a paper's title).
MARK = "\x07"


@dataclass
class Document:
    """One set of minutes on its way through the stages; ``as_json`` is the SCHEMA.md shape."""

    text: str
    known_people: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # normalised lines, blank lines kept as ""
    layout: set[str] = field(default_factory=set)  # what detect_layout saw, e.g. {"moderngov_table"}
    committee: str | None = None
    date: str | None = None
    date_line: int | None = None  # where the heading's date was, for the times beside it
    date_end: int = 0
    start_time: str | None = None
    end_time: str | None = None
    attendance: list[Person] = field(default_factory=list)
    attendance_lines: set[int] = field(default_factory=set)  # lines the attendance lists took
    paragraphs: list[str] = field(default_factory=list)  # the body (without attendance) as paragraphs
    declarations: list[dict] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    parsed_items: list[dict] = field(default_factory=list)

    @property
    def people(self) -> list[str]:
        """Names an owner may be matched to: the attendance, then the people register."""
        return [p.name for p in self.attendance] + self.known_people

    def as_json(self) -> dict:
        return {
            "committee": self.committee,
            "date": self.date,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "attendance": [p.as_dict() for p in self.attendance],
            "declarations": self.declarations,
            "items": self.parsed_items,
        }
