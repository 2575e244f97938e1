"""python manage.py import_minutes FILE [--committee SLUG] [--dry-run] [--json]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actions.importer import MinutesImportError
from actions.importer.apply import AlreadyImported, create_meeting_from_proposal, fingerprint, match_committee
from actions.importer.sandbox import read_and_parse
from meetings.models import Committee


class Command(BaseCommand):
    help = (
        "Import a committee's minutes (.txt, .docx or .pdf) as a draft meeting. With --dry-run nothing is "
        "written; --json prints what was read (the JSON of shared/minutes/SCHEMA.md) on standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The minutes file: .txt, .docx or text-based .pdf")
        parser.add_argument(
            "--committee", metavar="SLUG", help="The committee's slug, if the minutes' heading does not match"
        )
        parser.add_argument("--dry-run", action="store_true", help="Read and check the minutes but write nothing")
        parser.add_argument("--json", action="store_true", help="Print the proposal as JSON on standard output")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            # In a sandbox with memory and time limits, as the web upload is (importer/sandbox.py).
            text, proposal = read_and_parse(path.name, path.read_bytes())
        except OSError as exc:
            raise CommandError(f"Could not open {path}: {exc.strerror or exc}") from exc
        except MinutesImportError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(_dumps(proposal))
        self._summarise(proposal)
        if options["dry_run"]:
            self.stderr.write("Dry run: nothing was written.")
            return
        self._create(proposal, self._committee(options["committee"], proposal.get("committee")), fingerprint(text))

    def _create(self, proposal, committee, text_fingerprint):
        if not proposal.get("date"):
            raise CommandError("The minutes do not give the meeting's date; import them through the review screen.")
        try:
            meeting = create_meeting_from_proposal(proposal, committee, text_fingerprint=text_fingerprint)
        except AlreadyImported as exc:
            # A warning, not a failure: re-running an import over a folder must not stop at files done before.
            self.stderr.write(self.style.WARNING(f"{exc} ({exc.meeting.get_absolute_url()})"))
            return
        except MinutesImportError as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write(
            self.style.SUCCESS(
                f"Created {meeting} as a minutes draft (meeting {meeting.pk}, {meeting.get_absolute_url()})."
            )
        )

    def _committee(self, slug, name):
        # Committees are set up by hand (short name, members), so a typo in the minutes must not make a new one.
        if slug:
            found = Committee.objects.filter(slug=slug).first()
            if found:
                return found
            raise CommandError(f"There is no committee with the slug {slug!r}. {_slugs()}")
        found = match_committee(name)
        if found:
            return found
        shown = f"{name!r}" if name else "no committee name"
        raise CommandError(
            f"The minutes give {shown}, which matches no single committee. Use --committee SLUG. {_slugs()}"
        )

    def _summarise(self, proposal):
        items = proposal.get("items") or []
        count = sum(len(item.get("actions") or []) for item in items)
        self.stderr.write(
            f"Read {proposal.get('committee') or 'an unnamed committee'}, {proposal.get('date') or 'no date'}: "
            f"{len(proposal.get('attendance') or [])} attendees, {len(items)} items, {count} actions."
        )


def _dumps(proposal):
    return json.dumps(proposal, indent=2, ensure_ascii=False)


def _slugs():
    slugs = ", ".join(Committee.objects.order_by("slug").values_list("slug", flat=True)) or "none yet"
    return f"Committees: {slugs}."
