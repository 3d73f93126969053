"""Reads a coalition's catalogue into plain, frozen dataclasses: the only input of the analysis rules."""

from __future__ import annotations

import contextlib
import datetime
import gc
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone

from ookbalans.catalogue.models import (
    Coalition,
    CostOption,
    PostcodeArea,
    Service,
    ServiceAtLocation,
)
from ookbalans.framework.models import Term
from ookbalans.reminders import schedule
from ookbalans.search.demand import unmet_searches_by_coalition

# Demand is read from the finder's searches without result of the last quarter.
UNMET_SEARCH_WEEKS = 13
# Service's many-to-many term fields and the attribute they fill in ServiceData.
TERM_FIELDS = {
    "pyramid_levels": "levels",
    "phases": "phases",
    "aims": "aims",
    "factors": "factors",
    "upbringing_components": "components",
    "target_groups": "target_groups",
}


@dataclass(frozen=True)
class LocationData:
    """Where a service is given: a point and the area it lies in."""

    pc4: str
    latitude: float | None
    longitude: float | None
    municipality_code: str | None


@dataclass(frozen=True)
class CostData:
    """One cost option: kind (free, amount, insurance, municipality) and the amount in euros."""

    kind: str
    amount: float | None = None


@dataclass(frozen=True)
class ServiceData:
    """What the analysis needs to know of one service; codes only, no model instances."""

    id: str
    name: str
    organisation: str = ""
    status: str = Service.Status.ACTIVE
    levels: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    aims: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("nl",)
    costs: tuple[CostData, ...] = ()
    access: str = Service.Access.OPEN
    home_visits: bool = False
    online: bool = False
    culture_sensitive: bool = False
    waiting_time_weeks: int | None = None
    frequency: str = Service.Frequency.BY_APPOINTMENT
    recognition_level: str = "niet_beoordeeld"
    last_checked_on: datetime.date | None = None
    # Still unchecked well after its check was due (reminders' rule: the coalition's interval or its own).
    check_overdue: bool = False
    locations: tuple[LocationData, ...] = ()

    @property
    def active(self) -> bool:
        return self.status == Service.Status.ACTIVE


@dataclass(frozen=True)
class AreaData:
    """A four-digit postcode area of one of the coalition's municipalities, with its centroid."""

    pc4: str
    place: str
    municipality_code: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class CatalogueData:
    """A snapshot of one coalition's catalogue, plus what parents searched for without result."""

    slug: str
    name: str
    today: datetime.date
    services: tuple[ServiceData, ...] = ()
    areas: tuple[AreaData, ...] = ()
    municipalities: dict[str, str] = field(default_factory=dict)
    unmet_searches: tuple[tuple[str, int], ...] = ()


def check_overdue(base, own_months, rule_months, rule_weeks, today) -> bool:
    """Whether the service is overdue for its check, by the reminders' rule (defaults where none is set)."""
    rule = schedule.Rule(
        rule_months or schedule.DEFAULT_RULE.months, rule_weeks or schedule.DEFAULT_RULE.overdue_weeks
    )
    return schedule.check_on(base, rule, own_months, today).overdue


def load_catalogue(coalition: Coalition, today: datetime.date | None = None) -> CatalogueData:
    """The catalogue of one coalition."""
    return load_catalogues([coalition], today)[coalition.pk]


def load_catalogues(coalitions: Iterable[Coalition], today: datetime.date | None = None) -> dict:
    """The catalogues of several coalitions at once, in a fixed number of queries (region, benchmark).

    The cyclic garbage collector is paused meanwhile: it would otherwise sweep the millions of small
    objects built here again and again, for nothing (they hold no cycles).
    """
    with paused_gc():
        return _load_catalogues(coalitions, today)


