"""Turns an analysis into rows with Dutch labels for the dashboard, the comparison and the reports."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ookbalans.analysis import grouping
from ookbalans.analysis.heatmap import PALETTE, colour_class, heatmap_svg
from ookbalans.analysis.pyramid import STATE_COLOURS, Geometry, pyramid_svg
from ookbalans.analysis.rules import LEVELS, PHASES, Analysis, compare, level_label, phase_label
from ookbalans.analysis.rules.access import ACCESS_NOT_APPLICABLE, access_minimum
from ookbalans.analysis.rules.base import (
    HIGH,
    LOW,
    MEDIUM,
    NEAR_LEVELS,
    SEVERITIES,
    Cell,
    Finding,
    in_scope,
    percent,
)
from ookbalans.catalogue.models import Coalition, Service
from ookbalans.framework import codes

SEVERITY_LABELS = {HIGH: gettext_lazy("High"), MEDIUM: gettext_lazy("Medium"), LOW: gettext_lazy("Low")}
STATE_LABELS = {"empty": gettext_lazy("empty"), "thin": gettext_lazy("thin"), "ok": ""}

# Which part of the analysis each finding code belongs to, for the overview and the reports.
KIND_LABELS = {
    "matrix": gettext_lazy("Support pyramid"),
    "aims": gettext_lazy("Aims"),
    "factors": gettext_lazy("Factors"),
    "components": gettext_lazy("Parts of upbringing"),
    "fathers": gettext_lazy("Fathers and partners"),
    "vulnerable": gettext_lazy("Families in vulnerable situations"),
    "access": gettext_lazy("Accessibility"),
    "languages": gettext_lazy("Languages"),
    "geo": gettext_lazy("Close to home"),
    "evidence": gettext_lazy("Evidence"),
    "freshness": gettext_lazy("Up to date"),
    "demand": gettext_lazy("Searches without result"),
}


NUMBER_LABELS = {
    "services": gettext_lazy("Services"),
    "thin_below": gettext_lazy("Thin below"),
    "services_at_level": gettext_lazy("Services at this level"),
    "services_with_aim": gettext_lazy("Services serving this aim"),
    "minimum": gettext_lazy("Minimum set by the coalition"),
    "active": gettext_lazy("Active services"),
    "met": gettext_lazy("Services meeting the condition"),
    "total": gettext_lazy("Services at this level"),
    "share": gettext_lazy("Share"),
    "recognised": gettext_lazy("Recognised"),
    "stale": gettext_lazy("Out of date"),
    "months": gettext_lazy("Months"),
    "areas": gettext_lazy("Postcode areas and distance to the nearest place (km)"),
    "max_distance_km": gettext_lazy("Far from (km)"),
    "terms": gettext_lazy("Search terms and number of searches"),
}


def number_rows(numbers: dict) -> list[dict]:
    """The numbers behind a finding, with Dutch labels; shares as percentages."""
    rows = []
    for key, value in numbers.items():
        if isinstance(value, dict):
            value = "; ".join(f"{k}: {'–' if v is None else v}" for k, v in value.items())
        elif isinstance(value, float) and key in ("share", "minimum"):
            value = percent(value)
        rows.append({"label": NUMBER_LABELS.get(key, key), "value": value})
    return rows


def heatmap_for(analysis: Analysis, cell_url=None) -> str:
    return heatmap_svg(analysis.matrix, cell_url)


def pyramid_for(analysis: Analysis, cell_url=None, per_row: int | None = None, geometry=None) -> str:
    """The pyramid per phase the coalition works on, as an SVG (escaped by pyramid_svg)."""
    return pyramid_svg(analysis.matrix, analysis.thresholds.phases, cell_url, per_row, geometry or Geometry())


def pyramid_legend(analysis: Analysis) -> list[dict]:
    thin = analysis.thresholds.thin_cell_below
    labels = {
        "empty": _("Empty: no active service"),
        "thin": ngettext("Thin: fewer than %(count)d service", "Thin: fewer than %(count)d services", thin)
        % {"count": thin},
        "ok": _("Enough services"),
    }
    return [
        {"state": state, "label": labels[state], "fill": fill}
        for state, (fill, _ink) in STATE_COLOURS.items()
    ]


def action_url(slug: str, finding: Finding) -> str:
    """The vision's new-action form, prefilled with the finding: its next step as what will be done."""
    query = {"title": finding.next_step[:300], "description": finding.message, "finding": finding.key}
    return reverse("vision:action_from_finding", args=[slug]) + "?" + urlencode(query)


