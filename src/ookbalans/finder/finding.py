"""What the finder shows: filtered services, distances, the contact point, and short codes for lists."""

from __future__ import annotations

import string
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import translation
from django.utils.translation import get_language, get_language_info

from ookbalans.catalogue.geo import distance_km
from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    CostOption,
    Language,
    Location,
    PostcodeArea,
    Service,
    ServiceAtLocation,
)
from ookbalans.framework import codes

FREE_FOR_PARENTS = (CostOption.Kind.FREE, CostOption.Kind.MUNICIPALITY)
FATHERS = codes.FATHER_AND_PARTNER_GROUPS
SHORT_CODE_LENGTH = 8
NEARBY_KM = 5.0


def public_services(coalition: Coalition) -> QuerySet[Service]:
    return Service.objects.filter(coalition=coalition, status=Service.Status.ACTIVE)


def filtered_services(coalition: Coalition, data: dict) -> QuerySet[Service]:
    """The coalition's active services that pass the filters in the form's cleaned data."""
    services = public_services(coalition)
    if data.get("fase"):
        services = services.filter(phases__code=data["fase"])
    if data.get("niveau"):
        services = services.filter(pyramid_levels__code__in=data["niveau"])
    if data.get("doelgroep"):
        services = services.filter(target_groups__code__in=data["doelgroep"])
    if data.get("gratis"):
        services = services.filter(cost_options__kind__in=FREE_FOR_PARENTS)
    if data.get("taal"):
        services = services.filter(languages__code=data["taal"])
    if data.get("vaders"):
        services = services.filter(target_groups__code__in=FATHERS)
    if data.get("thuis"):
        services = services.filter(home_visits=True)
    if data.get("online"):
        services = services.filter(online=True)
    return services.distinct()


def with_places(services):
    """Services with their locations, opening hours, costs, languages and target groups (for the facts)
    in as few queries as possible; not the levels, which the service page and the list do not show."""
    return services.select_related("organization", "national_intervention").prefetch_related(
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related("schedules"),
        ),
        "cost_options",
        "languages",
        "target_groups",
    )


