"""Reading an HSDS JSON file, and every shape such a file takes, into one HSDS document."""

from __future__ import annotations

import gc
import json

import orjson
from django.utils.translation import gettext as _

from ookbalans.interchange.limits import Limits, deeper_than, in_megabytes
from ookbalans.interchange.problems import Problems, Where


def read_json(data: bytes, name: str, problems: Problems, limits: Limits | None = None, *, depth=True):
    """The parsed JSON of a file, or None with the problem reported: too large, not JSON, nested too deep.

    The size is judged before parsing (`limits.json_bytes`); callers read at most one byte more.
    `depth=False` leaves the nesting to the caller, who walks the document anyway (an import's
    `formats.import_file`, in the same walk as the checks'): to be judged before any other use.
    """
    limits = limits or Limits.from_settings()
    if len(data) > limits.json_bytes:
        problems.error(
            Where(name),
            "",
            f"> {in_megabytes(limits.json_bytes)}",
            _(
                "expected a JSON file of at most %(size)s; import a larger offering as a datapackage "
                "(.zip) or in parts."
            )
            % {"size": in_megabytes(limits.json_bytes)},
        )
        return None
    needed = parsed_size(data)
    if needed > limits.json_bytes * MEMORY_PER_BYTE:
        problems.error(
            Where(name),
            "",
            f"± {in_megabytes(needed)}",
            _(
                "expected a JSON file that takes at most %(size)s of memory to read; this one has too "
                "many small objects. Import it as a datapackage (.zip) or in parts."
            )
            % {"size": in_megabytes(limits.json_bytes * MEMORY_PER_BYTE)},
        )
        return None
    try:
        document = parsed(data)
        if not depth or not deeper_than(document, limits.depth):
            return document
        problems.error(Where(name), "", "", too_deep(limits))
    except UnicodeDecodeError as error:
        problems.error(Where(name), "", f"byte {error.start}", _("expected a JSON file in UTF-8."))
    except json.JSONDecodeError as error:
        problems.error(
            Where(name, error.lineno),
            "",
            error.msg,
            _("expected valid JSON (line %(line)d, column %(col)d).")
            % {"line": error.lineno, "col": error.colno},
        )
    except RecursionError:
        problems.error(Where(name), "", "", too_deep(limits))
    return None


def parsed(data: bytes):
    """The JSON value of UTF-8 data: by orjson (about twice as fast), else by the json module.

    Whatever orjson refuses (a byte order mark, NaN, an integer beyond 64 bits, a lone surrogate,
    invalid JSON) goes to the json module, which reads it as before or raises its own error.
    Python's cycle collector is off while orjson builds the value (which makes no cycles): it would
    walk the growing document again and again, a third of the reading's time for a large file.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        pass
    finally:
        if collecting:
            gc.enable()
    return json.loads(data.decode("utf-8-sig"))


# Memory a JSON file may take parsed, per byte of the largest file allowed: an HSDS export takes
# about 3.6 times its size, a file of tiny objects 25 times.
MEMORY_PER_BYTE = 5


def parsed_size(data: bytes) -> int:
    """An upper estimate of the memory `json.loads` takes for the data, counted without parsing it.

    The text twice (bytes and str) plus its strings, and per object, list and value what Python
    holds for it (measured: a dict about 200 bytes, a list 70, a value up to 40).
    """
    return 3 * len(data) + 200 * data.count(b"{") + 70 * data.count(b"[") + 40 * data.count(b",")


def too_deep(limits: Limits) -> str:
    return _("expected JSON nested at most %(depth)d levels deep (lists in lists, objects in objects).") % {
        "depth": limits.depth
    }


def is_hsds_service(item) -> bool:
    # HSDS requires `status` of a service and has none on an organisation.
    return isinstance(item, dict) and ("status" in item or "service_at_locations" in item)


def as_document(document):
    """Every form an HSDS JSON file takes, as one document with organizations and services.

    Accepted: a list of services; our document object; one service or one organisation object
    (as the official examples `service_full.json` and `organization_full.json`); and a page of an
    HSDS API answer (`{"total_items": ..., "contents": [...]}`) of services or organisations.
    """
    if isinstance(document, list):
        return {"services": document}
    if not isinstance(document, dict):
        return document
    if isinstance(document.get("contents"), list) and "total_items" in document:
        items = document["contents"]
        return {"services": items} if all(map(is_hsds_service, items)) else {"organizations": items}
    if "id" in document and "name" in document:
        return {"services": [document]} if is_hsds_service(document) else {"organizations": [document]}
    return document
