"""Where the steunwijzer leads in a coalition: per level of its route, the services that fit the answers."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from ookbalans.catalogue.models import Coalition
from ookbalans.finder import finding, labels
from ookbalans.framework.steunwijzer import Outcome

SHOWN_PER_LEVEL = 5
# Every parent may use these levels: without a fitting service, the level's general offer is shown.
OPEN_LEVELS = ("basis", "informatie")


@dataclass
class LevelOffer:
    level: str
    label: str
    found: list[finding.Found]
    fitting: bool  # the services address what the parent named (False: the level's general offer)


def fitting_ids(coalition: Coalition, level: str, outcome: Outcome) -> tuple[list, bool]:
    """The level's services for the answers: most of the named factors first; the general offer otherwise."""
    services = finding.public_services(coalition).filter(pyramid_levels__code=level)
    if outcome.phase:
        services = services.filter(phases__code=outcome.phase)
    if outcome.factors:
        matched = (
            services.annotate(
                matched=Count("factors", filter=Q(factors__code__in=outcome.factors), distinct=True)
            )
            .filter(matched__gt=0)
            .order_by("-matched", "name")
            .values_list("pk", flat=True)
        )
        ids = list(dict.fromkeys(matched))[:SHOWN_PER_LEVEL]
        if ids or level not in OPEN_LEVELS:
            return ids, True
    if level not in OPEN_LEVELS:
        return [], False
    general = services.order_by("name").values_list("pk", flat=True)
    return list(dict.fromkeys(general))[:SHOWN_PER_LEVEL], False


def offers_for(coalition: Coalition, outcome: Outcome) -> list[LevelOffer]:
    """The route's levels in the pyramid's order, information and basis first."""
    offers = []
    for level in outcome.route.levels:
        ids, fitting = fitting_ids(coalition, level, outcome)
        offers.append(
            LevelOffer(
                level, str(labels.LEVELS_FOR_PARENTS[level]), finding.found_for(ids, coalition), fitting
            )
        )
    return offers
