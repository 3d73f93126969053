"""Sizing the production server: workers and threads from the cores, under the database's connection limit."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

# Each thread holds at most one database connection; leave room for migrations, cron jobs and psql.
RESERVED_CONNECTIONS = 10
# The access log leaves out the query string (a parent's search words) and the client's address.
ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'


@dataclass(frozen=True)
class ServerSize:
    workers: int
    threads: int

    @property
    def connections(self) -> int:
        return self.workers * self.threads


# Requests after which gunicorn replaces a worker (give or take a tenth, so they do not all go at once).
MAX_REQUESTS = 25_000
# Threads per worker: they wait for the database and the client together, while one holds the GIL.
THREADS = 8


def server_size(
    cores: int,
    max_connections: int | None,
    app_servers: int = 1,
    threads: int = THREADS,
    workers: int | None = None,
) -> ServerSize:
    """One worker per core (at least 2), threads per worker, both within the database's connections.

    The work is CPU-bound Python: more processes than cores only share the same cores, and each process
    keeps its own caches (the public page cache in local memory, the search's vocabulary and contact
    points), which each must fill. With several app servers against one database, each gets its share
    of the connections.
    """
    wanted = workers if workers else max(2, cores)
    threads = max(1, threads)
    if max_connections is not None:
        budget = max(1, (max_connections - RESERVED_CONNECTIONS) // max(1, app_servers))
        while wanted * threads > budget and threads > 1:
            threads -= 1
        wanted = max(1, min(wanted, budget // threads))
    return ServerSize(workers=wanted, threads=threads)


def gunicorn_arguments(bind: str, size: ServerSize, timeout: int, access_log: bool) -> list[str]:
    arguments = [
        sys.executable,
        "-m",
        "gunicorn",
        "ookbalans.wsgi:application",
        "--bind",
        bind,
        "--worker-class",
        "gthread",
        "--workers",
        str(size.workers),
        "--threads",
        str(size.threads),
        "--timeout",
        str(timeout),
        "--graceful-timeout",
        str(timeout),
        # The application (with the search's language data, see preload.py) is loaded once in the
        # master and shared by the workers it forks.
        "--preload",
        # Restart a worker now and then so that memory cannot creep up over weeks: after some tens of
        # thousands of requests (every few minutes at full load, hours or days on a normal day), not
        # every half minute, since a new worker starts with cold caches and makes its first pages slowly.
        "--max-requests",
        str(MAX_REQUESTS),
        "--max-requests-jitter",
        str(MAX_REQUESTS // 10),
        "--forwarded-allow-ips",
        os.environ.get("OOKBALANS_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        "--error-logfile",
        "-",
    ]
    if access_log:
        arguments += ["--access-logfile", "-", "--access-logformat", ACCESS_LOG_FORMAT]
    return arguments
