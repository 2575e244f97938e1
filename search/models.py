"""The search index: one row per thing a person can find (an item's minutes, a resolution, an action, an update).

Rows hold the words and where to go; who may see a row is never stored here. Each row points at the
agenda item or action it is about, and a search applies the pages' own rules (meetings.models.item_q,
actions.models.action_q) through those links, so publishing a meeting or marking an item exempt takes
effect at once, with nothing to re-index. See search/sources.py for what is indexed and how to add a kind.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connections, models
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

# The most matches ranked (PostgreSQL): the newest ones; the page says when there were more.
MOST_RANKED = 1000

# Markers PostgreSQL puts round the words it matched, swapped for <mark> once the snippet is escaped.
START, STOP = "\ue000", "\ue001"


def plain_words(text):
    """The words of a query, for the SQLite fallback: quotes, OR and a leading minus are not understood there."""
    return [word for word in re.findall(r"\w+", text) if word.lower() != "or"][:10]


def marked(text):
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


class SearchEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Entries whose source the user may read on its page: see search/sources.py (the pages' own rules)."""
        from .sources import visible_q

        return self.filter(visible_q(user))

    def _full_text(self):
        return connections[self.db].vendor == "postgresql"

    def matching(self, text):
        """PostgreSQL: web-search syntax ("quoted phrase", or, -not) over the stored vectors, best first.
        Elsewhere (SQLite under `make run`): every word somewhere in the title or the text, newest first."""
        if self._full_text():
            # Ranked among the newest MOST_RANKED matches, so a word in half the minutes of a decade costs the
            # same as a rare one: the count and the ranking never read more than that many rows.
            query = SearchQuery(text, search_type="websearch", config="english")
            newest = self.filter(search=query).order_by("-date", "-pk").values("pk")[:MOST_RANKED]
            ranked = SearchEntry.objects.filter(pk__in=newest).annotate(rank=SearchRank(F("search"), query))
            return ranked.order_by("-rank", "-date", "-pk")
        found = self
        for word in plain_words(text) or [text]:
            found = found.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return found.order_by("-date", "-pk")

    def capped(self, count):
        """Whether a result count stopped at MOST_RANKED (PostgreSQL ranks only the newest matches)."""
        return self._full_text() and count >= MOST_RANKED

    def snippets(self, entries, text):
        """{entry id: safe HTML}: a few lines of each entry's text round the words found, those words marked.
        Only for the entries given (a page of results already filtered by visibility): one query at most."""
        if not entries:
            return {}
        if self._full_text():
            query = SearchQuery(text, search_type="websearch", config="english")
            options = {"start_sel": START, "stop_sel": STOP, "max_words": 35, "min_words": 15, "max_fragments": 2}
            headline = SearchHeadline("body", query, config="english", **options)
            rows = self.filter(pk__in=[e.pk for e in entries]).annotate(snippet=headline).values_list("pk", "snippet")
            return {pk: marked(snippet) for pk, snippet in rows if snippet}
        return {entry.pk: _plain_snippet(entry.body, plain_words(text)) for entry in entries if entry.body}


def _plain_snippet(body, words, width=120):
    lowered = body.lower()
    found = [lowered.find(w.lower()) for w in words if lowered.find(w.lower()) >= 0]
    start = max(0, min(found, default=0) - width)
    piece = body[start : start + 2 * width + 40]
    for word in words:
        piece = re.sub(f"({re.escape(word)})", f"{START}\\1{STOP}", piece, flags=re.IGNORECASE)
    return marked(("…" if start else "") + piece + ("…" if start + len(piece) < len(body) else ""))


class SearchEntry(models.Model):
    kind = models.CharField(max_length=30, help_text="A registered source's kind (search/sources.py)")
    object_id = models.PositiveBigIntegerField()
    committee = models.ForeignKey("meetings.Committee", on_delete=models.CASCADE, related_name="+")
    # What the visibility rule reads: the item (minutes, resolutions) or the action (actions, their updates).
    item = models.ForeignKey("meetings.AgendaItem", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey("actions.Action", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(help_text="The meeting's UK day, or the day of the update")
    title = models.CharField(max_length=400)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, help_text="The place in the minutes or the action's page")
    # PostgreSQL only: title (weight A) and body (B), English stemming; a GIN index (migration 0002) serves @@.
    search = SearchVectorField(null=True, editable=False)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once_per_object")]
        indexes = [models.Index(fields=["committee", "date"]), models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.kind}: {self.title}"
