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
    message = _("No active service addresses the factor '%(factor)s'.")
    next_step = _(
        "Find out whether a partner works on this already and has not recorded it; if not, "
        "put it on the agenda of the coalition."
    )
    counts, taxonomy = factor_counts(services), codes.FACTORS
    return uncovered_findings("factors.uncovered", "factor", MEDIUM, taxonomy, counts, message, next_step)


def component_findings(services: Iterable[ServiceData]) -> list[Finding]:
    taxonomy = codes.UPBRINGING_COMPONENTS
    message = _("No active service strengthens the part of upbringing '%(component)s'.")
    next_step = _(
        "Ask the partners which of their services strengthen this part of upbringing, and record it."
    )
    counts = component_counts(services)
    return uncovered_findings("components.uncovered", "component", LOW, taxonomy, counts, message, next_step)


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
