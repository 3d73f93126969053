"""App servers share one Redis cache when OOKBALANS_REDIS_URL names it; one process uses local memory."""

import os
import subprocess
import sys
import uuid

import pytest

REDIS_URL = os.environ.get("OOKBALANS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

PROBE = """
import django, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ookbalans.settings")
django.setup()
from django.core.cache import cache
from django.conf import settings
print(settings.CACHES["default"]["BACKEND"])
key, value = sys.argv[1], sys.argv[2]
if value == "-":
    print(cache.get(key))
else:
    cache.set(key, value, 30)
    print("set")
"""


def probe(environment: dict, *arguments: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.split()


def redis_reachable() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return False


def test_without_redis_each_process_has_its_own_cache():
    key = f"probe-{uuid.uuid4()}"
    environment = {"OOKBALANS_REDIS_URL": ""}
    assert probe(environment, key, "hallo") == ["django.core.cache.backends.locmem.LocMemCache", "set"]
    assert probe(environment, key, "-") == ["django.core.cache.backends.locmem.LocMemCache", "None"]


def test_with_redis_two_processes_share_the_cache():
    if not redis_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}; .ci/run starts it.")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}.")
    key = f"probe-{uuid.uuid4()}"
    environment = {"OOKBALANS_REDIS_URL": REDIS_URL}
    assert probe(environment, key, "hallo") == ["ookbalans.operations.cache.RedisCache", "set"]
    # A second process (another app server) reads what the first one wrote.
    assert probe(environment, key, "-") == ["ookbalans.operations.cache.RedisCache", "hallo"]


def test_the_redis_cache_keeps_one_client_and_still_reads_what_it_wrote():
    if not redis_reachable():
        pytest.skip(f"Redis is not reachable at {REDIS_URL}.")
    from ookbalans.operations.cache import RedisCache

    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "ookbalans-test", "OPTIONS": {"socket_timeout": 1}})
    key = f"probe-{uuid.uuid4()}"
    cache.set(key, {"page": b"x" * 15_000}, 30)
    try:
        assert cache.get(key) == {"page": b"x" * 15_000}
        assert cache._cache.get_client(key) is cache._cache.get_client(key, write=True)
    finally:
        cache.delete(key)