def cell_row(cell: Cell) -> dict:
    fill, ink = PALETTE[colour_class(cell.services)]
    return {
        "level": cell.level,
        "phase": cell.phase,
        "level_label": level_label(cell.level),
        "phase_label": phase_label(cell.phase),
        "services": cell.services,
        "recognised": cell.recognised,
        "state": cell.state,
        "state_label": STATE_LABELS[cell.state],
        "fill": fill,
        "ink": ink,
    }


def matrix_rows(analysis: Analysis) -> list[dict]:
    """The matrix as table rows for the coalition's phases, the pyramid's top level first."""
    return [
        {
            "level": level,
            "label": level_label(level),
            "cells": [cell_row(analysis.matrix[level][p]) for p in analysis.thresholds.phases],
        }
        for level in reversed(LEVELS)
    ]


def finding_row(finding: Finding) -> dict:
    kind = finding.code.split(".", 1)[0]
    return {
        "code": finding.code,
        "key": finding.key,
        "severity": finding.severity,
        "severity_label": SEVERITY_LABELS[finding.severity],
        "kind": kind,
        "kind_label": KIND_LABELS.get(kind, kind),
        "message": finding.message,
        "subject": finding.subject,
        "next_step": finding.next_step,
        "numbers": finding.numbers,
        "number_rows": number_rows(finding.numbers),
        "service_count": len(finding.service_ids),
        "service_ids": finding.service_ids,
    }


def findings_by_severity(analysis: Analysis) -> list[dict]:
    rows = [finding_row(f) for f in analysis.findings]
    return [
        {"severity": s, "label": SEVERITY_LABELS[s], "findings": [r for r in rows if r["severity"] == s]}
        for s in SEVERITIES
    ]


def finding_groups(analysis: Analysis, slug: str | None = None) -> list[dict]:
    """The findings grouped (grouping.grouped), each with the link that makes it an action of the vision."""
    rows = []
    for finding in analysis.findings:
        row = finding_row(finding)
        if slug:
            row["action_url"] = action_url(slug, finding)
        rows.append(row)
    return grouping.grouped(rows)


def services_by_ids(coalition: Coalition, service_ids) -> list[dict]:
    """The coalition's own services behind a cell or finding, each with a link to its admin page."""
    services = (
        Service.objects.filter(coalition=coalition, id__in=list(service_ids))
        .select_related("organization", "national_intervention")
        .prefetch_related("pyramid_levels", "phases")
        .order_by("name_nl")
    )
    return [
        {
            "id": str(s.pk),
            "name": s.name_nl,
            "organisation": s.organization.name,
            "levels": ", ".join(t.label for t in s.pyramid_levels.all()),
            "phases": ", ".join(t.label for t in s.phases.all()),
            "recognition": codes.RECOGNITION_LEVELS.label_for(s.recognition_level)
            if s.recognition_level
            else _("unknown"),
            "last_checked_on": s.last_checked_on,
            "admin_url": reverse("admin:catalogue_service_change", args=[s.pk]),
        }
        for s in services
    ]


def access_rows(analysis: Analysis) -> list[dict]:
    """Condition rows with, per level, 'met of total (share)'."""
    per_level = analysis.indicators["access_per_level"]
    return [
        {
            "label": codes.ACCESSIBILITY_CONDITIONS.label_for(condition),
            "cells": [
                {
                    "met": per_level[level][condition]["met"],
                    "total": per_level[level][condition]["total"],
                    "share": percent(per_level[level][condition]["share"])
                    if per_level[level][condition]["total"]
                    else "–",
                    "low": per_level[level][condition]["total"]
                    and per_level[level][condition]["share"] < access_minimum(condition, analysis.thresholds)
                    and (condition, level) not in ACCESS_NOT_APPLICABLE,
                }
                for level in LEVELS
            ],
        }
        for condition in codes.ACCESSIBILITY_CONDITIONS.codes()
    ]