@contextlib.contextmanager
def paused_gc():
    """Pause the cyclic garbage collector while many short-lived, cycle-free objects are made."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_catalogues(coalitions, today) -> dict:
    """Reads the services, their terms, languages, costs and locations, and the coalitions' areas."""
    coalitions = list(coalitions)
    today = today or timezone.localdate()
    ids = [c.pk for c in coalitions]
    rows = list(
        schedule.with_baseline(Service.objects.filter(coalition__in=ids))
        .order_by("name_nl")
        .annotate(raw_id=text("id"))
        .values_list(
            "raw_id",
            "coalition_id",
            "name_nl",
            "organization__name",
            "status",
            "access",
            "home_visits",
            "online",
            "culture_sensitive",
            "waiting_time_weeks",
            "frequency",
            "national_intervention_id",
            "national_intervention__recognition_level",
            "last_checked_on",
            # What the reminders' rule needs, joined: no query of its own. The baseline is a date made by
            # the database (last check, else the day entered): reading `created_at` would double the time.
            "check_baseline",
            "check_interval__months",
            "coalition__reminder_settings__check_interval_months",
            "coalition__reminder_settings__overdue_after_weeks",
        )
    )
    service_filter = {"coalition__in": ids}
    term_codes = dict(Term.objects.values_list("id", "code"))
    terms: dict[str, dict] = {attr: defaultdict(list) for attr in TERM_FIELDS.values()}
    for field_name, attr in TERM_FIELDS.items():
        through = Service._meta.get_field(field_name).remote_field.through
        pairs = (
            through.objects.filter(**{f"service__{k}": v for k, v in service_filter.items()})
            .annotate(raw_id=text("service_id"))
            .values_list("raw_id", "term_id")
        )
        for service_id, term_id in pairs:
            terms[attr][service_id].append(term_codes[term_id])
    languages = defaultdict(list)
    language_through = Service.languages.through
    for service_id, code in (
        language_through.objects.filter(service__coalition__in=ids)
        .annotate(raw_id=text("service_id"))
        .values_list("raw_id", "language_id")
    ):
        languages[service_id].append(code)
    costs = defaultdict(list)
    for service_id, kind, amount in (
        CostOption.objects.filter(service__coalition__in=ids)
        .annotate(raw_id=text("service_id"))
        .values_list("raw_id", "kind", "amount")
    ):
        costs[service_id].append(CostData(kind, float(amount) if amount is not None else None))
    locations = defaultdict(list)
    for service_id, postal_code, lat, lon, municipality in (
        ServiceAtLocation.objects.filter(service__coalition__in=ids)
        .annotate(raw_id=text("service_id"))
        .values_list(
            "raw_id",
            "location__postal_code",
            "location__latitude",
            "location__longitude",
            "location__municipality_id",
        )
    ):
        locations[service_id].append(LocationData((postal_code or "")[:4], lat, lon, municipality))

    services_by_coalition = defaultdict(list)
    for (
        service_id,
        coalition_id,
        name,
        organisation,
        status,
        access,
        home_visits,
        online,
        culture_sensitive,
        waiting,
        frequency,
        intervention_id,
        intervention_level,
        last_checked_on,
        check_baseline,
        own_months,
        rule_months,
        rule_weeks,
    ) in rows:
        services_by_coalition[coalition_id].append(
            ServiceData(
                id=str(uuid.UUID(service_id)),
                name=name,
                organisation=organisation,
                status=status,
                languages=tuple(sorted(languages[service_id])),
                costs=tuple(costs[service_id]),
                access=access,
                home_visits=home_visits,
                online=online,
                culture_sensitive=culture_sensitive,
                waiting_time_weeks=waiting,
                frequency=frequency,
                # As the catalogue decides: a service's level is its intervention's, never guessed.
                recognition_level="niet_beoordeeld"
                if intervention_id is None
                else (intervention_level or ""),
                last_checked_on=last_checked_on,
                check_overdue=status == Service.Status.ACTIVE
                and check_overdue(check_baseline, own_months, rule_months, rule_weeks, today),
                locations=tuple(locations[service_id]),
                **{attr: tuple(terms[attr][service_id]) for attr in TERM_FIELDS.values()},
            )
        )

    municipalities_by_coalition = defaultdict(dict)
    through = Coalition.municipalities.through
    for coalition_id, code, name in through.objects.filter(coalition__in=ids).values_list(
        "coalition_id", "municipality_id", "municipality__name"
    ):
        municipalities_by_coalition[coalition_id][code] = name
    all_codes = {code for names in municipalities_by_coalition.values() for code in names}
    areas_by_municipality = defaultdict(list)
    for pc4, place, municipality, lat, lon in PostcodeArea.objects.filter(
        municipality__in=all_codes
    ).values_list("pc4", "place", "municipality_id", "latitude", "longitude"):
        areas_by_municipality[municipality].append(AreaData(pc4, place, municipality, lat, lon))
    unmet = unmet_searches_by_coalition(ids, today - datetime.timedelta(weeks=UNMET_SEARCH_WEEKS))

    result = {}
    for coalition in coalitions:
        municipalities = municipalities_by_coalition[coalition.pk]
        result[coalition.pk] = CatalogueData(
            slug=coalition.slug,
            name=coalition.name,
            today=today,
            services=tuple(services_by_coalition[coalition.pk]),
            areas=tuple(
                area
                for code in sorted(municipalities)
                for area in sorted(areas_by_municipality[code], key=_pc4)
            ),
            municipalities=dict(municipalities),
            unmet_searches=unmet.get(coalition.pk, ()),
        )
    return result


def text(field: str) -> Cast:
    """A UUID column as text: turning a million of them into UUID objects would take most of the time."""
    return Cast(field, output_field=CharField())


def _pc4(area: AreaData) -> str:
    return area.pc4
