"""The gap analysis as pure functions: a catalogue snapshot and thresholds in; matrix and findings out."""

from __future__ import annotations

import calendar
import datetime
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis.catalogue_data import AreaData, CatalogueData, ServiceData
from ookbalans.framework import codes

LEVELS = codes.PYRAMID_LEVELS.codes()
PHASES = codes.PHASES.codes()
# The first 1000 days (and the wish for a child before them) are the vision's focus: gaps there weigh more.
FOCUS_PHASES = ("kinderwens", "zwangerschap", "geboorte", "baby", "dreumes")
# Levels every parent should find close to home.
NEAR_LEVELS = ("basis", "informatie")
RECOGNISED_LEVELS = tuple(c for c in codes.RECOGNITION_LEVELS.codes() if c != "niet_beoordeeld")
FREE_KINDS = ("free", "insurance", "municipality")
FREQUENT = ("weekly", "fortnightly", "always", "by_appointment", "series")
FATHER_GROUPS = ("vaders", "partners")
# A search term found fewer than this many times could point to one parent: it is never reported,
# whatever threshold a coalition sets.
PRIVACY_MINIMUM_SEARCHES = 3

HIGH, MEDIUM, LOW = "high", "medium", "low"
SEVERITIES = (HIGH, MEDIUM, LOW)


@dataclass(frozen=True)
class Thresholds:
    """What counts as thin, far, stale, low: the coalition may set each (AnalysisSettings)."""

    thin_cell_below: int = 2
    max_distance_km: float = 5.0
    min_access_share: float = 0.5
    min_access_share_secondary: float = 0.2
    max_affordable_amount: float = 10.0
    max_waiting_weeks: int = 6
    min_evidence_share: float = 0.2
    min_father_services: int = 3
    min_vulnerable_services: int = 3
    stale_after_months: int = 12
    min_unmet_searches: int = 3


@dataclass(frozen=True)
class Finding:
    """One gap, stated so a coordinator can act on it and report it."""

    code: str
    key: str  # code plus subject; stable between analyses, so snapshots can be compared
    severity: str
    message: str
    numbers: dict
    service_ids: tuple[str, ...]
    next_step: str
    subject: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    """One cell of the coverage matrix: a pyramid level in a phase."""

    level: str
    phase: str
    services: int
    recognised: int
    service_ids: tuple[str, ...]
    state: str  # "empty", "thin" or "ok"


@dataclass(frozen=True)
class Analysis:
    """The whole gap analysis of one coalition."""

    slug: str
    name: str
    date: datetime.date
    thresholds: Thresholds
    matrix: dict  # level -> phase -> Cell
    indicators: dict
    findings: tuple[Finding, ...]

    def to_json(self) -> dict:
        return {
            "coalition": self.slug,
            "name": self.name,
            "date": self.date.isoformat(),
            "thresholds": asdict(self.thresholds),
            "matrix": {
                level: {phase: _cell_json(cell) for phase, cell in phases.items()}
                for level, phases in self.matrix.items()
            },
            "indicators": self.indicators,
            "findings": [
                asdict(finding) | {"service_ids": list(finding.service_ids)} for finding in self.findings
            ],
        }


def _cell_json(cell: Cell) -> dict:
    return {
        "services": cell.services,
        "recognised": cell.recognised,
        "state": cell.state,
        "service_ids": list(cell.service_ids),
    }


# --- small helpers ---------------------------------------------------------------------------


def level_label(code: str) -> str:
    return codes.PYRAMID_LEVELS.label_for(code)


def phase_label(code: str) -> str:
    return codes.PHASES.label_for(code)


def is_recognised(service: ServiceData) -> bool:
    return service.recognition_level in RECOGNISED_LEVELS


def active(services: Iterable[ServiceData]) -> list[ServiceData]:
    return [service for service in services if service.active]


def ids(services: Iterable[ServiceData]) -> tuple[str, ...]:
    return tuple(service.id for service in services)


def share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- coverage matrix ---------------------------------------------------------------------------


def coverage_matrix(services: Iterable[ServiceData], thresholds: Thresholds) -> dict:
    """Level x phase: the active services in each cell, how many are recognised, and empty/thin flags."""
    cells: dict[tuple[str, str], list[ServiceData]] = {
        (level, phase): [] for level in LEVELS for phase in PHASES
    }
    for service in active(services):
        for level in service.levels:
            for phase in service.phases:
                if (level, phase) in cells:
                    cells[(level, phase)].append(service)
    matrix = {}
    for level in LEVELS:
        matrix[level] = {}
        for phase in PHASES:
            members = cells[(level, phase)]
            count = len(members)
            state = "empty" if count == 0 else "thin" if count < thresholds.thin_cell_below else "ok"
            matrix[level][phase] = Cell(
                level, phase, count, sum(1 for s in members if is_recognised(s)), ids(members), state
            )
    return matrix


