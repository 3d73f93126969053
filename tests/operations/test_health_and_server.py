"""The health endpoint and the sizing of the production server."""

import io

import pytest
from django.core.management import call_command

from ookbalans.operations import health as health_module
from ookbalans.operations.server import (
    ACCESS_LOG_FORMAT,
    RESERVED_CONNECTIONS,
    gunicorn_arguments,
    server_size,
)


@pytest.mark.django_db
def test_health_is_ok_on_a_migrated_database(client):
    response = client.get("/gezond/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_says_503_when_migrations_are_missing(client, monkeypatch):
    monkeypatch.setattr(health_module, "_migrations_seen_applied", False)
    monkeypatch.setattr(health_module, "unapplied_migrations", lambda alias="default": ["catalogue.0099_new"])
    response = client.get("/gezond/")
    assert response.status_code == 503
    assert response.json()["migrations"] == "1 not applied"


@pytest.mark.django_db
def test_health_says_503_when_the_database_is_unreachable(client, monkeypatch):
    monkeypatch.setattr(health_module, "database_reachable", lambda alias="default": False)
    response = client.get("/gezond/")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_server_size_follows_the_cores():
    assert server_size(cores=2, max_connections=None) == server_size(2, None, threads=8)
    assert (server_size(cores=2, max_connections=None).workers, server_size(2, None).threads) == (2, 8)
    assert server_size(cores=1, max_connections=None).workers == 2  # one restarting worker is no outage
    assert server_size(cores=8, max_connections=None).workers == 8


@pytest.mark.parametrize("max_connections,app_servers", [(100, 1), (30, 1), (100, 4), (12, 2)])
def test_server_size_stays_below_the_database_limit(max_connections, app_servers):
    size = server_size(cores=8, max_connections=max_connections, app_servers=app_servers)
    assert size.workers >= 1 and size.threads >= 1
    budget = max(1, (max_connections - RESERVED_CONNECTIONS) // app_servers)
    assert size.connections <= budget


def test_access_log_leaves_out_query_strings_and_addresses():
    arguments = gunicorn_arguments("127.0.0.1:8000", server_size(2, None), 30, access_log=True)
    assert arguments[arguments.index("--access-logformat") + 1] == ACCESS_LOG_FORMAT
    # %(U)s is the path without the query string; %(r)s, %(q)s and %(h)s would log search words or addresses.
    for leaking in ("%(r)s", "%(q)s", "%(h)s", "%({x-forwarded-for}i)s"):
        assert leaking not in ACCESS_LOG_FORMAT
    assert "%(U)s" in ACCESS_LOG_FORMAT


def test_workers_are_replaced_now_and_then_but_not_every_minute_at_full_load():
    arguments = gunicorn_arguments("127.0.0.1:8000", server_size(2, None), 30, access_log=False)
    every = int(arguments[arguments.index("--max-requests") + 1])
    jitter = int(arguments[arguments.index("--max-requests-jitter") + 1])
    # At 300 req/s on two workers a worker lives about two minutes or more (5,000 gave ~35 s, each new
    # worker making its first pages with cold caches in the middle of the load).
    assert every - jitter >= 20_000 and 0 < jitter < every


@pytest.mark.django_db
def test_serve_prints_the_gunicorn_command():
    output = io.StringIO()
    call_command(
        "serve", "--print", "--bind", "127.0.0.1:8765", "--workers", "3", "--threads", "2", stdout=output
    )
    text = output.getvalue()
    assert "3 workers x 2 threads = 6 database connections at most." in text
    assert "gunicorn ookbalans.wsgi:application --bind 127.0.0.1:8765" in text


def test_container_files_use_the_documented_command_and_real_variables():
    """The Dockerfile and compose file stay in step with the code: same command, only variables it reads."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    source = "\n".join(path.read_text() for path in (root / "src" / "ookbalans").rglob("*.py"))
    dockerfile = (root / "Dockerfile").read_text()
    compose = (root / "compose.yaml").read_text()
    assert "ookbalans serve" in dockerfile.splitlines()[-1]
    assert "/gezond/" in dockerfile
    for name in set(re.findall(r"\b(OOKBALANS_[A-Z0-9_]+)\b", dockerfile + compose)):
        assert f'"{name}"' in source, f"{name} is set for the container but ookbalans does not read it"


def test_compose_runs_the_import_worker_with_the_apps_environment():
    from pathlib import Path

    import yaml
    from django.core.management import get_commands

    services = yaml.safe_load((Path(__file__).resolve().parents[2] / "compose.yaml").read_text())["services"]
    worker = services["worker"]
    assert worker["command"] == ["ookbalans", "db_worker"] and "db_worker" in get_commands()
    assert worker["environment"] == services["app"]["environment"]
    assert worker["build"] == services["app"]["build"]
