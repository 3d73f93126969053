"""The five aims of the pyramid: which aims each level works on, and which it misses."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.analysis.rules.base import MEDIUM, Finding, active_per_level, level_label
from ookbalans.framework import codes


def aims_per_level(services: Iterable[ServiceData]) -> dict:
    """Level -> aim -> number of active services."""
    return {
        level: {aim: sum(1 for s in at_level if aim in s.aims) for aim in codes.AIMS.codes()}
        for level, at_level in active_per_level(services)
    }


def aim_findings(services: Iterable[ServiceData]) -> list[Finding]:
    findings = []
    for level, at_level in active_per_level(services):
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
