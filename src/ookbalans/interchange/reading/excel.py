"""Reading the coordinators' Excel workbook into an HSDS document, each object carrying its sheet and row."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ookbalans.catalogue.models import Location, Organisation
from ookbalans.framework import codes
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.limits import Limits
from ookbalans.interchange.problems import SOURCE, Problems, Where
from ookbalans.interchange.reading.excel_cells import cell_text, excel_date, excel_time, read_sheets
from ookbalans.interchange.workbook import CLASSIFICATIONS, FORMER_WORDINGS, labels


def lookup(
    labels_: dict,
    value: str,
    where: Where,
    field_name: str,
    problems: Problems,
    required: bool = True,
    also: dict[str, str] | None = None,
) -> str:
    """The code of a choice from its label, its code, or a wording of an earlier workbook (`also`)."""
    reverse = {label.casefold(): code for code, label in labels_.items()} | {c.casefold(): c for c in labels_}
    reverse |= {wording.casefold(): code for wording, code in (also or {}).items()}
    expected = _("expected one of: %(choices)s.") % {"choices": ", ".join(labels_.values())}
    if value == "":
        if required:
            problems.error(where, field_name, "", expected)
        return ""
    if value.casefold() not in reverse:
        problems.error(where, field_name, value, expected)
        return ""
    return reverse[value.casefold()]


def choice(name: str, row: dict, column: str, where: Where, problems: Problems) -> str:
    """The code of a drop-down choice whose wordings are the catalogue's labels (see workbook.CHOICES)."""
    codes_by_text = {str(code): label for code, label in labels(name).items()}
    also = {wording: str(code) for wording, code in FORMER_WORDINGS.get(name, {}).items()}
    return lookup(codes_by_text, cell_text(row.get(column)), where, column, problems, also=also)


@dataclass
class WorkbookReading:
    """What the rows of one sheet find on the others: ids by name, services by id or name."""

    coalition: object
    problems: Problems
    organisation_ids: dict[str, str] = field(default_factory=dict)
    location_ids: dict[str, str] = field(default_factory=dict)
    municipalities: dict[str, str] = field(default_factory=dict)
    services: dict[str, dict] = field(default_factory=dict)
    service_at_locations: dict[tuple[str, str], dict] = field(default_factory=dict)

    def row_id(self, row: dict, *key) -> str:
        """The row's id. A new row gets one derived from what it is, so that other sheets' rows find it
        and importing the same file again updates it instead of adding it twice."""
        given = cell_text(row.get("id"))
        if given:
            return given
        name = "/".join(str(part).casefold() for part in key)
        return str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"https://ookbalans.nl/coalitie/{self.coalition.id}/{name}")
        )

    def reference(self, names: dict, value: str, where: Where, field_name: str, required: bool = True):
        """The id of an object named on another sheet (or already in the coalition)."""
        if value == "":
            if required:
                self.problems.error(where, field_name, "", _("expected a name from the list."))
            return None
        found = names.get(value.casefold())
        if found is None:
            self.problems.error(
                where, field_name, value, _("expected a name from the list (another sheet of this workbook).")
            )
        return found

    def service_of(self, row: dict, where: Where) -> dict | None:
        service_id = cell_text(row.get("service_id")) or cell_text(row.get("service_name")).casefold()
        if service_id not in self.services:
            self.problems.error(
                where, "service_id", service_id, _("expected the ID of a service on the sheet 'Diensten'.")
            )
            return None
        return self.services[service_id]


def read_workbook(source, coalition, problems: Problems, limits: Limits | None = None) -> dict:
    """The workbook as an HSDS document, each object carrying the sheet and row it came from."""
    sheets = read_sheets(source, problems, limits)
    if not sheets:
        return {}
    book = WorkbookReading(
        coalition,
        problems,
        organisation_ids={
            o.name.casefold(): str(o.id) for o in Organisation.objects.filter(coalition=coalition)
        },
        location_ids={
            loc.name.casefold(): str(loc.id) for loc in Location.objects.filter(coalition=coalition)
        },
        municipalities={m.name.casefold(): m.code for m in coalition.municipalities.all()},
    )
    organisations = [read_organisation(book, where, row) for where, row in sheets["Organisaties"]]
    locations = read_locations(book, sheets["Locaties"])
    services = [read_service(book, where, row) for where, row in sheets["Diensten"]]
    for where, row in sheets["Indelingen"]:
        read_classification(book, where, row)
    for where, row in sheets["Dienst op locatie"]:
        read_service_at_location(book, where, row)
    for where, row in sheets["Openingstijden"]:
        read_schedule(book, where, row)
    for where, row in sheets["Kosten"]:
        read_cost_option(book, where, row)
    contacts = [read_contact(book, where, row) for where, row in sheets["Aanspreekpunten"]]
    return {
        "organizations": organisations,
        "services": services,
        "locations": locations,
        "contacts": [contact for contact in contacts if contact is not None],
    }


