"""Logs never hold a parent's search words: neither the demo's development server nor `ookbalans serve`."""

import datetime
import logging
import types

from gunicorn.config import Config
from gunicorn.glogging import Logger

from ookbalans.operations.server import ACCESS_LOG_FORMAT

SEARCH = "/voorbeeldregio/zoeken/?q=Fatima+de+Vries&postcode=7201AB"


def test_the_development_servers_request_line_loses_its_query_string(caplog):
    logger = logging.getLogger("django.server")
    with caplog.at_level(logging.INFO, logger="django.server"):
        logger.info('"%s" %s %s', f"GET {SEARCH} HTTP/1.1", "200", "1234")
    assert caplog.records, "the request line is logged"
    line = caplog.records[0].getMessage()
    assert "/voorbeeldregio/zoeken/" in line and "Fatima" not in line and "7201AB" not in line


def test_gunicorns_access_log_holds_the_path_without_the_query(capsys):
    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", ACCESS_LOG_FORMAT)
    access = Logger(config)
    path, query = SEARCH.split("?")
    request = types.SimpleNamespace(
        method="GET", path=path, query=query, uri=SEARCH, version=(1, 1), headers=[]
    )
    response = types.SimpleNamespace(
        status="200 OK", sent=1234, headers=[], status_code=200, response_length=1234
    )
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": SEARCH,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.7",
    }
    access.access(response, request, environ, datetime.timedelta(milliseconds=12))
    line = capsys.readouterr().out
    assert path in line and '"GET' in line
    assert "Fatima" not in line and "7201AB" not in line and "192.0.2.7" not in line
