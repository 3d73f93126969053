"""Benchmark of the gap analysis: one 1,000-service coalition (target < 1 s) and the national catalogue
of 100,000 services (target < 30 s). Prints the figures.

Run against a scratch database, never a real one; it writes test data:

    OOKBALANS_VAR_DIR=/tmp/ookbalans-bench .venv/bin/python benchmarks/analysis.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ookbalans_bench .venv/bin/python benchmarks/analysis.py

The national catalogue comes from benchmarks/national_catalogue.py (shared with the finder's benchmark);
it is generated on the first run and reused after.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ookbalans.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from ookbalans.catalogue.models import (  # noqa: E402
    Coalition,
    CostOption,
    Language,
    Location,
    Municipality,
    NationalIntervention,
    Organisation,
    PostcodeArea,
    Service,
    ServiceAtLocation,
)
from ookbalans.framework.models import Term  # noqa: E402

TERM_FIELDS = ("pyramid_levels", "phases", "aims", "factors", "upbringing_components", "target_groups")
TAXONOMY = {
    "pyramid_levels": "pyramid_level",
    "phases": "phase",
    "aims": "aim",
    "factors": "factor",
    "upbringing_components": "upbringing_component",
    "target_groups": "target_group",
}
HOW_MANY = {
    "pyramid_levels": (1, 1),
    "phases": (1, 3),
    "aims": (1, 3),
    "factors": (0, 3),
    "upbringing_components": (0, 2),
    "target_groups": (1, 3),
}


def generate_coalitions(n_services: int, municipalities: list[Municipality], rng: random.Random, prefix: str):
    """Coalitions (one per municipality) sharing n_services between them, with locations and terms."""
    terms = {}
    for term in Term.objects.all():
        terms.setdefault(term.taxonomy, []).append(term.pk)
    languages = list(Language.objects.values_list("code", flat=True))
    interventions = list(NationalIntervention.objects.values_list("id", flat=True))
    areas_by_municipality = {}
    for pc4, municipality in PostcodeArea.objects.values_list("pc4", "municipality_id"):
        areas_by_municipality.setdefault(municipality, []).append(pc4)
    coalitions = []
    per_coalition = max(1, n_services // len(municipalities))
    with transaction.atomic():
        for index, municipality in enumerate(municipalities):
            coalition = Coalition.objects.create(
                name=f"{prefix} {municipality.name} {index}", slug=f"{prefix}-{index}"
            )
            coalition.municipalities.add(municipality)
            coalitions.append(coalition)
            organisations = Organisation.objects.bulk_create(
                [
                    Organisation(coalition=coalition, name=f"Organisatie {i}", domain="sociaal")
                    for i in range(10)
                ]
            )
            pc4s = areas_by_municipality.get(municipality.code) or ["7201"]
            locations = []
            for i in range(max(3, per_coalition // 10)):
                location = Location(
                    coalition=coalition,
                    name=f"Plek {i}",
                    postal_code=f"{rng.choice(pc4s)} AB",
                    city=municipality.name,
                )
                location.fill_from_postcode_area()
                locations.append(location)
            Location.objects.bulk_create(locations)
            count = per_coalition if index < len(municipalities) - 1 else n_services - per_coalition * index
            services = Service.objects.bulk_create(
                [
                    Service(
                        id=uuid.UUID(int=rng.getrandbits(128)),
                        coalition=coalition,
                        organization=rng.choice(organisations),
                        name_nl=f"Dienst {index}-{i}",
                        short_description_nl="Je kunt hier terecht met vragen over je kind.",
                        home_visits=rng.random() < 0.2,
                        online=rng.random() < 0.2,
                        access=rng.choice(["open", "signup", "referral"]),
                        culture_sensitive=rng.random() < 0.1,
                        waiting_time_weeks=rng.choice([None, 0, 2, 8]),
                        frequency=rng.choice([c for c, _l in Service.Frequency.choices]),
                        national_intervention_id=rng.choice(interventions) if rng.random() < 0.2 else None,
                        status="active" if rng.random() < 0.95 else "inactive",
                    )
                    for i in range(count)
                ]
            )
            for field in TERM_FIELDS:
                through = getattr(Service, field).through
                low, high = HOW_MANY[field]
                through.objects.bulk_create(
                    [
                        through(service_id=s.pk, term_id=t)
                        for s in services
                        for t in rng.sample(terms[TAXONOMY[field]], rng.randint(low, high))
                    ]
                )
            Service.languages.through.objects.bulk_create(
                [
                    Service.languages.through(service_id=s.pk, language_id=code)
                    for s in services
                    for code in {"nl", *rng.sample(languages, rng.randint(0, 2))}
                ]
            )
            CostOption.objects.bulk_create(
                [
                    CostOption(service=s, kind=rng.choice(["free", "amount", "insurance"]), amount=None)
                    for s in services
                ]
            )
            ServiceAtLocation.objects.bulk_create(
                [ServiceAtLocation(service=s, location=rng.choice(locations)) for s in services]
            )
    return coalitions


def timed(label: str, function, *args):
    start = time.perf_counter()
    result = function(*args)
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.2f} s")
    return result, elapsed


def time_demo_reports() -> None:
    """The demo coalition's three reports as a coordinator downloads them (target <= 2 s each).

    Wall time and the process's own CPU time: on a shared machine the wall time also holds the wait for
    a CPU, so the load average is printed with them.
    """
    from django.utils import translation

    from ookbalans.analysis import reports
    from ookbalans.analysis.running import run_analysis

    call_command("load_demo", verbosity=0)
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    with translation.override("nl"):
        for label, fmt in (
            ("first PDF of the process", "pdf"),
            ("PDF", "pdf"),
            ("Word", "docx"),
            ("Excel", "xlsx"),
        ):
            wall, cpu = time.perf_counter(), time.process_time()
            content, _type = reports.build(fmt, coalition, run_analysis(coalition))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(
                f"demo report, {label} (target <= 2 s): {wall:.2f} s wall, {cpu:.2f} s CPU, "
                f"{len(content) // 1024} KB, load average {os.getloadavg()[0]:.1f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", type=int, default=100_000, help="services in the national catalogue")
    parser.add_argument("--skip-national", action="store_true")
    parser.add_argument("--only-reports", action="store_true", help="time the demo's reports only")
    args = parser.parse_args()

    from ookbalans.analysis.running import run_analyses, run_analysis

    call_command("migrate", verbosity=0)
    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cpu, "
        f"Python {platform.python_version()}, database {connection.vendor}"
    )
    time_demo_reports()
    if args.only_reports:
        return
    rng = random.Random(1)
    Coalition.objects.filter(slug__startswith="bench").delete()
    zutphen = Municipality.objects.filter(code="GM0301").first() or Municipality.objects.first()
    (coalition,), _elapsed = timed(
        "generate one coalition of 1,000 services", generate_coalitions, 1000, [zutphen], rng, "bench"
    )
    run_analysis(coalition)  # warm up imports and connection
    analysis, elapsed = timed("analyse the 1,000-service coalition (target < 1 s)", run_analysis, coalition)
    print(f"  {len(analysis.findings)} findings, {analysis.indicators['services']['active']} active services")

    if args.skip_national:
        return
    from benchmarks import national_catalogue

    coalitions = list(Coalition.objects.filter(slug__startswith="ks-gm"))
    if not coalitions:
        timed(
            f"generate the national catalogue ({args.national:,} services)",
            national_catalogue.generate,
            args.national,
        )
        coalitions = list(Coalition.objects.filter(slug__startswith="ks-gm"))
    total = Service.objects.filter(coalition__in=coalitions).count()
    analyses, elapsed = timed(
        f"analyse all {len(coalitions)} coalitions, {total:,} services (target < 30 s)",
        run_analyses,
        coalitions,
    )
    print(f"  {sum(len(a.findings) for a in analyses.values()):,} findings in all")


if __name__ == "__main__":
    main()
