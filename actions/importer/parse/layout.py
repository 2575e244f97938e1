"""Stage: say which house style the minutes look like, so later stages can pick their rules.

Each entry of ``LAYOUTS`` names a style and the test that recognises it from the normalised lines.
A style is a hint, not a switch: most rules run on every document, and a document can carry several.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .document import Document


def _count(pattern: str, lines: list[str], flags: int = re.I) -> int:
    pat = re.compile(pattern, flags)
    return sum(1 for ln in lines if pat.search(ln))


# (name, test over the normalised lines). Add a row to teach the parser a new style's name.
LAYOUTS: list[tuple[str, Callable[[list[str]], bool]]] = [
    # A committee website's agenda and minutes page: "Minutes:" under each item's papers.
    ("moderngov", lambda lines: _count(r"^Minutes\s*:", lines, 0) >= 2),
    # A decisions page: "Decision:" blocks, often followed by "Minutes:" repeating them.
    ("decision_page", lambda lines: _count(r"^Decisions?\s*:", lines) >= 1),
]


def detect_layout(doc: Document) -> None:
    doc.layout = {name for name, test in LAYOUTS if test(doc.lines)}