def read_organisation(book: WorkbookReading, where: Where, row: dict) -> dict:
    object_id = book.row_id(row, "organisation", cell_text(row.get("name")))
    item = {**described(where, object_id, row), "website": cell_text(row.get("website"))}
    domain_labels = {t.code: t.label for t in codes.DOMAINS.terms}
    domain = lookup(domain_labels, cell_text(row.get("domain")), where, "domain", book.problems)
    if domain:
        item["attributes"] = [term_attribute(codes.DOMAINS.code, domain)]
    item = strip(item)
    if item.get("name"):
        book.organisation_ids[item["name"].casefold()] = object_id
    return item


def read_locations(book: WorkbookReading, rows: list[tuple[Where, dict]]) -> list[dict]:
    locations, seen_names = [], set()
    for where, row in rows:
        street = " ".join(p for p in (cell_text(row.get("street")), cell_text(row.get("house_number"))) if p)
        name = cell_text(row.get("name"))
        if name.casefold() in seen_names:
            book.problems.error(where, "name", name, _("expected each location name only once."))
        seen_names.add(name.casefold())
        address = {
            "address_1": street,
            "postal_code": cell_text(row.get("postal_code")),
            "city": cell_text(row.get("city")),
            "country": "NL",
        }
        item = strip(
            {SOURCE: where, "id": book.row_id(row, "location", name), "name": name, "addresses": [address]}
        )
        locations.append(item)
        book.location_ids[name.casefold()] = item["id"]
    return locations


def read_service(book: WorkbookReading, where: Where, row: dict) -> dict:
    problems = book.problems
    organisation_name = cell_text(row.get("organization"))
    object_id = book.row_id(row, "service", cell_text(row.get("name")), organisation_name)
    organisation = book.reference(book.organisation_ids, organisation_name, where, "organization")
    facts = {
        "korte_beschrijving": cell_text(row.get("short_description")),
        "toegang": choice("access", row, "access", where, problems),
        "frequentie": choice("frequency", row, "frequency", where, problems),
        "huisbezoek": cell_text(row.get("home_visits")) or "nee",
        "online": cell_text(row.get("online")) or "nee",
        "online_adres": cell_text(row.get("online_url")),
        "cultuursensitief": cell_text(row.get("culture_sensitive")) or "nee",
        "cultuursensitief_toelichting": cell_text(row.get("culture_sensitive_explanation")),
        "wachttijd_weken": cell_text(row.get("waiting_time_weeks")),
        "landelijke_interventie": cell_text(row.get("national_intervention")),
        "gecontroleerd_door": cell_text(row.get("last_checked_by")),
    }
    languages = [
        c.strip().lower() for c in cell_text(row.get("languages")).replace(";", ",").split(",") if c.strip()
    ]
    item = {
        **described(where, object_id, row),
        "url": cell_text(row.get("url")),
        "status": choice("status", row, "status", where, problems) or "active",
        "assured_date": excel_date(row.get("last_checked_on"), where, problems),
        "languages": [{"code": code.split(" ")[0]} for code in languages],
        "attributes": [fact_attribute(code, value) for code, value in facts.items() if value],
        "service_at_locations": [],
        "cost_options": [],
    }
    if organisation:
        item["organization_id"] = organisation
    book.services[object_id] = item
    if item["name"] and not cell_text(row.get("id")):
        book.services.setdefault(item["name"].casefold(), item)
    return item


def read_classification(book: WorkbookReading, where: Where, row: dict) -> None:
    service = book.service_of(row, where)
    by_label = {t.label.casefold(): t for t in CLASSIFICATIONS}
    taxonomy = by_label.get(cell_text(row.get("classification")).casefold())
    if taxonomy is None:
        book.problems.error(
            where,
            "classification",
            cell_text(row.get("classification")),
            _("expected one of: %(choices)s.") % {"choices": ", ".join(t.label for t in CLASSIFICATIONS)},
        )
        return
    term_labels = {t.code: t.label for t in taxonomy.terms}
    code = lookup(term_labels, cell_text(row.get("term")), where, "term", book.problems)
    if service is not None and code:
        service["attributes"].append(term_attribute(taxonomy.code, code))


