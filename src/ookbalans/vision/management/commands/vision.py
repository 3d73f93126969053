"""`ookbalans vision export --coalition SLUG --format pdf|docx --output PATH`: write a vision document."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ookbalans.catalogue.models import Coalition
from ookbalans.vision import documents, workflow


class Command(BaseCommand):
    help = "Work with coalitions' local visions. Subcommand: export."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True, title="subcommands")
        export = subcommands.add_parser(
            "export", help="Write the coalition's current vision (its newest version) as PDF or Word."
        )
        export.add_argument("--coalition", required=True, help="The coalition's slug, like voorbeeldregio.")
        export.add_argument("--format", required=True, choices=["pdf", "docx"], dest="file_format")
        export.add_argument("--output", required=True, help="Where to write the file.")
        export.add_argument(
            "--version", type=int, dest="vision_version", help="A given version instead of the newest."
        )

    def handle(self, *args, subcommand, **options):
        if subcommand == "export":
            self.export(options)

    def export(self, options):
        coalition = Coalition.objects.filter(slug=options["coalition"]).first()
        if coalition is None:
            raise CommandError(f"No coalition with slug '{options['coalition']}'.")
        if options.get("vision_version"):
            vision = coalition.visions.filter(version=options["vision_version"]).first()
        else:
            vision = workflow.latest_vision(coalition)
        if vision is None:
            raise CommandError(f"Coalition '{coalition.slug}' has no vision (of that version) yet.")
        render = documents.render_pdf if options["file_format"] == "pdf" else documents.render_docx
        output = Path(options["output"])
        if not output.parent.exists():
            raise CommandError(f"The folder {output.parent} does not exist.")
        output.write_bytes(render(vision))
        message = f"Wrote version {vision.version} ({vision.status}) of '{vision.title}' to {output}."
        self.stdout.write(self.style.SUCCESS(message))