def matrix_findings(matrix: dict, thresholds: Thresholds) -> list[Finding]:
    findings = []
    for level in LEVELS:
        for phase in PHASES:
            cell = matrix[level][phase]
            subject = {"level": level, "phase": phase}
            labels = {"level": level_label(level), "phase": phase_label(phase)}
            if cell.state == "empty":
                findings.append(
                    Finding(
                        "matrix.empty_cell",
                        f"matrix.empty_cell:{level}:{phase}",
                        HIGH if phase in FOCUS_PHASES else MEDIUM,
                        _("There is no active service at level %(level)s in the phase %(phase)s.") % labels,
                        {"services": 0},
                        (),
                        _(
                            "Ask the partners whether they offer something here, "
                            "or plan a new offer with them."
                        ),
                        subject,
                    )
                )
            elif cell.state == "thin":
                findings.append(
                    Finding(
                        "matrix.thin_cell",
                        f"matrix.thin_cell:{level}:{phase}",
                        MEDIUM if phase in FOCUS_PHASES else LOW,
                        ngettext(
                            "Only %(count)d service is active at level %(level)s in the phase %(phase)s.",
                            "Only %(count)d services are active at level %(level)s in the phase %(phase)s.",
                            cell.services,
                        )
                        % (labels | {"count": cell.services}),
                        {"services": cell.services, "thin_below": thresholds.thin_cell_below},
                        cell.service_ids,
                        _(
                            "Check whether these services have room for every parent, "
                            "and who could add to them."
                        ),
                        subject,
                    )
                )
    return findings


# --- aims, factors, upbringing components ---------------------------------------------------------


def aims_per_level(services: Iterable[ServiceData]) -> dict:
    """Level -> aim -> number of active services."""
    services = active(services)
    return {
        level: {
            aim: sum(1 for s in services if level in s.levels and aim in s.aims) for aim in codes.AIMS.codes()
        }
        for level in LEVELS
    }


def aim_findings(services: Iterable[ServiceData]) -> list[Finding]:
    services = active(services)
    findings = []
    for level in LEVELS:
        at_level = [s for s in services if level in s.levels]
        if not at_level:
            continue  # the empty matrix cells already say so
        for aim in codes.AIMS.codes():
            if not any(aim in s.aims for s in at_level):
                findings.append(
                    Finding(
                        "aims.missing_at_level",
                        f"aims.missing_at_level:{level}:{aim}",
                        MEDIUM,
                        _("No service at level %(level)s works on the aim '%(aim)s'.")
                        % {"level": level_label(level), "aim": codes.AIMS.label_for(aim)},
                        {"services_at_level": len(at_level), "services_with_aim": 0},
                        (),
                        _(
                            "Discuss with the partners at this level whether their services serve this aim, "
                            "and record it; otherwise look for an offer that does."
                        ),
                        {"level": level, "aim": aim},
                    )
                )
    return findings


def _term_counts(services: list[ServiceData], attribute: str, taxonomy: codes.Taxonomy) -> dict:
    return {code: sum(1 for s in services if code in getattr(s, attribute)) for code in taxonomy.codes()}


def factor_counts(services: Iterable[ServiceData]) -> dict:
    return _term_counts(active(services), "factors", codes.FACTORS)


def component_counts(services: Iterable[ServiceData]) -> dict:
    return _term_counts(active(services), "components", codes.UPBRINGING_COMPONENTS)


def target_group_counts(services: Iterable[ServiceData]) -> dict:
    return _term_counts(active(services), "target_groups", codes.TARGET_GROUPS)


def factor_findings(services: Iterable[ServiceData]) -> list[Finding]:
    counts = factor_counts(services)
    return [
        Finding(
            "factors.uncovered",
            f"factors.uncovered:{factor}",
            MEDIUM,
            _("No active service addresses the factor '%(factor)s'.")
            % {"factor": codes.FACTORS.label_for(factor)},
            {"services": 0},
            (),
            _(
                "Find out whether a partner works on this already and has not recorded it; if not, "
                "put it on the agenda of the coalition."
            ),
            {"factor": factor},
        )
        for factor, count in counts.items()
        if count == 0
    ]


