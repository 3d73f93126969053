"""Factors that influence parenting and parts of upbringing: which no active service addresses."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.analysis.rules.base import LOW, MEDIUM, Finding, active, term_counts
from ookbalans.framework import codes


def factor_counts(services: Iterable[ServiceData]) -> dict:
    return term_counts(active(services), "factors", codes.FACTORS)


def component_counts(services: Iterable[ServiceData]) -> dict:
    return term_counts(active(services), "components", codes.UPBRINGING_COMPONENTS)


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
