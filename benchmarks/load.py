"""Load benchmark: 100 clients for 60 s against `ookbalans serve` on the national catalogue, on 127.0.0.1.

Usage (generates the national catalogue on first run, then reuses it):

    .venv/bin/python benchmarks/load.py --database-url postgres://postgres@127.0.0.1:5432/ookbalans_load

It starts the production server itself (`ookbalans serve`) on a loopback port, measures the same mix of
requests once by a single client (the floor), then lets N clients loop over the mix for a bounded time and
number of requests. Prints requests per second, p50/p95/p99 latency and the errors beside the
single-client figures. Only 127.0.0.1 is ever contacted.

The server's cache is the documented production one (docs/operations.md): Redis, from `--redis-url`, else
`OOKBALANS_REDIS_URL`, else a Redis answering on 127.0.0.1:6379 (database 0); without one (or with
`--redis-url none`) each worker keeps its pages in its own memory. The run starts with no kept pages: it
deletes the page cache's keys in that Redis database (and nothing else) before each phase.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.finder import QUERIES as FINDER_QUERIES  # noqa: E402
from benchmarks.national_catalogue import ensure_national_catalogue, setup_django  # noqa: E402

HOST = "127.0.0.1"
# The finder benchmark's parent queries and more: sentences, other languages, typos.
QUERIES = [
    *FINDER_QUERIES,
    *[
        "slapen baby",
        "huiselijk geweld",
        "scheiding",
        "tienermoeder",
        "voeding peuter",
        "zwangerschapscursus",
    ],
    *["moe en verdrietig", "geen geld voor luiers", "speelgroep", "postpartum depressie", "kinderopvang"],
    *["taal leren", "opvoeden puber", "prematuur", "rouw", "eenzaam", "huilen", "inentingen", "tandarts"],
    "dreumes driftbui",
]
# The Redis the documented production setup runs beside the app, when nothing else is named.
DEFAULT_REDIS_URL = f"redis://{HOST}:6379/0"
# Seconds gunicorn keeps an idle connection open (its --keep-alive default of 2 s), less a margin.
SERVER_KEEPALIVE = 1.5
FILTERS = [{}, {"fase": "baby"}, {"fase": "zwangerschap"}, {"gratis": "1"}, {"postcode": None}]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else float("nan")


def request_mix(rng: random.Random, count: int) -> list[str]:
    """The paths the clients ask: searches with filters, service pages, the list page and the API."""
    from ookbalans.catalogue.models import Coalition, PostcodeArea, Service
    from ookbalans.finder.finding import SHORT_CODE_LENGTH as SHORT_CODE

    coalitions = rng.sample(list(Coalition.objects.values_list("pk", "slug")), 20)
    paths = []
    for coalition_id, slug in coalitions:
        services = list(
            Service.objects.filter(coalition_id=coalition_id, status=Service.Status.ACTIVE).values_list(
                "pk", flat=True
            )[:40]
        )
        area = (
            PostcodeArea.objects.filter(municipality__coalitions=coalition_id)
            .values_list("pc4", flat=True)
            .first()
        )
        for _ in range(count // len(coalitions)):
            kind = rng.random()
            if kind < 0.55:
                params = {"q": rng.choice(QUERIES), **rng.choice(FILTERS)}
                if "postcode" in params:
                    params["postcode"] = area or ""
                paths.append(f"/{slug}/zoeken/?{urllib.parse.urlencode(params)}")
            elif kind < 0.75 and services:
                paths.append(f"/{slug}/aanbod/{rng.choice(services)}/")
            elif kind < 0.8:
                paths.append(f"/{slug}/")
            elif kind < 0.85 and services:
                picked = rng.sample(services, min(3, len(services)))
                paths.append(f"/{slug}/lijst/{'.'.join(service.hex[:SHORT_CODE] for service in picked)}/")
            elif kind < 0.93:
                paths.append(
                    f"/api/hsds/{slug}/services?per_page=20&search={urllib.parse.quote(rng.choice(QUERIES))}"
                )
            else:
                paths.append(f"/api/hsds/{slug}/services?per_page=50")
    rng.shuffle(paths)
    return paths


async def fetch(reader, writer, path: str) -> tuple[int, bool, str]:
    """One GET over a kept-alive connection: the status code, whether the server keeps the connection
    open, and what its page cache says (`X-Cache`: hit, miss, or nothing when it did not take part)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {
        line.split(":", 1)[0].lower(): line.split(":", 1)[1].strip() for line in lines[1:] if ":" in line
    }
    if status in (204, 304):
        pass  # no body
    elif "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.read()  # no length given: the body ends where the server closes the connection
        return status, False, headers.get("x-cache", "")
    # A server without keep-alive (gunicorn's sync workers) answers and closes: that is no error.
    return status, headers.get("connection", "").lower() != "close", headers.get("x-cache", "")