def component_findings(services: Iterable[ServiceData]) -> list[Finding]:
    counts = component_counts(services)
    return [
        Finding(
            "components.uncovered",
            f"components.uncovered:{component}",
            LOW,
            _("No active service strengthens the part of upbringing '%(component)s'.")
            % {"component": codes.UPBRINGING_COMPONENTS.label_for(component)},
            {"services": 0},
            (),
            _("Ask the partners which of their services strengthen this part of upbringing, and record it."),
            {"component": component},
        )
        for component, count in counts.items()
        if count == 0
    ]


# --- target groups: fathers and partners, families in vulnerable situations ------------------------


def reaches_fathers(service: ServiceData) -> bool:
    return any(group in service.target_groups for group in FATHER_GROUPS)


def target_group_findings(services: Iterable[ServiceData], thresholds: Thresholds) -> list[Finding]:
    services = active(services)
    findings = []
    fathers = [s for s in services if reaches_fathers(s)]
    if len(fathers) < thresholds.min_father_services:
        findings.append(
            Finding(
                "fathers.few_services",
                "fathers.few_services",
                HIGH,
                ngettext(
                    "Only %(count)d active service is meant for fathers or partners, fewer than %(minimum)d.",
                    "Only %(count)d active services are meant for fathers or partners, "
                    "fewer than %(minimum)d.",
                    len(fathers),
                )
                % {"count": len(fathers), "minimum": thresholds.min_father_services},
                {
                    "services": len(fathers),
                    "minimum": thresholds.min_father_services,
                    "active": len(services),
                },
                ids(fathers),
                _(
                    "Ask the partners which services welcome fathers and partners, tick that target group, "
                    "and plan an offer made for fathers."
                ),
            )
        )
    vulnerable = [s for s in services if "gezinnen_kwetsbaar" in s.target_groups]
    if len(vulnerable) < thresholds.min_vulnerable_services:
        findings.append(
            Finding(
                "vulnerable.few_services",
                "vulnerable.few_services",
                HIGH,
                ngettext(
                    "Only %(count)d active service is meant for families in vulnerable situations, "
                    "fewer than %(minimum)d.",
                    "Only %(count)d active services are meant for families in vulnerable situations, "
                    "fewer than %(minimum)d.",
                    len(vulnerable),
                )
                % {"count": len(vulnerable), "minimum": thresholds.min_vulnerable_services},
                {
                    "services": len(vulnerable),
                    "minimum": thresholds.min_vulnerable_services,
                    "active": len(services),
                },
                ids(vulnerable),
                _(
                    "Talk with the social team and JGZ about what these families need "
                    "and which offers reach them."
                ),
            )
        )
    return findings


# --- accessibility (FRAMEWORK.md section 7) --------------------------------------------------------


def conditions_met(
    service: ServiceData, thresholds: Thresholds, coalition_municipalities=()
) -> dict[str, bool]:
    """Each accessibility condition, as far as the data shows it for this service."""
    affordable = any(
        cost.kind in FREE_KINDS
        or (
            cost.kind == "amount"
            and cost.amount is not None
            and cost.amount <= thresholds.max_affordable_amount
        )
        for cost in service.costs
    )
    close = service.home_visits or any(
        location.municipality_code in coalition_municipalities for location in service.locations
    )
    return {
        "betaalbaar": affordable,
        "beschikbaar": service.active
        and (
            service.waiting_time_weeks is None or service.waiting_time_weeks <= thresholds.max_waiting_weeks
        ),
        "begrijpelijk": any(language != "nl" for language in service.languages),
        "passend": bool(service.phases and service.target_groups and service.aims),
        "dichtbij": close,
        "outreachend": service.home_visits,
        "frequent": service.frequency in FREQUENT,
        "cultuursensitief": service.culture_sensitive,
        "niet_stigmatiserend": service.access != "referral",
        "digitaal": service.online,
        "vaders": reaches_fathers(service),
    }


ACCESS_CODES = {
    "betaalbaar": "access.not_affordable",
    "beschikbaar": "access.not_available",
    "begrijpelijk": "access.not_understandable",
    "passend": "access.not_fitting",
    "dichtbij": "access.not_close",
    "outreachend": "access.not_outreaching",
    "frequent": "access.not_frequent",
    "cultuursensitief": "access.not_culture_sensitive",
    "niet_stigmatiserend": "access.stigmatising",
    "digitaal": "access.not_digital",
    "vaders": "access.not_reaching_fathers",
}
# Conditions that weigh most where every parent should be able to come.
ACCESS_WEIGHTY = ("betaalbaar", "niet_stigmatiserend", "beschikbaar", "begrijpelijk")
# Conditions the vision asks of many but not most services: they get the lower, secondary minimum.
ACCESS_SECONDARY = ("outreachend", "frequent", "cultuursensitief", "digitaal", "vaders")
# Extra steun is reached by referral by its nature; the vision asks the lower levels to be open to all.
ACCESS_NOT_APPLICABLE = {("niet_stigmatiserend", "extra")}


