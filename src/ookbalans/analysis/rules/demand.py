"""Demand: what parents searched for often in the finder without finding anything."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis.rules.base import MEDIUM, Finding, Thresholds

# A search term found fewer than this many times could point to one parent: it is never reported,
# whatever threshold a coalition sets.
PRIVACY_MINIMUM_SEARCHES = 3


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
