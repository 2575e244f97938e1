"""Keeping the index current: every save or delete of an indexed model re-writes its entry.

Bulk writes (bulk_create, queryset.update) send no signals: the scale generator and anything else that
writes in bulk runs `manage.py rebuild_search_index` afterwards (load_demo does). A new meeting's agenda
is bulk-created with it (Meeting.create_with_agenda), so a new meeting's items are indexed once it commits.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connections, transaction
from django.db.models import Case, F, Value, When
from django.db.models.signals import post_delete, post_save

from actions.models import Action
from meetings.models import AgendaItem, Meeting, visibility_changed

from .models import SearchEntry

# Title first (weight A), then the words (B); English stemming, so "reports" finds "report".
VECTOR = SearchVector("title", weight="A", config="english") + SearchVector("body", weight="B", config="english")


def has_vectors(using="default"):
    return connections[using].vendor == "postgresql"


def _vector_of(fields):
    """The entry's vector from the words being written: in an UPDATE, a vector over the columns would read the
    row's old words."""
    title = SearchVector(Value(fields["title"]), weight="A", config="english")
    return title + SearchVector(Value(fields["body"]), weight="B", config="english")


def write_entry(source, obj, created=False):
    """One statement for an edit (an UPDATE, or an INSERT when there was no entry yet), none for a new record
    without words: every write to an action pays for this, so it stays small. Whether the public may read the
    entry is worked out in the same statement, by the source's rule (search/sources.py)."""
    from .sources import RULES

    fields = source.build(obj)
    entries = SearchEntry.objects.filter(kind=source.kind, object_id=obj.pk)
    if fields is None:
        if not created:
            entries.delete()
        return
    rule = RULES[source.rule]
    fields["public"] = rule.public_for(fields[f"{rule.link}_id"])
    if has_vectors():
        fields["search"] = _vector_of(fields)
    if created or not entries.update(**fields):
        SearchEntry.objects.create(kind=source.kind, object_id=obj.pk, **fields)


def index(obj, created=False, update_fields=None):
    from .sources import sources_for

    for source in sources_for(type(obj)):
        if update_fields is not None and source.reads and not source.reads & set(update_fields):
            continue  # the save changed nothing this entry shows
        write_entry(source, obj, created=created)


def refresh_public(**through):
    """Re-read, by each rule, whether the public may read the entries linked to an object whose visibility may
    have changed: one UPDATE per rule. `through` names the object from the linked item or action, e.g.
    meeting=m (an item's meeting; an action's source item's meeting), item=i or item__in=[ids]."""
    from .sources import kinds_by_rule

    for rule, kinds in kinds_by_rule().items():
        lookups = {}
        for lookup, value in through.items():
            name, _, rest = lookup.partition("__")
            lookups["__".join(filter(None, [rule.path_to(name), rest]))] = value
        SearchEntry.objects.filter(kind__in=kinds, **lookups).update(public=rule.public_now())


def _saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if raw:  # loaddata: the fixture's related rows may not be there yet; rebuild afterwards
        return
    index(instance, created=created, update_fields=update_fields)
    if sender is AgendaItem and not created:
        # Its resolutions' entries carry its title; and marking it exempt (or not) changes what the public may
        # read of everything made at it: actions, their updates, recommendations.
        for resolution in instance.resolutions.select_related("item__meeting"):
            index(resolution)
        if update_fields is None or {"exempt", "meeting"} & set(update_fields):
            refresh_public(item=instance)
    if sender is Action and not created and (update_fields is None or "source_item" in update_fields):
        # It may have moved to another item: its updates' entries follow the rule of the item it comes from.
        # (The same saves that rewrite Action.public: actions/visibility.py. Verbs name their columns and skip.)
        from .sources import RULES

        SearchEntry.objects.filter(action=instance).update(public=RULES["action"].public_now())


def _deleted(sender, instance, **kwargs):
    from .sources import sources_for

    kinds = [source.kind for source in sources_for(sender)]
    SearchEntry.objects.filter(kind__in=kinds, object_id=instance.pk).delete()


def connect(model):
    uid = f"search-{model._meta.label_lower}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid)


def _meeting_saved(sender, instance, created, raw=False, **kwargs):
    """A meeting that moves takes its entries' dates with it; a new one's agenda is indexed once it commits."""
    if raw:
        return
    if created:
        transaction.on_commit(lambda: [index(item) for item in instance.items.select_related("meeting")])
        return
    # One UPDATE per rule: the entries dated by the meeting take its date, and every entry made at it learns
    # whether the public may now read it (published, cancelled, back to draft).
    from .sources import SOURCES, kinds_by_rule

    dated = [source.kind for source in SOURCES.values() if source.dated_by_meeting]
    dated_by_meeting = When(kind__in=dated, then=Value(instance.date))
    for rule, kinds in kinds_by_rule().items():
        entries = SearchEntry.objects.filter(kind__in=kinds, **{rule.path_to("meeting"): instance})
        entries.update(date=Case(dated_by_meeting, default=F("date")), public=rule.public_now())


post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="search-meeting-dates")


def _bulk_visibility(sender, pks, **kwargs):
    """A bulk update of meetings' status or items' exemption: what the public may read is read again."""
    refresh_public(**{"meeting__in" if sender is Meeting else "item__in": pks})


visibility_changed.connect(_bulk_visibility, dispatch_uid="search-bulk-visibility")


def rebuild(batch_size=2000):
    """Every entry, from scratch, in one transaction: the way to index what bulk writes left out."""
    from .sources import SOURCES, kinds_by_rule

    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for source in SOURCES.values():
            batch = []
            for obj in source.rebuild().iterator(chunk_size=batch_size):
                fields = source.build(obj)
                if fields is not None:
                    batch.append(SearchEntry(kind=source.kind, object_id=obj.pk, **fields))
                if len(batch) >= batch_size:
                    count += len(SearchEntry.objects.bulk_create(batch))
                    batch = []
            count += len(SearchEntry.objects.bulk_create(batch))
        if has_vectors():
            SearchEntry.objects.update(search=VECTOR)
        for rule, kinds in kinds_by_rule().items():
            SearchEntry.objects.filter(kind__in=kinds).update(public=rule.public_now())
    return count
