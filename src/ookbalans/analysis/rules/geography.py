"""Geography: how far each postcode area is from the nearest basic and information offer."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis.catalogue_data import AreaData, ServiceData
from ookbalans.analysis.rules.base import MEDIUM, NEAR_LEVELS, Finding, Thresholds, active, level_label
from ookbalans.catalogue.geo import distance_km


def nearest_km(area: AreaData, points: list[tuple[float, float]]) -> float | None:
    if not points:
        return None
    return min(distance_km(area.latitude, area.longitude, lat, lon) for lat, lon in points)


def geography(services: Iterable[ServiceData], areas: Iterable[AreaData]) -> dict:
    """Level (basis, informatie) -> pc4 -> distance in km to the nearest active location at that level."""
    services = active(services)
    result = {}
    for level in NEAR_LEVELS:
        points = sorted(
            {
                (loc.latitude, loc.longitude)
                for s in services
                if level in s.levels
                for loc in s.locations
                if loc.latitude is not None and loc.longitude is not None
            }
        )
        result[level] = {
            area.pc4: (None if (d := nearest_km(area, points)) is None else round(d, 1)) for area in areas
        }
    return result


def geography_findings(
    distances: dict, areas: Iterable[AreaData], municipalities: dict, thresholds: Thresholds
) -> list[Finding]:
    areas = list(areas)
    findings = []
    for level in NEAR_LEVELS:
        for code in sorted(municipalities):
            far = [
                area
                for area in areas
                if area.municipality_code == code
                and (
                    distances[level].get(area.pc4) is None
                    or distances[level][area.pc4] > thresholds.max_distance_km
                )
            ]
            if not far:
                continue
            finding_code = f"geo.{level}_far"
            findings.append(
                Finding(
                    finding_code,
                    f"{finding_code}:{code}",
                    MEDIUM,
                    ngettext(
                        "In %(municipality)s, %(count)d postcode area (%(areas)s) is more than %(km)s km "
                        "from the nearest place with an offer at level %(level)s.",
                        "In %(municipality)s, %(count)d postcode areas (%(areas)s) are more than %(km)s km "
                        "from the nearest place with an offer at level %(level)s.",
                        len(far),
                    )
                    % {
                        "municipality": municipalities[code],
                        "count": len(far),
                        "areas": ", ".join(f"{a.pc4} {a.place}" for a in far),
                        "km": f"{thresholds.max_distance_km:g}",
                        "level": level_label(level),
                    },
                    {
                        "areas": {a.pc4: distances[level].get(a.pc4) for a in far},
                        "max_distance_km": thresholds.max_distance_km,
                    },
                    (),
                    _(
                        "Look for a place in these areas where parents already come (school, library, "
                        "community centre) to offer this level there, or offer it at home or online."
                    ),
                    {"level": level, "municipality": code, "pc4": [a.pc4 for a in far]},
                )
            )
    return findings
