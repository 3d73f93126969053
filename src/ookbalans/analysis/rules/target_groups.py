"""Target groups: fathers and partners, and families in vulnerable situations, reached by few services."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.analysis.rules.base import HIGH, Finding, Thresholds, active, ids, term_counts
from ookbalans.framework import codes

FATHER_GROUPS = codes.FATHER_AND_PARTNER_GROUPS
VULNERABLE_FAMILIES = "gezinnen_kwetsbaar"


def target_group_counts(services: Iterable[ServiceData]) -> dict:
    return term_counts(active(services), "target_groups", codes.TARGET_GROUPS)


def reaches_fathers(service: ServiceData) -> bool:
    return any(group in service.target_groups for group in FATHER_GROUPS)


def target_group_findings(services: Iterable[ServiceData], thresholds: Thresholds) -> list[Finding]:
    services = active(services)
    findings = []
    fathers = [s for s in services if reaches_fathers(s)]
    if len(fathers) < thresholds.min_father_services:
        findings.append(
            Finding(
                "fathers.few_services",
                "fathers.few_services",
                HIGH,
                ngettext(
                    "Only %(count)d active service is meant for fathers or partners, fewer than %(minimum)d.",
                    "Only %(count)d active services are meant for fathers or partners, "
                    "fewer than %(minimum)d.",
                    len(fathers),
                )
                % {"count": len(fathers), "minimum": thresholds.min_father_services},
                {
                    "services": len(fathers),
                    "minimum": thresholds.min_father_services,
                    "active": len(services),
                },
                ids(fathers),
                _(
                    "Ask the partners which services welcome fathers and partners, tick that target group, "
                    "and plan an offer made for fathers."
                ),
            )
        )
    vulnerable = [s for s in services if VULNERABLE_FAMILIES in s.target_groups]
    if len(vulnerable) < thresholds.min_vulnerable_services:
        findings.append(
            Finding(
                "vulnerable.few_services",
                "vulnerable.few_services",
                HIGH,
                ngettext(
                    "Only %(count)d active service is meant for families in vulnerable situations, "
                    "fewer than %(minimum)d.",
                    "Only %(count)d active services are meant for families in vulnerable situations, "
                    "fewer than %(minimum)d.",
                    len(vulnerable),
                )
                % {"count": len(vulnerable), "minimum": thresholds.min_vulnerable_services},
                {
                    "services": len(vulnerable),
                    "minimum": thresholds.min_vulnerable_services,
                    "active": len(services),
                },
                ids(vulnerable),
                _(
                    "Talk with the social team and JGZ about what these families need "
                    "and which offers reach them."
                ),
            )
        )
    return findings
