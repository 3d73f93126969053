"""When a service is due for its check and when it is overdue: pure date rules and the queries behind them.

A service is due `months` after its last check (or, never checked, after the day it was entered),
where `months` is its own interval or else its coalition's (6 by default). It is overdue when still
unchecked `overdue_after_weeks` after that date. Nothing here hides a service from parents.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import DateField, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from ookbalans.catalogue.models import Service
from ookbalans.reminders.models import (
    DEFAULT_INTERVAL_MONTHS,
    DEFAULT_OVERDUE_WEEKS,
    MAX_MONTHS,
    CheckInterval,
    ReminderSettings,
)

# The coordinator gets a service that is still unchecked this long after its first reminder.
ESCALATE_AFTER = datetime.timedelta(weeks=4)


@dataclass(frozen=True)
class Rule:
    """A coalition's rule: check every so many months, overdue so many weeks after the due date."""

    months: int = DEFAULT_INTERVAL_MONTHS
    overdue_weeks: int = DEFAULT_OVERDUE_WEEKS
    send: bool = True


DEFAULT_RULE = Rule()


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day so many months later (or earlier), on the month's last day where it has fewer days."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def baseline(last_checked_on: datetime.date | None, created_on: datetime.date) -> datetime.date:
    """The day the facts were last known right: the last check, or else the day they were entered."""
    return last_checked_on or created_on


def last_due(today: datetime.date, rule: Rule, *, overdue: bool) -> datetime.date:
    """The last due date that makes a service due today (or, with `overdue`, late today)."""
    return today - datetime.timedelta(weeks=rule.overdue_weeks, days=1) if overdue else today


def is_due(base: datetime.date, months: int, today: datetime.date) -> bool:
    # Counted back from today, as the database condition does, so both agree at the end of a month.
    return base <= add_months(today, -months)


def is_overdue(base: datetime.date, months: int, rule: Rule, today: datetime.date) -> bool:
    return base <= add_months(last_due(today, rule, overdue=True), -months)


def should_escalate(reminded_on: datetime.date, today: datetime.date) -> bool:
    return reminded_on + ESCALATE_AFTER <= today


# --- reading the rules ---


def rule_of(settings: ReminderSettings | None) -> Rule:
    if settings is None:
        return DEFAULT_RULE
    return Rule(settings.check_interval_months, settings.overdue_after_weeks, settings.send_reminders)


def rules_for(coalition_ids: Iterable) -> dict:
    """The rule per coalition id that set one; the others follow DEFAULT_RULE."""
    return {
        row.coalition_id: rule_of(row) for row in ReminderSettings.objects.filter(coalition__in=coalition_ids)
    }


def intervals_for(services: QuerySet) -> dict:
    """The services' own intervals in months, by service id (most services have none)."""
    return dict(
        CheckInterval.objects.filter(service__in=services.values("pk")).values_list("service_id", "months")
    )


@dataclass(frozen=True)
class Due:
    """A service's check: when it is due, and whether that is now, and whether it is late."""

    due_on: datetime.date
    due: bool
    overdue: bool


def check_on(base: datetime.date, rule: Rule, own_months: int | None, today: datetime.date) -> Due:
    """The check of a service whose facts were last known right on `base` (see `baseline`)."""
    months = own_months or rule.months
    return Due(add_months(base, months), is_due(base, months, today), is_overdue(base, months, rule, today))


def check_of(service: Service, rule: Rule, own_months: int | None, today: datetime.date) -> Due:
    created_on = timezone.localdate(service.created_at) if service.created_at else today
    return check_on(baseline(service.last_checked_on, created_on), rule, own_months, today)


def service_check(service: Service, today: datetime.date | None = None) -> Due:
    """One service's check, with its coalition's rule and its own interval (one or two queries)."""
    today = today or timezone.localdate()
    rule = rules_for([service.coalition_id]).get(service.coalition_id, DEFAULT_RULE)
    own = CheckInterval.objects.filter(service=service).values_list("months", flat=True).first()
    return check_of(service, rule, own, today)


# --- the same rules as database conditions (the admin's filter, the counts) ---


def with_baseline(queryset: QuerySet) -> QuerySet:
    """Services annotated with `check_baseline`: the last check, or else the day they were entered."""
    return queryset.annotate(
        check_baseline=Coalesce("last_checked_on", TruncDate("created_at"), output_field=DateField())
    )


def _condition(coalition_ids: set, today: datetime.date, *, overdue: bool) -> Q:
    """Services of these coalitions whose check is due (or overdue) on `today`; for `with_baseline()`."""
    rules = rules_for(coalition_ids)
    # Every interval a service may have (1 to 36 months), rather than a query for those in use.
    own_months = range(1, MAX_MONTHS + 1)
    groups = [(Q(coalition__in=ids), rule) for rule, ids in _by_rule(rules).items()]
    groups.append((~Q(coalition__in=list(rules)), DEFAULT_RULE))
    condition = Q(pk__in=[])
    for in_group, rule in groups:
        # When the service's due date is on or before `last_due`, it is due (or overdue) today.
        latest = last_due(today, rule, overdue=overdue)
        condition |= in_group & Q(
            check_interval__isnull=True, check_baseline__lte=add_months(latest, -rule.months)
        )
        for months in own_months:
            condition |= in_group & Q(
                check_interval__months=months, check_baseline__lte=add_months(latest, -months)
            )
    return Q(coalition__in=coalition_ids) & condition


def _by_rule(rules: dict) -> dict:
    grouped: dict[Rule, list] = {}
    for coalition_id, rule in rules.items():
        grouped.setdefault(rule, []).append(coalition_id)
    return grouped


def due_services(queryset: QuerySet, coalition_ids: set, today: datetime.date | None = None) -> QuerySet:
    """The active services of the queryset that are due for their check today (overdue ones too)."""
    today = today or timezone.localdate()
    return with_baseline(queryset.filter(status=Service.Status.ACTIVE)).filter(
        _condition(set(coalition_ids), today, overdue=False)
    )


def overdue_services(queryset: QuerySet, coalition_ids: set, today: datetime.date | None = None) -> QuerySet:
    """The active services of the queryset still unchecked well after their due date."""
    today = today or timezone.localdate()
    return with_baseline(queryset.filter(status=Service.Status.ACTIVE)).filter(
        _condition(set(coalition_ids), today, overdue=True)
    )
