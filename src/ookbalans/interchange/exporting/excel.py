"""Writing a coalition's HSDS document as the coordinators' Excel workbook, with drop-down lists."""

from __future__ import annotations

import datetime

from openpyxl.utils import get_column_letter, quote_sheetname

from ookbalans.catalogue.models import Language, Municipality, NationalIntervention
from ookbalans.framework import codes
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.exporting.hsds_json import split
from ookbalans.interchange.exporting.xlsx import Styled, Workbook
from ookbalans.interchange.workbook import CLASSIFICATIONS, SHEETS, YES_NO, labels
from ookbalans.spreadsheets import FORMULA_STARTS, guarded

INTRO = (
    "Dit werkboek bevat het aanbod van coalitie '{name}' uit ookbalans. Pas het aan in Excel en lees het "
    "weer in via Uitwisseling in ookbalans. Regels met een ID werken de bestaande gegevens bij; regels "
    "zonder ID worden nieuw toegevoegd. Verwijder of wijzig nooit een ID. Kolommen met een * zijn verplicht. "
    "Kies waarden uit de keuzelijsten. Diensten, locaties en organisaties die niet in het bestand staan, "
    "blijven ongewijzigd; de indelingen, locaties, tijden en kosten van een dienst in het bestand worden "
    "vervangen door wat het bestand zegt."
)
LISTS = "Lijsten"


def lists_for(coalition, organisations: list[str], locations: list[str]) -> dict[str, list[str]]:
    """The values of every drop-down list, by the name its columns use."""
    return {
        "domain": [t.label for t in codes.DOMAINS.terms],
        "status": list(labels("status").values()),
        "access": list(labels("access").values()),
        "frequency": list(labels("frequency").values()),
        "yes_no": list(YES_NO),
        "cost": list(labels("cost").values()),
        "days": list(labels("days").values()),
        "classifications": [t.label for t in CLASSIFICATIONS],
        "terms": [t.label for taxonomy in CLASSIFICATIONS for t in taxonomy.terms],
        "phases": [t.label for t in codes.PHASES.terms],
        "municipalities": list(coalition.municipalities.order_by("name").values_list("name", flat=True)),
        "organisations": organisations,
        "locations": locations,
        "interventions": list(NationalIntervention.objects.order_by("name").values_list("name", flat=True)),
        "languages": [f"{code} ({name})" for code, name in Language.objects.values_list("code", "name")],
    }


def write_workbook(coalition, document, target) -> None:
    """The coalition's HSDS document (a dict or a CoalitionDocument) as the coordinators' workbook.

    Each sheet's rows go to a temporary file as they come (exporting/xlsx.py), so memory does not
    grow with the number of services.
    """
    parts = split(document)[1]
    organisations = {o["id"]: o for o in parts["organizations"]()}
    locations = {loc["id"]: loc for loc in parts["locations"]()}
    workbook = Workbook()
    add_intro(workbook.create_sheet("Toelichting", widths=(22, 30, 10, 80)), coalition)
    lists = lists_for(
        coalition,
        sorted(o["name"] for o in organisations.values()),
        sorted(loc.get("name", "") for loc in locations.values()),
    )
    list_ranges = list_ranges_of(lists)
    sheets = {name: RowSheet(workbook, name, columns) for name, columns in SHEETS.items()}
    add_lists(workbook.create_sheet(LISTS, hidden=True), lists)
    municipality_names = dict(Municipality.objects.values_list("code", "name"))
    for organisation in organisations.values():
        sheets["Organisaties"].add(organisation_row(organisation))
    for location in locations.values():
        sheets["Locaties"].add(location_row(location))
    for service in parts["services"]():
        add_service_rows(sheets, service, organisations, locations)
    for contact in parts.get("contacts", list)():
        sheets["Aanspreekpunten"].add(contact_row(contact, organisations, municipality_names))
    for sheet in sheets.values():
        sheet.add_choices(list_ranges)
    workbook.save(target)


