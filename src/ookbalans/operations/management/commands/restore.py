"""`ookbalans restore FILE`: a backup back into a new, migrated database, then the search index rebuilt."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ookbalans.operations.backup import RestoreRefused, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `ookbalans backup` into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        file = Path(file)
        if not file.exists():
            raise CommandError(f"{file} does not exist.")
        try:
            numbers = restore_backup(file)
        except RestoreRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(
            f"Restored {sum(numbers.values())} rows of {len(numbers)} models; rebuilding the search index."
        )
        call_command("rebuild_search_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Restore complete."))
