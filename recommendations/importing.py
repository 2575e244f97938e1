"""Recommendations the minutes importer proposed and the clerk confirmed become Recommendation rows."""

import re

from .models import Body, Recommendation

NHS = re.compile(r"\b(?:NHS|trust|integrated care|ICB|CCG|health\s+board|foundation)\b", re.I)
EXECUTIVE = re.compile(r"\b(?:cabinet|executive|portfolio|leader|mayor|council)\b", re.I)


def body_named(name):
    """The body of that name, or a new one whose kind (and so response period) is read from its name."""
    name = (name or "Cabinet").strip()[:200]
    existing = Body.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    kind = Body.Kind.NHS if NHS.search(name) else Body.Kind.EXECUTIVE if EXECUTIVE.search(name) else Body.Kind.PARTNER
    return Body.objects.create(name=name, kind=kind)


def make_imported(item, entry, by=None):
    """core.hooks handler: the confirmed recommendations of one imported agenda item, numbered in order."""
    rows = [row for row in entry.get("recommendations") or [] if (row.get("text") or "").strip()]
    for number, row in enumerate(rows, start=1):
        Recommendation.make(
            by=by, source_item=item, number=number, text=row["text"].strip(), body=body_named(row.get("to"))
        )