class RowSheet:
    """A sheet of rows under bold headers, with a drop-down where a column has one."""

    def __init__(self, workbook: Workbook, name: str, columns):
        self.columns, self.count = columns, 0
        self.keys = [column.key for column in columns]
        self.sheet = workbook.create_sheet(name, widths=[c.width for c in columns], freeze_header=True)
        self.sheet.append([Styled(c.header + (" *" if c.required else ""), "bold") for c in columns])

    def add(self, row: dict) -> None:
        """One row; texts are guarded (a text is never a formula) and typed as text."""
        # spreadsheets.guarded, inlined: some 55 cells a service.
        self.sheet.append(
            [
                "'" + value if value.__class__ is str and value.startswith(FORMULA_STARTS) else value
                for value in map(row.get, self.keys)
            ]
        )
        self.count += 1

    def add_choices(self, list_ranges: dict[str, str]) -> None:
        last_row = max(self.count + 1 + 500, 1000)
        for index, column in enumerate(self.columns, start=1):
            if not column.choices:
                continue
            letter = get_column_letter(index)
            self.sheet.add_list_validation(
                f"{letter}2:{letter}{last_row}",
                list_ranges[column.choices],
                allow_blank=not column.required,
                title="Kies uit de lijst",
                error=f"Kies een waarde uit de lijst voor '{column.header}'.",
            )


def add_intro(intro, coalition) -> None:
    """The first sheet: what the workbook is, and every column of every sheet explained."""
    intro.append([Styled(f"ookbalans — aanbod van {coalition.name}", "title")])
    intro.append([Styled(INTRO.format(name=coalition.name), "wrapped")], height=110)
    intro.merge("A2:D2")
    intro.append([])
    intro.append([Styled(header, "bold") for header in ("Blad", "Kolom", "Verplicht", "Uitleg")])
    for sheet_name, columns in SHEETS.items():
        for column in columns:
            intro.append([sheet_name, column.header, "ja" if column.required else "", column.explanation])


def list_ranges_of(lists: dict[str, list[str]]) -> dict[str, str]:
    """The cell range of each drop-down list on the sheet of lists, by its name."""
    list_ranges = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        list_ranges[name] = f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${max(len(values) + 1, 2)}"
    return list_ranges


def add_lists(list_sheet, lists: dict[str, list[str]]) -> None:
    """The hidden sheet with one column per drop-down list, its name in the first row."""
    columns = [[name, *map(guarded, values)] for name, values in lists.items()]
    for number in range(max(map(len, columns))):
        list_sheet.append([column[number] if number < len(column) else None for column in columns])


def fact_values(item: dict) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The term codes (per taxonomy) and the ookbalans facts of an object's attributes."""
    terms, facts = {}, {}
    for attr in item.get("attributes") or []:
        known = tx.known_terms().get(attr.get("taxonomy_term_id"))
        if known is None:
            continue
        if known.taxonomy == tx.FACTS.code:
            facts[known.code] = attr.get("value", "")
        else:
            terms.setdefault(known.taxonomy, []).append(known.code)
    return terms, facts


def first_phone(item: dict):
    return (item.get("phones") or [{}])[0].get("number")


def organisation_row(organisation: dict) -> dict:
    terms, _facts = fact_values(organisation)
    return {
        "id": organisation["id"],
        "name": organisation["name"],
        "domain": codes.DOMAINS.label_for(terms["domain"][0]) if terms.get("domain") else "",
        "description": organisation.get("description", ""),
        "website": organisation.get("website"),
        "email": organisation.get("email"),
        "phone": first_phone(organisation),
    }


def location_row(location: dict) -> dict:
    address = (location.get("addresses") or [{}])[0]
    street, number = mapping.split_street(address.get("address_1", ""))
    return {
        "id": location["id"],
        "name": location.get("name"),
        "street": street,
        "house_number": number,
        "postal_code": address.get("postal_code"),
        "city": address.get("city"),
    }


