"""`ookbalans import PATH --coalition SLUG`: import an HSDS JSON file, a datapackage or an Excel workbook."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify
from tqdm import tqdm

from ookbalans.audit import context as audit
from ookbalans.catalogue.models import Coalition
from ookbalans.interchange import formats
from ookbalans.interchange.limits import MB, Limits
from ookbalans.interchange.problems import ImportFailed, Problems


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 JSON file, an HSDS datapackage (folder or .zip) or an ookbalans Excel workbook. "
        "The file is read and checked first; only writing it takes a database transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--coalition", required=True, help="The coalition's slug.")
        parser.add_argument(
            "--create-coalition", metavar="NAME", help="Create the coalition with this name first."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check everything, change nothing.")
        parser.add_argument(
            "--actor",
            metavar="NAME",
            help="Who imports, for the audit trail (default: the operating system's user).",
        )
        parser.add_argument(
            "--max-services",
            type=int,
            metavar="N",
            help="Services one file may hold (default OOKBALANS_IMPORT_MAX_SERVICES, 50000).",
        )
        parser.add_argument(
            "--max-rows",
            type=int,
            metavar="N",
            help="Rows one sheet or CSV table may hold (default OOKBALANS_IMPORT_MAX_ROWS, 200000).",
        )
        parser.add_argument(
            "--max-unpacked-mb",
            type=int,
            metavar="MB",
            help="Megabytes a zip or JSON file may hold unpacked (default OOKBALANS_IMPORT_MAX_UNPACKED_MB).",
        )

    def handle(self, *args, **options):
        with audit.scope(name=audit.command_line_actor(options.get("actor"))):
            self.import_(*args, **options)

    def import_(self, path, coalition, create_coalition=None, dry_run=False, **options):
        megabytes = options.get("max_unpacked_mb")
        limits = Limits.from_settings(
            services=options.get("max_services"),
            rows=options.get("max_rows"),
            unpacked_bytes=megabytes * MB if megabytes else None,
        )
        target = Coalition.objects.filter(slug=coalition).first()
        created = target is None
        if created:
            if not create_coalition:
                raise CommandError(f"No coalition '{coalition}'. Use --create-coalition NAME to create it.")
            target = Coalition.objects.create(name=create_coalition, slug=slugify(coalition))
        try:
            report = self.run(target, path, dry_run, limits)
        finally:
            if created and (dry_run or not getattr(self, "succeeded", False)):
                target.delete()  # a dry run or a refused file leaves no new, empty coalition behind
        if created and not dry_run:
            self.stdout.write(f"Created coalition '{create_coalition}' ({target.slug}).")
        self.write_problems(report.problems, errors=False)
        if report.changes.get("nothing"):
            self.stdout.write(
                "Nothing changed: the file says the same as the coalition holds. Nothing written."
            )
            return
        verb = "Would create" if dry_run else "Created"
        self.stdout.write(
            f"{verb}: " + (", ".join(f"{n} {k}" for k, n in report.created.items()) or "nothing")
        )
        removed = report.changes.get("removed")
        if removed:
            verb = "Would remove" if dry_run else "Removed"
            self.stdout.write(f"{verb}: " + ", ".join(f"{n} {k}" for k, n in removed.items()))
        verb = "Would update" if dry_run else "Updated"
        self.stdout.write(
            f"{verb}: " + (", ".join(f"{n} {k}" for k, n in report.updated.items()) or "nothing")
        )

    def run(self, target, path, dry_run, limits):
        self.succeeded = False
        bar = tqdm(desc="services", unit=" services", disable=None, file=self.stderr._out)
        try:
            report = formats.import_file(
                target, path, str(path), dry_run=dry_run, progress=bar.update, limits=limits
            )
        except ImportFailed as failure:
            bar.close()
            self.write_problems(failure.problems, errors=False)
            self.write_problems(failure.problems, errors=True)
            raise CommandError(
                f"{failure.problems.error_count} problem(s) found; nothing was imported."
            ) from None
        except FileNotFoundError as error:
            bar.close()
            raise CommandError(f"Cannot read {path}: {error}") from None
        bar.close()
        self.succeeded = True
        return report

    def write_problems(self, problems: Problems, *, errors: bool) -> None:
        """The first problems one by one; when there are more, how many of each kind."""
        label = "error" if errors else "warning"
        for problem in problems.errors if errors else problems.warnings:
            self.stderr.write(f"{label}: {problem}")
        left_out = problems.errors_left_out if errors else problems.warnings_left_out
        if left_out:
            self.stderr.write(f"{left_out} more {label}(s) not listed; all {label}s by kind:")
            for kind, count in problems.error_kinds() if errors else problems.warning_kinds():
                self.stderr.write(f"{count:>9,} × {kind}")