async def client(
    port: int,
    paths: list[str],
    deadline: float,
    budget: list[int],
    results: list,
    errors: list,
    think: float = 0.0,
    caching: dict | None = None,
):
    caching = {} if caching is None else caching
    reader = writer = None
    answered = time.perf_counter()
    position = random.randrange(len(paths))
    if think:
        await asyncio.sleep(random.uniform(0, think))  # the clients start spread out, not all at once
    while time.perf_counter() < deadline and budget[0] > 0:
        budget[0] -= 1
        path = paths[position % len(paths)]
        position += 1
        started = time.perf_counter()
        if writer is not None and started - answered > SERVER_KEEPALIVE:
            # The server has closed the idle connection by now (gunicorn keeps one 2 s); a browser
            # opens a new one, and so does this client, rather than writing into a closed socket.
            writer.close()
            reader = writer = None
        try:
            reused = writer is not None
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            try:
                status, kept, cached = await asyncio.wait_for(fetch(reader, writer, path), timeout=30)
            except (ConnectionResetError, BrokenPipeError, asyncio.IncompleteReadError):
                if not reused:
                    raise
                # A kept-alive connection the server closed while the client was idle: like any HTTP
                # client, send the (idempotent) request once more on a new connection.
                writer.close()
                reader, writer = await asyncio.open_connection(HOST, port)
                status, kept, cached = await asyncio.wait_for(fetch(reader, writer, path), timeout=30)
            answered = time.perf_counter()
            caching[cached] = caching.get(cached, 0) + 1
            if not kept:
                writer.close()
                reader = writer = None
            results.append(answered - started)
            if status >= 400:
                errors.append(f"HTTP {status} {path}")
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            errors.append(f"{type(error).__name__} {path}")
            if writer is not None:
                writer.close()
            reader = writer = None
        if think:
            await asyncio.sleep(random.expovariate(1 / think))  # a person reading before the next click
    if writer is not None:
        writer.close()


async def run_load(
    port: int, paths: list[str], clients: int, seconds: float, max_requests: int, think: float = 0.0
):
    results: list[float] = []
    errors: list[str] = []
    caching: dict[str, int] = {}
    budget = [max_requests]
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(client(port, paths, deadline, budget, results, errors, think, caching) for _ in range(clients))
    )
    return results, errors, time.perf_counter() - started, caching


async def single_client(port: int, paths: list[str]) -> tuple[list[float], list[str]]:
    return (await run_load(port, paths, 1, 3600, len(paths)))[:2]


def redis_of(url: str | None):
    """A client for the Redis at this address, or None when none is named or it does not answer."""
    if not url or url == "none":
        return None
    import redis

    if urllib.parse.urlsplit(url).hostname not in (HOST, "localhost"):
        raise SystemExit(f"only {HOST} is contacted; --redis-url {url} is elsewhere")
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        return None
    return client


def chosen_redis_url(asked: str | None) -> str:
    """--redis-url, else OOKBALANS_REDIS_URL, else the local Redis when it answers; '' for local memory."""
    url = asked if asked is not None else os.environ.get("OOKBALANS_REDIS_URL") or DEFAULT_REDIS_URL
    if url == "none":
        return ""
    if redis_of(url) is None:
        if asked is not None or os.environ.get("OOKBALANS_REDIS_URL"):
            raise SystemExit(f"Redis does not answer at {url}")
        return ""  # no Redis here: each worker keeps its own pages, as on a machine without Redis
    return url


