"""`ookbalans backup --output FILE`: every row of the application's data in one portable file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ookbalans.operations.backup import write_backup


class Command(BaseCommand):
    help = "Write a backup of all data (not the search index, which is rebuilt) to a .jsonl.gz file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", required=True, type=Path, help="The file to write, e.g. backup.jsonl.gz."
        )

    def handle(self, *args, output, **options):
        output = Path(output)
        if output.exists():
            raise CommandError(f"{output} exists already; choose a new file name.")
        partial = output.with_name(output.name + ".partial")
        try:
            numbers = write_backup(partial)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.rename(output)
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {sum(numbers.values())} rows of {len(numbers)} models to {output}.")
        )
