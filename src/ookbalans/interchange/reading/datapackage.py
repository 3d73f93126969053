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


# Per table, in the order they are built: its child lists, as name -> (child table, the owners whose rows
# belong to them rather than to this table: a service's phones leave out those of its contacts).
CHILDREN: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "phone": {"languages": ("language", ())},
    "contact": {"phones": ("phone", ())},
    "cost_option": {},
    "location": {
        "languages": ("language", ()),
        "addresses": ("address", ()),
        "contacts": ("contact", ()),
        "accessibility": ("accessibility", ()),
        "phones": ("phone", ()),
        "schedules": ("schedule", ()),
    },
    "service_at_location": {
        "contacts": ("contact", ()),
        "phones": ("phone", ()),
        "schedules": ("schedule", ()),
    },
    "service": {
        "phones": ("phone", ("service_at_location", "contact")),
        "schedules": ("schedule", ("service_at_location",)),
        "service_areas": ("service_area", ()),
        "service_at_locations": ("service_at_location", ()),
        "languages": ("language", ("phone",)),
        "funding": ("funding", ()),
        "cost_options": ("cost_option", ()),
        "required_documents": ("required_document", ()),
        "contacts": ("contact", ("service_at_location",)),
    },
    "organization": {
        "funding": ("funding", ("service",)),
        "contacts": ("contact", ("service", "location", "service_at_location")),
        "phones": ("phone", ("service", "location", "contact")),
        "programs": ("program", ()),
        "organization_identifiers": ("organization_identifier", ()),
    },
}


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

    built: dict[str, list[dict]] = {}
    grouped: dict[tuple[str, str], dict[str, list[dict]]] = {}

    def owned(table: str, parent: str, key: str, not_of: tuple[str, ...]) -> list[dict]:
        """The rows of `table` that belong to the parent row `key` itself, not to a narrower owner."""
        if (table, parent) not in grouped:
            grouped[table, parent] = group(built.get(table, tables[table]), f"{parent}_id")
        rows = grouped[table, parent].get(key, [])
        return [row for row in rows if not any(row.get(f"{owner}_id") for owner in not_of)]

    for parent, lists in CHILDREN.items():
        built[parent] = []
        for row in tables[parent]:
            key = str(row.get("id"))
            own = {name: owned(table, parent, key, not_of) for name, (table, not_of) in lists.items()}
            built[parent].append(children(row, own))
    locations_by_id = {str(loc.get("id")): loc for loc in built["location"]}
    for item in built["service_at_location"]:
        if str(item.get("location_id")) in locations_by_id:
            item["location"] = locations_by_id[str(item["location_id"])]
    programs = {str(p.get("id")): p for p in tables["program"]}
    for item in built["service"]:
        if str(item.get("program_id")) in programs:
            item["program"] = programs[str(item["program_id"])]
    organizations, services, locations, contacts = (
        built["organization"],
        built["service"],
        built["location"],
        built["contact"],
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
