"""`ookbalans snapshot --coalition SLUG`: record today's gap analysis of a coalition."""

from django.core.management.base import BaseCommand

from ookbalans.analysis.management.commands.analyse import coalition_by_slug
from ookbalans.analysis.running import take_snapshot


class Command(BaseCommand):
    help = "Record today's gap analysis of a coalition as a snapshot (replaces one of the same day)."

    def add_arguments(self, parser):
        parser.add_argument("--coalition", required=True, help="The coalition's short name (slug).")
        parser.add_argument("--note", default="", help="A short note kept with the snapshot.")

    def handle(self, *args, coalition, note, **options):
        snapshot = take_snapshot(coalition_by_slug(coalition), by="ookbalans snapshot", note=note)
        findings = len(snapshot.data["findings"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Momentopname van {snapshot.coalition} op {snapshot.taken_on:%d-%m-%Y} vastgelegd "
                f"({findings} bevindingen)."
            )
        )
