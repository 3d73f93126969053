"""Reading an HSDS JSON file, and every shape such a file takes, into one HSDS document."""

from __future__ import annotations

import json

from django.utils.translation import gettext as _

from ookbalans.interchange.problems import Problems, Where

MAX_JSON_BYTES = 500_000_000


def read_json(data: bytes, name: str, problems: Problems):
    """The parsed JSON of a file, or None with the problem reported."""
    if len(data) > MAX_JSON_BYTES:
        problems.error(Where(name), "", len(data), _("expected a file under 500 MB."))
        return None
    try:
        return json.loads(data.decode("utf-8-sig"))
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
        problems.error(Where(name), "", "", _("expected JSON that is not nested this deeply."))
    return None


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
