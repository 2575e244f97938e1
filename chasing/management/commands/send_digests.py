"""Send the councillors' weekly digests (opt-in: chasing.models.DigestSubscription). Run weekly, or daily:
a digest goes at most once in seven days."""

from django.core.management.base import BaseCommand

from chasing.models import DigestSubscription
from core import clock
from core.dates import prose_date


class Command(BaseCommand):
    help = "Email the weekly digest of overdue actions to councillors who asked for it."

    def handle(self, *args, **options):
        today = clock.today()
        subscriptions = DigestSubscription.objects.filter(weekly=True).select_related("user__person")
        sent = sum(1 for subscription in subscriptions if subscription.send(today))
        self.stdout.write(f"Sent {sent} digest(s) ({prose_date(today)}).")
