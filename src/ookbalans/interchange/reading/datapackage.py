"""Reading the HSDS tabular datapackage (a folder or a .zip of CSV files) into one nested HSDS document."""

from __future__ import annotations

import json
import zipfile
from functools import partial
from pathlib import Path

from django.utils.translation import gettext as _

from ookbalans.interchange.limits import Limits, in_megabytes
from ookbalans.interchange.problems import SOURCE, Problems, Where
from ookbalans.interchange.reading.archive import Budget, TooLarge, counted_text, refusal, too_large_text
from ookbalans.interchange.reading.csv_files import read_csv
from ookbalans.interchange.tables import field_types, resources


def typed(table: str, row: dict) -> dict:
    """CSV text to the JSON types of the HSDS schema (numbers stay text when they are not numbers)."""
    types = field_types(table)
    result = {}
    for key, value in row.items():
        kind = types.get(key)
        if kind in ("number", "integer") and isinstance(value, str):
            try:
                number = float(value)
                value = (
                    int(number) if (kind == "integer" or number.is_integer()) and "." not in value else number
                )
            except ValueError:
                pass
        result[key] = value
    return result


def read_package_files(files: dict, problems: Problems, limits: Limits, budget: Budget) -> dict:
    """Nest the CSV tables of a datapackage into an HSDS document with organizations, services ...

    `files` opens each file of the package by name as a binary stream; every byte read is charged to
    the budget, and no table may have more rows than the limits allow.
    """
    by_path = {resource["path"]: name for name, resource in resources().items()}
    if "datapackage.json" not in files:
        problems.error(
            Where(_("the package")), "datapackage.json", "", _("expected a datapackage.json file.")
        )
    else:
        try:
            with counted_text(files["datapackage.json"](), budget) as text:
                json.loads(text.read())
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.error(Where("datapackage.json"), "", str(error), _("expected valid JSON."))
    tables: dict[str, list[dict]] = {name: [] for name in resources()}
    for path, opener in files.items():
        if path == "datapackage.json":
            continue
        name = by_path.get(path)
        if name is None:
            problems.warning(Where(path), "", "", _("this file is not part of HSDS and is not imported."))
            continue
        most = min(limits.rows, limits.services) if name == "service" else limits.rows
        with opener() as stream:
            tables[name] = [typed(name, row) for row in read_csv(stream, path, problems, most, budget)]
    if not any(tables[name] for name in ("organization", "service", "location", "contact")):
        problems.error(
            Where(_("the package")),
            "",
            ", ".join(sorted(files)),
            _(
                "expected at least one of organizations.csv, services.csv, "
                "locations.csv or contacts.csv with rows."
            ),
        )
    for name in ("metadata", "meta_table_description"):
        for row in tables[name]:
            problems.warning(row[SOURCE], "", row.get("id", ""), _("change history is not imported."))
    document = nest(tables)
    placed = set(ids_in(document))
    for name, rows in tables.items():
        if name in ("metadata", "meta_table_description"):
            continue
        for row in rows:
            if str(row.get("id")) not in placed:
                problems.warning(
                    row[SOURCE],
                    "id",
                    row.get("id", ""),
                    _(
                        "this row is not linked to any organisation, service, location or contact "
                        "in the package, and is not imported."
                    ),
                )
    return document


def ids_in(value):
    if isinstance(value, dict):
        if "id" in value:
            yield str(value["id"])
        for item in value.values():
            yield from ids_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from ids_in(item)


def group(rows: list[dict], key: str) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        if row.get(key):
            grouped.setdefault(str(row[key]), []).append(row)
    return grouped


