"""`ookbalans analyse --coalition SLUG --format json|text`: print a coalition's gap analysis."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ookbalans.analysis.rules import LEVELS, PHASES, level_label, phase_label
from ookbalans.analysis.running import run_analysis
from ookbalans.catalogue.models import Coalition


def coalition_by_slug(slug: str) -> Coalition:
    coalition = Coalition.objects.filter(slug=slug).first()
    if coalition is None:
        known = ", ".join(Coalition.objects.values_list("slug", flat=True)) or "-"
        raise CommandError(f"Geen coalitie met korte naam '{slug}'. Bekende coalities: {known}.")
    return coalition


class Command(BaseCommand):
    help = (
        "Print the gap analysis of a coalition: the matrix, every indicator and every finding with its code."
    )

    def add_arguments(self, parser):
        parser.add_argument("--coalition", required=True, help="The coalition's short name (slug).")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, coalition, format, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.print_analysis(run_analysis(coalition_by_slug(coalition)), format)

    def print_analysis(self, analysis, format):
        if format == "json":
            self.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2, default=str))
            return
        self.stdout.write(f"Gap-analyse {analysis.name} ({analysis.date:%d-%m-%Y})")
        self.stdout.write(f"Actieve diensten: {analysis.indicators['services']['active']}\n")
        width = max(len(level_label(level)) for level in LEVELS)
        self.stdout.write(" " * width + " " + " ".join(f"{p[:10]:>10}" for p in PHASES))
        for level in reversed(LEVELS):
            cells = " ".join(
                f"{analysis.matrix[level][p].services:>6} ({analysis.matrix[level][p].recognised})".rjust(10)
                for p in PHASES
            )
            self.stdout.write(f"{level_label(level):<{width}} {cells}")
        self.stdout.write(
            f"\n(tussen haakjes: erkende interventies; fasen: {', '.join(map(phase_label, PHASES))})\n"
        )
        self.stdout.write(f"Bevindingen: {len(analysis.findings)}")
        for finding in analysis.findings:
            self.stdout.write(f"[{finding.severity}] {finding.code}: {finding.message}")
            self.stdout.write(f"    volgende stap: {finding.next_step}")
