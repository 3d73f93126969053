"""Benchmark the finder's search on a national-size catalogue: p50/p95 per search, with and without postcode.

Usage (generates the catalogue on first run, then reuses it):

    .venv/bin/python benchmarks/finder.py --database-url sqlite:///var/bench-finder.sqlite3
    .venv/bin/python benchmarks/finder.py --database-url postgres://postgres@127.0.0.1:5432/ookbalans_finder_bench

Each search is what the finder's results page computes: the coalition's active services with the
search applied (best first), their places, and with a postcode the distance to each and the sort.

Then (unless --no-http) the results page over HTTP: `ookbalans serve` is started on 127.0.0.1
(--port), one client asks the page for every query in a few coalitions, and its p95 is printed
beside the floor measured in the same run: the bare full-text SQL of the same query in the same
coalition (the first page of matching ids, no ranking) plus a trivial Django request over HTTP (the
health endpoint: routing, middleware, one query). The target is a ratio of at most 3. `--only page`
measures only that (`--only search` only the searches).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.national_catalogue import ensure_national_catalogue, setup_django  # noqa: E402

# Representative parent queries: plain needs, synonyms, compounds, typos, other languages.
QUERIES = [
    "borstvoeding",
    "breastfeeding",
    "zwanger",
    "in verwachting",
    "consultatiebureau",
    "geldzorgen",
    "schulden",
    "huilbaby",
    "opvoedcursus",
    "papa",
    "vaders baby",
    "kraamzorg",
    "voorlezen",
    "peuter spelen",
    "borstvoedng",
    "verloskundige",
    "somber na de bevalling",
    "taalcafe",
    "hulp bij opvoeden",
    "babymassage",
    "hamile",
    "nieuwkomers",
    "xyzzy",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench-finder.sqlite3'}"
    parser.add_argument("--database-url", default=default_url)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--coalitions", type=int, default=10, help="coalitions each query is run in")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-http", action="store_true", help="skip the results page over HTTP")
    parser.add_argument("--http-coalitions", type=int, default=5)
    parser.add_argument("--port", type=int, default=8102)
    parser.add_argument(
        "--only",
        choices=("search", "page"),
        help="only the searches (as --no-http), or only the results page over HTTP beside its floors",
    )
    args = parser.parse_args()
    if args.only == "search":
        args.no_http = True
    setup_django(args.database_url)

    from ookbalans.catalogue.models import Coalition, PostcodeArea
    from ookbalans.finder import finding
    from ookbalans.finder.views import PER_PAGE
    from ookbalans.search.engine import search

    ensure_national_catalogue(args.services, args.seed)

    rng = random.Random(args.seed)
    coalitions = rng.sample(list(Coalition.objects.all()), args.coalitions)
    areas = {c.pk: PostcodeArea.objects.filter(municipality__coalitions=c).first() for c in coalitions}

    def finder_search(coalition, query, area):
        """What the results page computes: search, distances and sort, then the first page loaded."""
        services = finding.filtered_services(coalition, {})
        outcome = search(query, services, coalition=coalition, load_services=False)
        ids = [pk for pk, _ in outcome.ranked]
        distances = {}
        if area:
            distances = finding.distances_to(ids, area)
            ids = finding.by_distance(ids, distances, None)
        finding.found_for(ids[:PER_PAGE], coalition, distances)
        return ids

    if args.only != "page":
        searches(args, coalitions, areas, finder_search)
    if not args.no_http:
        results_page_over_http(args, coalitions[: args.http_coalitions])
    machine = platform.processor() or platform.machine()
    load = os.getloadavg()
    print(
        f"machine: {machine}, {os.cpu_count()} cores, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )


def searches(args, coalitions, areas, finder_search) -> None:
    """p50/p95 of what the results page computes, per coalition without and with postcode, and the
    whole country's search."""
    from django.db import connection

    from ookbalans.catalogue.models import Service
    from ookbalans.search.engine import search

    vendor = connection.vendor
    finder_search(coalitions[0], "baby", None)  # warm the vocabulary cache, as a running server has
    results = {}
    for mode in ("without postcode", "with postcode"):
        timings, cpu, hits = [], [], []
        for coalition in coalitions:
            area = areas[coalition.pk] if mode == "with postcode" else None
            for query in QUERIES:
                started, started_cpu = time.perf_counter(), time.process_time()
                found = finder_search(coalition, query, area)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
                hits.append(len(found))
        results[mode] = timings
        print(
            f"{vendor:10} {mode:17} searches={len(timings):4} p50={percentile(timings, 0.5):6.1f} ms "
            f"p95={percentile(timings, 0.95):6.1f} ms max={max(timings):6.1f} ms "
            f"mean hits={statistics.mean(hits):.1f}; Python CPU p50={percentile(cpu, 0.5):.1f} "
            f"p95={percentile(cpu, 0.95):.1f} ms"
        )
    national, national_cpu = [], []
    for query in QUERIES:
        started, started_cpu = time.perf_counter(), time.process_time()
        search(query, Service.objects.all(), limit=50)
        national.append((time.perf_counter() - started) * 1000)
        national_cpu.append((time.process_time() - started_cpu) * 1000)
    print(
        f"{vendor:10} whole country      searches={len(national):4} p50={percentile(national, 0.5):6.1f} ms "
        f"p95={percentile(national, 0.95):6.1f} ms (top 50 of {Service.objects.count()} services); "
        f"Python CPU p50={percentile(national_cpu, 0.5):.1f} ms"
    )
    print(f"{'':10} targets: search p95 <= 50 ms (PostgreSQL); whole country p50 <= 100 ms")