def nest(tables: dict[str, list[dict]]) -> dict:
    taxonomies = {str(t.get("id")): t for t in tables["taxonomy"]}
    terms = {}
    for term in tables["taxonomy_term"]:
        term = dict(term)
        if str(term.get("taxonomy_id")) in taxonomies:
            term["taxonomy_detail"] = taxonomies[str(term["taxonomy_id"])]
        terms[str(term.get("id"))] = term
    attributes = {}
    for attr in tables["attribute"]:
        attr = dict(attr)
        if str(attr.get("taxonomy_term_id")) in terms:
            attr["taxonomy_term"] = terms[str(attr["taxonomy_term_id"])]
        attributes.setdefault(str(attr.get("link_id")), []).append(attr)

    def children(item: dict, lists: dict[str, list[dict]]) -> dict:
        item = dict(item)
        for key, rows in lists.items():
            if rows:
                item[key] = rows
        if str(item.get("id")) in attributes:
            item["attributes"] = attributes[str(item["id"])]
        return item

    languages_by_phone = group(tables["language"], "phone_id")
    phones = [
        children(p, {"languages": languages_by_phone.get(str(p.get("id")), [])}) for p in tables["phone"]
    ]
    phones_by = {
        owner: group(phones, f"{owner}_id")
        for owner in ("organization", "service", "location", "contact", "service_at_location")
    }
    contacts = [
        children(c, {"phones": phones_by["contact"].get(str(c.get("id")), [])}) for c in tables["contact"]
    ]
    contacts_by = {
        owner: group(contacts, f"{owner}_id")
        for owner in ("organization", "service", "location", "service_at_location")
    }
    schedules_by = {
        owner: group(tables["schedule"], f"{owner}_id")
        for owner in ("service", "location", "service_at_location")
    }
    languages_by = {owner: group(tables["language"], f"{owner}_id") for owner in ("service", "location")}
    funding_by = {owner: group(tables["funding"], f"{owner}_id") for owner in ("organization", "service")}
    cost_options = [children(c, {}) for c in tables["cost_option"]]

    # Each table grouped once by the id of its owner, not once per owner.
    addresses_by_location = group(tables["address"], "location_id")
    accessibility_by_location = group(tables["accessibility"], "location_id")
    areas_by_service = group(tables["service_area"], "service_id")
    costs_by_service = group(cost_options, "service_id")
    documents_by_service = group(tables["required_document"], "service_id")
    programs_by_organisation = group(tables["program"], "organization_id")
    identifiers_by_organisation = group(tables["organization_identifier"], "organization_id")

    locations = []
    for row in tables["location"]:
        key = str(row.get("id"))
        locations.append(
            children(
                row,
                {
                    "languages": languages_by["location"].get(key, []),
                    "addresses": addresses_by_location.get(key, []),
                    "contacts": contacts_by["location"].get(key, []),
                    "accessibility": accessibility_by_location.get(key, []),
                    "phones": phones_by["location"].get(key, []),
                    "schedules": schedules_by["location"].get(key, []),
                },
            )
        )
    locations_by_id = {str(loc.get("id")): loc for loc in locations}
    programs = {str(p.get("id")): p for p in tables["program"]}
    service_at_locations = []
    for row in tables["service_at_location"]:
        key = str(row.get("id"))
        item = children(
            row,
            {
                "contacts": contacts_by["service_at_location"].get(key, []),
                "phones": phones_by["service_at_location"].get(key, []),
                "schedules": schedules_by["service_at_location"].get(key, []),
            },
        )
        if str(row.get("location_id")) in locations_by_id:
            item["location"] = locations_by_id[str(row["location_id"])]
        service_at_locations.append(item)

    sals_by_service = group(service_at_locations, "service_id")
    services = []
    for row in tables["service"]:
        key = str(row.get("id"))
        item = children(
            row,
            {
                "phones": [
                    p
                    for p in phones_by["service"].get(key, [])
                    if not p.get("service_at_location_id") and not p.get("contact_id")
                ],
                "schedules": [
                    s for s in schedules_by["service"].get(key, []) if not s.get("service_at_location_id")
                ],
                "service_areas": areas_by_service.get(key, []),
                "service_at_locations": sals_by_service.get(key, []),
                "languages": [
                    lang for lang in languages_by["service"].get(key, []) if not lang.get("phone_id")
                ],
                "funding": funding_by["service"].get(key, []),
                "cost_options": costs_by_service.get(key, []),
                "required_documents": documents_by_service.get(key, []),
                "contacts": [
                    c for c in contacts_by["service"].get(key, []) if not c.get("service_at_location_id")
                ],
            },
        )
        if str(row.get("program_id")) in programs:
            item["program"] = programs[str(row["program_id"])]
        services.append(item)

    organizations = []
    for row in tables["organization"]:
        key = str(row.get("id"))
        organizations.append(
            children(
                row,
                {
                    "funding": [
                        f for f in funding_by["organization"].get(key, []) if not f.get("service_id")
                    ],
                    "contacts": [
                        c
                        for c in contacts_by["organization"].get(key, [])
                        if not (
                            c.get("service_id") or c.get("location_id") or c.get("service_at_location_id")
                        )
                    ],
                    "phones": [
                        p
                        for p in phones_by["organization"].get(key, [])
                        if not (p.get("service_id") or p.get("location_id") or p.get("contact_id"))
                    ],
                    "programs": programs_by_organisation.get(key, []),
                    "organization_identifiers": identifiers_by_organisation.get(key, []),
                },
            )
        )
    return {
        "organizations": organizations,
        "services": services,
        "locations": locations,
        "contacts": [
            c
            for c in contacts
            if not (
                c.get("organization_id")
                or c.get("service_id")
                or c.get("location_id")
                or c.get("service_at_location_id")
            )
        ],
    }


def read_datapackage(path_or_file, problems: Problems, limits: Limits | None = None) -> dict:
    """A datapackage folder, or a .zip (path or file object), as an HSDS document, within the limits."""
    limits = limits or Limits.from_settings()
    budget = Budget(limits.unpacked_bytes)
    path = Path(path_or_file) if isinstance(path_or_file, str | Path) else None
    try:
        if path is not None and path.is_dir():
            children = [
                c for c in sorted(path.iterdir()) if c.is_file() and c.suffix.lower() in (".csv", ".json")
            ]
            files = {child.name: partial(child.open, "rb") for child in children}
            return read_package_files(files, problems, limits, budget)
        return read_zip(path_or_file, problems, limits, budget)
    except TooLarge:
        problems.error(
            Where(_("the file")), "", f"> {in_megabytes(limits.unpacked_bytes)}", too_large_text(limits)
        )
        return {}


def read_zip(file, problems: Problems, limits: Limits, budget: Budget) -> dict:
    opened = open(file, "rb") if isinstance(file, str | Path) else None  # noqa: SIM115
    source = opened or file
    try:
        why = refusal(source, limits)
        if why is not None:
            problems.error(Where(_("the file")), "", *why)
            return {}
        with zipfile.ZipFile(source) as archive:
            files = {}
            for info in archive.infolist():
                name = info.filename.rsplit("/", 1)[-1]
                if not info.is_dir() and name and not name.startswith("."):
                    files[name] = partial(archive.open, info)
            return read_package_files(files, problems, limits, budget)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        problems.error(
            Where(_("the file")),
            "",
            str(error),
            _("expected a .zip file or a folder with a datapackage."),
        )
        return {}
    finally:
        if opened is not None:
            opened.close()
