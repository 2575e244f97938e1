"""The search index: one row per thing a person can find (an item's minutes, a resolution, an action, an update).

Rows hold the words and where to go. Each row points at the agenda item or action it is about, and a search
applies the pages' own rules (meetings.models.item_q, actions.models.action_q) through those links.
One answer of those rules is kept on the row, because reading it through the links for every match was the
cost of a search at scale: `public`, whether an anonymous visitor may read it, written by the same rule
whenever the entry, its item or its meeting is saved (search/signals.py). Matches the public may read are
shown to everyone; every other match is checked against the visitor's rule through the links, as before.
See search/sources.py for what is indexed and how to add a kind.
"""

import re

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connections, models
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

# The most matches ranked and counted: the newest ones; the page says when there were more.
MOST_RANKED = 1000
# The most matches that the public may not read checked against a visitor's rule in one search.
MOST_CHECKED = 5000

# Markers PostgreSQL puts round the words it matched, swapped for <mark> once the snippet is escaped.
START, STOP = "\ue000", "\ue001"


def plain_words(text):
    """The words of a query, for the SQLite fallback: quotes, OR and a leading minus are not understood there."""
    return [word for word in re.findall(r"\w+", text) if word.lower() != "or"][:10]


def marked(text):
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


class SearchEntryQuerySet(models.QuerySet):
    def _full_text(self):
        return connections[self.db].vendor == "postgresql"

    def _search_query(self, text):
        return SearchQuery(text, search_type="websearch", config="english")

    def matching(self, text):
        """PostgreSQL: web-search syntax ("quoted phrase", or, -not) over the stored vectors.
        Elsewhere (SQLite under `make run`): every word somewhere in the title or the text."""
        if self._full_text():
            return self.filter(search=self._search_query(text))
        found = self
        for word in plain_words(text) or [text]:
            found = found.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return found

    def newest_visible(self, user, most=None):
        """The ids of the newest `most` of these entries that the user may read (search/sources.py: the pages'
        own rules), newest first: what a search ranks and counts, so a word in half the minutes of a decade
        costs the same as a rare one.

        Entries the public may read (`public`) need no further check. The others (drafts, exempt items: a few
        in a hundred) are checked by the user's rule on the items and actions they point at, and only those
        as new as the oldest public one kept: anything older could not make the newest `most`.
        `most` is MOST_RANKED on PostgreSQL; SQLite (`make run`) keeps every match."""
        from .sources import RULES

        if most is None and self._full_text():
            most = MOST_RANKED

        newest = ("-date", "-pk")
        found = list(self.filter(public=True).order_by(*newest).values_list("date", "pk")[:most])
        rules = {rule: rule.q(user) for rule in RULES.values()}
        anonymous = AnonymousUser()
        if all(allowed == rule.q(anonymous) for rule, allowed in rules.items()):
            return [pk for _day, pk in found]  # the public's rule: the flag is the whole answer
        others = self.filter(public=False)
        if len(found) == most:
            others = others.filter(date__gte=found[-1][0])
        columns = ("date", "pk", "kind", "item_id", "action_id")
        candidates = list(others.order_by(*newest).values_list(*columns)[:MOST_CHECKED])
        found += [(day, pk) for day, pk, *_ in _readable(rules, candidates)]
        return [pk for _day, pk in sorted(found, reverse=True)[:most]]

    def ranked(self, ids, text):
        """Those entries, best first on PostgreSQL (ts_rank of title and words), newest first elsewhere."""
        entries = self.filter(pk__in=among(ids, self.db))
        if self._full_text():
            entries = entries.annotate(rank=SearchRank(F("search"), self._search_query(text)))
            return entries.order_by("-rank", "-date", "-pk")
        return entries.order_by("-date", "-pk")

    def capped(self, count):
        """Whether a result count stopped at MOST_RANKED (PostgreSQL ranks only the newest matches)."""
        return self._full_text() and count >= MOST_RANKED

    def snippets(self, entries, text):
        """{entry id: safe HTML}: a few lines of each entry's text round the words found, those words marked.
        Only for the entries given (a page of results already filtered by visibility): one query at most."""
        if not entries:
            return {}
        if self._full_text():
            query = self._search_query(text)
            options = {"start_sel": START, "stop_sel": STOP, "max_words": 35, "min_words": 15, "max_fragments": 2}
            headline = SearchHeadline("body", query, config="english", **options)
            rows = self.filter(pk__in=[e.pk for e in entries]).annotate(snippet=headline).values_list("pk", "snippet")
            return {pk: marked(snippet) for pk, snippet in rows if snippet}
        return {entry.pk: _plain_snippet(entry.body, plain_words(text)) for entry in entries if entry.body}


def among(ids, using):
    """`ids` for a pk__in: on PostgreSQL one array parameter, as sending a thousand placeholders cost more than
    running the query."""
    if connections[using].vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))
    return list(ids)


def _readable(rules, candidates):
    """The candidate rows (date, pk, kind, item_id, action_id) whose item or action the user may read, by the
    rule of each entry's kind ({Rule: the user's Q}): one query per rule, over the items or actions named."""
    from .sources import RULES, SOURCES

    rule_of = {source.kind: RULES[source.rule] for source in SOURCES.values()}

    def link(row):
        return row[3] if rule_of[row[2]].link == "item" else row[4]

    named = {}
    for row in candidates:
        named.setdefault(rule_of[row[2]], set()).add(link(row))
    readable = set()
    for rule, ids in named.items():
        # An empty Q is a rule that hides nothing from this user (a clerk): nothing to ask.
        allowed = rules[rule]
        named_here = rule.model.objects.filter(pk__in=among(ids, rule.model.objects.db))
        found = named_here.filter(allowed).values_list("pk", flat=True) if allowed else ids
        readable |= {(rule, pk) for pk in found}
    return [row for row in candidates if (rule_of[row[2]], link(row)) in readable]


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
    public = models.BooleanField(
        default=False,
        help_text="Whether an anonymous visitor may read it: its source's rule, kept by search/signals.py",
    )
    # PostgreSQL only: title (weight A) and body (B), English stemming; a GIN index (migration 0002) serves @@.
    search = SearchVectorField(null=True, editable=False)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once_per_object")]
        indexes = [
            models.Index(fields=["committee", "date"]),
            models.Index(fields=["date"]),
            # The few entries the public may not read, newest first: what newest_visible() checks by the rule.
            models.Index(fields=["-date", "-id"], condition=Q(public=False), name="search_entry_private_by_date"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.title}"