def by_relevance_to_phase(services: QuerySet[Service], points: list[ContactPoint]) -> QuerySet[Service]:
    """Filtered results without search words: the contact point's own services first, then the pyramid
    from its base (basis, informatie, steuntje, extra), then by name."""
    organisations = [point.organization_id for point in points if point.organization_id]
    return services.annotate(
        at_contact_point=Case(
            When(organization_id__in=organisations, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        lowest_level=Min("pyramid_levels__position"),
    ).order_by("at_contact_point", "lowest_level", "name")


@dataclass
class Found:
    """A service as the results list shows it: texts in the parent's language when translated."""

    service: Service
    distance: float | None = None

    # modeltranslation's accessors give the active language's text, falling back to Dutch
    # (MODELTRANSLATION_FALLBACK_LANGUAGES); the templates mark that Dutch text with lang="nl".
    @property
    def name(self) -> str:
        return self.service.name

    @property
    def short_description(self) -> str:
        return self.service.short_description

    @property
    def is_translated(self) -> bool:
        language = get_language()
        return language == "nl" or bool(getattr(self.service, f"name_{language}", ""))

    @property
    def speaks_page_language(self) -> bool:
        """Offered in the page's language, when that is not Dutch: 'in your own language'."""
        language = get_language()
        return language != "nl" and any(item.code == language for item in self.service.languages.all())

    @property
    def for_fathers(self) -> bool:
        return any(term.code in FATHERS for term in self.service.target_groups.all())

    @property
    def is_nearby(self) -> bool:
        return self.distance is not None and self.distance <= NEARBY_KM

    @property
    def is_free(self) -> bool:
        return any(option.kind in FREE_FOR_PARENTS for option in self.service.cost_options.all())

    @property
    def places(self) -> list[str]:
        return sorted({sal.location.city for sal in self.service.service_at_locations.all()})


def nearest_distance(service: Service, area: PostcodeArea) -> float | None:
    distances = [
        distance_km(area.latitude, area.longitude, sal.location.latitude, sal.location.longitude)
        for sal in service.service_at_locations.all()
        if sal.location.latitude is not None
    ]
    return min(distances) if distances else None


def distances_to(service_ids: list, area: PostcodeArea) -> dict:
    """The distance from the postcode to each service's nearest place, in one light query."""
    nearest: dict = {}
    places = ServiceAtLocation.objects.filter(
        service_id__in=service_ids, location__latitude__isnull=False
    ).values_list("service_id", "location__latitude", "location__longitude")
    for service_id, latitude, longitude in places:
        km = distance_km(area.latitude, area.longitude, latitude, longitude)
        if service_id not in nearest or km < nearest[service_id]:
            nearest[service_id] = km
    return nearest


def by_distance(service_ids: list, distances: dict, max_km: float | None) -> list:
    """Nearest first; services without a place (at home, online) after them; beyond max_km left out."""
    kept = [pk for pk in service_ids if max_km is None or pk not in distances or distances[pk] <= max_km]
    return sorted(kept, key=lambda pk: (pk not in distances, distances.get(pk, 0.0)))


# A results page's services load only the fields a result shows (the full description and the
# timestamps stay in the database).
LISTED_AWAY = ("description", "created_at", "modified_at")


@dataclass
class Listed:
    """A service as a results list shows it, its facts read in a few flat queries (no model per place,
    cost or term, no related managers) and worked out once, so the template only reads attributes.

    The same attributes as `Found` (which the service page and the parents' list use), plus the
    professionals' details: level and target group codes and the costs.
    """

    service: Service
    distance: float | None = None
    places: list[str] = field(default_factory=list)
    is_free: bool = False
    for_fathers: bool = False
    speaks_page_language: bool = False
    levels: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    costs: list[tuple[str, Decimal | None]] = field(default_factory=list)
    reasons: list = field(default_factory=list)

    def __post_init__(self) -> None:
        # modeltranslation's accessors: the page language's text, else Dutch (see Found).
        self.name = self.service.name
        self.short_description = self.service.short_description
        language = get_language()
        self.is_translated = language == "nl" or bool(getattr(self.service, f"name_{language}", ""))

    @property
    def is_nearby(self) -> bool:
        return self.distance is not None and self.distance <= NEARBY_KM


def _facts_sql() -> str:
    """The SQL of `listed_facts`, with `{ids}` for the ids' placeholders: one UNION ALL over five
    tables, made from the models' own table and column names. Costs come first, so that PostgreSQL
    gives the NULLs of the other parts the types of the amount and the cost's id."""
    quote = connection.ops.quote_name

    def name(model, field: str | None = None) -> str:
        return quote(model._meta.db_table if field is None else model._meta.get_field(field).column)

    def part(kind: str, values: str, tables: str, service: str) -> str:
        # Names and constants only; the ids are the query's parameters.
        return f"SELECT {service}, '{kind}', {values} FROM {tables} WHERE {service} IN ({{ids}})"  # noqa: S608

    term = Service.target_groups.field.related_model
    place, location = ServiceAtLocation, Location
    parts = [
        part(
            "costs",
            f"{name(CostOption, 'kind')}, 0, {name(CostOption, 'amount')}, {name(CostOption, 'id')}",
            name(CostOption),
            name(CostOption, "service"),
        ),
        part(
            "places",
            f"l.{name(location, 'city')}, 0, NULL, NULL",
            f"{name(place)} s JOIN {name(location)} l "
            f"ON l.{name(location, 'id')} = s.{name(place, 'location')}",
            f"s.{name(place, 'service')}",
        ),
        part(
            "languages",
            f"{name(Service.languages.through, 'language')}, 0, NULL, NULL",
            name(Service.languages.through),
            name(Service.languages.through, "service"),
        ),
    ]
    labels = (("groups", Service.target_groups.through), ("levels", Service.pyramid_levels.through))
    for kind, through in labels:
        parts.append(
            part(
                kind,
                f"t.{name(term, 'code')}, t.{name(term, 'position')}, NULL, NULL",
                f"{name(through)} m JOIN {name(term)} t ON t.{name(term, 'id')} = m.{name(through, 'term')}",
                f"m.{name(through, 'service')}",
            )
        )
    return " UNION ALL ".join(parts)


_FACTS_SQL: dict[str, str] = {}


def listed_facts(service_ids: list) -> dict:
    """Per service id: the towns of its places, its costs (in the order of their ids), its languages,
    and its target groups and levels (in the framework's order).

    One query of plain values over the five tables (no model instances, and no query built by the
    ORM for each page: the SQL is made once per database).
    """
    facts = {
        pk: {"places": set(), "costs": [], "languages": set(), "groups": [], "levels": []}
        for pk in service_ids
    }
    if not service_ids:
        return facts
    sql = _FACTS_SQL.get(connection.alias)
    if sql is None:
        sql = _FACTS_SQL[connection.alias] = _facts_sql()
    pk_field = Service._meta.pk
    ids = [pk_field.get_db_prep_value(pk, connection) for pk in service_ids]
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(sql.format(ids=placeholders), ids * 5)
        rows = cursor.fetchall()
    to_pk = pk_field.to_python  # SQLite gives the UUIDs as text
    amount_field = CostOption._meta.get_field("amount")
    costs, codes_of = [], []
    for service_id, kind, code, position, amount, cost_id in rows:
        if kind == "places":
            facts[to_pk(service_id)]["places"].add(code)
        elif kind == "costs":
            costs.append((str(to_pk(cost_id)), to_pk(service_id), code, _decimal(amount, amount_field)))
        else:
            codes_of.append((position, code, to_pk(service_id), kind))
    for _id, service_id, kind, amount in sorted(costs, key=lambda row: row[0]):
        facts[service_id]["costs"].append((kind, amount))
    for _position, code, service_id, kind in sorted(codes_of, key=lambda row: (row[0], row[1])):
        found = facts[service_id][kind]
        if kind == "languages":
            found.add(code)
        else:
            found.append(code)
    return facts


def _decimal(value, field) -> Decimal | None:
    """An amount as the ORM gives it: SQLite returns a float or an integer, PostgreSQL a Decimal."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-field.decimal_places))


def _services_sql() -> str:
    """The SQL of `listed_services`, with `{ids}` for the ids' placeholders."""
    quote = connection.ops.quote_name
    table = quote(Service._meta.db_table)
    listed = [
        f"s.{quote(field.column)}"
        for field in Service._meta.concrete_fields
        # Not the full description in any language (modeltranslation's `description_<lang>`).
        if field.name not in LISTED_AWAY and not field.name.startswith("description_")
    ]
    intervention = Service._meta.get_field("national_intervention")
    other = intervention.related_model
    level = quote(other._meta.get_field("recognition_level").column)
    return (
        f"SELECT {', '.join(listed)}, i.{level} AS intervention_level FROM {table} s "  # noqa: S608
        f"LEFT JOIN {quote(other._meta.db_table)} i "
        f"ON i.{quote(other._meta.pk.column)} = s.{quote(intervention.column)} "
        f"WHERE s.{quote(Service._meta.get_field('coalition').column)} = %s "
        f"AND s.{quote(Service._meta.get_field('status').column)} = %s "
        f"AND s.{quote(Service._meta.pk.column)} IN ({{ids}})"
    )


_SERVICES_SQL: dict[str, str] = {}


def listed_services(service_ids: list, coalition: Coalition) -> dict:
    """The coalition's active services among the ids, by id, with the fields a result shows (every
    translation of the name and short description; not the full descriptions) and their intervention's
    evidence level. Plain SQL made once: building this query with the ORM on every page cost more
    CPU than reading the rows."""
    sql = _SERVICES_SQL.get(connection.alias)
    if sql is None:
        sql = _SERVICES_SQL[connection.alias] = _services_sql()
    pk_field = Service._meta.pk
    params = [
        Service._meta.get_field("coalition").get_db_prep_value(coalition.pk, connection),
        Service.Status.ACTIVE.value,
        *(pk_field.get_db_prep_value(pk, connection) for pk in service_ids),
    ]
    intervention = Service._meta.get_field("national_intervention")
    found = {}
    for service in Service.objects.raw(sql.format(ids=", ".join(["%s"] * len(service_ids))), params):
        if service.national_intervention_id is not None:
            other = intervention.related_model(
                pk=service.national_intervention_id, recognition_level=service.intervention_level
            )
            intervention.set_cached_value(service, other)
        else:
            intervention.set_cached_value(service, None)
        found[service.pk] = service
    return found


def found_for(service_ids: list, coalition: Coalition, distances: dict | None = None) -> list[Listed]:
    """Load only the services to show (one page), with the facts the list shows, in the given order."""
    if not service_ids:
        return []
    services = listed_services(service_ids, coalition)
    shown = [pk for pk in service_ids if pk in services]
    facts = listed_facts(shown)
    distances = distances or {}
    language = get_language()
    result = []
    for pk in shown:
        fact = facts[pk]
        result.append(
            Listed(
                services[pk],
                distance=distances.get(pk),
                places=sorted(fact["places"]),
                is_free=any(kind in FREE_FOR_PARENTS for kind, _amount in fact["costs"]),
                for_fathers=any(code in FATHERS for code in fact["groups"]),
                speaks_page_language=language != "nl" and language in fact["languages"],
                levels=fact["levels"],
                target_groups=fact["groups"],
                costs=fact["costs"],
            )
        )
    return result


# How long a coalition's contact points stay cached; any change shows at once regardless (see below).
CONTACT_POINTS_SECONDS = 24 * 3600


def _page_sql() -> tuple[str, list, list, list]:
    """The SQL of `coalition_for_page`, made once from the models' table and column names, with the
    coalition's fields in the order it reads them and each field's converters from the database's values."""
    quote = connection.ops.quote_name

    def name(model, field: str | None = None) -> str:
        return quote(model._meta.db_table if field is None else model._meta.get_field(field).column)

    coalitions, points = name(Coalition), name(ContactPoint)
    fields = list(Coalition._meta.concrete_fields)
    columns = ", ".join(f"c.{quote(field.column)}" for field in fields)
    of_coalition = f"FROM {points} p WHERE p.{name(ContactPoint, 'coalition')} = c.{name(Coalition, 'id')}"
    sql = (
        f"SELECT {columns}, (SELECT COUNT(*) {of_coalition}) AS contact_points_count, "  # noqa: S608
        f"(SELECT MAX(p.{name(ContactPoint, 'modified_at')}) {of_coalition}) AS contact_points_changed "
        f"FROM {coalitions} c WHERE c.{name(Coalition, 'slug')} = %s"
    )
    changed = _converters(ContactPoint._meta.get_field("modified_at"))
    return sql, [field.attname for field in fields], [_converters(field) for field in fields], changed


_PAGE_SQL: dict[str, tuple[str, list, list, list]] = {}


def coalition_for_page(slug: str) -> Coalition | None:
    """The coalition of a finder page, with in the same query what every page asks besides it: its
    contact points' stamp (their number and latest change, the key of the cached points). One query
    instead of two, its SQL made once and its row made into the model as the ORM would (building such
    a query with the ORM, or reading it through `raw()`, cost more CPU than the query itself). Whether
    the site holds demonstration data comes from the cache (`home.context_processors.site_has_demo_data`),
    as on every other page."""
    made = _PAGE_SQL.get(connection.alias)
    if made is None:
        made = _PAGE_SQL[connection.alias] = _page_sql()
    sql, names, converters, changed = made
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    values = [
        _converted(value, field_converters)
        for value, field_converters in zip(row[: len(names)], converters, strict=True)
    ]
    coalition = Coalition.from_db(connection.alias, names, values)
    coalition.contact_points_count = row[len(names)]
    coalition.contact_points_changed = _converted(row[len(names) + 1], changed)
    return coalition


def _converters(field) -> list:
    """The converters the ORM applies to a field's value read from the database (SQLite keeps datetimes
    as text, UUIDs as hexadecimal)."""
    column = field.get_col(field.model._meta.db_table)
    return [
        (converter, column)
        for converter in connection.ops.get_db_converters(column) + field.get_db_converters(connection)
    ]


def _converted(value, converters: list):
    for converter, column in converters:
        value = converter(value, column, connection)
    return value


def coalition_contact_points(coalition: Coalition) -> list[ContactPoint]:
    """The coalition's contact points with their phase and municipality, in the phases' order.

    The same for every visitor, so kept in Django's cache (local memory, or Redis where configured).
    The key holds the number of points and the latest change: a point saved in the admin, through
    the API or by an import (whose bulk writes send no signals but set `modified_at`), and a point
    deleted, all give a new key. The stamp comes with the coalition when it was read by
    `coalition_for_page`; otherwise one small query asks it.
    """
    if hasattr(coalition, "contact_points_count"):
        count, changed = coalition.contact_points_count or 0, coalition.contact_points_changed
    else:
        stamp = ContactPoint.objects.filter(coalition=coalition).aggregate(
            count=Count("id"), changed=Max("modified_at")
        )
        count, changed = stamp["count"], stamp["changed"]
    key = f"finder:contact-points:{coalition.pk}:{count}:{changed.timestamp() if changed else 0}"
    points = cache.get(key)
    if points is None:
        points = list(
            ContactPoint.objects.filter(coalition=coalition)
            .select_related("municipality", "phase")
            .order_by("phase__position", "municipality_id", "id")
        )
        cache.set(key, points, CONTACT_POINTS_SECONDS)
    return points


# How long the list of offered languages is kept; a change in this process forgets it at once
# (finder/signals.py), other processes with a local-memory cache see it within this time.
OFFERED_LANGUAGES_SECONDS = 300
OFFERED_LANGUAGES_KEY = "finder:offered-languages"


def offered_languages() -> list[Language]:
    """The languages other than Dutch that at least one service is given in, for the form's language filter.

    The same for every page with the form, so kept in Django's cache: one indexed probe per language
    (not a DISTINCT over every service's languages in the country) when it is not there.
    """
    languages = cache.get(OFFERED_LANGUAGES_KEY)
    if languages is None:
        offered = Service.languages.through.objects.filter(language_id=OuterRef("pk"))
        languages = list(Language.objects.exclude(code="nl").filter(Exists(offered)))
        cache.set(OFFERED_LANGUAGES_KEY, languages, OFFERED_LANGUAGES_SECONDS)
    return languages


def forget_offered_languages() -> None:
    cache.delete(OFFERED_LANGUAGES_KEY)


def contact_points(
    coalition: Coalition, phase: str, area: PostcodeArea | None, points: list[ContactPoint] | None = None
) -> list[ContactPoint]:
    """The contact point for the phase: the municipality's own when the postcode tells which, else all."""
    if points is None:
        points = coalition_contact_points(coalition)
    in_phase = [point for point in points if point.phase.code == phase]
    return choose_contact_points(in_phase, area.municipality_id if area else None)


def choose_contact_points(points: list[ContactPoint], municipality_code: str | None) -> list[ContactPoint]:
    """One point when the municipality decides it or one serves everyone; otherwise one per municipality."""
    if municipality_code:
        local = [p for p in points if p.municipality_id == municipality_code]
        if local:
            return local[:1]
    general = [p for p in points if p.municipality_id is None]
    if general:
        return general[:1]
    return sorted(points, key=lambda p: p.municipality.name if p.municipality else "")


def short_code(service: Service) -> str:
    """A short, stable code for a service in a shared list: the start of its UUID."""
    return service.pk.hex[:SHORT_CODE_LENGTH]


def services_by_codes(coalition: Coalition, codes: list[str]) -> list[Service]:
    """The coalition's active services for the codes, in the order given; unknown codes are skipped."""
    wanted = [
        code.lower()
        for code in dict.fromkeys(codes)
        if len(code) == SHORT_CODE_LENGTH and all(char in string.hexdigits for char in code)
    ]
    if not wanted:
        return []
    # A code is the start of a UUID: the ids from code-000… to code-fff…, a range of the primary key's
    # index, instead of loading every service of the coalition to compare their codes.
    in_ranges = Q()
    for code in wanted:
        in_ranges |= Q(pk__range=(uuid.UUID(code + "0" * 24), uuid.UUID(code + "f" * 24)))
    by_code = {
        short_code(service): service for service in with_places(public_services(coalition).filter(in_ranges))
    }
    return [by_code[code] for code in wanted if code in by_code]


def is_outside(coalition: Coalition, area: PostcodeArea) -> bool:
    """The postcode lies in none of the coalition's municipalities."""
    return not coalition.municipalities.filter(code=area.municipality_id).exists()


def nearest_coalition(coalition: Coalition, area: PostcodeArea) -> Coalition | None:
    """Another coalition whose finder serves a postcode outside this one: the one covering its municipality,
    else the nearest (by the centroids of its postcode areas); None when there is no other coalition."""
    covering = Coalition.objects.filter(municipalities__code=area.municipality_id).exclude(pk=coalition.pk)
    if covering := covering.first():
        return covering
    nearest: tuple[float, int] | None = None
    places = PostcodeArea.objects.filter(
        municipality__coalitions__isnull=False, latitude__isnull=False
    ).values_list("municipality__coalitions", "latitude", "longitude")
    for coalition_id, latitude, longitude in places:
        if coalition_id == coalition.pk:
            continue
        km = distance_km(area.latitude, area.longitude, latitude, longitude)
        if nearest is None or km < nearest[0]:
            nearest = (km, coalition_id)
    return Coalition.objects.filter(pk=nearest[1]).first() if nearest else None


def language_name(language) -> tuple[str, str]:
    """A language's name and the language it is written in: the page's where Django names it ('Dutch' is
    'Nederlands', 'الهولندية'), else the catalogue's Dutch name, to be marked lang="nl"."""
    if get_language() == "nl":
        return language.name, "nl"
    try:
        return translation.gettext(get_language_info(language.code)["name"]), get_language()
    except KeyError:
        return language.name, "nl"


def language_names(languages) -> list[tuple[str, str]]:
    return sorted(language_name(language) for language in languages)
