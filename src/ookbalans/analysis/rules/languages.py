"""Languages: which languages each cell is offered in, and levels given only in Dutch."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.analysis.rules.base import (
    DUTCH,
    HIGH,
    MEDIUM,
    NEAR_LEVELS,
    PHASES,
    Finding,
    active_per_level,
    ids,
    level_label,
)


def languages_per_level_and_phase(services: Iterable[ServiceData]) -> dict:
    """Level -> phase -> sorted languages offered by the active services in that cell."""
    return {
        level: {
            phase: sorted({lang for s in at_level if phase in s.phases for lang in s.languages})
            for phase in PHASES
        }
        for level, at_level in active_per_level(services)
    }


def language_findings(services: Iterable[ServiceData]) -> list[Finding]:
    findings = []
    for level, at_level in active_per_level(services):
        if at_level and not any(lang != DUTCH for s in at_level for lang in s.languages):
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
