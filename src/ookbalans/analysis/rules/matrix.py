"""The coverage matrix: which pyramid level is offered in which phase, and where it is empty or thin."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.analysis.rules.base import (
    FOCUS_PHASES,
    HIGH,
    LEVELS,
    LOW,
    MEDIUM,
    PHASES,
    Cell,
    Finding,
    Thresholds,
    active,
    ids,
    is_recognised,
    level_label,
    phase_label,
)


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
            focus = phase in FOCUS_PHASES
            labels = {"level": level_label(level), "phase": phase_label(phase)}
            if cell.state == "empty":
                code, severity = "matrix.empty_cell", HIGH if focus else MEDIUM
                message = _("There is no active service at level %(level)s in the phase %(phase)s.") % labels
                numbers = {"services": 0}
                next_step = _(
                    "Ask the partners whether they offer something here, or plan a new offer with them."
                )
            elif cell.state == "thin":
                code, severity = "matrix.thin_cell", MEDIUM if focus else LOW
                message = ngettext(
                    "Only %(count)d service is active at level %(level)s in the phase %(phase)s.",
                    "Only %(count)d services are active at level %(level)s in the phase %(phase)s.",
                    cell.services,
                ) % (labels | {"count": cell.services})
                numbers = {"services": cell.services, "thin_below": thresholds.thin_cell_below}
                next_step = _(
                    "Check whether these services have room for every parent, and who could add to them."
                )
            else:
                continue
            findings.append(
                Finding(
                    code,
                    f"{code}:{level}:{phase}",
                    severity,
                    message,
                    numbers,
                    cell.service_ids,  # none for an empty cell
                    next_step,
                    {"level": level, "phase": phase},
                )
            )
    return findings
