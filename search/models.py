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
from datetime import timedelta

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connections, models
from django.db.models import F, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core import clock, roles

# The most matches ranked and counted: the newest ones; the page says when there were more.
MOST_RANKED = 1000
# How far back a search looks for the newest matches before it reads them all: a year, then once more the span the
# year's share suggests, if no longer than this (in years).
WINDOW_MOST_YEARS = 5
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

    def matching(self, text, by_index=True):
        """PostgreSQL: web-search syntax ("quoted phrase", or, -not) over the stored vectors.
        Elsewhere (SQLite under `make run`): every word somewhere in the title or the text.

        by_index=False keeps PostgreSQL off the GIN index, for entries already narrowed by an index of their own
        (one committee's): the planner thinks a word in half of everything is cheap to look up there, and
        spent 40-70 ms collecting it where reading the committee's few thousand entries newest first took 5-20."""
        if self._full_text():
            vector = F("search") if by_index else Coalesce("search", Cast(Value(""), SearchVectorField()))
            return self.alias(vector=vector).filter(vector=self._search_query(text))
        found = self
        for word in plain_words(text) or [text]:
            found = found.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return found

    def newest_visible(self, user, most=None):
        """The ids of the newest `most` of these entries that the user may read, newest first."""
        return [pk for _day, pk, _rank in self._newest_visible_rows(user, most)]

    def best_visible(self, user, text, until=None):
        """What a search shows: the ids of the newest MOST_RANKED matches of `text` the user may read (every match
        on SQLite), best first: by ts_rank of title and words on PostgreSQL, then newest."""
        rows = self._newest_visible_rows(user, None, rank_by=text, until=until)
        return [pk for _day, pk, _rank in sorted(rows, key=lambda row: (row[2] or 0, row[0], row[1]), reverse=True)]

    def _newest_visible_rows(self, user, most, rank_by=None, until=None):
        """(date, pk, rank) of the newest `most` of these entries the user may read (search/sources.py: the
        pages' own rules), newest first: what a search ranks and counts, so a word in half the minutes of a
        decade costs the same as a rare one. rank is ts_rank against `rank_by` on PostgreSQL, else None, read
        with the rows: ranking them afterwards read every one of their vectors a second time.

        Entries the public may read (`public`) need no further check. The others (drafts, exempt items: a few
        in a hundred) are checked by the user's rule on the items and actions they point at, and only those
        as new as the oldest public one kept: anything older could not make the newest `most`.
        `most` is MOST_RANKED on PostgreSQL; SQLite (`make run`) keeps every match."""
        if most is None and self._full_text():
            most = MOST_RANKED
        rank = Value(None, output_field=models.FloatField())
        if rank_by is not None and self._full_text():
            rank = SearchRank(F("search"), self._search_query(rank_by))
        rows = self.annotate(found_rank=rank).order_by("-date", "-pk")
        found = _newest(rows.filter(public=True).values_list("date", "pk", "found_rank"), most, until)
        if not user.is_authenticated:
            return found  # the public's rule: the flag is the whole answer
        others = rows.filter(public=False)
        if len(found) == most:
            others = others.filter(date__gte=found[-1][0])
        checks = RuleChecks.for_user(user, self.db)
        columns = ("date", "pk", "found_rank", "kind", "item_id", "action_id")
        # Someone whose rules hide nothing (a clerk) reads every candidate: the newest `most` are all that can count.
        candidates = list(others.values_list(*columns)[: most if checks.hides_nothing else MOST_CHECKED])
        found += [tuple(row[:3]) for row in _readable(checks, candidates)]
        return sorted(found, key=lambda row: row[:2], reverse=True)[:most]

    def capped(self, count):
        """Whether a result count stopped at MOST_RANKED (PostgreSQL ranks only the newest matches)."""
        return self._full_text() and count >= MOST_RANKED

    def shown(self, ids, text):
        """[(entry, snippet)] for these ids (a page of results, already filtered by visibility), in their order:
        each entry with its committee, and a few lines of its text round the words found as safe HTML, those
        words marked (None where it has no text). One query."""
        full_text = self._full_text()
        # What a result shows; the text only where Python draws the snippet (SQLite).
        shown = ("kind", "title", "url", "date", "committee__name", *(() if full_text else ("body",)))
        entries = self.filter(pk__in=ids).select_related("committee").only(*shown)
        if full_text:
            options = {"start_sel": START, "stop_sel": STOP, "max_words": 35, "min_words": 15, "max_fragments": 2}
            headline = SearchHeadline("body", self._search_query(text), config="english", **options)
            entries = entries.annotate(snippet=headline)
        by_pk = {entry.pk: entry for entry in entries}
        shown = []
        for entry in (by_pk[pk] for pk in ids if pk in by_pk):
            if full_text:
                snippet = marked(entry.snippet) if entry.snippet else None
            else:
                snippet = _plain_snippet(entry.body, plain_words(text)) if entry.body else None
            shown.append((entry, snippet))
        return shown


