"""A few reports per hour per client, counted in the cache under a hash of the address and a daily salt.

The address itself is never stored: the cache keeps only a hash that changes every day, and the
count expires after an hour.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

REPORTS_PER_HOUR = 5
WINDOW_SECONDS = 3600


def client_address(request) -> str:
    """The client's address as the login lockout sees it (behind trusted proxies too)."""
    callable_path = getattr(settings, "AXES_CLIENT_IP_CALLABLE", "")
    if callable_path:
        return import_string(callable_path)(request)
    return request.META.get("REMOTE_ADDR", "")


def daily_salt(day: datetime.date) -> str:
    """A random salt per day, kept in the cache only (two days, so yesterday's hashes stay apart)."""
    key = f"reports:salt:{day.isoformat()}"
    salt = cache.get(key)
    if salt is None:
        cache.add(key, secrets.token_hex(16), 2 * 24 * 3600)
        salt = cache.get(key)
    return salt


def client_key(address: str, day: datetime.date) -> str:
    digest = hashlib.sha256(f"{daily_salt(day)}:{address}".encode()).hexdigest()
    return f"reports:count:{digest}"


def limit() -> int:
    return int(getattr(settings, "OOKBALANS_REPORTS_PER_HOUR", REPORTS_PER_HOUR))


def may_report(request) -> bool:
    """Whether this client may send one more report in the current hour."""
    key = client_key(client_address(request), datetime.date.today())
    return (cache.get(key) or 0) < limit()


def count_report(request) -> None:
    key = client_key(client_address(request), datetime.date.today())
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.add(key, 1, WINDOW_SECONDS)
