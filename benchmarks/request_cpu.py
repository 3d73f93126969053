"""CPU per request of the load benchmark's mix, in one process, per kind of page: what the server spends.

Usage (the database is only read: no migration, no generation, no writes):

    .venv/bin/python benchmarks/request_cpu.py --database-url postgres://postgres@127.0.0.1:5432/nat_base
    .venv/bin/python benchmarks/request_cpu.py --database-url ... --profile search --top 40

The paths are `benchmarks/load.py`'s mix (same seed, same shares of searches, service pages, start
pages, parents' lists and API calls). Each is passed through Django's WSGI application the way
gunicorn does (production settings, DEBUG off), after a warm-up round that fills the caches. The
figure is the process's CPU time per request (user + system), which other work on a shared
machine hardly changes, unlike wall time. The weighted mean over the mix is what `load.py` prints as
the server's CPU per request, less gunicorn's own share. `--profile KIND` runs the kind's requests
under cProfile and prints the functions with most own time. `--page-cache` measures the public page
cache's answers instead: the warm-up keeps the pages, the measured round is answered from the cache
(local memory, or Redis when `OOKBALANS_REDIS_URL` is set).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

# How the page cache answered the measured requests: X-Cache hit, miss, or '' (took no part).
CACHING: dict[str, int] = {}
KINDS = ("search", "service", "start", "list", "api-search", "api-list")


def kind_of(path: str) -> str:
    if path.startswith("/api/"):
        return "api-search" if "search=" in path else "api-list"
    if "/zoeken/" in path:
        return "search"
    if "/aanbod/" in path:
        return "service"
    if "/lijst/" in path:
        return "list"
    return "start"


def call(application, path: str) -> tuple[int, int]:
    """One GET through the WSGI application; (status, bytes)."""
    parts = urlsplit(path)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    status = []

    def start_response(code, headers, exc_info=None):
        status.append(code)
        cached = dict(headers).get("X-Cache", "")
        CACHING[cached] = CACHING.get(cached, 0) + 1

    body = application(environ, start_response)
    size = sum(len(chunk) for chunk in body)
    if hasattr(body, "close"):
        body.close()
    return int(status[0].split()[0]), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"), required=True)
    parser.add_argument("--requests", type=int, default=400, help="paths of the mix to measure")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kind", choices=KINDS, action="append", help="measure only these kinds")
    parser.add_argument("--rounds", type=int, default=1, help="measure the paths this many times")
    parser.add_argument("--profile", choices=KINDS, help="profile this kind's requests")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument(
        "--page-cache",
        action="store_true",
        help="with the public page cache: the warm-up keeps the pages, the measured round is its hits",
    )
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["OOKBALANS_DEBUG"] = ""
    os.environ.setdefault("OOKBALANS_CONN_MAX_AGE", "60")
    # The pages' own work, not the public page cache's (which would answer the measured round).
    if args.page_cache:
        os.environ["OOKBALANS_PAGE_CACHE_SECONDS"] = "3600"
    else:
        os.environ.setdefault("OOKBALANS_PAGE_CACHE_SECONDS", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ookbalans.settings")
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    from benchmarks.load import request_mix
    from ookbalans.operations.preload import warm

    warm()
    paths = request_mix(random.Random(args.seed), args.requests)
    if args.kind:
        paths = [path for path in paths if kind_of(path) in args.kind]
    for path in paths:  # warm-up: every coalition's caches, every template compiled
        status, _size = call(application, path)
        if status >= 400:
            print(f"HTTP {status} {path}")
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        chosen = [path for path in paths if kind_of(path) == args.profile]
        profiler.enable()
        for path in chosen:
            call(application, path)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(args.sort).print_stats(args.top)
        print(f"{len(chosen)} requests of kind {args.profile}")
        print(out.getvalue())
        return
    CACHING.clear()
    cpu: dict[str, list[float]] = {kind: [] for kind in KINDS}
    sizes: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for path in paths * args.rounds:
        started = time.process_time()
        _status, size = call(application, path)
        cpu[kind_of(path)].append((time.process_time() - started) * 1000)
        sizes[kind_of(path)].append(size)
    every = [value for values in cpu.values() for value in values]
    print(
        f"{'kind':12} {'requests':>8} {'share':>6} {'CPU p50':>8} {'mean':>7} {'max':>7} {'kB':>6}"
        "  ms of the mean"
    )
    for kind in KINDS:
        values = cpu[kind]
        if not values:
            continue
        print(
            f"{kind:12} {len(values):8} {len(values) / len(every):6.0%} {statistics.median(values):6.1f}ms "
            f"{statistics.mean(values):5.1f}ms {max(values):5.1f}ms "
            f"{statistics.mean(sizes[kind]) / 1000:6.1f}"
            f"  {sum(values) / len(every):5.1f}"
        )
    load = os.getloadavg()[0]
    if args.page_cache:
        print(
            "page cache: " + ", ".join(f"{name or 'took no part'} {count}" for name, count in CACHING.items())
        )
    print(
        f"mix: {len(every)} requests, CPU per request mean {statistics.mean(every):.1f} ms "
        f"(p50 {statistics.median(every):.1f} ms); load average {load:.1f}; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )


if __name__ == "__main__":
    main()
