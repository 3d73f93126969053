"""`ookbalans import PATH --coalition SLUG`: import an HSDS JSON file, a datapackage or an Excel workbook."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from tqdm import tqdm

from ookbalans.catalogue.models import Coalition
from ookbalans.interchange import formats
from ookbalans.interchange.problems import ImportFailed


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 JSON file, an HSDS datapackage (folder or .zip) or an ookbalans Excel workbook."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--coalition", required=True, help="The coalition's slug.")
        parser.add_argument(
            "--create-coalition", metavar="NAME", help="Create the coalition with this name first."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check everything, change nothing.")

    def handle(self, path, coalition, create_coalition=None, dry_run=False, **options):
        with transaction.atomic():
            target = Coalition.objects.filter(slug=coalition).first()
            if target is None:
                if not create_coalition:
                    raise CommandError(
                        f"No coalition '{coalition}'. Use --create-coalition NAME to create it."
                    )
                target = Coalition.objects.create(name=create_coalition, slug=slugify(coalition))
                self.stdout.write(f"Created coalition '{create_coalition}' ({target.slug}).")
            bar = tqdm(desc="services", unit=" services", disable=None, file=self.stderr._out)
            try:
                report = formats.import_file(target, path, str(path), dry_run=dry_run, progress=bar.update)
            except ImportFailed as failure:
                bar.close()
                transaction.set_rollback(True)
                for problem in failure.problems.warnings:
                    self.stderr.write(f"warning: {problem}")
                for problem in failure.problems.errors:
                    self.stderr.write(f"error: {problem}")
                raise CommandError(
                    f"{len(failure.problems.errors)} problem(s) found; nothing was imported."
                ) from None
            except FileNotFoundError as error:
                bar.close()
                raise CommandError(f"Cannot read {path}: {error}") from None
            bar.close()
            if dry_run:
                transaction.set_rollback(True)
        for problem in report.problems.warnings:
            self.stderr.write(f"warning: {problem}")
        verb = "Would create" if dry_run else "Created"
        self.stdout.write(
            f"{verb}: " + (", ".join(f"{n} {k}" for k, n in report.created.items()) or "nothing")
        )
        verb = "Would update" if dry_run else "Updated"
        self.stdout.write(
            f"{verb}: " + (", ".join(f"{n} {k}" for k, n in report.updated.items()) or "nothing")
        )
