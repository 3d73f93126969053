"""Generate a national-size catalogue (every municipality, 100,000 services) for the benchmarks.

Usage, on a fresh database that this script migrates first:

    .venv/bin/python benchmarks/national_catalogue.py --services 100000 --database-url sqlite:///var/b.sqlite3

From another benchmark: call `setup_django(database_url)` and then `generate(...)`.

The catalogue is deterministic for a seed: one coalition per municipality (342), each with
organisations of every domain, locations on the municipality's real four-digit postcodes, and
services written from realistic Dutch building blocks, placed on the pyramid with phases, aims,
target groups, languages, costs and opening hours. Rows are bulk-inserted, so no signals are
sent: rebuild derived indexes (such as the search index) afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import random
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Kinds of service, each with the levels, phases, target groups, aims and provider domain that fit it.
SERVICE_KINDS = [
    (
        "Consultatiebureau",
        "basis",
        ["baby", "dreumes", "peuter"],
        ["ouders"],
        "competent_ouderschap",
        "medisch",
    ),
    (
        "Prenataal huisbezoek",
        "steuntje",
        ["zwangerschap"],
        ["aanstaande_ouders", "gezinnen_kwetsbaar"],
        "problemen_verminderen",
        "medisch",
    ),
    (
        "Zwangerschapscursus",
        "informatie",
        ["zwangerschap"],
        ["aanstaande_ouders", "partners"],
        "competent_ouderschap",
        "medisch",
    ),
    (
        "Borstvoedingscafé",
        "basis",
        ["zwangerschap", "geboorte", "baby"],
        ["moeders"],
        "onderlinge_steun",
        "informeel",
    ),
    (
        "Papa-groep",
        "basis",
        ["zwangerschap", "baby", "dreumes"],
        ["vaders", "partners"],
        "onderlinge_steun",
        "informeel",
    ),
    (
        "Inloop voor ouders met een baby",
        "basis",
        ["baby", "dreumes"],
        ["ouders"],
        "onderlinge_steun",
        "sociaal",
    ),
    (
        "Opvoedcursus",
        "steuntje",
        ["dreumes", "peuter", "kind"],
        ["ouders"],
        "competent_ouderschap",
        "sociaal",
    ),
    (
        "Spreekuur opvoeden",
        "steuntje",
        ["baby", "dreumes", "peuter"],
        ["ouders"],
        "begeleiding_steun_hulp",
        "medisch",
    ),
    ("Huilbaby-spreekuur", "steuntje", ["baby"], ["ouders"], "begeleiding_steun_hulp", "medisch"),
    (
        "Budgetcoach",
        "steuntje",
        ["zwangerschap", "baby", "dreumes", "peuter"],
        ["ouders", "gezinnen_kwetsbaar"],
        "problemen_verminderen",
        "sociaal",
    ),
    (
        "Schuldhulpverlening",
        "extra",
        ["zwangerschap", "baby", "dreumes", "peuter"],
        ["gezinnen_kwetsbaar"],
        "begeleiding_steun_hulp",
        "sociaal",
    ),
    (
        "Gezinscoach",
        "extra",
        ["baby", "dreumes", "peuter", "kind"],
        ["gezinnen_kwetsbaar"],
        "begeleiding_steun_hulp",
        "sociaal",
    ),
    (
        "Voorleesmoment in de bibliotheek",
        "basis",
        ["baby", "dreumes", "peuter"],
        ["ouders"],
        "competent_ouderschap",
        "onderwijs_opvang",
    ),
    (
        "Taalcafé voor ouders",
        "basis",
        ["zwangerschap", "baby", "peuter"],
        ["ouders"],
        "informele_steun",
        "onderwijs_opvang",
    ),
    (
        "Kinderwensspreekuur",
        "informatie",
        ["kinderwens"],
        ["aanstaande_ouders"],
        "competent_ouderschap",
        "medisch",
    ),
    ("Kraamzorg", "basis", ["geboorte"], ["moeders", "ouders"], "begeleiding_steun_hulp", "medisch"),
    (
        "Maatje voor jonge ouders",
        "steuntje",
        ["zwangerschap", "baby", "dreumes"],
        ["gezinnen_kwetsbaar"],
        "informele_steun",
        "informeel",
    ),
    (
        "Online vragen over opvoeden",
        "informatie",
        ["baby", "dreumes", "peuter", "kind"],
        ["ouders"],
        "competent_ouderschap",
        "medisch",
    ),
    (
        "Peuteropvang met voorschool",
        "basis",
        ["peuter"],
        ["ouders"],
        "competent_ouderschap",
        "onderwijs_opvang",
    ),
    (
        "Relatiecursus voor jonge ouders",
        "steuntje",
        ["baby", "dreumes"],
        ["ouders", "partners"],
        "competent_ouderschap",
        "sociaal",
    ),
    (
        "Ondersteuning bij somberheid na de bevalling",
        "extra",
        ["geboorte", "baby"],
        ["moeders"],
        "begeleiding_steun_hulp",
        "medisch",
    ),
    (
        "Babyspullen en kleding",
        "basis",
        ["zwangerschap", "baby"],
        ["gezinnen_kwetsbaar"],
        "informele_steun",
        "informeel",
    ),
]

DESCRIPTION_OPENINGS = [
    "Hier kun je terecht met al je vragen.",
    "Je bent welkom, ook zonder afspraak.",
    "Je ontmoet andere ouders in de buurt.",
    "We helpen je op weg, in gewone taal.",
    "Je krijgt tips die passen bij jouw gezin.",
    "Samen kijken we wat je nodig hebt.",
]
DESCRIPTION_TOPICS = [
    "voeding en slapen",
    "huilen en troosten",
    "geldzorgen en rekeningen",
    "de band met je baby",
    "spelen en praten met je kind",
    "de bevalling en de eerste weken",
    "grenzen stellen en regelmaat",
    "werk en gezin combineren",
    "je relatie met je partner",
    "borstvoeding en flesvoeding",
]
LANGUAGE_CHOICES = [
    ["nl"],
    ["nl"],
    ["nl"],
    ["nl", "en"],
    ["nl", "ar"],
    ["nl", "tr"],
    ["nl", "pl"],
    ["nl", "uk"],
    ["nl", "en", "ar", "tr"],
]
STREETS = [
    "Kerkstraat",
    "Dorpsstraat",
    "Stationsweg",
    "Schoolstraat",
    "Molenweg",
    "Marktplein",
    "Parkweg",
    "Beatrixlaan",
    "Julianastraat",
    "Nieuwstraat",
]
NAMESPACE = uuid.UUID("0b4c7c5e-4a2f-4f61-9a55-2f1f0b7a9e10")


def setup_django(database_url: str | None = None) -> None:
    """Configure Django for a benchmark, on DATABASE_URL (or the given URL), and migrate it."""
    sys.path.insert(0, str(ROOT / "src"))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ookbalans.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def ensure_national_catalogue(n_services: int = 100_000, seed: int = 1) -> None:
    """Generate and index the catalogue unless the database holds it already; fresh planner statistics."""
    from django.db import connection

    from ookbalans.catalogue.models import ContactPoint, Service
    from ookbalans.search import indexing
    from ookbalans.search.models import SearchDocument

    if Service.objects.count() < n_services:
        started = time.perf_counter()
        counts = generate(n_services, seed)
        print(f"generated the catalogue {counts} in {time.perf_counter() - started:.0f} s", flush=True)
    if not ContactPoint.objects.exists():
        print(f"added {add_contact_points()} contact points", flush=True)
    if SearchDocument.objects.count() != Service.objects.count():
        started = time.perf_counter()
        with without_vector_index():
            count = indexing.rebuild()
        print(f"indexed {count} services in {time.perf_counter() - started:.0f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Bulk inserts leave no statistics and no visibility map (for index-only counts);
            # autovacuum would soon make both on a running installation.
            cursor.execute("VACUUM ANALYZE")


# Who parents turn to in each phase, as the finder shows it on every page.
CONTACT_POINTS = {
    "kinderwens": "de huisarts",
    "zwangerschap": "je verloskundige",
    "geboorte": "de kraamzorg",
}


def add_contact_points() -> int:
    """One contact point per phase in every coalition (the consultatiebureau after birth)."""
    from ookbalans.catalogue.models import Coalition, ContactPoint
    from ookbalans.framework.models import Term

    phases = list(Term.objects.filter(taxonomy="phase").order_by("position"))
    points = [
        ContactPoint(
            coalition=coalition,
            phase=phase,
            name=f"{CONTACT_POINTS.get(phase.code, 'het consultatiebureau')} in {coalition.name[16:]}",
            description="Hier kun je terecht met al je vragen over deze fase.",
            how_to_reach="Bel op werkdagen van 9 tot 17 uur.",
            phone="0575 512 345",
        )
        for coalition in Coalition.objects.filter(is_demo=True, slug__startswith="ks-")
        for phase in phases
    ]
    write_rows(ContactPoint, points, 2_000)
    return len(points)


@contextlib.contextmanager
def without_vector_index():
    """On PostgreSQL, drop the search vectors' GIN indexes while the vectors are written; build them once.

    Only for this scratch database: on a live installation the dropped indexes would lock the
    finder out for the whole rebuild.
    """
    from django.db import connection

    from ookbalans.search.backends import PostgresBackend

    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        for name in PostgresBackend.INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, column in PostgresBackend.INDEXES.items():
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {name} ON {PostgresBackend.table} USING gin ({column})"
                )


def stable_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(map(str, parts)))


def generate(n_services: int = 100_000, seed: int = 1, batch_size: int = 2_000) -> dict[str, int]:
    """Write the national catalogue into the configured database; returns the number of rows per kind."""
    from ookbalans.catalogue.models import (
        Coalition,
        CostOption,
        Location,
        Municipality,
        Organisation,
        PostcodeArea,
        Schedule,
        Service,
        ServiceAtLocation,
    )
    from ookbalans.framework.models import Term

    rng = random.Random(seed)
    terms = {(t.taxonomy, t.code): t.pk for t in Term.objects.all()}
    municipalities = list(Municipality.objects.order_by("code"))
    postcodes: dict[str, list[PostcodeArea]] = {}
    for area in PostcodeArea.objects.order_by("pc4"):
        postcodes.setdefault(area.municipality_id, []).append(area)
    per_municipality = [n_services // len(municipalities)] * len(municipalities)
    for index in range(n_services - sum(per_municipality)):
        per_municipality[index] += 1

    rows: dict[str, list] = {name: [] for name in ("org", "loc", "svc", "cost", "sal", "sched")}
    links: dict[str, list] = {name: [] for name in ("levels", "phases", "aims", "groups", "languages")}
    coalitions = []
    today = datetime.date(2026, 11, 1)

    for municipality, count in zip(municipalities, per_municipality, strict=True):
        coalition = Coalition(
            id=stable_id("coalition", municipality.code),
            name=f"Kansrijke Start {municipality.name}",
            slug=f"ks-{municipality.code.lower()}",
            description=f"De lokale coalitie Kansrijke Start van {municipality.name} (benchmarkgegevens).",
            is_demo=True,
        )
        coalitions.append((coalition, municipality))
        organisations = {}
        for domain in ("medisch", "sociaal", "onderwijs_opvang", "informeel"):
            for number in range(1, 5):
                org = Organisation(
                    id=stable_id("org", municipality.code, domain, number),
                    coalition_id=coalition.id,
                    name=f"{domain.replace('_', ' ').capitalize()} {municipality.name} {number}",
                    domain=domain,
                )
                organisations.setdefault(domain, []).append(org)
                rows["org"].append(org)
        areas = postcodes.get(municipality.code) or []
        locations = []
        for number, area in enumerate(areas[:12] or [None], start=1):
            if area is None:
                continue
            location = Location(
                id=stable_id("loc", municipality.code, number),
                coalition_id=coalition.id,
                name=f"Buurthuis {area.place} {number}",
                address_1=rng.choice(STREETS),
                house_number=str(rng.randint(1, 120)),
                postal_code=f"{area.pc4} {''.join(rng.choices('ABCDEGHJKLMNPRTVWXZ', k=2))}",
                city=area.place,
                municipality_id=municipality.code,
                latitude=area.latitude,
                longitude=area.longitude,
            )
            locations.append(location)
            rows["loc"].append(location)
        for number in range(count):
            name, level, phases, groups, aim, domain = rng.choice(SERVICE_KINDS)
            service_id = stable_id("svc", municipality.code, number)
            place = rng.choice(areas).place if areas else municipality.name
            topic = rng.choice(DESCRIPTION_TOPICS)
            rows["svc"].append(
                Service(
                    id=service_id,
                    coalition_id=coalition.id,
                    organization_id=rng.choice(organisations[domain]).id,
                    name_nl=f"{name} {place}",
                    short_description_nl=f"{rng.choice(DESCRIPTION_OPENINGS)} Over {topic}.",
                    description=(
                        f"{name} in {place}. {rng.choice(DESCRIPTION_OPENINGS)} "
                        f"We praten over {topic} en over {rng.choice(DESCRIPTION_TOPICS)}."
                    ),
                    status="active" if rng.random() > 0.03 else "inactive",
                    access=rng.choice(["open", "open", "signup", "referral"]),
                    home_visits=rng.random() < 0.2,
                    online=False,
                    frequency=rng.choice(["weekly", "by_appointment", "series", "monthly"]),
                    waiting_time_weeks=rng.choice([None, 0, 0, 2, 6, 10]),
                    last_checked_on=today - datetime.timedelta(days=rng.randint(0, 600)),
                    last_checked_by="Coördinator Kansrijke Start",
                )
            )
            links["levels"].append((service_id, terms[("pyramid_level", level)]))
            for phase in phases:
                links["phases"].append((service_id, terms[("phase", phase)]))
            links["aims"].append((service_id, terms[("aim", aim)]))
            for group in groups:
                links["groups"].append((service_id, terms[("target_group", group)]))
            for language in rng.choice(LANGUAGE_CHOICES):
                links["languages"].append((service_id, language))
            cost_kind = rng.choice(["free", "free", "free", "amount", "insurance", "municipality"])
            rows["cost"].append(
                CostOption(
                    id=stable_id("cost", service_id),
                    service_id=service_id,
                    kind=cost_kind,
                    amount=Decimal(rng.choice([5, 10, 25, 45])) if cost_kind == "amount" else None,
                )
            )
            if locations:
                at_location = ServiceAtLocation(
                    id=stable_id("sal", service_id),
                    service_id=service_id,
                    location_id=rng.choice(locations).id,
                )
                rows["sal"].append(at_location)
                opens = rng.choice([9, 10, 13, 14])
                rows["sched"].append(
                    Schedule(
                        id=stable_id("sched", service_id),
                        service_at_location_id=at_location.id,
                        weekday=rng.randint(1, 5),
                        opens_at=datetime.time(opens),
                        closes_at=datetime.time(opens + 2),
                    )
                )

    through = {
        "levels": (Service.pyramid_levels.through, "term_id"),
        "phases": (Service.phases.through, "term_id"),
        "aims": (Service.aims.through, "term_id"),
        "groups": (Service.target_groups.through, "term_id"),
        "languages": (Service.languages.through, "language_id"),
    }
    tables = [
        (Coalition, [c for c, _ in coalitions]),
        (
            Coalition.municipalities.through,
            [
                Coalition.municipalities.through(coalition_id=c.id, municipality_id=m.code)
                for c, m in coalitions
            ],
        ),
        (Organisation, rows["org"]),
        (Location, rows["loc"]),
        (Service, rows["svc"]),
        (CostOption, rows["cost"]),
        (ServiceAtLocation, rows["sal"]),
        (Schedule, rows["sched"]),
        *(
            (model, [model(service_id=s, **{column: t}) for s, t in links[key]])
            for key, (model, column) in through.items()
        ),
    ]
    for model, objects in tables:
        write_rows(model, objects, batch_size)
    counts = {"coalitions": len(coalitions)} | {key: len(value) for key, value in rows.items()}
    return counts


def write_rows(model, objects: list, batch_size: int) -> None:
    """Write one table's rows in its own transaction, every foreign key checked.

    On PostgreSQL the rows go by COPY, and the table is analysed before the next table refers to it.
    Django's foreign keys are deferred to COMMIT; checked against a table filled in the same
    transaction without statistics, each check may scan the whole table (the old single
    transaction hung in COMMIT for over 20 minutes). Committing and analysing each table in
    turn keeps every check an index lookup.
    """
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        with transaction.atomic():
            model.objects.bulk_create(objects, batch_size=batch_size)
        return
    # Database-generated keys (the link tables' serial ids) are left to the database.
    fields = [field for field in model._meta.concrete_fields if not field.db_returning]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with (
        transaction.atomic(),
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,  # noqa: S608 (model names only)
    ):
        for obj in objects:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="defaults to DATABASE_URL, else var/bench.sqlite3")
    args = parser.parse_args()
    url = args.database_url or os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
    setup_django(url)
    print(f"database {url.split('@')[-1]}")
    ensure_national_catalogue(args.services, args.seed)


if __name__ == "__main__":
    main()
