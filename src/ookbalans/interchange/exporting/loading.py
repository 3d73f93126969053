"""Loading a coalition's services for an export, a chunk at a time, in few queries and few objects.

Each chunk is a range of service ids: every related table is read in one query per chunk on
`service_id BETWEEN first AND last` (each table on its own: a union of them gets a parallel plan
whose workers cost more than the rows). Services, their cost options, places and opening hours are
read as plain values into light rows (`Row`), not model instances: a model instance costs more to
make than the mapping costs to read it. The framework terms, languages, national interventions and
locations are reference rows that many services name: each is loaded once, when first named, and
shared by every service that names it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from modeltranslation.translator import translator

from ookbalans.catalogue.models import (
    CostOption,
    Language,
    Location,
    NationalIntervention,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.framework.models import Term
from ookbalans.interchange import mapping, prefetched

TERM_FIELDS = tuple(mapping.SERVICE_TERM_FIELDS)
LINKED = (*TERM_FIELDS, "languages")
CHUNK = 1000


class Row:
    """A table row as attributes, what the HSDS mapping reads in place of a model instance."""


@cache
def row_type(model, properties: tuple[str, ...] = ()) -> tuple[type[Row], tuple[str, ...]]:
    """A Row class for `model` and the columns a row holds, in the order `values_list()` gives them.

    The class has the model's translated fields (modeltranslation's descriptors, which read the
    row's `name_nl`, `name_en`, … in the active language as they read an instance's) and the given
    properties of the model, so that a row answers them as an instance does.
    """
    registered = model in translator.get_registered_models()
    translated = translator.get_options_for_model(model).fields if registered else ()
    shared = {name: vars(model)[name] for name in (*translated, *properties)}
    columns = tuple(field.attname for field in model._meta.concrete_fields if field.name not in translated)
    return type(f"{model.__name__}Row", (Row,), shared), columns


def rows_of(queryset, model, properties: tuple[str, ...] = ()) -> list[Row]:
    """The queryset's rows as Rows of `model` (every concrete column, in the queryset's order)."""
    kind, columns = row_type(model, properties)
    if hasattr(queryset, "rewrite"):  # modeltranslation's: plain columns, no fallback worked out per row
        queryset = queryset.rewrite(False)
    found = []
    for values in queryset.values_list(*columns):
        row = kind()
        row.__dict__ = dict(zip(columns, values, strict=True))
        found.append(row)
    return found


class References:
    """Reference rows that many services name, each loaded once when first named: by id (or code)."""

    def __init__(self):
        self.terms: dict = {}
        self.languages: dict = {}
        self.interventions: dict = {None: None}
        self.locations: dict = {}

    @staticmethod
    def load(known: dict, model, wanted, related: tuple[str, ...] = ()) -> dict:
        """`known`, with the rows of `wanted` that it lacks loaded (as model instances) and added."""
        missing = set(wanted).difference(known)
        if missing:
            queryset = model.objects.select_related(*related) if related else model.objects.all()
            known |= queryset.in_bulk(missing)
        return known


def services_in_chunks(services, chunk_size: int = CHUNK) -> Iterator[list[Row]]:
    """The services of a queryset (one coalition's, or a set of ids), in id order, in chunks of
    `chunk_size`, as Rows with every related set the mapping reads (mapping: `prefetched.related`)."""
    references = References()
    last = None
    while True:
        page = services.order_by("id")
        if last is not None:
            page = page.filter(id__gt=last)
        chunk = rows_of(page[:chunk_size], Service, ("recognition_level",))
        if not chunk:
            return
        last = chunk[-1].id
        attach_parts(chunk, services, references)
        yield chunk
        if len(chunk) < chunk_size:
            return


def attach_parts(chunk: list[Row], services, references: References) -> None:
    """Every related set of the chunk's services, as lists on `prefetched.loaded(name)`."""
    first, last = chunk[0].id, chunk[-1].id
    ids = services.filter(id__gte=first, id__lte=last).values("id")
    in_range = {"service_id__gte": first, "service_id__lte": last, "service_id__in": ids}
    # Keyed by the ids' numbers: a UUID's own hash and equality are Python code, the int's are not.
    by_id = {}
    for service in chunk:
        by_id[service.id.int] = service.__dict__
        for name in LINKED:
            service.__dict__[prefetched.loaded(name)] = []
        service.__dict__[prefetched.loaded("cost_options")] = []
        service.__dict__[prefetched.loaded("service_at_locations")] = []
    interventions = references.load(
        references.interventions,
        NationalIntervention,
        {service.national_intervention_id for service in chunk},
    )
    for service in chunk:
        service.national_intervention = interventions[service.national_intervention_id]
    links = {
        prefetched.loaded(name): list(
            getattr(Service, name).through.objects.filter(**in_range).values_list("service_id", "term_id")
        )
        for name in TERM_FIELDS
    }
    terms = references.load(
        references.terms, Term, {term_id for found in links.values() for _service, term_id in found}
    )
    for attribute, found in links.items():
        for service_id, term_id in found:
            by_id[service_id.int][attribute].append(terms[term_id])
    links = list(
        Service.languages.through.objects.filter(**in_range).values_list("service_id", "language_id")
    )
    languages = references.load(references.languages, Language, {code for _service, code in links})
    attribute = prefetched.loaded("languages")
    for service_id, code in links:
        by_id[service_id.int][attribute].append(languages[code])
    attribute = prefetched.loaded("cost_options")
    for option in rows_of(CostOption.objects.filter(**in_range).order_by("id"), CostOption):
        by_id[option.service_id.int][attribute].append(option)
    places = rows_of(ServiceAtLocation.objects.filter(**in_range).order_by("id"), ServiceAtLocation)
    locations = references.load(
        references.locations, Location, {place.location_id for place in places}, ("municipality",)
    )
    places_by_id = {}
    attribute, hours = prefetched.loaded("service_at_locations"), prefetched.loaded("schedules")
    for place in places:
        place.location = locations[place.location_id]
        place.__dict__[hours] = []
        places_by_id[place.id.int] = place.__dict__
        by_id[place.service_id.int][attribute].append(place)
    schedules = Schedule.objects.filter(
        service_at_location__service_id__gte=first,
        service_at_location__service_id__lte=last,
        service_at_location__service_id__in=ids,
    ).order_by("weekday", "opens_at", "id")
    for schedule in rows_of(schedules, Schedule):
        places_by_id[schedule.service_at_location_id.int][hours].append(schedule)
