"""Fetching a feed: https only, no way into private networks, a size limit and a timeout, clear problems."""

import time

import pytest

from ookbalans.feeds import fetching, pulling
from ookbalans.feeds.models import Feed
from tests.feeds.conftest import coalition, fixture_services, slowly, subscribe


def refused(url: str, **kwargs) -> str:
    with pytest.raises(fetching.FeedRefused) as caught:
        fetching.fetch(url, max_bytes=kwargs.pop("max_bytes", 10_000_000), **kwargs)
    return str(caught.value)


def test_plain_http_is_refused_unless_the_demo_setting_allows_127_0_0_1(feed_server, settings):
    url = feed_server.serve_json("/jgz.json", fixture_services())
    assert fetching.fetch(url, max_bytes=10_000_000).data.startswith(b"[")
    settings.OOKBALANS_FEEDS_LOCAL_HTTP = False
    assert "alleen https" in refused(url)
    assert not any(path == "/jgz.json" for path in feed_server.requests[1:])
    # Even with the setting, http goes to 127.0.0.1 only.
    settings.OOKBALANS_FEEDS_LOCAL_HTTP = True
    assert "https" in refused(url.replace("127.0.0.1", "localhost"))
    for url in ("ftp://example.org/feed.json", "file:///etc/passwd", "https://user:secret@example.org/x"):
        assert refused(url)


@pytest.mark.parametrize(
    "target",
    [
        "http://10.1.2.3/feed.json",
        "https://10.1.2.3/feed.json",
        "https://192.168.1.10/feed.json",
        "https://172.16.0.5/feed.json",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fd00::1]/feed.json",
        "https://[::ffff:10.0.0.1]/feed.json",
        "https://0.0.0.0/feed.json",
    ],
)
def test_a_redirect_to_a_private_address_is_refused_before_connecting(feed_server, target):
    feed_server.routes["/verhuisd"] = (302, {"Location": target}, b"")
    message = refused(feed_server.url("/verhuisd"))
    if target.startswith("http:"):
        assert "alleen https" in message
    else:
        assert "privé- of intern netwerkadres" in message


def test_loopback_is_refused_without_the_demo_setting():
    assert not fetching.allowed_address("127.0.0.1", allow_local=False)
    assert not fetching.allowed_address("::1", allow_local=False)
    assert fetching.allowed_address("127.0.0.1", allow_local=True)
    assert fetching.allowed_address("8.8.8.8", allow_local=False)
    assert not fetching.allowed_address("100.64.0.1", allow_local=False)  # carrier-grade NAT


def test_a_host_name_that_resolves_to_a_private_address_is_refused(monkeypatch):
    monkeypatch.setattr(
        fetching.socket,
        "getaddrinfo",
        lambda host, port, **kwargs: [
            (2, 1, 6, "", ("93.184.216.34", port)),
            (2, 1, 6, "", ("10.0.0.7", port)),
        ],
    )
    assert "10.0.0.7" in refused("https://aanbod.example.nl/services")


def test_a_redirect_is_followed_when_it_stays_allowed(feed_server):
    target = feed_server.serve_json("/nieuw.json", fixture_services())
    feed_server.routes["/oud.json"] = (301, {"Location": "/nieuw.json"}, b"")
    fetched = fetching.fetch(feed_server.url("/oud.json"), max_bytes=10_000_000)
    assert fetched.url == target
    feed_server.routes["/rond"] = (302, {"Location": "/rond"}, b"")
    assert "5" in refused(feed_server.url("/rond"))


def test_an_oversize_feed_is_refused_by_its_length_and_while_reading(feed_server):
    feed_server.routes["/groot.json"] = (200, {}, b"[" + b" " * 5000 + b"]")
    assert "kB" in refused(feed_server.url("/groot.json"), max_bytes=1000)

    def endless(query):
        return 200, {"_stream": "1"}, (b" " * 4096 for _ in range(100))

    feed_server.routes["/zonder-lengte.json"] = endless
    assert "kB" in refused(feed_server.url("/zonder-lengte.json"), max_bytes=8000)


def test_a_feed_larger_than_the_json_limit_is_refused_with_the_setting_named(feed_server, settings, db):
    settings.OOKBALANS_IMPORT_MAX_JSON_BYTES = 2000
    target = coalition("oost")
    feed = subscribe(target, feed_server.serve_json("/jgz.json", fixture_services()))
    result = pulling.pull(feed)
    assert not result.ok
    assert "OOKBALANS_IMPORT_MAX_JSON_MB" in str(result.problems.errors[0])


def test_a_server_that_does_not_answer_in_time_is_given_up(feed_server):
    feed_server.routes["/traag.json"] = lambda query: (200, {"_stream": "1"}, slowly(3))
    message = refused(feed_server.url("/traag.json"), timeout=0.5)
    assert "0.5" in message


def test_a_server_that_sends_a_byte_now_and_then_is_given_up_in_time(feed_server):
    def drip(query):
        def body():
            for _ in range(40):
                yield b" "
                time.sleep(0.1)

        return 200, {"_stream": "1"}, body()

    feed_server.routes["/druppel.json"] = drip
    started = time.monotonic()
    assert "0.5" in refused(feed_server.url("/druppel.json"), timeout=0.5)
    assert time.monotonic() - started < 2


def test_too_many_services_are_refused_before_checking(feed_server, settings, db):
    settings.OOKBALANS_IMPORT_MAX_SERVICES = 2
    target = coalition("oost")
    for path, url in (
        ("/jgz.json", feed_server.serve_json("/jgz.json", fixture_services())),
        ("/hsds/services", feed_server.serve_pages("/hsds/services", fixture_services(), per_page=2)),
    ):
        result = pulling.pull(subscribe(target, url, name=path))
        assert not result.ok, path
        assert "2" in str(result.problems.errors[0])


def test_an_error_status_is_a_problem(feed_server):
    assert "404" in refused(feed_server.url("/weg.json"))


def test_a_refused_feed_keeps_its_problem_for_the_admin(feed_server, settings, db):
    target = coalition("oost")
    feed = subscribe(target, feed_server.serve_json("/jgz.json", fixture_services()), mode=Feed.Mode.DIRECT)
    settings.OOKBALANS_FEEDS_LOCAL_HTTP = False
    result = pulling.pull(feed)
    assert not result.ok
    feed.refresh_from_db()
    assert feed.last_success_at is None
    assert "https" in feed.last_problems["errors"][0]
