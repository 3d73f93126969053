"""The gap analysis as pure functions: a catalogue snapshot and thresholds in; matrix and findings out.

One module per family of rules; `analyse()` runs them all and `compare()` compares two analyses. This
package offers those two and the shared vocabulary (levels, phases, labels, Analysis, Thresholds); a
rule family's own names are imported from its module.
"""

from __future__ import annotations

from ookbalans.analysis.catalogue_data import CatalogueData
from ookbalans.analysis.rules import (
    access,
    aims,
    base,
    demand,
    evidence,
    factors,
    freshness,
    languages,
    matrix,
)
from ookbalans.analysis.rules import geography as places
from ookbalans.analysis.rules import target_groups as groups
from ookbalans.analysis.rules.base import LEVELS, PHASES, Analysis, Thresholds, level_label, phase_label

__all__ = ["LEVELS", "PHASES", "Analysis", "Thresholds", "analyse", "compare", "level_label", "phase_label"]


def analyse(catalogue: CatalogueData, thresholds: Thresholds | None = None) -> Analysis:
    """Every indicator and every finding for one coalition's catalogue."""
    thresholds = thresholds or Thresholds()
    services = catalogue.services
    coverage = matrix.coverage_matrix(services, thresholds)
    per_level = access.access_per_level(services, thresholds, tuple(catalogue.municipalities))
    recognised = evidence.evidence_per_level(services)
    distances = places.geography(services, catalogue.areas)
    stale = freshness.stale_services(services, catalogue.today, thresholds)
    running = base.active(services)
    overdue = freshness.overdue_checks(services)
    indicators = {
        "services": {"active": len(running), "inactive": len(services) - len(running)},
        "aims_per_level": aims.aims_per_level(services),
        "factors": factors.factor_counts(services),
        "upbringing_components": factors.component_counts(services),
        "target_groups": groups.target_group_counts(services),
        "fathers_share": base.share(sum(1 for s in running if groups.reaches_fathers(s)), len(running)),
        "access_per_level": per_level,
        "languages_per_level_and_phase": languages.languages_per_level_and_phase(services),
        "geography": distances,
        "evidence_per_level": recognised,
        "evidence_share": base.share(sum(1 for s in running if base.is_recognised(s)), len(running)),
        "stale": {"count": len(stale), "share": base.share(len(stale), len(running))},
        "overdue_checks": {"count": len(overdue), "share": base.share(len(overdue), len(running))},
        "unmet_searches": demand.unmet_demand(catalogue.unmet_searches, thresholds),
    }
    findings = (
        matrix.matrix_findings(coverage, thresholds)
        + aims.aim_findings(services)
        + factors.factor_findings(services)
        + factors.component_findings(services)
        + groups.target_group_findings(services, thresholds)
        + access.access_findings(per_level, thresholds)
        + languages.language_findings(services)
        + places.geography_findings(distances, catalogue.areas, catalogue.municipalities, thresholds)
        + evidence.evidence_findings(services, recognised, thresholds)
        + freshness.freshness_findings(services, catalogue.today, thresholds)
        + demand.demand_findings(catalogue.unmet_searches, thresholds)
    )
    # Phases the coalition does not work on give no findings (their cells stay in the matrix).
    findings = [f for f in findings if base.in_scope(f.subject, thresholds.phases)]
    findings.sort(key=lambda f: base.SEVERITY_ORDER[f.severity])  # stable: rule order within a severity
    return Analysis(
        catalogue.slug, catalogue.name, catalogue.today, thresholds, coverage, indicators, tuple(findings)
    )


# --- comparing two analyses (snapshots) ---


def compare(earlier: dict, later: dict) -> dict:
    """What changed between two analyses (JSON form): cells filled or emptied, findings resolved or new."""
    filled, emptied = [], []
    for level in LEVELS:
        for phase in PHASES:
            before = earlier.get("matrix", {}).get(level, {}).get(phase, {}).get("services", 0)
            after = later.get("matrix", {}).get(level, {}).get(phase, {}).get("services", 0)
            if before == 0 and after > 0:
                filled.append({"level": level, "phase": phase, "services": after})
            elif before > 0 and after == 0:
                emptied.append({"level": level, "phase": phase, "services": before})
    before_findings = {f["key"]: f for f in earlier.get("findings", [])}
    after_findings = {f["key"]: f for f in later.get("findings", [])}
    return {
        "cells_filled": filled,
        "cells_emptied": emptied,
        "findings_resolved": [before_findings[k] for k in before_findings if k not in after_findings],
        "findings_new": [after_findings[k] for k in after_findings if k not in before_findings],
        "active_before": earlier.get("indicators", {}).get("services", {}).get("active", 0),
        "active_after": later.get("indicators", {}).get("services", {}).get("active", 0),
    }
