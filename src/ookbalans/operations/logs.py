"""Logs without a parent's search words: the development server's request lines lose their query strings."""

from __future__ import annotations

import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"]*")


class WithoutQueryStrings(logging.Filter):
    """Cuts '?q=...' from every text argument of a record ('"GET /x/zoeken/?q=... HTTP/1.1"')."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                QUERY_STRING.sub("", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        if isinstance(record.msg, str) and not record.args:
            record.msg = QUERY_STRING.sub("", record.msg)
        return True