def forget_kept_pages(redis_url: str) -> int:
    """Delete the page cache's keys (Django's `<prefix>:<version>:page:...`) in that Redis database."""
    client = redis_of(redis_url)
    if client is None:
        return 0
    keys = list(client.scan_iter(match="ookbalans:*:page:*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])
    return len(keys)


def redis_cpu(redis_url: str) -> float:
    """CPU seconds the Redis server has used so far (0 without Redis)."""
    client = redis_of(redis_url)
    if client is None:
        return 0.0
    info = client.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


def start_server(
    database_url: str,
    port: int,
    options: list[str] = (),
    page_cache: bool = False,
    redis_url: str = "",
) -> subprocess.Popen:
    """`ookbalans serve` on a loopback port; its own output goes to var/load-server.log.

    The public page cache is off unless asked for: a benchmark of the pages' work must not time the cache.
    With a `redis_url` the server's cache is that Redis (OOKBALANS_REDIS_URL), else each process's memory.
    """
    if port_open(port):
        raise SystemExit(f"something already answers on {HOST}:{port}; choose another --port")
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "OOKBALANS_DEBUG": "",
        "OOKBALANS_REDIS_URL": redis_url,
    }
    if not page_cache:
        environment["OOKBALANS_PAGE_CACHE_SECONDS"] = "0"
    elif environment.get("OOKBALANS_PAGE_CACHE_SECONDS") == "0":
        del environment["OOKBALANS_PAGE_CACHE_SECONDS"]
    log_path = ROOT / "var" / "load-server.log"
    log_path.parent.mkdir(exist_ok=True)
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "ookbalans"),
                "serve",
                "--bind",
                f"{HOST}:{port}",
                "--no-access-log",
                *options,
            ],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    # The master loads the search's language data before it forks (preload): on a busy machine
    # that takes a minute or more.
    for _ in range(600):
        results, errors = asyncio.run(single_client(port, ["/gezond/"]))
        if results and not errors:
            print(next(iter(log_path.read_text().splitlines()), ""))
            return server
        if server.poll() is not None:
            raise SystemExit(f"the server stopped; see {log_path}")
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not start within five minutes")


def cpu_seconds(pids) -> dict[int, float]:
    """CPU seconds (user + system) used so far by each process still running (Linux /proc).

    With what its ended children used: gunicorn's master reaps the workers it replaces (after
    --max-requests), so their CPU still counts.
    """
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return used


