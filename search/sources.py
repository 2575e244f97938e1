"""What the search finds, kind by kind: a registry that other apps add to.

A Source names one model's kind and label, turns an object into the fields of its SearchEntry
(or None: nothing to find), says which objects a full rebuild reads, and which visibility rule its
entries follow:

- "item": the entry's agenda item may be read (meetings.models.item_q: published and not exempt,
  or need to know);
- "action": the entry's action may be seen (actions.models.action_q, the rule of the action pages).

Registering connects the save/delete signals that keep the entries current (search/signals.py).
A kind from an app below search in the layers is registered from SearchConfig.ready(), as recommendations
are (search/recommendations.py):

    register(Source("recommendation", "Recommendations", Recommendation, build=..., rebuild=..., rule="item"))

with build() returning committee_id, item_id (the item it was made at), date, title, body and url.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q

from actions.models import Action, ActionUpdate, action_q
from core import clock
from meetings.models import AgendaItem, Resolution, item_q


@dataclass(frozen=True)
class Rule:
    """A page's visibility rule, applied to entries through the link they keep (SearchEntry.item or .action)."""

    model: type
    link: str  # the SearchEntry field that points at a `model`
    q: Callable  # (user, prefix) -> Q over `model`, the pages' own rule
    item_path: str  # from the linked object to the agenda item (and so meeting) whose state the rule reads

    def entries_q(self, user):
        return self.q(user, prefix=f"{self.link}__")

    def path_to(self, name):
        """The lookup from an entry to its rule's "item" or "meeting"."""
        return "__".join(part for part in (self.link, self.item_path, "meeting" if name == "meeting" else "") if part)

    def public_for(self, pk):
        """Whether the public may read the object with this pk, as an expression an INSERT or UPDATE can write."""
        return Exists(self.model.objects.filter(self.q(AnonymousUser()), pk=pk))

    def public_now(self):
        """The same, for each entry an UPDATE touches (correlated on the entry's link)."""
        return self.public_for(OuterRef(f"{self.link}_id"))


RULES = {
    "item": Rule(AgendaItem, "item", item_q, ""),
    "action": Rule(Action, "action", action_q, "source_item"),
}


@dataclass(frozen=True)
class Source:
    kind: str
    label: str
    model: type
    build: Callable  # object -> dict of SearchEntry fields, or None when there is nothing to find
    rebuild: Callable  # () -> the queryset a full rebuild reads (with what build() follows)
    rule: str  # a key of RULES
    dated_by_meeting: bool = True  # its date is the meeting's, so moves with it (an update's is its own day)
    # The fields build() reads from the object itself: a save with update_fields naming none of them (a verb
    # that changes a RAG or a status) leaves the entry as it was. Empty: every save rewrites the entry.
    reads: frozenset = frozenset()


SOURCES: dict[str, Source] = {}


def register(source):
    from .signals import connect

    if source.rule not in RULES:
        raise ValueError(f"Unknown visibility rule {source.rule!r}: use one of {sorted(RULES)}")
    SOURCES[source.kind] = source
    connect(source.model)


def sources_for(model):
    return [source for source in SOURCES.values() if source.model is model]


def kind_choices():
    return [(source.kind, source.label) for source in SOURCES.values()]


def kinds_by_rule():
    """{Rule: [kind, ...]} for the registered sources."""
    found = {}
    for source in SOURCES.values():
        found.setdefault(RULES[source.rule], []).append(source.kind)
    return found


def visible_q(user):
    """Q over SearchEntry: the registered kinds, each under its rule for this user (the pages' own rules)."""
    visible = Q(pk__in=[])
    for rule, kinds in kinds_by_rule().items():
        visible |= Q(kind__in=kinds) & rule.entries_q(user)
    return visible


# --- the built-in kinds -----------------------------------------------------------------------------


def _item_fields(item):
    """An agenda item's title and minutes: what its section of the published minutes shows."""
    meeting = item.meeting
    return {
        "committee_id": meeting.committee_id,
        "item_id": item.pk,
        "date": meeting.date,
        "title": str(item)[:400],
        "body": item.minutes_text,
        "url": f"{meeting.get_absolute_url()}#item-{item.pk}",
    }


def _resolution_fields(resolution):
    item = resolution.item
    meeting = item.meeting
    return {
        "committee_id": meeting.committee_id,
        "item_id": item.pk,
        "date": meeting.date,
        "title": f"Resolved at item {item}"[:400],
        "body": resolution.text,
        "url": f"{meeting.get_absolute_url()}#resolution-{resolution.pk}",
    }


# What _action_fields reads from the action (its source item's meeting date comes through source_item).
ACTION_READS = ("reference", "text", "committee", "created_at", "source_item")


def _action_fields(action):
    agreed = action.source_item.meeting.date if action.source_item_id else clock.local_date(action.created_at)
    return {
        "committee_id": action.committee_id,
        "action_id": action.pk,
        "date": agreed,
        "title": f"Action {action.reference}",
        "body": action.text,
        "url": action.get_absolute_url(),
    }


def _update_fields(update):
    if not update.text.strip():
        return None
    action = update.action
    return {
        "committee_id": action.committee_id,
        "action_id": action.pk,
        "date": clock.local_date(update.at),
        "title": f"{update.get_kind_display()} on action {action.reference}",
        "body": update.text,
        "url": f"{action.get_absolute_url()}#update-{update.pk}",
    }


def register_built_in_sources():
    register(
        Source(
            "minutes",
            "Minutes and agenda items",
            AgendaItem,
            build=_item_fields,
            rebuild=lambda: AgendaItem.objects.select_related("meeting"),
            rule="item",
        )
    )
    register(
        Source(
            "resolution",
            "Resolutions",
            Resolution,
            build=_resolution_fields,
            rebuild=lambda: Resolution.objects.select_related("item__meeting"),
            rule="item",
        )
    )
    register(
        Source(
            "action",
            "Actions",
            Action,
            build=_action_fields,
            rebuild=lambda: Action.objects.select_related("source_item__meeting").only(
                *ACTION_READS, "source_item__meeting__starts_at"
            ),
            rule="action",
            reads=frozenset(ACTION_READS),
        )
    )
    register(
        Source(
            "update",
            "Action updates",
            ActionUpdate,
            build=_update_fields,
            dated_by_meeting=False,
            rebuild=lambda: (
                ActionUpdate.objects.with_words()
                .select_related("action")
                .only("at", "kind", "text", "action__reference", "action__committee_id")
            ),
            rule="action",
        )
    )


register_built_in_sources()
