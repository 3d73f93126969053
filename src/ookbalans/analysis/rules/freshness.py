"""Freshness: active services whose facts were not checked for too long."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis.catalogue_data import ServiceData
from ookbalans.analysis.rules.base import LOW, MEDIUM, Finding, Thresholds, active, ids, share


def months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale_services(services: Iterable[ServiceData], today: datetime.date, thresholds: Thresholds) -> list:
    limit = months_before(today, thresholds.stale_after_months)
    return [s for s in active(services) if s.last_checked_on is None or s.last_checked_on < limit]


def overdue_checks(services: Iterable[ServiceData]) -> list:
    """Active services still unchecked well after their check was due (the reminders' rule); parents
    still see them."""
    return [s for s in active(services) if s.check_overdue]


def freshness_findings(services: Iterable[ServiceData], today: datetime.date, thresholds: Thresholds) -> list:
    stale = stale_services(services, today, thresholds)
    if not stale:
        return []
    total = len(active(services))
    return [
        Finding(
            "freshness.stale",
            "freshness.stale",
            MEDIUM if share(len(stale), total) >= 0.25 else LOW,
            ngettext(
                "The facts of %(count)d of %(total)d active services were not checked "
                "in the last %(months)d months.",
                "The facts of %(count)d of %(total)d active services were not checked "
                "in the last %(months)d months.",
                len(stale),
            )
            % {"count": len(stale), "total": total, "months": thresholds.stale_after_months},
            {"stale": len(stale), "total": total, "months": thresholds.stale_after_months},
            ids(stale),
            _("Ask the organisations to check these services and fill in the date they checked them."),
        )
    ]
