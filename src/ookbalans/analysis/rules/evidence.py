"""Evidence: the share of services that implement a recognised intervention, per level."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.analysis.rules.base import (
    MEDIUM,
    Finding,
    Thresholds,
    active,
    active_per_level,
    ids,
    is_recognised,
    level_label,
    percent,
    share,
)

# At the base level, meeting places and information rarely are interventions; the vision asks for
# proven interventions where support is given, so the evidence rule looks at the upper two levels.
SUPPORT_LEVELS = ("steuntje", "extra")


def evidence_per_level(services: Iterable[ServiceData]) -> dict:
    result = {}
    for level, at_level in active_per_level(services):
        recognised = [s for s in at_level if is_recognised(s)]
        result[level] = {
            "recognised": len(recognised),
            "total": len(at_level),
            "share": share(len(recognised), len(at_level)),
        }
    return result


def evidence_findings(
    services: Iterable[ServiceData], per_level: dict, thresholds: Thresholds
) -> list[Finding]:
    services = active(services)
    findings = []
    for level in SUPPORT_LEVELS:
        row = per_level[level]
        if row["total"] == 0 or row["share"] >= thresholds.min_evidence_share:
            continue
        findings.append(
            Finding(
                "evidence.low_share",
                f"evidence.low_share:{level}",
                MEDIUM,
                _(
                    "At level %(level)s, %(recognised)d of %(total)d services implement a recognised "
                    "intervention (%(share)s), less than %(minimum)s."
                )
                % {
                    "level": level_label(level),
                    "recognised": row["recognised"],
                    "total": row["total"],
                    "share": percent(row["share"]),
                    "minimum": percent(thresholds.min_evidence_share),
                },
                row | {"minimum": thresholds.min_evidence_share},
                ids(s for s in services if level in s.levels and not is_recognised(s)),
                _(
                    "Check whether these services follow a national intervention and link it; consider a "
                    "recognised intervention from the databases of Loket Gezond Leven and NJi."
                ),
                {"level": level},
            )
        )
    return findings