def access_minimum(condition: str, thresholds: Thresholds) -> float:
    if condition in ACCESS_SECONDARY:
        return thresholds.min_access_share_secondary
    return thresholds.min_access_share


def access_per_level(services: Iterable[ServiceData], thresholds: Thresholds, municipalities=()) -> dict:
    """Level -> condition -> {met, total, share, not_met: service ids}."""
    services = active(services)
    result = {}
    for level in LEVELS:
        at_level = [s for s in services if level in s.levels]
        met = [(s, conditions_met(s, thresholds, municipalities)) for s in at_level]
        result[level] = {}
        for condition in codes.ACCESSIBILITY_CONDITIONS.codes():
            yes = sum(1 for _s, flags in met if flags[condition])
            result[level][condition] = {
                "met": yes,
                "total": len(at_level),
                "share": share(yes, len(at_level)),
                "not_met": [s.id for s, flags in met if not flags[condition]],
            }
    return result


def access_findings(per_level: dict, thresholds: Thresholds) -> list[Finding]:
    findings = []
    for level in LEVELS:
        for condition, row in per_level[level].items():
            minimum = access_minimum(condition, thresholds)
            if row["total"] == 0 or row["share"] >= minimum or (condition, level) in ACCESS_NOT_APPLICABLE:
                continue
            weighty = condition in ACCESS_WEIGHTY and level in NEAR_LEVELS
            findings.append(
                Finding(
                    ACCESS_CODES[condition],
                    f"{ACCESS_CODES[condition]}:{level}",
                    MEDIUM if weighty else LOW,
                    _(
                        "At level %(level)s, %(met)d of %(total)d services are '%(condition)s' (%(share)s), "
                        "less than the %(minimum)s the coalition aims for."
                    )
                    % {
                        "level": level_label(level),
                        "met": row["met"],
                        "total": row["total"],
                        "condition": codes.ACCESSIBILITY_CONDITIONS.label_for(condition).lower(),
                        "share": percent(row["share"]),
                        "minimum": percent(minimum),
                    },
                    {"met": row["met"], "total": row["total"], "share": row["share"], "minimum": minimum},
                    tuple(row["not_met"]),
                    ACCESS_NEXT_STEPS[condition](),
                    {"level": level, "condition": condition},
                )
            )
    return findings


ACCESS_NEXT_STEPS = {
    "betaalbaar": lambda: _(
        "Check the costs of these services with their organisations; ask the municipality "
        "whether its pass or a subsidy can make them free for parents with little money."
    ),
    "beschikbaar": lambda: _(
        "Ask these organisations how the waiting time can come down, or where parents can go in the meantime."
    ),
    "begrijpelijk": lambda: _(
        "Record which languages the services are given in; plan interpreters, translated "
        "folders or an offer in the languages parents speak."
    ),
    "passend": lambda: _(
        "Complete the phases, target groups and aims of these services, so parents find them."
    ),
    "dichtbij": lambda: _(
        "Record the locations of these services, or look for a place in the neighbourhood "
        "where parents already come."
    ),
    "outreachend": lambda: _(
        "Discuss with the partners which services could visit parents at home or in the neighbourhood."
    ),
    "frequent": lambda: _("See whether these services can be offered more often, so parents can come back."),
    "cultuursensitief": lambda: _(
        "Ask the organisations how they take the culture of parents into account, "
        "and record it with an explanation."
    ),
    "niet_stigmatiserend": lambda: _(
        "Look at which of these services could also be open without a referral."
    ),
    "digitaal": lambda: _("Ask the organisations whether parents can also use these services online."),
    "vaders": lambda: _(
        "Ask the organisations whether fathers and partners are welcome, and tick that target group."
    ),
}


# --- languages -----------------------------------------------------------------------------------


def languages_per_level_and_phase(services: Iterable[ServiceData]) -> dict:
    """Level -> phase -> sorted languages offered by the active services in that cell."""
    services = active(services)
    return {
        level: {
            phase: sorted(
                {lang for s in services if level in s.levels and phase in s.phases for lang in s.languages}
            )
            for phase in PHASES
        }
        for level in LEVELS
    }


