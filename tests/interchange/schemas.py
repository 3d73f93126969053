"""Validating against the HSDS 3.0 JSON schemas copied into the project, offline, with a local registry."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ookbalans.interchange.tables import HSDS_DIR

BASE = "https://ookbalans.nl/hsds/3.0/schema/"


@cache
def registry() -> Registry:
    resources = []
    for path in sorted(Path(HSDS_DIR).glob("*.json")):
        if path.name in ("openapi.json", "datapackage.json"):
            continue
        contents = json.loads(path.read_text())
        resources.append(
            (BASE + path.name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": BASE + name}, registry=registry(), format_checker=FormatChecker())


def errors(instance, name: str) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(instance)
    ]


PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def page_errors(page: dict, item_schema: str, list_fields: set | None = None) -> list[str]:
    found = [] if set(page) == PAGE_KEYS else [f"page keys {sorted(page)}"]
    for item in page["contents"]:
        found += errors(item, item_schema)
        if list_fields is not None:
            found += [f"not a one-to-one field: {k}" for k, v in item.items() if isinstance(v, list | dict)]
    return found