def read_service_at_location(book: WorkbookReading, where: Where, row: dict) -> None:
    service = book.service_of(row, where)
    location = book.reference(book.location_ids, cell_text(row.get("location")), where, "location")
    if service is None or location is None:
        return
    sal = strip(
        {
            SOURCE: where,
            "id": book.row_id(row, "sal", service["id"], location),
            "location_id": location,
            "description": cell_text(row.get("description")),
        }
    )
    sal["schedules"] = []
    service["service_at_locations"].append(sal)
    book.service_at_locations[(service["id"], cell_text(row.get("location")).casefold())] = sal


def read_schedule(book: WorkbookReading, where: Where, row: dict) -> None:
    service = book.service_of(row, where)
    if service is None:
        return
    sal = book.service_at_locations.get((service["id"], cell_text(row.get("location")).casefold()))
    if sal is None:
        book.problems.error(
            where,
            "location",
            cell_text(row.get("location")),
            _("expected a location that the sheet 'Dienst op locatie' links to this service."),
        )
        return
    day = choice("days", row, "weekday", where, book.problems)
    if not day:
        return
    opens_at = excel_time(row.get("opens_at"))
    sal["schedules"].append(
        {
            SOURCE: where,
            "id": book.row_id(row, "schedule", sal["id"], day, opens_at),
            "freq": "WEEKLY",
            "byday": mapping.WEEKDAYS[int(day)],
            "opens_at": opens_at,
            "closes_at": excel_time(row.get("closes_at")),
        }
    )


def read_cost_option(book: WorkbookReading, where: Where, row: dict) -> None:
    service = book.service_of(row, where)
    kind = choice("cost", row, "kind", where, book.problems)
    if service is None or not kind:
        return
    amount = row.get("amount")
    option = cell_text(row.get("option"))
    service["cost_options"].append(
        strip(
            {
                SOURCE: where,
                "id": book.row_id(row, "cost", service["id"], kind, amount, option),
                "option": option,
                "amount": str(amount).replace(",", ".") if amount not in (None, "") else None,
                "attributes": [fact_attribute("kostensoort", kind)],
            }
        )
    )


def read_contact(book: WorkbookReading, where: Where, row: dict) -> dict | None:
    """A contact point; None (after reporting) when its phase is missing or unknown."""
    phase_labels = {t.code: t.label for t in codes.PHASES.terms}
    phase = lookup(phase_labels, cell_text(row.get("phase")), where, "phase", book.problems)
    municipality = book.reference(
        book.municipalities, cell_text(row.get("municipality")), where, "municipality", required=False
    )
    organisation = book.reference(
        book.organisation_ids, cell_text(row.get("organization")), where, "organization", required=False
    )
    object_id = book.row_id(row, "contact", phase, municipality)
    facts = {
        "aanspreekpunt_beschrijving": cell_text(row.get("description")),
        "aanspreekpunt_bereikbaarheid": cell_text(row.get("how_to_reach")),
        "aanspreekpunt_website": cell_text(row.get("website")),
        "aanspreekpunt_gemeente": municipality,
    }
    item = strip(
        {
            SOURCE: where,
            "id": object_id,
            "name": cell_text(row.get("name")),
            "email": cell_text(row.get("email")),
            "phones": phones(row),
            "organization_id": organisation,
            "attributes": ([term_attribute(codes.PHASES.code, phase)] if phase else [])
            + [fact_attribute(code, value) for code, value in facts.items() if value],
        }
    )
    return item if phase else None


def described(where: Where, object_id: str, row: dict) -> dict:
    """What a row of an organisation and of a service both say: place, id, name, description, email, phone."""
    return {
        SOURCE: where,
        "id": object_id,
        "name": cell_text(row.get("name")),
        "description": cell_text(row.get("description")),
        "email": cell_text(row.get("email")),
        "phones": phones(row),
    }


def strip(item: dict) -> dict:
    return {k: v for k, v in item.items() if v not in (None, "", [])}


def phones(row: dict) -> list[dict]:
    number = cell_text(row.get("phone"))
    return [{"number": number}] if number else []


def term_attribute(taxonomy_code: str, code: str) -> dict:
    return {"taxonomy_term_id": tx.term_id(taxonomy_code, code)}


def fact_attribute(code: str, value) -> dict:
    return {"taxonomy_term_id": tx.term_id(tx.FACTS.code, code), "value": value}