def evidence_rows(analysis: Analysis) -> list[dict]:
    per_level = analysis.indicators["evidence_per_level"]
    return [
        {"label": level_label(level), **per_level[level], "percent": percent(per_level[level]["share"])}
        for level in LEVELS
    ]


def aim_rows(analysis: Analysis) -> list[dict]:
    per_level = analysis.indicators["aims_per_level"]
    return [
        {"label": codes.AIMS.label_for(aim), "counts": [per_level[level][aim] for level in LEVELS]}
        for aim in codes.AIMS.codes()
    ]


def count_rows(counts: dict, taxonomy: codes.Taxonomy) -> list[dict]:
    return [{"label": taxonomy.label_for(code), "count": count} for code, count in counts.items()]


def language_rows(analysis: Analysis) -> list[dict]:
    per_cell = analysis.indicators["languages_per_level_and_phase"]
    phases = analysis.thresholds.phases
    return [
        {"label": level_label(level), "cells": [", ".join(per_cell[level][phase]) or "–" for phase in phases]}
        for level in reversed(LEVELS)
    ]


def geography_rows(analysis: Analysis, catalogue_areas=None) -> list[dict]:
    distances = analysis.indicators["geography"]
    limit = analysis.thresholds.max_distance_km
    rows = []
    for pc4 in distances[NEAR_LEVELS[0]]:
        cells = []
        for level in NEAR_LEVELS:
            km = distances[level][pc4]
            cells.append(
                {"km": "–" if km is None else f"{km:.1f}".replace(".", ","), "far": km is None or km > limit}
            )
        rows.append({"pc4": pc4, "cells": cells})
    return rows


def dashboard_context(coalition: Coalition, analysis: Analysis) -> dict:
    indicators = analysis.indicators
    kinds = sorted({finding_row(f)["kind"] for f in analysis.findings}, key=list(KIND_LABELS).index)
    return {
        "coalition": coalition,
        "analysis": analysis,
        "levels": [level_label(level) for level in LEVELS],
        "phases": [phase_label(phase) for phase in analysis.thresholds.phases],
        "matrix_rows": matrix_rows(analysis),
        "legend": pyramid_legend(analysis),
        "severity_groups": findings_by_severity(analysis),
        "finding_groups": finding_groups(analysis, coalition.slug),
        "finding_count": len(analysis.findings),
        "finding_kinds": [{"kind": k, "label": KIND_LABELS[k]} for k in kinds],
        "access_rows": access_rows(analysis),
        "evidence_rows": evidence_rows(analysis),
        "aim_rows": aim_rows(analysis),
        "factor_rows": count_rows(indicators["factors"], codes.FACTORS),
        "component_rows": count_rows(indicators["upbringing_components"], codes.UPBRINGING_COMPONENTS),
        "target_group_rows": count_rows(indicators["target_groups"], codes.TARGET_GROUPS),
        "language_rows": language_rows(analysis),
        "geography_rows": geography_rows(analysis),
        "near_levels": [level_label(level) for level in NEAR_LEVELS],
        "evidence_share": percent(indicators["evidence_share"]),
        "fathers_share": percent(indicators["fathers_share"]),
        "stale_share": percent(indicators["stale"]["share"]),
        # Snapshots taken before the reminders have no such count.
        "overdue_checks": indicators.get("overdue_checks", {}).get("count", 0),
    }


