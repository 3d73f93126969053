"""What every rule shares: thresholds, findings, matrix cells, the analysis, and small helpers."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.framework import codes

LEVELS = codes.PYRAMID_LEVELS.codes()
PHASES = codes.PHASES.codes()
# The first 1000 days (and the wish for a child before them) are the vision's focus: gaps there weigh more.
FOCUS_PHASES = ("kinderwens", "zwangerschap", "geboorte", "baby", "dreumes")
# The phases a Kansrijke Start coalition works on unless it chooses others: the first 1000 days and a
# little beyond. Findings about other phases are left out (a coalition widens this in its settings).
SCOPE_PHASES = (*FOCUS_PHASES, "peuter")
# Levels every parent should find close to home.
NEAR_LEVELS = ("basis", "informatie")
# A service that implements no intervention, or one never assessed, is not recognised.
NOT_ASSESSED = "niet_beoordeeld"
RECOGNISED_LEVELS = tuple(c for c in codes.RECOGNITION_LEVELS.codes() if c != NOT_ASSESSED)
# The language code of Dutch: a service given in any other language reaches more parents.
DUTCH = "nl"

HIGH, MEDIUM, LOW = "high", "medium", "low"
SEVERITIES = (HIGH, MEDIUM, LOW)
SEVERITY_ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2}


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
    phases: tuple[str, ...] = SCOPE_PHASES  # the phases the coalition works on, in framework order


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


def in_scope(subject: dict, phases: tuple[str, ...]) -> bool:
    """Whether a finding's subject lies in the chosen phases (a subject without a phase always does)."""
    return subject.get("phase") in (None, *phases)


def level_label(code: str) -> str:
    return codes.PYRAMID_LEVELS.label_for(code)


def phase_label(code: str) -> str:
    return codes.PHASES.label_for(code)


def is_recognised(service: ServiceData) -> bool:
    return service.recognition_level in RECOGNISED_LEVELS


def active(services: Iterable[ServiceData]) -> list[ServiceData]:
    return [service for service in services if service.active]


def services_at_level(services: Iterable[ServiceData], level: str) -> list[ServiceData]:
    return [service for service in services if level in service.levels]


def active_per_level(services: Iterable[ServiceData]) -> list[tuple[str, list[ServiceData]]]:
    """Each level of the pyramid, in order, with the active services at that level."""
    running = active(services)
    return [(level, services_at_level(running, level)) for level in LEVELS]


def ids(services: Iterable[ServiceData]) -> tuple[str, ...]:
    return tuple(service.id for service in services)


def share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def term_counts(services: list[ServiceData], attribute: str, taxonomy: codes.Taxonomy) -> dict:
    """Code -> number of the given services tagged with it, for every code of the classification."""
    return {code: sum(1 for s in services if code in getattr(s, attribute)) for code in taxonomy.codes()}
