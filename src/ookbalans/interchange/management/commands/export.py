"""`ookbalans export --coalition SLUG --format hsds-json|datapackage|xlsx --output PATH`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ookbalans.audit import context as audit
from ookbalans.audit.recording import record_export
from ookbalans.catalogue.models import Coalition, Service
from ookbalans.interchange import formats


class Command(BaseCommand):
    help = "Export a coalition's catalogue as HSDS 3.0 JSON, an HSDS datapackage (.zip) or an Excel workbook."

    def add_arguments(self, parser):
        parser.add_argument("--coalition", required=True, help="The coalition's slug.")
        parser.add_argument("--format", required=True, choices=sorted(formats.FORMATS))
        parser.add_argument("--output", required=True, help="The file to write.")
        parser.add_argument(
            "--actor",
            metavar="NAME",
            help="Who exports, for the audit trail (default: the operating system's user).",
        )

    def handle(self, coalition, format, output, actor=None, **options):
        target = Coalition.objects.filter(slug=coalition).first()
        if target is None:
            raise CommandError(f"No coalition '{coalition}'.")
        total = Service.objects.filter(coalition=target).count()
        try:
            with (
                tqdm(
                    total=total, desc="services", unit=" services", disable=None, file=self.stderr._out
                ) as bar,
                Path(output).open("wb") as file,
            ):
                size = formats.export_to(target, format, file, progress=bar.update)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error}") from None
        with audit.scope(name=audit.command_line_actor(actor)):
            record_export(target, file_format=format)
        self.stdout.write(f"Wrote {total} services to {output} ({size:,} bytes).")