def language_findings(services: Iterable[ServiceData]) -> list[Finding]:
    services = active(services)
    findings = []
    for level in LEVELS:
        at_level = [s for s in services if level in s.levels]
        if at_level and not any(lang != "nl" for s in at_level for lang in s.languages):
            findings.append(
                Finding(
                    "languages.only_dutch",
                    f"languages.only_dutch:{level}",
                    HIGH if level in NEAR_LEVELS else MEDIUM,
                    ngettext(
                        "The %(count)d service at level %(level)s is only given in Dutch.",
                        "All %(count)d services at level %(level)s are only given in Dutch.",
                        len(at_level),
                    )
                    % {"count": len(at_level), "level": level_label(level)},
                    {"services": len(at_level)},
                    ids(at_level),
                    _(
                        "Find out which languages parents in the area speak, and arrange interpreters or an "
                        "offer in those languages."
                    ),
                    {"level": level},
                )
            )
    return findings


# --- geography -------------------------------------------------------------------------------------


def nearest_km(area: AreaData, points: list[tuple[float, float]]) -> float | None:
    if not points:
        return None
    return min(haversine_km(area.latitude, area.longitude, lat, lon) for lat, lon in points)


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


# --- evidence ---------------------------------------------------------------------------------------


def evidence_per_level(services: Iterable[ServiceData]) -> dict:
    services = active(services)
    result = {}
    for level in LEVELS:
        at_level = [s for s in services if level in s.levels]
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
    # At the base level, meeting places and information rarely are interventions; the vision asks for
    # proven interventions where support is given, so this rule looks at the upper two levels.
    for level in ("steuntje", "extra"):
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


# --- freshness -----------------------------------------------------------------------------------------


def stale_services(services: Iterable[ServiceData], today: datetime.date, thresholds: Thresholds) -> list:
    limit = months_before(today, thresholds.stale_after_months)
    return [s for s in active(services) if s.last_checked_on is None or s.last_checked_on < limit]


def freshness_findings(services: Iterable[ServiceData], today: datetime.date, thresholds: Thresholds) -> list:
    stale = stale_services(services, today, thresholds)
    if not stale:
        return []
    total = len(active(services))
    return [
        Finding(
            "freshness.stale",
            "freshness.stale",
            MEDIUM if share(len(stale), total) >= 0.25 else LOW,
            ngettext(
                "The facts of %(count)d of %(total)d active services were not checked "
                "in the last %(months)d months.",
                "The facts of %(count)d of %(total)d active services were not checked "
                "in the last %(months)d months.",
                len(stale),
            )
            % {"count": len(stale), "total": total, "months": thresholds.stale_after_months},
            {"stale": len(stale), "total": total, "months": thresholds.stale_after_months},
            ids(stale),
            _("Ask the organisations to check these services and fill in the date they checked them."),
        )
    ]


# --- demand ------------------------------------------------------------------------------------------------


def unmet_demand(searches: Iterable[tuple[str, int]], thresholds: Thresholds) -> list[tuple[str, int]]:
    """The search terms that found nothing at least the set number of times, most searched first."""
    totals: dict[str, int] = {}
    for term, count in searches:
        term = " ".join(term.lower().split())
        if term:
            totals[term] = totals.get(term, 0) + count
    return sorted(
        (
            (term, count)
            for term, count in totals.items()
            if count >= max(thresholds.min_unmet_searches, PRIVACY_MINIMUM_SEARCHES)
        ),
        key=lambda item: (-item[1], item[0]),
    )


def demand_findings(searches: Iterable[tuple[str, int]], thresholds: Thresholds) -> list[Finding]:
    unmet = unmet_demand(searches, thresholds)
    if not unmet:
        return []
    shown = ", ".join(f"'{term}' ({count}x)" for term, count in unmet[:10])
    return [
        Finding(
            "demand.unmet_searches",
            "demand.unmet_searches",
            MEDIUM,
            ngettext(
                "Parents searched %(count)d term often without finding anything: %(terms)s.",
                "Parents searched %(count)d terms often without finding anything: %(terms)s.",
                len(unmet),
            )
            % {"count": len(unmet), "terms": shown},
            {"terms": dict(unmet), "minimum": thresholds.min_unmet_searches},
            (),
            _(
                "Check whether an existing service matches these words (add them to its description), "
                "or whether this is an offer the area lacks."
            ),
        )
    ]


# --- the whole analysis ----------------------------------------------------------------------------------


SEVERITY_ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2}


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
