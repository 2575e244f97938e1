from django.db import migrations


class Migration(migrations.Migration):
    """Names that say what they hold: these are records, not times, and a resolution, not a user."""

    dependencies = [
        ("meetings", "0003_protect_sources_and_private_work"),
        ("actions", "0003_protect_sources_and_private_work"),
    ]

    operations = [
        migrations.RenameField("standingitem", "created_by", "source_resolution"),
        migrations.RenameField("meeting", "minutes_approved_at", "approved_at_meeting"),
        migrations.RenameField("historicalmeeting", "minutes_approved_at", "approved_at_meeting"),
        migrations.RenameField("workprogrammeitem", "taken_at", "taken_at_item"),
        migrations.RemoveField("agendaitem", "outcome_summary"),
        migrations.RemoveField("historicalagendaitem", "outcome_summary"),
    ]
