"""Writing an HSDS document as an HSDS JSON file."""

from __future__ import annotations

import json


def write_json(document: dict, target) -> None:
    """The document as UTF-8 JSON, written to a binary file object."""
    # No indentation: only then does the json module use its fast C encoder (100,000 services).
    target.write(json.dumps(document, ensure_ascii=False).encode("utf-8"))