def bare_search_sql(coalition, query: str):
    """The floor of a search: the database's own full-text match of the words in one coalition."""
    from django.db import connection

    from ookbalans.search.backends import scope_token
    from ookbalans.search.text import stem, tokens

    def run():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT service_id FROM search_searchvector "
                    "WHERE coalition_id = %s AND vector @@ plainto_tsquery('dutch', %s) LIMIT 20",
                    [coalition.pk, query],
                )
            else:
                words = " OR ".join(f'"{stem(word)}"' for word in tokens(query)) or '"x"'
                cursor.execute(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH %s LIMIT 20",
                    [f'scope : "{scope_token(coalition.pk)}" AND ({words})'],
                )
            return cursor.fetchall()

    return run


def results_page_over_http(args, coalitions) -> None:
    """The finder's results page over HTTP against the production server, beside its floor."""
    import asyncio
    import urllib.parse

    from django.db import connection

    from benchmarks.load import (
        cpu_seconds,
        cpu_used,
        server_processes,
        single_client,
        start_server,
        stop_server,
    )

    paths = [
        f"/{coalition.slug}/zoeken/?{urllib.parse.urlencode({'q': query})}"
        for coalition in coalitions
        for query in QUERIES
    ]
    bare = []
    for coalition in coalitions:
        for query in QUERIES:
            run = bare_search_sql(coalition, query)
            run()
            started = time.perf_counter()
            run()
            bare.append((time.perf_counter() - started) * 1000)
    connection.close()
    server = start_server(args.database_url, args.port)
    try:
        asyncio.run(single_client(args.port, paths))  # every query understood once, as on a running server
        # The server's CPU time (user + system, all its processes) per request: what other work on a
        # shared machine hardly changes, unlike the wall times.
        before = cpu_seconds(server_processes(server))
        trivial, trivial_errors = asyncio.run(single_client(args.port, ["/gezond/"] * len(paths)))
        middle = cpu_seconds(server_processes(server))
        pages, errors = asyncio.run(single_client(args.port, paths))
        after = cpu_seconds(server_processes(server))
    finally:
        stop_server(server)
    trivial = [value * 1000 for value in trivial]
    pages = [value * 1000 for value in pages]
    floor = percentile(bare, 0.95) + percentile(trivial, 0.95)
    print(
        f"results page over HTTP, {len(pages)} pages "
        f"({len(coalitions)} coalitions x {len(QUERIES)} queries), "
        f"errors {len(errors) + len(trivial_errors)}"
    )
    for name, values in (("bare full-text SQL", bare), ("trivial request", trivial), ("results page", pages)):
        print(f"  {name:20} p50 {percentile(values, 0.5):6.1f} ms  p95 {percentile(values, 0.95):6.1f} ms")
    trivial_cpu = cpu_used(before, middle) * 1000 / len(trivial)
    page_cpu = cpu_used(middle, after) * 1000 / len(pages)
    print(
        f"  server CPU per request: trivial {trivial_cpu:.1f} ms, results page {page_cpu:.1f} ms "
        f"({page_cpu / max(trivial_cpu, 0.1):.1f} x)"
    )
    print(
        f"  results page p95 / (bare SQL p95 + trivial request p95) = {percentile(pages, 0.95):.1f} / "
        f"{floor:.1f} = {percentile(pages, 0.95) / floor:.1f} x (target <= 3 x)"
    )


if __name__ == "__main__":
    main()
