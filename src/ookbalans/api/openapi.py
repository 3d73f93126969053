"""The app's own filled-in copy of the HSDS 3.0 OpenAPI file, with the HSDS schemas embedded (offline)."""

from __future__ import annotations

import copy
import json
from functools import cache

from ookbalans.interchange.tables import HSDS_DIR

REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
# The paths ookbalans serves; the HSDS file's others are left out of the document.
SERVED = (
    "/",
    "/services",
    "/services/{id}",
    "/organizations",
    "/organizations/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
    "/service_at_locations",
    "/service_at_locations/{id}",
)
SCHEMA_NAMES = {
    "compiled/service.json": "Service",
    "compiled/service_list.json": "ServiceList",
    "compiled/organization.json": "Organization",
    "compiled/organization_list.json": "OrganizationList",
    "compiled/service_at_location.json": "ServiceAtLocation",
    "compiled/service_at_location_list.json": "ServiceAtLocationList",
    "taxonomy.json": "Taxonomy",
    "taxonomy_term.json": "TaxonomyTerm",
}


def local_refs(value):
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str) and item.startswith(REMOTE):
                result[key] = "#/components/schemas/" + SCHEMA_NAMES[item[len(REMOTE) :]]
            else:
                result[key] = local_refs(item)
        return result
    if isinstance(value, list):
        return [local_refs(item) for item in value]
    return value


def embedded(name: str) -> dict:
    schema = json.loads((HSDS_DIR / name).read_text())
    if name == "taxonomy_term.json":
        # The modular schema refers to taxonomy.json by file name; point it at the embedded copy.
        schema = json.loads(json.dumps(schema).replace('"taxonomy.json"', '"#/components/schemas/Taxonomy"'))
    return schema


@cache
def base_document() -> dict:
    source = json.loads((HSDS_DIR / "openapi.json").read_text())
    document = local_refs(source)
    document["info"] = {
        "title": "ookbalans HSDS API",
        "version": "1.0",
        "summary": "Het lokale aanbod voor de eerste 1000 dagen (Kansrijke Start), in HSDS 3.0.",
        "description": (
            "Read-only, open API of ookbalans following the Human Services Data API (HSDA) of HSDS 3.0, "
            "with the ookbalans profile for Kansrijke Start (see /docs/hsds-profile.md): the OOK in Balans "
            "classifications are taxonomies, linked to services through attributes. Only active services. "
            "HSDS: an Open Referral resource (https://openreferral.org/), CC BY-SA 4.0."
        ),
        "contact": {"name": "ookbalans", "url": "https://ookbalans.nl/"},
        "license": {"name": "CC BY-SA 4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/"},
    }
    document["paths"] = {path: document["paths"][path] for path in SERVED}
    for path in document["paths"].values():
        get = path["get"]
        # ookbalans answers JSON only: the `format` parameter (ndjson) is not offered.
        get["parameters"] = [
            p for p in get.get("parameters", []) if p.get("$ref") != "#/components/parameters/format"
        ]
        get["responses"]["400"] = {
            "description": "A parameter is not valid.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        if "{id}" in str(path) or "parameters" in path:
            get["responses"]["404"] = {
                "description": "Not found.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
    schemas = document["components"]["schemas"]
    for name, component in SCHEMA_NAMES.items():
        schemas[component] = embedded(name)
    schemas["Error"] = {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    }
    params = document["components"]["parameters"]
    params["proximity"]["schema"] = {"type": "string", "pattern": "^[0-9]+$"}
    params["proximity"]["description"] = (
        "Distance in metres from the centroid of the postcode's four-digit area."
    )
    params["modified_after"]["schema"] = {"type": "string", "format": "date-time"}
    return document


def document_for(server_url: str) -> dict:
    document = copy.deepcopy(base_document())
    document["servers"] = [{"url": server_url}]
    return document