def server_processes(server: subprocess.Popen) -> list[int]:
    """The server's master and its workers."""
    pids = [server.pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == server.pid:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return pids


def database_processes() -> list[int]:
    """The PostgreSQL backends serving this database (the server's connections), not this one."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        pids = [row[0] for row in cursor.fetchall()]
    connection.close()
    return pids


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


class ServerCpu:
    """The CPU the server's master and workers use from now until `stop()`, sampled twice a second.

    gunicorn replaces a worker after --max-requests, and a process that has ended can no longer be
    read: each one's last sample counts (at most half a second of it is missed).
    """

    def __init__(self, server: subprocess.Popen) -> None:
        self.server = server
        self.before = cpu_seconds(server_processes(server))
        self.last = dict(self.before)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        while not self.done.wait(0.5):
            self.last.update(cpu_seconds(server_processes(self.server)))

    def stop(self) -> float:
        self.done.set()
        self.thread.join()
        self.last.update(cpu_seconds(server_processes(self.server)))
        return sum(self.last.values()) - sum(self.before.values())


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) == 0


def stop_server(server: subprocess.Popen, port: int | None = None) -> None:
    """Stop the server and wait until nothing answers on its port (workers may outlive the master)."""
    server.terminate()
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    for _ in range(120 if port else 0):
        if not port_open(port):
            return
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL"), required=not os.environ.get("DATABASE_URL")
    )
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--max-requests", type=int, default=50_000, help="stop after this many requests in all"
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a client waits between its requests (0: the next one at once, the default)",
    )
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--workers", type=int, help="the server's workers (default: `ookbalans serve`'s)")
    parser.add_argument("--threads", type=int, help="threads per worker (default: `ookbalans serve`'s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--redis-url",
        help="the server's shared cache (default: OOKBALANS_REDIS_URL, else a Redis answering on "
        f"{DEFAULT_REDIS_URL}); 'none' for each worker's own memory",
    )
    parser.add_argument(
        "--page-cache",
        choices=("both", "on", "off"),
        default="both",
        help="run with the public page cache, without it, or both in turn (the default)",
    )
    args = parser.parse_args()
    args.redis_url = chosen_redis_url(args.redis_url)
    setup_django(args.database_url)
    from django.db import connection

    from ookbalans.catalogue.models import Service

    ensure_national_catalogue(args.services, args.seed)
    paths = request_mix(random.Random(args.seed), 400)
    connection.close()

    options = [*(["--workers", str(args.workers)] if args.workers else [])]
    options += ["--threads", str(args.threads)] if args.threads else []
    phases = {"both": (True, False), "on": (True,), "off": (False,)}[args.page_cache]
    print(
        f"{args.clients} clients for {args.seconds:.0f} s over a mix of {len(paths)} paths"
        + (f", think {args.think:g} s" if args.think else ", closed loop (no pauses)")
        + f"; the server on {HOST}:{args.port}, its cache "
        + (f"Redis at {args.redis_url}" if args.redis_url else "each worker's own memory (no Redis)")
    )
    for page_cache in phases:
        phase(args, paths, options, page_cache)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {connection.vendor}, "
        f"{Service.objects.count()} services; the load generator shares the cores; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )


def hit_rate(caching: dict[str, int]) -> str:
    counted = caching.get("hit", 0) + caching.get("miss", 0)
    total = sum(caching.values())
    if not counted:
        return "page cache: took no part"
    return (
        f"page cache: {caching.get('hit', 0) / total:.0%} of answers from the cache "
        f"({caching.get('hit', 0)} hits, {caching.get('miss', 0)} kept, {total - counted} never kept)"
    )


def phase(args, paths: list[str], options: list[str], page_cache: bool) -> None:
    """Start the server (with or without the page cache), measure one client, then N clients; print."""
    if args.redis_url:
        forget_kept_pages(args.redis_url)
    server = start_server(args.database_url, args.port, options, page_cache, args.redis_url)
    load_before = os.getloadavg()
    try:
        # Warm every worker's caches: clients on several connections reach several workers.
        asyncio.run(run_load(args.port, paths[:100], 10, 600, 100))
        alone, alone_errors, _elapsed, alone_caching = asyncio.run(
            run_load(args.port, paths[:200], 1, 3600, 200)
        )
        database_before = database_processes()
        database_cpu = cpu_seconds(database_before)
        sampler = ServerCpu(server)
        cache_cpu = redis_cpu(args.redis_url)
        own_cpu = time.process_time()
        results, errors, elapsed, caching = asyncio.run(
            run_load(args.port, paths, args.clients, args.seconds, args.max_requests, args.think)
        )
        own_cpu = time.process_time() - own_cpu
        server_cpu = sampler.stop()
        cache_cpu = redis_cpu(args.redis_url) - cache_cpu
        database_cpu = cpu_used(database_cpu, cpu_seconds({*database_before, *database_processes()}))
    finally:
        stop_server(server, args.port)
    ms = [value * 1000 for value in results]
    single = [value * 1000 for value in alone]
    print(f"\n-- page cache {'ON' if page_cache else 'OFF'} --")
    print(f"{'':24} {'requests':>9} {'req/s':>7} {'p50':>8} {'p95':>8} {'p99':>8} {'errors':>7}")
    print(
        f"{'one client (floor)':24} {len(single):9} {len(single) / (sum(alone) or 1):7.1f} "
        f"{percentile(single, 0.5):6.0f}ms {percentile(single, 0.95):6.0f}ms "
        f"{percentile(single, 0.99):6.0f}ms "
        f"{len(alone_errors):7}"
    )
    label = f"{args.clients} clients, {args.seconds:.0f} s" + (
        f", think {args.think:g} s" if args.think else ""
    )
    print(
        f"{label:24} {len(ms):9} {len(ms) / elapsed:7.1f} "
        f"{percentile(ms, 0.5):6.0f}ms {percentile(ms, 0.95):6.0f}ms {percentile(ms, 0.99):6.0f}ms "
        f"{len(errors):7}"
    )
    met = len(ms) / elapsed >= 40 and percentile(ms, 0.95) <= 1000 and not errors
    print(
        f"{'target':24} {'':9} {'>= 40':>7} {'':>8} {'<= 1000':>6}ms {'':>8} {'0':>7}   "
        f"{'met' if met else 'NOT met'}"
    )
    for error in sorted(set(errors))[:10]:
        print("  error:", error, f"(x{errors.count(error)})")
    if page_cache:
        print(f"one client: {hit_rate(alone_caching)}")
        print(f"{args.clients} clients: {hit_rate(caching)}")
    # What the requests cost, independent of the other work on the machine: CPU per request of the
    # server, the database and this load generator, and the rate two idle cores could carry at that cost.
    per_request = {
        "server": server_cpu / max(1, len(ms)),
        "database": database_cpu / max(1, len(ms)),
        **({"Redis": cache_cpu / max(1, len(ms))} if args.redis_url else {}),
        "load generator": own_cpu / max(1, len(ms)),
    }
    total = sum(per_request.values())
    print(
        "CPU per request: "
        + ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in per_request.items())
        + f"; {os.cpu_count()} idle cores would carry about {os.cpu_count() / total:.0f} req/s at that cost"
        if total
        else "CPU per request: not measured"
    )
    load = os.getloadavg()
    print(f"load average {load_before[0]:.1f} at the start, {load[0]:.1f} at the end")


if __name__ == "__main__":
    main()