def service_row(service: dict, organisations: dict, facts: dict) -> dict:
    return {
        "id": service["id"],
        "name": service["name"],
        "organization": organisations.get(service.get("organization_id"), {}).get("name"),
        "short_description": facts.get("korte_beschrijving"),
        "description": service.get("description"),
        "url": service.get("url"),
        "email": service.get("email"),
        "phone": first_phone(service),
        "status": labels("status").get(service.get("status"), service.get("status")),
        "access": labels("access").get(facts.get("toegang", "open")),
        "frequency": labels("frequency").get(facts.get("frequentie", "by_appointment")),
        "home_visits": facts.get("huisbezoek", "nee"),
        "online": facts.get("online", "nee"),
        "online_url": facts.get("online_adres"),
        "culture_sensitive": facts.get("cultuursensitief", "nee"),
        "culture_sensitive_explanation": facts.get("cultuursensitief_toelichting"),
        "waiting_time_weeks": int(facts["wachttijd_weken"]) if facts.get("wachttijd_weken") else None,
        "languages": ", ".join(lang["code"] for lang in service.get("languages") or []),
        "national_intervention": facts.get("landelijke_interventie"),
        "last_checked_on": datetime.date.fromisoformat(service["assured_date"])
        if service.get("assured_date")
        else None,
        "last_checked_by": facts.get("gecontroleerd_door"),
    }


def add_service_rows(sheets: dict[str, RowSheet], service: dict, organisations, locations) -> None:
    """A service's row, and its rows on the sheets of classifications, locations, times and costs."""
    terms, facts = fact_values(service)
    sheets["Diensten"].add(service_row(service, organisations, facts))
    named = {"service_id": service["id"], "service_name": service["name"]}
    for taxonomy in CLASSIFICATIONS:
        for code in terms.get(taxonomy.code, []):
            sheets["Indelingen"].add(
                {**named, "classification": taxonomy.label, "term": taxonomy.label_for(code)}
            )
    for sal in service.get("service_at_locations") or []:
        location_name = locations.get(sal.get("location_id"), sal.get("location") or {}).get("name")
        sheets["Dienst op locatie"].add(
            {"id": sal.get("id"), **named, "location": location_name, "description": sal.get("description")}
        )
        for schedule in sal.get("schedules") or []:
            if schedule.get("freq", "WEEKLY") != "WEEKLY" or schedule.get("byday") not in mapping.DAY_NUMBERS:
                continue  # kept from a file (monthly, several days …): ookbalans does not hold it as hours
            sheets["Openingstijden"].add(
                {
                    "id": schedule.get("id"),
                    "service_id": service["id"],
                    "location": location_name,
                    "weekday": labels("days")[mapping.DAY_NUMBERS[schedule["byday"]]],
                    "opens_at": schedule.get("opens_at"),
                    "closes_at": schedule.get("closes_at"),
                }
            )
    for option in service.get("cost_options") or []:
        _terms, option_facts = fact_values(option)
        sheets["Kosten"].add(
            {
                "id": option["id"],
                **named,
                "kind": labels("cost").get(option_facts.get("kostensoort")),
                "amount": option.get("amount"),
                "option": option.get("option"),
            }
        )


def contact_row(contact: dict, organisations: dict, municipality_names: dict) -> dict:
    terms, facts = fact_values(contact)
    return {
        "id": contact["id"],
        "phase": codes.PHASES.label_for(terms["phase"][0]) if terms.get("phase") else "",
        "municipality": municipality_names.get(facts.get("aanspreekpunt_gemeente", "")),
        "name": contact.get("name"),
        "organization": organisations.get(contact.get("organization_id"), {}).get("name"),
        "description": facts.get("aanspreekpunt_beschrijving"),
        "how_to_reach": facts.get("aanspreekpunt_bereikbaarheid"),
        "phone": first_phone(contact),
        "email": contact.get("email"),
        "website": facts.get("aanspreekpunt_website"),
    }
