"""Demo data of the analysis: an earlier snapshot of the demo coalition, so the trend shows change."""

from __future__ import annotations

import dataclasses
import datetime

from django.conf import settings
from django.utils import timezone, translation

from ookbalans.analysis.catalogue_data import load_catalogue
from ookbalans.analysis.models import Snapshot, thresholds_for
from ookbalans.analysis.rules import analyse
from ookbalans.analysis.rules.target_groups import reaches_fathers
from ookbalans.catalogue.models import Coalition

DEMO_SLUG = "voorbeeldregio"
DEMO_NOTE = "Demo: nagebootste situatie van een jaar eerder"


def earlier_catalogue(catalogue):
    """The demo catalogue as it might have stood a year ago: before the offers for fathers and the
    basic offers around birth were added. Invented on purpose, to show what the trend looks like."""
    kept = tuple(
        s
        for s in catalogue.services
        if not reaches_fathers(s) and not ("basis" in s.levels and "geboorte" in s.phases)
    )
    return dataclasses.replace(catalogue, services=kept, today=catalogue.today - datetime.timedelta(days=365))


def load_demo() -> dict[str, int]:
    coalition = Coalition.objects.filter(slug=DEMO_SLUG).first()
    if coalition is None or Snapshot.objects.filter(coalition=coalition, note=DEMO_NOTE).exists():
        return {}
    catalogue = earlier_catalogue(load_catalogue(coalition, timezone.localdate()))
    with translation.override(settings.LANGUAGE_CODE):
        analysis = analyse(catalogue, thresholds_for(coalition))
    Snapshot.objects.create(
        coalition=coalition,
        taken_on=catalogue.today,
        created_by="demo",
        note=DEMO_NOTE,
        data=analysis.to_json(),
    )
    return {"analysis snapshot": 1}
