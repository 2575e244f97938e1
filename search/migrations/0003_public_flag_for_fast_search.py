"""SearchEntry.public: whether an anonymous visitor may read the entry, kept on the row so that a search need
not join every match to its item and meeting (search/models.py). Existing entries are filled here from the
rule as it stands today (meetings.models.item_q for the public: a published meeting's non-exempt item); from
then on search/signals.py writes it from the live rule. The entries the public may not read get an index of
their own, newest first, as SearchEntryQuerySet.newest_visible() reads them.
"""

from django.db import migrations, models
from django.db.models import Exists, OuterRef

def fill(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Action = apps.get_model("actions", "Action")
    readable = {"meeting__status": "published", "exempt": False}
    items = AgendaItem.objects.filter(pk=OuterRef("item_id"), **readable)
    actions = Action.objects.filter(pk=OuterRef("action_id"), **{f"source_item__{k}": v for k, v in readable.items()})
    SearchEntry.objects.filter(item__isnull=False).update(public=Exists(items))
    SearchEntry.objects.filter(action__isnull=False).update(public=Exists(actions))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_search_gin_index"),
        ("meetings", "0005_issue11a_votes"),
        ("actions", "0009_timeline_kinds_of_issues_11_12_13"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="public",
            field=models.BooleanField(
                default=False,
                help_text="Whether an anonymous visitor may read it: its source's rule, kept by search/signals.py",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                condition=models.Q(("public", False)),
                fields=["-date", "-id"],
                name="search_entry_private_by_date",
            ),
        ),
    ]
