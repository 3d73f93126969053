"""Benchmark the HSDS API at national scale: p50/p95, queries and peak memory per endpoint, beside floors.

Usage (generates the catalogue on first run, then reuses it, like benchmarks/finder.py):

    .venv/bin/python benchmarks/api.py --database-url postgres://postgres@127.0.0.1:5432/ookbalans_h10bench
    .venv/bin/python benchmarks/api.py --database-url sqlite:///var/bench-api.sqlite3 --services 5000

Each endpoint is asked through Django's test client (the whole request: URL routing, DRF, JSON),
for the whole country and for one coalition, a page of 50. The floors, measured in the same run:
the bare paginated ORM query of the same page (`list(queryset[:50])`) and a trivial request (the
API root of one coalition: routing, DRF and one indexed query). The ratio printed is the endpoint's
p50 against the sum of the two floors' p50.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.national_catalogue import ensure_national_catalogue, setup_django  # noqa: E402

PER_PAGE = 50


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(action, repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Milliseconds per run of `action`, after one warm-up run; its CPU milliseconds added to `cpu`.

    On a busy machine a run's wall time includes waiting for a core; its CPU time (this process only,
    not the database's) does not.
    """
    action()
    timings = []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        timings.append((time.perf_counter() - started) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - started_cpu) * 1000)
    return timings


def queries_and_memory(action) -> tuple[int, float]:
    """The number of SQL queries of one run, and the peak of Python memory in MB of another."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # An execute wrapper, not connection.queries: each request resets that log when it starts.
    with connection.execute_wrapper(count):
        action()
    tracemalloc.start()
    action()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return len(queries), peak / 1e6


def endpoints(coalition, service, organisation, place, area) -> list[tuple[str, str]]:
    """(scope, path) of every list and detail endpoint, the whole country and one coalition."""
    from ookbalans.interchange import taxonomies as tx

    lists = [
        "services",
        "services?full=true",
        "services?minimal=true",
        "services?search=borstvoeding",
        f"services?taxonomy_term_id={tx.term_id('phase', 'baby')}",
        "services?page=100",
        "organizations",
        "organizations?full=true",
        "organizations?search=zorg",
        "service_at_locations",
        "service_at_locations?full=true",
        "service_at_locations?search=borstvoeding",
        f"service_at_locations?postcode={area.pc4}&proximity=5000",
        f"service_at_locations?postcode={area.pc4}",
        "taxonomy_terms",
    ]
    details = [
        f"services/{service.id}",
        f"organizations/{organisation.id}",
        f"service_at_locations/{place.id}",
    ]
    found = []
    for scope, base in (("country", "/api/hsds/"), ("coalition", f"/api/hsds/{coalition.slug}/")):
        for path in lists:
            joiner = "&" if "?" in path else "?"
            found.append((scope, base + path + f"{joiner}per_page={PER_PAGE}"))
        found += [(scope, base + path) for path in details]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench-api.sqlite3'}"
    parser.add_argument("--database-url", default=default_url)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per endpoint")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    setup_django(args.database_url)

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from ookbalans.catalogue.models import (
        Coalition,
        Organisation,
        PostcodeArea,
        Service,
        ServiceAtLocation,
    )

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    ensure_national_catalogue(args.services, args.seed)

    # The coalition with the most active services: the largest page of one coalition's lists.
    service = Service.objects.filter(status=Service.Status.ACTIVE).order_by("coalition_id", "id").first()
    coalition = Coalition.objects.get(pk=service.coalition_id)
    organisation = Organisation.objects.get(pk=service.organization_id)
    place = ServiceAtLocation.objects.filter(service__coalition=coalition).order_by("id").first()
    area = PostcodeArea.objects.filter(municipality__coalitions=coalition).order_by("pc4").first()
    client = Client()

    def get(path):
        def run():
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code, response.content[:200])

        return run

    active = Service.objects.filter(status=Service.Status.ACTIVE)
    floors = {
        "country": lambda: list(active.order_by("name_nl", "id")[:PER_PAGE]),
        "coalition": lambda: list(active.filter(coalition=coalition).order_by("name_nl", "id")[:PER_PAGE]),
    }
    trivial = timed(get(f"/api/hsds/{coalition.slug}/"), args.repeat)
    print(
        f"{connection.vendor}, {Service.objects.count()} services, {Coalition.objects.count()} coalitions; "
        f"coalition {coalition.slug}: {active.filter(coalition=coalition).count()} active services"
    )
    print(f"trivial request (API root of one coalition): p50 {percentile(trivial, 0.5):.1f} ms")
    floor_p50 = {}
    for scope, action in floors.items():
        timings = timed(action, args.repeat)
        floor_p50[scope] = percentile(timings, 0.5)
        print(f"bare ORM page of {PER_PAGE} services ({scope}): p50 {floor_p50[scope]:.1f} ms")
    print()
    header = ("p50 ms", "p95 ms", "CPU p50", "queries", "peak MB")
    print(f"{'endpoint':78} " + " ".join(f"{name:>7}" for name in header) + f" {'ratio':>6}")
    for scope, path in endpoints(coalition, service, organisation, place, area):
        cpu: list[float] = []
        timings = timed(get(path), args.repeat, cpu)
        queries, peak = queries_and_memory(get(path))
        p50 = percentile(timings, 0.5)
        floor = floor_p50[scope] + percentile(trivial, 0.5)
        print(
            f"{path[:78]:78} {p50:7.1f} {percentile(timings, 0.95):7.1f} {percentile(cpu, 0.5):7.1f} "
            f"{queries:7d} {peak:7.1f} "
            f"{p50 / floor:6.1f}"
        )
    print()
    load = os.getloadavg()
    machine = platform.processor() or platform.machine()
    print(
        f"machine: {machine}, {os.cpu_count()} cores, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )


if __name__ == "__main__":
    main()
