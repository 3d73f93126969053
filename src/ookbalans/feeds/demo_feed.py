"""The demo's own feed: a fixture HSDS file served as pages of an HSDS API's service list, without network."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FILE = Path(__file__).resolve().parent / "data" / "jgz-regio.json"
PATH = "/demo-feed/jgz-regio/services"
PER_PAGE = 2


@cache
def services() -> tuple:
    return tuple(json.loads(FILE.read_text(encoding="utf-8")))


def page_number(query: str) -> int:
    values = parse_qs(query).get("page", ["1"])
    return int(values[0]) if values[0].isdigit() and int(values[0]) > 0 else 1


def page(number: int) -> bytes:
    """One page of the demo feed as the HSDS API gives it (`GET /services?page=N&full=true`)."""
    items = services()
    pages = max(1, -(-len(items) // PER_PAGE))
    contents = list(items[(number - 1) * PER_PAGE : number * PER_PAGE])
    envelope = {
        "total_items": len(items),
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not contents,
        "contents": contents,
    }
    return json.dumps(envelope, ensure_ascii=False).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    """Serves the demo feed's pages at PATH, for the pull at demo load (before the demo's server runs)."""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        parts = urlsplit(self.path)
        if parts.path != PATH:
            self.send_error(404)
            return
        body = page(page_number(parts.query))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


@contextmanager
def served():
    """The demo feed served on 127.0.0.1 at a free port for as long as the block runs; yields its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PATH}"
    finally:
        server.shutdown()
        server.server_close()
