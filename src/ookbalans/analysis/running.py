"""Running a coalition's analysis and recording snapshots: the glue between the database and the rules."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from ookbalans.analysis.catalogue_data import load_catalogue, load_catalogues, paused_gc
from ookbalans.analysis.models import AnalysisSettings, Snapshot, thresholds_for
from ookbalans.analysis.rules import Analysis, Thresholds, analyse
from ookbalans.catalogue.models import Coalition


def run_analysis(coalition: Coalition, today: datetime.date | None = None) -> Analysis:
    return analyse(load_catalogue(coalition, today), thresholds_for(coalition))


def run_analyses(coalitions, today: datetime.date | None = None) -> dict:
    """The analyses of several coalitions, keyed by coalition id, reading the catalogue in one pass."""
    coalitions = list(coalitions)
    catalogues = load_catalogues(coalitions, today)
    stored = {
        s.coalition_id: s.thresholds() for s in AnalysisSettings.objects.filter(coalition__in=coalitions)
    }
    with paused_gc():
        return {c.pk: analyse(catalogues[c.pk], stored.get(c.pk, Thresholds())) for c in coalitions}


@transaction.atomic
def take_snapshot(coalition: Coalition, by: str = "", note: str = "", today=None) -> Snapshot:
    """Record today's analysis; a second snapshot on the same day replaces the first."""
    today = today or timezone.localdate()
    # Stored findings keep their sentences: write them in the product's language, also from the CLI.
    with translation.override(settings.LANGUAGE_CODE):
        analysis = run_analysis(coalition, today)
    Snapshot.objects.filter(coalition=coalition, taken_on=today).delete()
    return Snapshot.objects.create(
        coalition=coalition, taken_on=today, created_by=by, note=note, data=analysis.to_json()
    )
