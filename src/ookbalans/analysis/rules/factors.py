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
    return uncovered_findings(
        "factors.uncovered",
        "factor",
        MEDIUM,
        codes.FACTORS,
        factor_counts(services),
        _("No active service addresses the factor '%(factor)s'."),
        _(
            "Find out whether a partner works on this already and has not recorded it; if not, "
            "put it on the agenda of the coalition."
        ),
    )


def component_findings(services: Iterable[ServiceData]) -> list[Finding]:
    return uncovered_findings(
        "components.uncovered",
        "component",
        LOW,
        codes.UPBRINGING_COMPONENTS,
        component_counts(services),
        _("No active service strengthens the part of upbringing '%(component)s'."),
        _("Ask the partners which of their services strengthen this part of upbringing, and record it."),
    )


def uncovered_findings(
    code: str,
    subject: str,
    severity: str,
    taxonomy: codes.Taxonomy,
    counts: dict,
    message: str,
    next_step: str,
) -> list[Finding]:
    """A finding for every term of `taxonomy` no active service has; `message` names it as %(<subject>)s."""
    return [
        Finding(
            code,
            f"{code}:{term}",
            severity,
            message % {subject: taxonomy.label_for(term)},
            {"services": 0},
            (),
            next_step,
            {subject: term},
        )
        for term, count in counts.items()
        if count == 0
    ]
