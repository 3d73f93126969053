"""The server's master loads the search's language data once, before forking, and closes its connections."""

import gc

import pytest
from django.db import connections

from ookbalans.operations import preload
from ookbalans.operations.server import gunicorn_arguments, server_size
from ookbalans.search import language


def test_gunicorn_loads_the_application_in_the_master():
    assert "--preload" in gunicorn_arguments("127.0.0.1:8000", server_size(2, None), 30, access_log=False)


@pytest.mark.django_db
def test_warming_loads_the_lexicons_and_closes_the_database_connections(monkeypatch):
    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))
    try:
        preload.warm()
        assert language.lexicon()
        assert gc.get_freeze_count() > 0
        # A worker forked from the master must open its own connection.
        assert closed
    finally:
        gc.unfreeze()
