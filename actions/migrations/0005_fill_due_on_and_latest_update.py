"""Fill the stored due day and latest-update pointer for the actions already there.

A migration of its own: in the same transaction as 0004, PostgreSQL refuses to build 0004's deferred
indexes on a table with pending foreign-key checks from these updates.
"""

import zoneinfo

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import TruncDate


def fill(apps, schema_editor):
    """Compute the stored due day and latest-update pointer for the actions already there (one UPDATE each)."""
    Action = apps.get_model("actions", "Action")
    ActionUpdate = apps.get_model("actions", "ActionUpdate")
    Meeting = apps.get_model("meetings", "Meeting")
    uk = zoneinfo.ZoneInfo("Europe/London")
    Action.objects.filter(due_date__isnull=False).update(due_on=models.F("due_date"))
    meeting_day = Meeting.objects.filter(pk=OuterRef("due_meeting_id")).values(day=TruncDate("starts_at", tzinfo=uk))
    Action.objects.filter(due_date__isnull=True, due_meeting__isnull=False).update(due_on=Subquery(meeting_day[:1]))
    latest = ActionUpdate.objects.filter(action=OuterRef("pk")).exclude(text="").order_by("-at", "-pk")
    Action.objects.update(latest_update=Subquery(latest.values("pk")[:1]))


class Migration(migrations.Migration):
    dependencies = [("actions", "0004_due_on_and_latest_update")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
