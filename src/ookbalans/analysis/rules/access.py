"""Accessibility (FRAMEWORK.md section 7): how many services at each level meet each condition."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.analysis.rules.base import (
    DUTCH,
    LEVELS,
    LOW,
    MEDIUM,
    NEAR_LEVELS,
    Finding,
    Thresholds,
    active_per_level,
    level_label,
    percent,
    share,
)
from ookbalans.analysis.rules.target_groups import reaches_fathers
from ookbalans.catalogue.models import CostOption, Service
from ookbalans.framework import codes

# Cost kinds a parent does not pay for.
FREE_KINDS = (CostOption.Kind.FREE, CostOption.Kind.INSURANCE, CostOption.Kind.MUNICIPALITY)
# Frequencies that let a parent come back easily.
FREQUENT = (
    Service.Frequency.WEEKLY,
    Service.Frequency.FORTNIGHTLY,
    Service.Frequency.ALWAYS,
    Service.Frequency.BY_APPOINTMENT,
    Service.Frequency.SERIES,
)


def conditions_met(
    service: ServiceData, thresholds: Thresholds, coalition_municipalities=()
) -> dict[str, bool]:
    """Each accessibility condition, as far as the data shows it for this service."""
    affordable = any(
        cost.kind in FREE_KINDS
        or (
            cost.kind == CostOption.Kind.AMOUNT
            and cost.amount is not None
            and cost.amount <= thresholds.max_affordable_amount
        )
        for cost in service.costs
    )
    close = service.home_visits or any(
        location.municipality_code in coalition_municipalities for location in service.locations
    )
    return {
        "betaalbaar": affordable,
        "beschikbaar": service.active
        and (
            service.waiting_time_weeks is None or service.waiting_time_weeks <= thresholds.max_waiting_weeks
        ),
        "begrijpelijk": any(language != DUTCH for language in service.languages),
        "passend": bool(service.phases and service.target_groups and service.aims),
        "dichtbij": close,
        "outreachend": service.home_visits,
        "frequent": service.frequency in FREQUENT,
        "cultuursensitief": service.culture_sensitive,
        "niet_stigmatiserend": service.access != Service.Access.REFERRAL,
        "digitaal": service.online,
        "vaders": reaches_fathers(service),
    }


ACCESS_CODES = {
    "betaalbaar": "access.not_affordable",
    "beschikbaar": "access.not_available",
    "begrijpelijk": "access.not_understandable",
    "passend": "access.not_fitting",
    "dichtbij": "access.not_close",
    "outreachend": "access.not_outreaching",
    "frequent": "access.not_frequent",
    "cultuursensitief": "access.not_culture_sensitive",
    "niet_stigmatiserend": "access.stigmatising",
    "digitaal": "access.not_digital",
    "vaders": "access.not_reaching_fathers",
}
# Conditions that weigh most where every parent should be able to come.
ACCESS_WEIGHTY = ("betaalbaar", "niet_stigmatiserend", "beschikbaar", "begrijpelijk")
# Conditions the vision asks of many but not most services: they get the lower, secondary minimum.
ACCESS_SECONDARY = ("outreachend", "frequent", "cultuursensitief", "digitaal", "vaders")
# Extra steun is reached by referral by its nature; the vision asks the lower levels to be open to all.
ACCESS_NOT_APPLICABLE = {("niet_stigmatiserend", "extra")}


def access_minimum(condition: str, thresholds: Thresholds) -> float:
    if condition in ACCESS_SECONDARY:
        return thresholds.min_access_share_secondary
    return thresholds.min_access_share


def access_per_level(services: Iterable[ServiceData], thresholds: Thresholds, municipalities=()) -> dict:
    """Level -> condition -> {met, total, share, not_met: service ids}."""
    result = {}
    for level, at_level in active_per_level(services):
        met = [(s, conditions_met(s, thresholds, municipalities)) for s in at_level]
        result[level] = {}
        for condition in codes.ACCESSIBILITY_CONDITIONS.codes():
            yes = sum(1 for _s, flags in met if flags[condition])
            result[level][condition] = {
                "met": yes,
                "total": len(at_level),
                "share": share(yes, len(at_level)),
                "not_met": [s.id for s, flags in met if not flags[condition]],
            }
    return result


def access_findings(per_level: dict, thresholds: Thresholds) -> list[Finding]:
    findings = []
    for level in LEVELS:
        for condition, row in per_level[level].items():
            minimum = access_minimum(condition, thresholds)
            if row["total"] == 0 or row["share"] >= minimum or (condition, level) in ACCESS_NOT_APPLICABLE:
                continue
            weighty = condition in ACCESS_WEIGHTY and level in NEAR_LEVELS
            findings.append(
                Finding(
                    ACCESS_CODES[condition],
                    f"{ACCESS_CODES[condition]}:{level}",
                    MEDIUM if weighty else LOW,
                    _(
                        "At level %(level)s, %(met)d of %(total)d services are '%(condition)s' (%(share)s), "
                        "less than the %(minimum)s the coalition aims for."
                    )
                    % {
                        "level": level_label(level),
                        "met": row["met"],
                        "total": row["total"],
                        "condition": codes.ACCESSIBILITY_CONDITIONS.label_for(condition).lower(),
                        "share": percent(row["share"]),
                        "minimum": percent(minimum),
                    },
                    {"met": row["met"], "total": row["total"], "share": row["share"], "minimum": minimum},
                    tuple(row["not_met"]),
                    ACCESS_NEXT_STEPS[condition](),
                    {"level": level, "condition": condition},
                )
            )
    return findings


ACCESS_NEXT_STEPS = {
    "betaalbaar": lambda: _(
        "Check the costs of these services with their organisations; ask the municipality "
        "whether its pass or a subsidy can make them free for parents with little money."
    ),
    "beschikbaar": lambda: _(
        "Ask these organisations how the waiting time can come down, or where parents can go in the meantime."
    ),
    "begrijpelijk": lambda: _(
        "Record which languages the services are given in; plan interpreters, translated "
        "folders or an offer in the languages parents speak."
    ),
    "passend": lambda: _(
        "Complete the phases, target groups and aims of these services, so parents find them."
    ),
    "dichtbij": lambda: _(
        "Record the locations of these services, or look for a place in the neighbourhood "
        "where parents already come."
    ),
    "outreachend": lambda: _(
        "Discuss with the partners which services could visit parents at home or in the neighbourhood."
    ),
    "frequent": lambda: _("See whether these services can be offered more often, so parents can come back."),
    "cultuursensitief": lambda: _(
        "Ask the organisations how they take the culture of parents into account, "
        "and record it with an explanation."
    ),
    "niet_stigmatiserend": lambda: _(
        "Look at which of these services could also be open without a referral."
    ),
    "digitaal": lambda: _("Ask the organisations whether parents can also use these services online."),
    "vaders": lambda: _(
        "Ask the organisations whether fathers and partners are welcome, and tick that target group."
    ),
}
