"""Declarations of interest ("Councillor X declared a personal interest ..."), read with the attendance."""

from __future__ import annotations

import re

from .vocabulary import HONORIFIC

_DECLARATION = re.compile(
    rf"(?P<name>{HONORIFIC}\s+(?:[A-Z]\.?\s+){{0,2}}[A-Z][\w'-]+(?:\s+(?:and|&)\s+[A-Z][\w'-]+)?"
    r"|[A-Z][a-z]+\s+[A-Z][\w'-]+)\s+declared\s+(?:an?\s+|the\s+following\s+)?(?P<text>[^.]{0,300}?interests?"
    r"[^.]{0,300})",
)


def find_declarations(paragraphs: list[str]) -> list[dict]:
    out = []
    for para in paragraphs:
        if "declared" not in para:
            continue  # (a cheap test first: the pattern is slow on long text)
        for m in _DECLARATION.finditer(para):
            text = m.group("text").strip(" ,;")
            item = re.search(r"\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?([\w/.]*\d[\w/]*)", text, re.I)
            out.append(
                {"name": m.group("name").strip(), "item": item.group(1).rstrip(".") if item else None, "text": text}
            )
    return out
