"""`ookbalans import_all FOLDER`: each coalition's file of a folder into its coalition, in one transaction."""

import importlib
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ookbalans.audit import context as audit
from ookbalans.interchange import national

# The command `import` (a Python keyword, so by name): its way of listing problems.
ImportCommand = importlib.import_module("ookbalans.interchange.management.commands.import").Command


class Command(BaseCommand):
    help = (
        "Import a folder of coalitions' files (ookbalans-<slug>.json/.zip/.xlsx, as `ookbalans export` "
        "names them, or <slug>.<ext>), each into the coalition of that slug. The files are checked in "
        "parallel processes and written in one transaction: a file with an error leaves everything as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--dry-run", action="store_true", help="Check everything, change nothing.")
        parser.add_argument("--processes", type=int, metavar="N", help="Processes that check files.")
        parser.add_argument("--actor", metavar="NAME", help="Who imports, for the audit trail.")

    def handle(self, folder, dry_run=False, processes=None, actor=None, **options):
        folder = Path(folder)
        if not folder.is_dir():
            raise CommandError(f"Cannot read {folder}: not a folder.")
        files = national.files_in(folder)
        known, unknown = national.coalitions_of(files)
        if unknown:
            raise CommandError(
                "No coalition for these files (name them ookbalans-<slug>.<ext>): "
                + ", ".join(path.name for path in unknown)
            )
        if not known:
            raise CommandError(f"No .json, .zip or .xlsx files in {folder}.")
        with audit.scope(name=audit.command_line_actor(actor)):
            report = national.import_files(known, dry_run=dry_run, processes=processes)
        writer = ImportCommand(stdout=self.stdout, stderr=self.stderr)
        if report.failed:
            count = 0
            for path, problems in report.failed.items():
                self.stderr.write(f"{Path(path).name}:")
                writer.write_problems(problems, errors=True)
                count += problems.error_count
            raise CommandError(
                f"{count} problem(s) found in {len(report.failed)} of {len(known)} files; "
                "nothing was imported."
            )
        created, updated, warnings = Counter(), Counter(), 0
        for single in report.reports.values():
            created.update(single.created)
            updated.update(single.updated)
            warnings += single.warnings
        verb = ("Would create", "Would update") if dry_run else ("Created", "Updated")
        self.stdout.write(f"{len(known)} files, {warnings} warning(s).")
        self.stdout.write(f"{verb[0]}: " + (", ".join(f"{n} {k}" for k, n in created.items()) or "nothing"))
        self.stdout.write(f"{verb[1]}: " + (", ".join(f"{n} {k}" for k, n in updated.items()) or "nothing"))