def trend(coalition: Coalition, snapshots: list, analysis: Analysis, params) -> dict | None:
    """Compare two snapshots chosen in the form (`van`, `tot`; `tot=nu` is today's analysis).

    By default the most recent snapshot is compared with today's analysis.
    """
    if not snapshots:
        return None
    by_id = {str(s.pk): s for s in snapshots}
    earlier = by_id.get(params.get("van", "")) or snapshots[0]
    later_key = params.get("tot", "nu")
    later = by_id.get(later_key)
    earlier_data = type(earlier).objects.get(pk=earlier.pk).data
    later_data = type(later).objects.get(pk=later.pk).data if later else analysis.to_json()
    phases = analysis.thresholds.phases
    changes = compare(*(scoped(data, phases) for data in (earlier_data, later_data)))
    label = lambda row: f"{level_label(row['level'])} — {phase_label(row['phase'])}"  # noqa: E731
    return {
        "earlier": earlier,
        "later": later,
        "later_key": str(later.pk) if later else "nu",
        "cells_filled": [
            label(r) + f" ({r['services']})" for r in changes["cells_filled"] if r["phase"] in phases
        ],
        "cells_emptied": [label(r) for r in changes["cells_emptied"] if r["phase"] in phases],
        "findings_resolved": changes["findings_resolved"],
        "findings_new": changes["findings_new"],
        "active_before": changes["active_before"],
        "active_after": changes["active_after"],
    }


def scoped(data: dict, phases) -> dict:
    """A stored analysis with only the findings in today's chosen phases, so a change of scope is no trend."""
    return data | {
        "findings": [f for f in data.get("findings", []) if in_scope(f.get("subject", {}), phases)]
    }


def comparison(pairs: list[tuple[Coalition, Analysis]]) -> dict:
    """Indicator rows with one column per coalition, for a region."""

    def filled_cells(a: Analysis, phases=PHASES) -> str:
        total = len(LEVELS) * len(phases)
        filled = sum(1 for level in LEVELS for p in phases if a.matrix[level][p].services)
        return f"{filled} / {total}"

    def severity_count(a: Analysis, severity: str) -> int:
        return sum(1 for f in a.findings if f.severity == severity)

    def access_share(a: Analysis, condition: str) -> str:
        rows = a.indicators["access_per_level"]
        met = sum(rows[level][condition]["met"] for level in LEVELS)
        total = sum(rows[level][condition]["total"] for level in LEVELS)
        return percent(met / total) if total else "–"

    def geo_far(a: Analysis) -> int:
        return sum(len(f.subject.get("pc4", [])) for f in a.findings if f.code.startswith("geo."))

    rows = [
        (_("Active services"), lambda a: a.indicators["services"]["active"]),
        (_("Cells of the pyramid filled (all phases)"), filled_cells),
        (
            _("Cells filled in the first 1000 days"),
            lambda a: filled_cells(a, ("kinderwens", "zwangerschap", "geboorte", "baby", "dreumes")),
        ),
        (
            _("Share of services implementing a recognised intervention"),
            lambda a: percent(a.indicators["evidence_share"]),
        ),
        (_("Share of services for fathers or partners"), lambda a: percent(a.indicators["fathers_share"])),
        (
            _("Families in vulnerable situations: services"),
            lambda a: a.indicators["target_groups"]["gezinnen_kwetsbaar"],
        ),
    ]
    rows += [
        (
            _("Accessibility: %(condition)s")
            % {"condition": codes.ACCESSIBILITY_CONDITIONS.label_for(c).lower()},
            lambda a, c=c: access_share(a, c),
        )
        for c in ("betaalbaar", "begrijpelijk", "niet_stigmatiserend", "dichtbij")
    ]
    rows += [
        (_("Postcode areas far from a basic or information offer"), geo_far),
        (_("Share of services not checked in time"), lambda a: percent(a.indicators["stale"]["share"])),
        (_("Findings, high"), lambda a: severity_count(a, HIGH)),
        (_("Findings, medium"), lambda a: severity_count(a, MEDIUM)),
        (_("Findings, low"), lambda a: severity_count(a, LOW)),
    ]
    return {
        "coalitions": [c for c, _a in pairs],
        "rows": [{"label": label, "values": [value(a) for _c, a in pairs]} for label, value in rows],
    }
