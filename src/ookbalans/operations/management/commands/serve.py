"""`ookbalans serve`: the production server (gunicorn, threaded workers sized to the machine and database)."""

from __future__ import annotations

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from ookbalans.operations.server import THREADS, gunicorn_arguments, server_size


def database_max_connections() -> int | None:
    """PostgreSQL's max_connections; None on SQLite, which has no such limit."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        return int(cursor.fetchone()[0])


class Command(BaseCommand):
    help = (
        "Start the production server (gunicorn) on --bind, sized to the cores and the database's connections."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("OOKBALANS_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("OOKBALANS_WORKERS", "0")))
        parser.add_argument(
            "--threads", type=int, default=int(os.environ.get("OOKBALANS_THREADS", str(THREADS)))
        )
        parser.add_argument(
            "--app-servers",
            type=int,
            default=int(os.environ.get("OOKBALANS_APP_SERVERS", "1")),
            help="How many app machines share the database (each takes its share of the connections).",
        )
        parser.add_argument(
            "--timeout", type=int, default=30, help="Seconds before a hanging request is ended."
        )
        parser.add_argument("--no-access-log", action="store_true")
        parser.add_argument(
            "--print", action="store_true", dest="print_only", help="Print the gunicorn command and stop."
        )
        parser.add_argument("--skip-collectstatic", action="store_true")

    def handle(
        self, *args, bind, workers, threads, app_servers, timeout, no_access_log, print_only, **options
    ):
        size = server_size(os.cpu_count() or 1, database_max_connections(), app_servers, threads, workers)
        connection.close()
        arguments = gunicorn_arguments(bind, size, timeout, access_log=not no_access_log)
        self.stdout.write(
            f"{size.workers} workers x {size.threads} threads"
            f" = {size.connections} database connections at most."
        )
        if print_only:
            self.stdout.write(" ".join(arguments))
            return
        if not options["skip_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        environment = {**os.environ}
        # Persistent connections, checked before reuse, for the server's long-lived threads.
        environment.setdefault("OOKBALANS_CONN_MAX_AGE", "60")
        # The master loads the search's language data before forking (ookbalans.wsgi, preload.py).
        environment.setdefault("OOKBALANS_PRELOAD", "1")
        # Our own interpreter with fixed arguments; gunicorn replaces this process (no shell involved).
        os.execve(arguments[0], arguments, environment)  # noqa: S606
