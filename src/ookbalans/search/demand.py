"""What parents searched for in the finder without finding anything, summed per coalition and term."""

from __future__ import annotations

import datetime
from collections import defaultdict

from ookbalans.search.models import UnmetSearch


def unmet_searches_by_coalition(coalition_ids: list, since: datetime.date) -> dict:
    """Coalition id -> ((term, count), ...) of the weeks from `since` on, most searched first.

    One query for all the coalitions (the analysis of a region reads many at once). Every count is
    given, also the rare ones: whoever reports them must hold back those that could identify someone.
    """
    totals: dict = defaultdict(lambda: defaultdict(int))
    for coalition_id, term, count in UnmetSearch.objects.filter(
        coalition__in=coalition_ids, week__gte=since
    ).values_list("coalition_id", "term", "count"):
        totals[coalition_id][term] += count
    return {
        coalition_id: tuple(sorted(terms.items(), key=lambda item: (-item[1], item[0])))
        for coalition_id, terms in totals.items()
    }
