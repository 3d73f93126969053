"""The coordinator's start page in the admin: what needs attention, told by the apps that know it.

The catalogue knows its own stale services; other apps (the vision's overdue actions, the findings
no action answers yet) add theirs with `contribute()` in their `AppConfig.ready()`, so the catalogue
imports none of them. A provider gets the user and the ids of the user's coalitions and returns
a list of `Attention` items; it should cost one or two queries, since the start page is cheap.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ookbalans.catalogue import permissions
from ookbalans.catalogue.models import Service

# A service whose facts nobody checked for this long counts as stale on the start page.
STALE_AFTER_DAYS = 365
STALE_PARAMETER = "gecontroleerd"
STALE_VALUE = "verouderd"


@dataclass(frozen=True)
class Attention:
    """One thing on the start page that needs a coordinator's attention."""

    text: str
    url: str
    count: int
    coalition: str = ""


Provider = Callable[[object, set], list[Attention]]
_providers: list[tuple[int, str, Provider]] = []


def contribute(name: str, provider: Provider, order: int = 50) -> None:
    """Add (or replace, by name) what an app reports on the start page; lower orders come first."""
    _providers[:] = [entry for entry in _providers if entry[1] != name]
    _providers.append((order, name, provider))
    _providers.sort(key=lambda entry: (entry[0], entry[1]))


def withdraw(name: str) -> None:
    """Take an item off the start page: an app whose count replaces another's (same question, better rule)."""
    _providers[:] = [entry for entry in _providers if entry[1] != name]


def stale_before(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) - datetime.timedelta(days=STALE_AFTER_DAYS)


def stale_services(user, coalition_ids: set) -> list[Attention]:
    """Active services nobody checked in the last year (or ever), over all the user's coalitions."""
    count = (
        Service.objects.filter(coalition__in=coalition_ids, status=Service.Status.ACTIVE)
        .exclude(last_checked_on__gte=stale_before())
        .count()
    )
    if not count:
        return []
    text = ngettext(
        "%(count)s active service was not checked in the last year",
        "%(count)s active services were not checked in the last year",
        count,
    ) % {"count": count}
    url = reverse("admin:catalogue_service_changelist") + f"?{STALE_PARAMETER}={STALE_VALUE}"
    return [Attention(text=text, url=url, count=count)]


contribute("catalogue", stale_services, order=10)


def attention_for(user) -> list[Attention]:
    """Everything that needs the user's attention, in the order the apps asked for."""
    coalition_ids = permissions.coalition_ids_for(user)
    if not coalition_ids:
        return []
    items = []
    for _order, _name, provider in _providers:
        items += provider(user, coalition_ids)
    return items
