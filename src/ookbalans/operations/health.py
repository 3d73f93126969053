"""The health check a load balancer asks: is the database reachable, are all migrations applied."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def database_reachable(alias: str = DEFAULT_DB_ALIAS) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure to talk to the database means "not healthy"
        return False


def unapplied_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The migrations the code has and the database has not applied, as 'app.name'."""
    executor = MigrationExecutor(connections[alias])
    targets = executor.loader.graph.leaf_nodes()
    return [f"{migration.app_label}.{migration.name}" for migration, _ in executor.migration_plan(targets)]


# Once a process has seen every migration applied, it does not load the migration graph again: new
# migrations come with new code, and new code means new processes.
_migrations_seen_applied = False


def health() -> tuple[bool, dict[str, str]]:
    """(healthy, checks): each check is 'ok' or says what is wrong."""
    global _migrations_seen_applied
    if not database_reachable():
        return False, {"database": "unreachable", "migrations": "unknown"}
    missing = [] if _migrations_seen_applied else unapplied_migrations()
    _migrations_seen_applied = not missing
    checks = {"database": "ok", "migrations": "ok" if not missing else f"{len(missing)} not applied"}
    return not missing, checks
