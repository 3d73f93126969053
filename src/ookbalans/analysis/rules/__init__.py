"""The gap analysis as pure functions: a catalogue snapshot and thresholds in; matrix and findings out.

One module per family of rules; `analyse()` runs them all. Every name the rules offer is importable
from here, as before they were split.
"""

from __future__ import annotations

from ookbalans.analysis.catalogue_data import CatalogueData
from ookbalans.analysis.rules.access import (
    ACCESS_CODES,
    ACCESS_NEXT_STEPS,
    ACCESS_NOT_APPLICABLE,
    ACCESS_SECONDARY,
    ACCESS_WEIGHTY,
    FREE_KINDS,
    FREQUENT,
    access_findings,
    access_minimum,
    access_per_level,
    conditions_met,
)
from ookbalans.analysis.rules.aims import aim_findings, aims_per_level
from ookbalans.analysis.rules.base import (
    DUTCH,
    FOCUS_PHASES,
    HIGH,
    LEVELS,
    LOW,
    MEDIUM,
    NEAR_LEVELS,
    NOT_ASSESSED,
    PHASES,
    RECOGNISED_LEVELS,
    SEVERITIES,
    SEVERITY_ORDER,
    Analysis,
    Cell,
    Finding,
    Thresholds,
    active,
    ids,
    is_recognised,
    level_label,
    percent,
    phase_label,
    services_at_level,
    share,
    term_counts,
)
from ookbalans.analysis.rules.demand import PRIVACY_MINIMUM_SEARCHES, demand_findings, unmet_demand
from ookbalans.analysis.rules.evidence import SUPPORT_LEVELS, evidence_findings, evidence_per_level
from ookbalans.analysis.rules.factors import (
    component_counts,
    component_findings,
    factor_counts,
    factor_findings,
)
from ookbalans.analysis.rules.freshness import freshness_findings, months_before, stale_services
from ookbalans.analysis.rules.geography import geography, geography_findings, nearest_km
from ookbalans.analysis.rules.languages import language_findings, languages_per_level_and_phase
from ookbalans.analysis.rules.matrix import coverage_matrix, matrix_findings
from ookbalans.analysis.rules.target_groups import (
    FATHER_GROUPS,
    VULNERABLE_FAMILIES,
    reaches_fathers,
    target_group_counts,
    target_group_findings,
)
from ookbalans.catalogue.geo import distance_km

# The name the rules' distance had before the one geo helper; kept for those who import it.
haversine_km = distance_km

__all__ = [
    "ACCESS_CODES",
    "ACCESS_NEXT_STEPS",
    "ACCESS_NOT_APPLICABLE",
    "ACCESS_SECONDARY",
    "ACCESS_WEIGHTY",
    "DUTCH",
    "FATHER_GROUPS",
    "FOCUS_PHASES",
    "FREE_KINDS",
    "FREQUENT",
    "HIGH",
    "LEVELS",
    "LOW",
    "MEDIUM",
    "NEAR_LEVELS",
    "NOT_ASSESSED",
    "PHASES",
    "PRIVACY_MINIMUM_SEARCHES",
    "RECOGNISED_LEVELS",
    "SEVERITIES",
    "SEVERITY_ORDER",
    "SUPPORT_LEVELS",
    "VULNERABLE_FAMILIES",
    "Analysis",
    "Cell",
    "Finding",
    "Thresholds",
    "access_findings",
    "access_minimum",
    "access_per_level",
    "active",
    "aim_findings",
    "aims_per_level",
    "analyse",
    "compare",
    "component_counts",
    "component_findings",
    "conditions_met",
    "coverage_matrix",
    "demand_findings",
    "evidence_findings",
    "evidence_per_level",
    "factor_counts",
    "factor_findings",
    "freshness_findings",
    "geography",
    "geography_findings",
    "haversine_km",
    "ids",
    "is_recognised",
    "language_findings",
    "languages_per_level_and_phase",
    "level_label",
    "matrix_findings",
    "months_before",
    "nearest_km",
    "percent",
    "phase_label",
    "reaches_fathers",
    "services_at_level",
    "share",
    "stale_services",
    "target_group_counts",
    "target_group_findings",
    "term_counts",
    "unmet_demand",
]


def analyse(catalogue: CatalogueData, thresholds: Thresholds | None = None) -> Analysis:
    """Every indicator and every finding for one coalition's catalogue."""
    thresholds = thresholds or Thresholds()
    services = catalogue.services
    matrix = coverage_matrix(services, thresholds)
    access = access_per_level(services, thresholds, tuple(catalogue.municipalities))
    evidence = evidence_per_level(services)
    distances = geography(services, catalogue.areas)
    stale = stale_services(services, catalogue.today, thresholds)
    running = active(services)
    indicators = {
        "services": {"active": len(running), "inactive": len(services) - len(running)},
        "aims_per_level": aims_per_level(services),
        "factors": factor_counts(services),
        "upbringing_components": component_counts(services),
        "target_groups": target_group_counts(services),
        "fathers_share": share(sum(1 for s in running if reaches_fathers(s)), len(running)),
        "access_per_level": access,
        "languages_per_level_and_phase": languages_per_level_and_phase(services),
        "geography": distances,
        "evidence_per_level": evidence,
        "evidence_share": share(sum(1 for s in running if is_recognised(s)), len(running)),
        "stale": {"count": len(stale), "share": share(len(stale), len(running))},
        "unmet_searches": unmet_demand(catalogue.unmet_searches, thresholds),
    }
    findings = (
        matrix_findings(matrix, thresholds)
        + aim_findings(services)
        + factor_findings(services)
        + component_findings(services)
        + target_group_findings(services, thresholds)
        + access_findings(access, thresholds)
        + language_findings(services)
        + geography_findings(distances, catalogue.areas, catalogue.municipalities, thresholds)
        + evidence_findings(services, evidence, thresholds)
        + freshness_findings(services, catalogue.today, thresholds)
        + demand_findings(catalogue.unmet_searches, thresholds)
    )
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])  # stable: rule order within a severity
    return Analysis(
        catalogue.slug, catalogue.name, catalogue.today, thresholds, matrix, indicators, tuple(findings)
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