def among(ids, using):
    """`ids` for a pk__in: on PostgreSQL one array parameter, as sending a thousand placeholders cost more than
    running the query."""
    if connections[using].vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))
    return list(ids)


def _newest(rows, most, until=None):
    """The first `most` of these rows, newest first. A word in ten thousand entries of a decade has its newest
    thousand in the last year or so: looked for there first, the (search, date) index of migration 0004 reads
    those alone, where the whole decade's matches were read and sorted (50 ms for a word of middling use). If
    the year holds some but too few, the span they suggest is tried once; then everything. `until`: the newest
    date the rows can have (a search's "to" date), else today."""
    if most is None or connections[rows.db].vendor != "postgresql":
        return list(rows[:most])
    until = until or clock.today()

    def since(years):
        return list(rows.filter(date__gte=until - timedelta(days=round(365.25 * years)))[:most])

    found = since(1)
    if len(found) == most:  # anything older is older than all of these
        return found
    # None in the year: a rare word, whose few matches are cheap to read wherever they are.
    suggested = most / len(found) * 1.5 if found else None
    if suggested and suggested <= WINDOW_MOST_YEARS:
        found = since(suggested)
        if len(found) == most:
            return found
    return list(rows[:most])


class RuleChecks:
    """One visitor's visibility rules as questions "which of these ids may they read?", one per rule.

    A councillor's rules are a dozen nested querysets: building and compiling them cost a search about 20 ms,
    several times what running them costs. They name only the user and the day, and read memberships and stakes
    when they run, so on PostgreSQL each is compiled once with the ids as its one array parameter and kept
    (for_user) until the day, the user's roles or the database change."""

    _kept = {}

    def __init__(self, user, using):
        from .sources import RULES

        self.using = using
        self.allowed = {rule: rule.q(user) for rule in RULES.values()}
        self.compiled = {}
        if connections[using].vendor == "postgresql":
            for rule, allowed in self.allowed.items():
                marker = []  # found again by identity among the compiled parameters
                if allowed:
                    found = self._named(rule, RawSQL("SELECT unnest(%s::bigint[])", (marker,)))
                    sql, params = found.query.sql_with_params()
                    self.compiled[rule] = (sql, params, next(i for i, p in enumerate(params) if p is marker))

    @classmethod
    def for_user(cls, user, using):
        key = (using, user.pk, user.is_superuser, roles.group_names(user), clock.today())
        if key not in cls._kept:
            if len(cls._kept) >= 1000:
                cls._kept.clear()
            cls._kept[key] = cls(user, using)
        return cls._kept[key]

    @property
    def hides_nothing(self):
        return not any(self.allowed.values())

    def _named(self, rule, ids):
        return rule.model.objects.using(self.using).filter(self.allowed[rule], pk__in=ids).order_by().values_list("pk")

    def readable(self, rule, ids):
        """The ids among these that the user may read by this rule."""
        if not self.allowed[rule]:
            return set(ids)  # an empty Q hides nothing from this user (a clerk): nothing to ask
        if rule not in self.compiled:
            return {pk for (pk,) in self._named(rule, list(ids))}
        sql, params, at = self.compiled[rule]
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, [*params[:at], list(ids), *params[at + 1 :]])
            return {pk for (pk,) in cursor.fetchall()}


def _readable(checks, candidates):
    """The candidate rows (date, pk, rank, kind, item_id, action_id) whose item or action the user may read, by the
    rule of each entry's kind (RuleChecks): one query per rule, over the items or actions named."""
    from .sources import RULES, SOURCES

    rule_of = {source.kind: RULES[source.rule] for source in SOURCES.values()}

    def link(row):
        return row[4] if rule_of[row[3]].link == "item" else row[5]

    named = {}
    for row in candidates:
        named.setdefault(rule_of[row[3]], set()).add(link(row))
    readable = {(rule, pk) for rule, ids in named.items() for pk in checks.readable(rule, ids)}
    return [row for row in candidates if (rule_of[row[3]], link(row)) in readable]


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
