from django.core.management.base import BaseCommand

from search.signals import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from scratch (after bulk loads such as load_demo --scale)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} entries."))
