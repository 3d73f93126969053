"""benchmarks/load.py runs the server with the documented production cache and starts with no kept pages."""

import os
import uuid

import pytest

from benchmarks import load

REDIS_URL = os.environ.get("OOKBALANS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_client():
    client = load.redis_of(REDIS_URL)
    if client is None:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}; .ci/run starts it.")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}.")
    return client


def test_only_the_page_caches_keys_are_forgotten(redis_client):
    run = uuid.uuid4().hex
    page, other = f"ookbalans:1:page:{run}", f"ookbalans:1:reports:{run}"
    redis_client.set(page, b"kept page", ex=60)
    redis_client.set(other, b"a rate limit", ex=60)
    try:
        assert load.forget_kept_pages(REDIS_URL) >= 1
        assert (redis_client.exists(page), redis_client.exists(other)) == (0, 1)
    finally:
        redis_client.delete(page, other)


def test_the_server_gets_the_named_redis_or_local_memory(redis_client, monkeypatch):
    monkeypatch.delenv("OOKBALANS_REDIS_URL", raising=False)
    assert load.chosen_redis_url(REDIS_URL) == REDIS_URL
    assert load.chosen_redis_url("none") == ""
    monkeypatch.setenv("OOKBALANS_REDIS_URL", REDIS_URL)
    assert load.chosen_redis_url(None) == REDIS_URL


def test_no_redis_but_on_this_machine_and_a_named_one_that_is_down_is_an_error(monkeypatch):
    with pytest.raises(SystemExit, match="only 127.0.0.1"):
        load.redis_of("redis://redis.example.nl:6379/0")
    monkeypatch.delenv("OOKBALANS_REDIS_URL", raising=False)
    with pytest.raises(SystemExit, match="does not answer"):
        load.chosen_redis_url("redis://127.0.0.1:1/0")  # nothing listens on port 1
