"""A local HTTP server on 127.0.0.1 that serves the feed tests' fixture files, and coalitions to pull into."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from ookbalans.catalogue.models import Coalition, Municipality
from ookbalans.feeds.models import Feed

FIXTURE = Path(__file__).resolve().parents[2] / "src" / "ookbalans" / "feeds" / "data" / "jgz-regio.json"


def fixture_services() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


class FeedServer:
    """Routes by path: each answer is (status, headers, body), or a function of the query giving one."""

    def __init__(self) -> None:
        self.routes: dict = {}
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve_json(self, path: str, value) -> str:
        self.routes[path] = (200, {"Content-Type": "application/json"}, json.dumps(value).encode())
        return self.url(path)

    def serve_pages(self, path: str, items: list, per_page: int) -> str:
        """An HSDS API's paginated list at the path: `?page=N`."""
        pages = max(1, -(-len(items) // per_page))

        def answer(query):
            number = int(query.get("page", ["1"])[0])
            contents = items[(number - 1) * per_page : number * per_page]
            page = {
                "total_items": len(items),
                "total_pages": pages,
                "page_number": number,
                "contents": contents,
            }
            return 200, {"Content-Type": "application/json"}, json.dumps(page).encode()

        self.routes[path] = answer
        return self.url(path)

    def handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                parts = urlsplit(self.path)
                server.requests.append(self.path)
                route = server.routes.get(parts.path)
                if route is None:
                    self.send_error(404)
                    return
                status, headers, body = route(parse_qs(parts.query)) if callable(route) else route
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if "Content-Length" not in headers and not headers.get("_stream"):
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if isinstance(body, bytes):
                        self.wfile.write(body)
                    else:  # a generator: a slow or endless answer
                        for chunk in body:
                            self.wfile.write(chunk)
                            self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format, *args):  # noqa: A002
                pass

        return Handler


@pytest.fixture
def feed_server(settings):
    settings.OOKBALANS_FEEDS_LOCAL_HTTP = True
    server = FeedServer()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


def slowly(seconds: float):
    """A body that starts and then stops sending: the reader's timeout must end it."""
    yield b'{"services": ['
    time.sleep(seconds)
    yield b"]}"


def coalition(slug: str) -> Coalition:
    """A coalition of the municipalities the fixture's services serve (Zutphen and Lochem)."""
    made = Coalition.objects.create(name=f"Kansrijke Start {slug}", slug=slug)
    made.municipalities.set(Municipality.objects.filter(code__in=["GM0301", "GM0262"]))
    return made


def subscribe(coalition: Coalition, url: str, mode=Feed.Mode.DIRECT, name: str = "JGZ Regio IJssel") -> Feed:
    return Feed.objects.create(coalition=coalition, name=name, url=url, mode=mode)
