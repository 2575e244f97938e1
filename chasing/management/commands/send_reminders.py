"""Send today's reminders on each committee's ladder (chasing.models.ReminderPolicy). Run daily from cron."""

from django.core.management.base import BaseCommand

from chasing.models import can_chase, reminders_due, send_reminder
from core import clock
from core.dates import prose_date


class Command(BaseCommand):
    help = "Email the reminders due today (UK day); each is sent once however often this runs."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be sent; send nothing")

    def handle(self, *args, dry_run=False, **options):
        today = clock.today()
        sent = skipped = 0
        for action, kind, policy in reminders_due(today):
            if not can_chase(action.owner):
                self.stdout.write(f"Cannot chase {action.reference}: its owner has no email address or has left.")
                continue
            if dry_run:
                self.stdout.write(f"Would send {kind} reminder for {action.reference} to {action.owner.email}")
                continue
            if send_reminder(action, kind, policy, today):
                sent += 1
            else:
                skipped += 1
        verb = "Dry run: nothing sent" if dry_run else f"Sent {sent} reminder(s); {skipped} already sent today"
        self.stdout.write(f"{verb} ({prose_date(today)}).")
