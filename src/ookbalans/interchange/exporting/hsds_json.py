"""Writing an HSDS document as an HSDS JSON file, streamed object by object."""

from __future__ import annotations

import json
from collections.abc import Iterator

# No indentation: only then does the json module use its fast C encoder.
ENCODER = json.JSONEncoder(ensure_ascii=False)
# Objects per piece of output: large enough to keep the number of writes low, small enough for memory.
OBJECTS_PER_PIECE = 100


def json_pieces(document) -> Iterator[bytes]:
    """The UTF-8 JSON of a CoalitionDocument (or a document dict), in pieces, one list item at a time.

    The text is the same as `json.dumps(document, ensure_ascii=False)` of the whole document.
    """
    header, parts = split(document)
    yield ENCODER.encode(header)[:-1].encode("utf-8")
    first_key = not header
    for key, items in parts.items():
        yield f"{'' if first_key else ', '}{ENCODER.encode(key)}: [".encode()
        first_key = False
        pending = []
        for index, item in enumerate(items()):
            pending.append(("" if index == 0 else ", ") + ENCODER.encode(item))
            if len(pending) >= OBJECTS_PER_PIECE:
                yield "".join(pending).encode("utf-8")
                pending = []
        yield ("".join(pending) + "]").encode("utf-8")
    yield b"}"


def split(document) -> tuple[dict, dict]:
    """The header fields and the lists (as callables yielding items) of a lazy document or a dict."""
    if isinstance(document, dict):
        lists = {k: v for k, v in document.items() if isinstance(v, list)}
        header = {k: v for k, v in document.items() if k not in lists}
        return header, {k: (lambda v=v: iter(v)) for k, v in lists.items()}
    return document.header(), document.parts()


def write_json(document, target) -> None:
    """The document as UTF-8 JSON, written to a binary file object."""
    for piece in json_pieces(document):
        target.write(piece)
