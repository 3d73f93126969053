"""Fetching a feed safely: https only, every hop's addresses checked, a timeout and a size limit.

A feed address is typed in by a coordinator, so the server must not be led to fetch from its own
network: every address a host name resolves to must be a public one, for the first request and
for every redirect, and the connection goes to the address that was checked (no second lookup
that could answer otherwise). Plain http is refused, except to 127.0.0.1 when
OOKBALANS_FEEDS_LOCAL_HTTP is on (the demo and the tests only).
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from ookbalans.interchange.limits import in_megabytes

REDIRECTS = 5
CHUNK = 64 * 1024
REDIRECT_CODES = {301, 302, 303, 307, 308}


class FeedRefused(Exception):
    """The feed could not be fetched; the message says why, for the coordinator."""


@dataclass(frozen=True)
class Fetched:
    url: str  # the address the data came from, after redirects
    data: bytes


def local_http_allowed() -> bool:
    return bool(getattr(settings, "OOKBALANS_FEEDS_LOCAL_HTTP", False))


def scheme_problem(url: str, allow_local: bool) -> str | None:
    """Why an address is not fetched by its form alone (scheme, host), or None."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not parts.hostname:
        return _("expected an https address like https://aanbod.example.nl/hsds/services.")
    if parts.username or parts.password:
        return _("expected an address without a user name or password in it.")
    if scheme == "http" and not (allow_local and parts.hostname == "127.0.0.1"):
        return _("only https addresses are fetched; %(url)s is not one.") % {"url": url}
    return None


def allowed_address(address: str, allow_local: bool) -> bool:
    """Whether a resolved address may be connected to: public, or this machine's loopback in the demo."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return allow_local
    return ip.is_global and not ip.is_multicast


def checked_addresses(host: str, port: int, allow_local: bool) -> list[str]:
    """The host's addresses, all of them allowed; refused when any one is not (or none is found)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FeedRefused(_("the host name %(host)s was not found.") % {"host": host}) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FeedRefused(_("the host name %(host)s was not found.") % {"host": host})
    for address in addresses:
        if not allowed_address(address, allow_local):
            raise FeedRefused(
                _(
                    "the address %(host)s leads to a private or internal network address (%(address)s); "
                    "only public addresses are fetched."
                )
                % {"host": host, "address": address}
            )
    return addresses


class PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand, with the host name in the Host header."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a checked address; the certificate is checked against the host name."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float | None = None,
    allow_local: bool | None = None,
) -> Fetched:
    """The body of a 200 answer at the address, following at most REDIRECTS checked redirects."""
    allow_local = local_http_allowed() if allow_local is None else allow_local
    timeout = timeout if timeout is not None else settings.OOKBALANS_FEEDS_TIMEOUT
    for _hop in range(REDIRECTS + 1):
        problem = scheme_problem(url, allow_local)
        if problem:
            raise FeedRefused(problem)
        response_url, status, location, data = fetch_once(url, max_bytes, timeout, allow_local)
        if status in REDIRECT_CODES and location:
            url = urljoin(response_url, location)
            continue
        if status != 200:
            raise FeedRefused(
                _("the server at %(url)s answered with status %(status)d instead of the feed.")
                % {"url": url, "status": status}
            )
        return Fetched(url, data)
    raise FeedRefused(_("the address redirects more than %(count)d times.") % {"count": REDIRECTS})


def fetch_once(url: str, max_bytes: int, timeout: float, allow_local: bool):
    """One request: (url, status, Location header, body of a 200 answer)."""
    parts = urlsplit(url)
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    address = checked_addresses(parts.hostname, port, allow_local)[0]
    connection_class = PinnedHTTPSConnection if https else PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address, timeout)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    deadline = time.monotonic() + timeout
    # The socket's timeout bounds each read; this bounds the whole request, also a server that sends
    # a byte just before each read would time out.
    watchdog = threading.Timer(timeout, cut, args=(connection,))
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request(
            "GET",
            path,
            headers={
                "Accept": "application/json",
                "User-Agent": "ookbalans-feeds",
                "Accept-Encoding": "identity",
            },
        )
        response = connection.getresponse()
        if response.status != 200:
            return url, response.status, response.getheader("Location"), b""
        length = response.getheader("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise FeedRefused(too_large(max_bytes))
        chunks, size = [], 0
        while chunk := response.read1(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise FeedRefused(too_large(max_bytes))
            if time.monotonic() > deadline:
                raise TimeoutError
            chunks.append(chunk)
        return url, 200, None, b"".join(chunks)
    except TimeoutError:
        raise FeedRefused(timed_out(url, timeout)) from None
    except ssl.SSLError as error:
        raise FeedRefused(
            _("the secure connection to %(url)s failed (%(error)s).") % {"url": url, "error": error.reason}
        ) from None
    except (OSError, http.client.HTTPException) as error:
        if time.monotonic() >= deadline:
            raise FeedRefused(timed_out(url, timeout)) from None
        raise FeedRefused(
            _("the server at %(url)s could not be reached (%(error)s).")
            % {"url": url, "error": error.__class__.__name__}
        ) from None
    finally:
        watchdog.cancel()
        connection.close()


def cut(connection) -> None:
    """End a request that took too long: its reads fail at once."""
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def timed_out(url: str, timeout: float) -> str:
    return _("the server at %(url)s did not answer within %(seconds)s seconds.") % {
        "url": url,
        "seconds": f"{timeout:g}",
    }


def too_large(max_bytes: int) -> str:
    return _("the feed is larger than %(size)s, the most that is read (OOKBALANS_IMPORT_MAX_JSON_MB).") % {
        "size": in_megabytes(max_bytes)
    }
