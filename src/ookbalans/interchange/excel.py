"""The coordinators' Excel workbook: one sheet per kind of object, Dutch headers, drop-down lists."""

from __future__ import annotations

import datetime
import uuid

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ookbalans.catalogue.models import Language, Municipality, NationalIntervention
from ookbalans.framework import codes
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.problems import Problems, Where
from ookbalans.interchange.tabular import FORMULA_STARTS

YES_NO = ("ja", "nee")
STATUS_LABELS = {"active": "Actief", "inactive": "Inactief"}
ACCESS_LABELS = {"open": "Open voor iedereen", "signup": "Zelf aanmelden", "referral": "Verwijzing nodig"}
FREQUENCY_LABELS = {
    "once": "Eenmalig",
    "weekly": "Elke week",
    "fortnightly": "Om de week",
    "monthly": "Elke maand",
    "series": "Een reeks bijeenkomsten",
    "by_appointment": "Op afspraak",
    "always": "Altijd beschikbaar",
}
COST_LABELS = {
    "free": "Gratis",
    "amount": "Een bedrag",
    "insurance": "Vergoed door zorgverzekering",
    "municipality": "Betaald door de gemeente",
}
DAY_LABELS = {
    1: "maandag",
    2: "dinsdag",
    3: "woensdag",
    4: "donderdag",
    5: "vrijdag",
    6: "zaterdag",
    7: "zondag",
}
CLASSIFICATIONS = [tx.BY_CODE[code] for code in mapping.SERVICE_TERM_FIELDS.values()]


class Column:
    def __init__(
        self,
        key: str,
        header: str,
        explanation: str,
        *,
        required: bool = False,
        choices=None,
        width: int = 18,
    ) -> None:
        self.key, self.header, self.explanation = key, header, explanation
        self.required, self.choices, self.width = required, choices, width


SHEETS = {
    "Organisaties": [
        Column(
            "id",
            "ID",
            "Laat leeg bij een nieuwe organisatie; ookbalans vult het in. Niet wijzigen.",
            width=38,
        ),
        Column(
            "name", "Naam", "De naam zoals ouders hem kennen. Elke naam één keer.", required=True, width=30
        ),
        Column("domain", "Domein", "Kies uit de lijst.", required=True, choices="domain"),
        Column("description", "Beschrijving", "Wat de organisatie doet.", width=40),
        Column("website", "Website", "Begint met https://", width=30),
        Column("email", "E-mailadres", "Een algemeen adres.", width=30),
        Column("phone", "Telefoon", "Zoals 0575 512 345."),
    ],
    "Locaties": [
        Column("id", "ID", "Laat leeg bij een nieuwe locatie. Niet wijzigen.", width=38),
        Column("name", "Naam", "Zoals ouders de plek kennen. Elke naam één keer.", required=True, width=30),
        Column("street", "Straat", "Leeg als er geen openbaar adres is.", width=25),
        Column("house_number", "Huisnummer", "Met toevoeging, zoals 12a."),
        Column("postal_code", "Postcode", "Vier cijfers en twee letters, zoals 7201 AB.", required=True),
        Column("city", "Plaats", "Zoals Zutphen.", required=True),
    ],
    "Diensten": [
        Column("id", "ID", "Laat leeg bij een nieuwe dienst. Niet wijzigen.", width=38),
        Column("name", "Naam", "Een korte naam die ouders begrijpen.", required=True, width=30),
        Column(
            "organization",
            "Organisatie",
            "Kies een organisatie van het blad Organisaties.",
            required=True,
            choices="organisations",
            width=30,
        ),
        Column(
            "short_description",
            "Korte beschrijving",
            "Hoogstens 300 tekens, taalniveau B1.",
            required=True,
            width=50,
        ),
        Column("description", "Beschrijving", "Wat er gebeurt, voor wie, en hoe je meedoet.", width=50),
        Column("url", "Website", "Begint met https://", width=30),
        Column("email", "E-mailadres", "Waar ouders hun vragen sturen.", width=30),
        Column("phone", "Telefoon", "Zoals 0575 512 345."),
        Column(
            "status",
            "Status",
            "Inactieve diensten worden nooit aan ouders getoond.",
            required=True,
            choices="status",
        ),
        Column("access", "Toegang", "Kies uit de lijst.", required=True, choices="access"),
        Column("frequency", "Frequentie", "Kies uit de lijst.", required=True, choices="frequency"),
        Column("home_visits", "Huisbezoek", "ja of nee.", choices="yes_no"),
        Column("online", "Online", "ja of nee.", choices="yes_no"),
        Column("online_url", "Online adres", "Waar ouders het online aanbod vinden.", width=30),
        Column("culture_sensitive", "Cultuursensitief", "ja of nee.", choices="yes_no"),
        Column(
            "culture_sensitive_explanation", "Toelichting cultuursensitief", "Verplicht bij ja.", width=30
        ),
        Column("waiting_time_weeks", "Wachttijd in weken", "Leeg als onbekend, 0 als er geen wachttijd is."),
        Column("languages", "Talen", "Taalcodes met komma's, zoals nl, en, ar (blad Lijsten)."),
        Column(
            "national_intervention",
            "Landelijke interventie",
            "Alleen als het een landelijke interventie is.",
            choices="interventions",
            width=30,
        ),
        Column("last_checked_on", "Gecontroleerd op", "Datum, zoals 31-03-2025."),
        Column("last_checked_by", "Gecontroleerd door", "Een rol en organisatie.", width=25),
    ],
    "Indelingen": [
        Column(
            "service_id", "Dienst-ID", "Het ID van de dienst op het blad Diensten.", required=True, width=38
        ),
        Column("service_name", "Dienst", "Alleen ter informatie; wordt niet ingelezen.", width=30),
        Column(
            "classification",
            "Indeling",
            "Kies uit de lijst.",
            required=True,
            choices="classifications",
            width=30,
        ),
        Column(
            "term",
            "Waarde",
            "Kies uit de lijst; de waarde hoort bij de indeling.",
            required=True,
            choices="terms",
            width=40,
        ),
    ],
    "Dienst op locatie": [
        Column("id", "ID", "Laat leeg bij een nieuwe regel. Niet wijzigen.", width=38),
        Column("service_id", "Dienst-ID", "Het ID van de dienst.", required=True, width=38),
        Column("service_name", "Dienst", "Alleen ter informatie.", width=30),
        Column(
            "location",
            "Locatie",
            "Kies een locatie van het blad Locaties.",
            required=True,
            choices="locations",
            width=30,
        ),
        Column("description", "Opmerking over de tijden", "Zoals: niet in de schoolvakanties.", width=30),
    ],
    "Openingstijden": [
        Column("id", "ID", "Laat leeg bij een nieuwe regel. Niet wijzigen.", width=38),
        Column("service_id", "Dienst-ID", "Het ID van de dienst.", required=True, width=38),
        Column(
            "location",
            "Locatie",
            "Een locatie die op blad Dienst op locatie bij de dienst staat.",
            required=True,
            choices="locations",
            width=30,
        ),
        Column("weekday", "Dag", "Kies uit de lijst.", required=True, choices="days"),
        Column("opens_at", "Van", "Tijd, zoals 09:00.", required=True),
        Column("closes_at", "Tot", "Tijd, zoals 11:30.", required=True),
    ],
    "Kosten": [
        Column("id", "ID", "Laat leeg bij een nieuwe regel. Niet wijzigen.", width=38),
        Column("service_id", "Dienst-ID", "Het ID van de dienst.", required=True, width=38),
        Column("service_name", "Dienst", "Alleen ter informatie.", width=30),
        Column("kind", "Soort", "Kies uit de lijst.", required=True, choices="cost"),
        Column("amount", "Bedrag in euro", "Alleen bij 'Een bedrag', zoals 12,50."),
        Column("option", "Toelichting", "Zoals: per bijeenkomst.", width=30),
    ],
    "Aanspreekpunten": [
        Column("id", "ID", "Laat leeg bij een nieuw aanspreekpunt. Niet wijzigen.", width=38),
        Column("phase", "Fase", "Kies uit de lijst.", required=True, choices="phases"),
        Column(
            "municipality", "Gemeente", "Leeg als het voor de hele coalitie geldt.", choices="municipalities"
        ),
        Column("name", "Naam", "Zoals 'je verloskundige'.", required=True, width=25),
        Column(
            "organization",
            "Organisatie",
            "Kies een organisatie van het blad Organisaties.",
            choices="organisations",
            width=30,
        ),
        Column("description", "Wat ze voor je doen", "Eenvoudige taal.", required=True, width=40),
        Column("how_to_reach", "Hoe je ze bereikt", "Wanneer en hoe.", width=30),
        Column("phone", "Telefoon", "Zoals 0575 512 345."),
        Column("email", "E-mailadres", ""),
        Column("website", "Website", "Begint met https://", width=30),
    ],
}
# The importer names some fields as HSDS or the profile's facts do; a problem shows the sheet's column.
ALIASES = {
    "korte_beschrijving": "short_description",
    "toegang": "access",
    "frequentie": "frequency",
    "huisbezoek": "home_visits",
    "online": "online",
    "online_adres": "online_url",
    "cultuursensitief": "culture_sensitive",
    "cultuursensitief_toelichting": "culture_sensitive_explanation",
    "wachttijd_weken": "waiting_time_weeks",
    "landelijke_interventie": "national_intervention",
    "gecontroleerd_door": "last_checked_by",
    "assured_date": "last_checked_on",
    "phones": "phone",
    "organization_id": "organization",
    "aanspreekpunt_beschrijving": "description",
    "aanspreekpunt_bereikbaarheid": "how_to_reach",
    "aanspreekpunt_website": "website",
    "aanspreekpunt_gemeente": "municipality",
    "address_1": "street",
    "location_id": "location",
    "byday": "weekday",
    "option": "option",
    "amount": "amount",
    "languages": "languages",
}
INTRO = (
    "Dit werkboek bevat het aanbod van coalitie '{name}' uit ookbalans. Pas het aan in Excel en lees het "
    "weer in via Uitwisseling in ookbalans. Regels met een ID werken de bestaande gegevens bij; regels "
    "zonder ID worden nieuw toegevoegd. Verwijder of wijzig nooit een ID. Kolommen met een * zijn verplicht. "
    "Kies waarden uit de keuzelijsten. Diensten, locaties en organisaties die niet in het bestand staan, "
    "blijven ongewijzigd; de indelingen, locaties, tijden en kosten van een dienst in het bestand worden "
    "vervangen door wat het bestand zegt."
)


def term_choice(taxonomy: codes.Taxonomy, term: codes.Term) -> str:
    return term.label


def lists_for(coalition, organisations: list[str], locations: list[str]) -> dict[str, list[str]]:
    return {
        "domain": [t.label for t in codes.DOMAINS.terms],
        "status": list(STATUS_LABELS.values()),
        "access": list(ACCESS_LABELS.values()),
        "frequency": list(FREQUENCY_LABELS.values()),
        "yes_no": list(YES_NO),
        "cost": list(COST_LABELS.values()),
        "days": list(DAY_LABELS.values()),
        "classifications": [t.label for t in CLASSIFICATIONS],
        "terms": [t.label for taxonomy in CLASSIFICATIONS for t in taxonomy.terms],
        "phases": [t.label for t in codes.PHASES.terms],
        "municipalities": list(coalition.municipalities.order_by("name").values_list("name", flat=True)),
        "organisations": organisations,
        "locations": locations,
        "interventions": list(NationalIntervention.objects.order_by("name").values_list("name", flat=True)),
        "languages": [f"{code} ({name})" for code, name in Language.objects.values_list("code", "name")],
    }


def safe(value):
    """Texts stay texts: a leading = + - @ gets an apostrophe, so Excel never runs it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unsafe(value):
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def write_workbook(coalition, document: dict, target) -> None:
    """The coalition's HSDS document as the coordinators' workbook."""
    organisations = {o["id"]: o for o in document["organizations"]}
    locations = {loc["id"]: loc for loc in document["locations"]}
    rows = rows_from_document(coalition, document, organisations, locations)
    workbook = Workbook()
    intro = workbook.active
    intro.title = "Toelichting"
    intro.append([f"ookbalans — aanbod van {coalition.name}"])
    intro["A1"].font = Font(bold=True, size=14)
    intro.append([INTRO.format(name=coalition.name)])
    intro["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    intro.merge_cells("A2:D2")
    intro.row_dimensions[2].height = 110
    intro.append([])
    intro.append(["Blad", "Kolom", "Verplicht", "Uitleg"])
    for cell in intro[4]:
        cell.font = Font(bold=True)
    for sheet_name, columns in SHEETS.items():
        for column in columns:
            intro.append([sheet_name, column.header, "ja" if column.required else "", column.explanation])
    for letter, width in zip("ABCD", (22, 30, 10, 80), strict=True):
        intro.column_dimensions[letter].width = width

    lists = lists_for(
        coalition,
        sorted(o["name"] for o in organisations.values()),
        sorted(loc.get("name", "") for loc in locations.values()),
    )
    list_sheet = workbook.create_sheet("Lijsten")
    list_ranges = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        list_sheet.cell(row=1, column=index, value=name)
        for number, value in enumerate(values, start=2):
            list_sheet.cell(row=number, column=index, value=safe(value)).data_type = "s"
        last = max(len(values) + 1, 2)
        list_ranges[name] = f"{quote_sheetname('Lijsten')}!${letter}$2:${letter}${last}"

    for sheet_name, columns in SHEETS.items():
        sheet = workbook.create_sheet(sheet_name)
        sheet.append([c.header + (" *" if c.required else "") for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for row in rows[sheet_name]:
            sheet.append([safe(row.get(c.key)) for c in columns])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        last_row = max(sheet.max_row + 500, 1000)
        for index, column in enumerate(columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = column.width
            if column.choices:
                validation = DataValidation(
                    type="list",
                    formula1=list_ranges[column.choices],
                    allow_blank=not column.required,
                    showErrorMessage=True,
                    errorTitle="Kies uit de lijst",
                    error=f"Kies een waarde uit de lijst voor '{column.header}'.",
                )
                validation.add(f"{letter}2:{letter}{last_row}")
                sheet.add_data_validation(validation)
    list_sheet.sheet_state = "hidden"
    workbook.move_sheet("Lijsten", offset=len(SHEETS))
    workbook.save(target)


def fact_values(item: dict) -> tuple[dict[str, list[str]], dict[str, str]]:
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


def rows_from_document(coalition, document, organisations, locations) -> dict[str, list[dict]]:
    rows = {name: [] for name in SHEETS}
    municipality_names = dict(Municipality.objects.values_list("code", "name"))
    for organisation in document["organizations"]:
        terms, _facts = fact_values(organisation)
        rows["Organisaties"].append(
            {
                "id": organisation["id"],
                "name": organisation["name"],
                "domain": codes.DOMAINS.label_for(terms["domain"][0]) if terms.get("domain") else "",
                "description": organisation.get("description", ""),
                "website": organisation.get("website"),
                "email": organisation.get("email"),
                "phone": (organisation.get("phones") or [{}])[0].get("number"),
            }
        )
    for location in document["locations"]:
        address = (location.get("addresses") or [{}])[0]
        street, number = split_street(address.get("address_1", ""))
        rows["Locaties"].append(
            {
                "id": location["id"],
                "name": location.get("name"),
                "street": street,
                "house_number": number,
                "postal_code": address.get("postal_code"),
                "city": address.get("city"),
            }
        )
    for service in document["services"]:
        terms, facts = fact_values(service)
        rows["Diensten"].append(
            {
                "id": service["id"],
                "name": service["name"],
                "organization": organisations.get(service.get("organization_id"), {}).get("name"),
                "short_description": facts.get("korte_beschrijving"),
                "description": service.get("description"),
                "url": service.get("url"),
                "email": service.get("email"),
                "phone": (service.get("phones") or [{}])[0].get("number"),
                "status": STATUS_LABELS.get(service.get("status"), service.get("status")),
                "access": ACCESS_LABELS.get(facts.get("toegang", "open")),
                "frequency": FREQUENCY_LABELS.get(facts.get("frequentie", "by_appointment")),
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
        )
        for taxonomy in CLASSIFICATIONS:
            for code in terms.get(taxonomy.code, []):
                rows["Indelingen"].append(
                    {
                        "service_id": service["id"],
                        "service_name": service["name"],
                        "classification": taxonomy.label,
                        "term": taxonomy.label_for(code),
                    }
                )
        for sal in service.get("service_at_locations") or []:
            location_name = locations.get(sal["location_id"], sal.get("location", {})).get("name")
            rows["Dienst op locatie"].append(
                {
                    "id": sal["id"],
                    "service_id": service["id"],
                    "service_name": service["name"],
                    "location": location_name,
                    "description": sal.get("description"),
                }
            )
            for schedule in sal.get("schedules") or []:
                rows["Openingstijden"].append(
                    {
                        "id": schedule["id"],
                        "service_id": service["id"],
                        "location": location_name,
                        "weekday": DAY_LABELS[mapping.DAY_NUMBERS[schedule["byday"]]],
                        "opens_at": schedule["opens_at"],
                        "closes_at": schedule["closes_at"],
                    }
                )
        for option in service.get("cost_options") or []:
            _terms, option_facts = fact_values(option)
            rows["Kosten"].append(
                {
                    "id": option["id"],
                    "service_id": service["id"],
                    "service_name": service["name"],
                    "kind": COST_LABELS.get(option_facts.get("kostensoort")),
                    "amount": option.get("amount"),
                    "option": option.get("option"),
                }
            )
    for contact in document.get("contacts") or []:
        terms, facts = fact_values(contact)
        rows["Aanspreekpunten"].append(
            {
                "id": contact["id"],
                "phase": codes.PHASES.label_for(terms["phase"][0]) if terms.get("phase") else "",
                "municipality": municipality_names.get(facts.get("aanspreekpunt_gemeente", "")),
                "name": contact.get("name"),
                "organization": organisations.get(contact.get("organization_id"), {}).get("name"),
                "description": facts.get("aanspreekpunt_beschrijving"),
                "how_to_reach": facts.get("aanspreekpunt_bereikbaarheid"),
                "phone": (contact.get("phones") or [{}])[0].get("number"),
                "email": contact.get("email"),
                "website": facts.get("aanspreekpunt_website"),
            }
        )
    return rows


def split_street(address_1: str) -> tuple[str, str]:
    from ookbalans.interchange.importer import HOUSE_NUMBER

    match = HOUSE_NUMBER.match(address_1 or "")
    return (match["street"].strip(), match["number"].strip()) if match else (address_1 or "", "")


# -- reading ------------------------------------------------------------------------------------------


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    return str(unsafe(value)).strip()


def read_sheets(source, problems: Problems) -> dict[str, list[tuple[Where, dict]]]:
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        problems.error(
            Where(_("the file")), "", type(error).__name__, _("expected an Excel workbook (.xlsx).")
        )
        return {}
    found = {}
    for sheet_name, columns in SHEETS.items():
        if sheet_name not in workbook.sheetnames:
            if sheet_name in ("Organisaties", "Diensten"):
                problems.error(Where(sheet_name), "", "", _("expected a sheet with this name."))
            found[sheet_name] = []
            continue
        lines = workbook[sheet_name].iter_rows(values_only=True)
        header = [cell_text(c).rstrip(" *") for c in next(lines, ())]
        by_header = {c.header: c for c in columns}
        positions = {}
        for index, title in enumerate(header):
            if title in by_header:
                positions[by_header[title].key] = index
            elif title:
                problems.warning(
                    Where(sheet_name, 1), title, title, _("this column is unknown and not imported.")
                )
        missing = [c.header for c in columns if c.required and c.key not in positions]
        if missing:
            problems.error(Where(sheet_name, 1), ", ".join(missing), "", _("expected these columns."))
            found[sheet_name] = []
            continue
        headers = {c.key: c.header for c in columns}
        headers |= {alias: headers[key] for alias, key in ALIASES.items() if key in headers}
        rows = []
        for number, line in enumerate(lines, start=2):
            values = {key: line[index] if index < len(line) else None for key, index in positions.items()}
            if all(cell_text(v) == "" for v in values.values()):
                continue
            rows.append((Where(sheet_name, number, headers), values))
        found[sheet_name] = rows
    workbook.close()
    return found


def lookup(
    labels: dict[str, str], value: str, where: Where, field: str, problems: Problems, required: bool = True
) -> str:
    reverse = {label.casefold(): code for code, label in labels.items()} | {c.casefold(): c for c in labels}
    if value == "":
        if required:
            problems.error(
                where, field, "", _("expected one of: %(choices)s.") % {"choices": ", ".join(labels.values())}
            )
        return ""
    if value.casefold() not in reverse:
        problems.error(
            where, field, value, _("expected one of: %(choices)s.") % {"choices": ", ".join(labels.values())}
        )
        return ""
    return reverse[value.casefold()]


def read_workbook(source, coalition, problems: Problems) -> dict:
    """The workbook as an HSDS document, each object carrying the sheet and row it came from."""
    sheets = read_sheets(source, problems)
    if not sheets:
        return {}
    from ookbalans.catalogue.models import Location, Organisation

    organisations, locations, services, contacts = [], [], [], []
    organisation_ids = {
        o.name.casefold(): str(o.id) for o in Organisation.objects.filter(coalition=coalition)
    }
    location_ids = {loc.name.casefold(): str(loc.id) for loc in Location.objects.filter(coalition=coalition)}
    municipalities = {m.name.casefold(): m.code for m in coalition.municipalities.all()}
    domain_labels = {t.code: t.label for t in codes.DOMAINS.terms}
    for where, row in sheets["Organisaties"]:
        object_id = row_id(row, coalition, "organisation", cell_text(row.get("name")))
        item = {
            "_source": where,
            "id": object_id,
            "name": cell_text(row.get("name")),
            "description": cell_text(row.get("description")),
            "website": cell_text(row.get("website")),
            "email": cell_text(row.get("email")),
            "phones": phones(row, object_id),
        }
        domain = lookup(domain_labels, cell_text(row.get("domain")), where, "domain", problems)
        if domain:
            item["attributes"] = [term_attribute(codes.DOMAINS.code, domain)]
        item = strip(item)
        organisations.append(item)
        if item.get("name"):
            organisation_ids[item["name"].casefold()] = object_id
    seen_names = set()
    for where, row in sheets["Locaties"]:
        street = " ".join(p for p in (cell_text(row.get("street")), cell_text(row.get("house_number"))) if p)
        name = cell_text(row.get("name"))
        if name.casefold() in seen_names:
            problems.error(where, "name", name, _("expected each location name only once."))
        seen_names.add(name.casefold())
        item = strip(
            {
                "_source": where,
                "id": row_id(row, coalition, "location", name),
                "name": name,
                "addresses": [
                    {
                        "address_1": street,
                        "postal_code": cell_text(row.get("postal_code")),
                        "city": cell_text(row.get("city")),
                        "country": "NL",
                    }
                ],
            }
        )
        locations.append(item)
        location_ids[name.casefold()] = item["id"]

    def reference(mapping_: dict, value: str, where: Where, field: str, required: bool = True):
        if value == "":
            if required:
                problems.error(where, field, "", _("expected a name from the list."))
            return None
        found = mapping_.get(value.casefold())
        if found is None:
            problems.error(
                where, field, value, _("expected a name from the list (another sheet of this workbook).")
            )
        return found

    by_service: dict[str, dict] = {}
    for where, row in sheets["Diensten"]:
        object_id = row_id(
            row, coalition, "service", cell_text(row.get("name")), cell_text(row.get("organization"))
        )
        organisation = reference(organisation_ids, cell_text(row.get("organization")), where, "organization")
        facts = {
            "korte_beschrijving": cell_text(row.get("short_description")),
            "toegang": lookup(ACCESS_LABELS, cell_text(row.get("access")), where, "access", problems),
            "frequentie": lookup(
                FREQUENCY_LABELS, cell_text(row.get("frequency")), where, "frequency", problems
            ),
            "huisbezoek": cell_text(row.get("home_visits")) or "nee",
            "online": cell_text(row.get("online")) or "nee",
            "online_adres": cell_text(row.get("online_url")),
            "cultuursensitief": cell_text(row.get("culture_sensitive")) or "nee",
            "cultuursensitief_toelichting": cell_text(row.get("culture_sensitive_explanation")),
            "wachttijd_weken": cell_text(row.get("waiting_time_weeks")),
            "landelijke_interventie": cell_text(row.get("national_intervention")),
            "gecontroleerd_door": cell_text(row.get("last_checked_by")),
        }
        codes_ = [
            c.strip().lower()
            for c in cell_text(row.get("languages")).replace(";", ",").split(",")
            if c.strip()
        ]
        item = {
            "_source": where,
            "id": object_id,
            "name": cell_text(row.get("name")),
            "description": cell_text(row.get("description")),
            "url": cell_text(row.get("url")),
            "email": cell_text(row.get("email")),
            "phones": phones(row, object_id),
            "status": lookup(STATUS_LABELS, cell_text(row.get("status")), where, "status", problems)
            or "active",
            "assured_date": excel_date(row.get("last_checked_on"), where, problems),
            "languages": [{"code": code.split(" ")[0]} for code in codes_],
            "attributes": [fact_attribute(code, value) for code, value in facts.items() if value],
            "service_at_locations": [],
            "cost_options": [],
        }
        if organisation:
            item["organization_id"] = organisation
        services.append(item)
        by_service[object_id] = item
        if item["name"] and not cell_text(row.get("id")):
            by_service.setdefault(item["name"].casefold(), item)
    classification_labels = {t.label.casefold(): t for t in CLASSIFICATIONS}
    for where, row in sheets["Indelingen"]:
        service = service_of(by_service, row, where, problems)
        taxonomy = classification_labels.get(cell_text(row.get("classification")).casefold())
        if taxonomy is None:
            problems.error(
                where,
                "classification",
                cell_text(row.get("classification")),
                _("expected one of: %(choices)s.") % {"choices": ", ".join(t.label for t in CLASSIFICATIONS)},
            )
            continue
        code = lookup(
            {t.code: t.label for t in taxonomy.terms}, cell_text(row.get("term")), where, "term", problems
        )
        if service is not None and code:
            service["attributes"].append(term_attribute(taxonomy.code, code))
    sal_by_key = {}
    for where, row in sheets["Dienst op locatie"]:
        service = service_of(by_service, row, where, problems)
        location = reference(location_ids, cell_text(row.get("location")), where, "location")
        if service is None or location is None:
            continue
        sal = strip(
            {
                "_source": where,
                "id": row_id(row, coalition, "sal", service["id"], location),
                "location_id": location,
                "description": cell_text(row.get("description")),
            }
        )
        sal["schedules"] = []
        service["service_at_locations"].append(sal)
        sal_by_key[(service["id"], cell_text(row.get("location")).casefold())] = sal
    for where, row in sheets["Openingstijden"]:
        service = service_of(by_service, row, where, problems)
        if service is None:
            continue
        sal = sal_by_key.get((service["id"], cell_text(row.get("location")).casefold()))
        if sal is None:
            problems.error(
                where,
                "location",
                cell_text(row.get("location")),
                _("expected a location that the sheet 'Dienst op locatie' links to this service."),
            )
            continue
        day = lookup(
            {str(k): v for k, v in DAY_LABELS.items()},
            cell_text(row.get("weekday")),
            where,
            "weekday",
            problems,
        )
        if not day:
            continue
        sal["schedules"].append(
            {
                "_source": where,
                "id": row_id(row, coalition, "schedule", sal["id"], day, excel_time(row.get("opens_at"))),
                "freq": "WEEKLY",
                "byday": mapping.WEEKDAYS[int(day)],
                "opens_at": excel_time(row.get("opens_at")),
                "closes_at": excel_time(row.get("closes_at")),
            }
        )
    for where, row in sheets["Kosten"]:
        service = service_of(by_service, row, where, problems)
        kind = lookup(COST_LABELS, cell_text(row.get("kind")), where, "kind", problems)
        if service is None or not kind:
            continue
        amount = row.get("amount")
        service["cost_options"].append(
            strip(
                {
                    "_source": where,
                    "id": row_id(
                        row, coalition, "cost", service["id"], kind, amount, cell_text(row.get("option"))
                    ),
                    "option": cell_text(row.get("option")),
                    "amount": str(amount).replace(",", ".") if amount not in (None, "") else None,
                    "attributes": [fact_attribute("kostensoort", kind)],
                }
            )
        )
    phase_labels = {t.code: t.label for t in codes.PHASES.terms}
    for where, row in sheets["Aanspreekpunten"]:
        phase = lookup(phase_labels, cell_text(row.get("phase")), where, "phase", problems)
        municipality = reference(
            municipalities, cell_text(row.get("municipality")), where, "municipality", required=False
        )
        organisation = reference(
            organisation_ids, cell_text(row.get("organization")), where, "organization", required=False
        )
        object_id = row_id(row, coalition, "contact", phase, municipality)
        facts = {
            "aanspreekpunt_beschrijving": cell_text(row.get("description")),
            "aanspreekpunt_bereikbaarheid": cell_text(row.get("how_to_reach")),
            "aanspreekpunt_website": cell_text(row.get("website")),
            "aanspreekpunt_gemeente": municipality,
        }
        item = strip(
            {
                "_source": where,
                "id": object_id,
                "name": cell_text(row.get("name")),
                "email": cell_text(row.get("email")),
                "phones": phones(row, object_id),
                "organization_id": organisation,
                "attributes": ([term_attribute(codes.PHASES.code, phase)] if phase else [])
                + [fact_attribute(code, value) for code, value in facts.items() if value],
            }
        )
        if phase:
            contacts.append(item)
    return {
        "organizations": organisations,
        "services": services,
        "locations": locations,
        "contacts": contacts,
    }


def row_id(row: dict, coalition, *key) -> str:
    """The row's id. A new row gets one derived from what it is, so that other sheets' rows find it and
    importing the same file again updates it instead of adding it twice."""
    given = cell_text(row.get("id"))
    if given:
        return given
    name = "/".join(str(part).casefold() for part in key)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://ookbalans.nl/coalitie/{coalition.id}/{name}"))


def service_of(by_service, row, where, problems):
    service_id = cell_text(row.get("service_id")) or cell_text(row.get("service_name")).casefold()
    if service_id not in by_service:
        problems.error(
            where, "service_id", service_id, _("expected the ID of a service on the sheet 'Diensten'.")
        )
        return None
    return by_service[service_id]


def strip(item: dict) -> dict:
    return {k: v for k, v in item.items() if v not in (None, "", [])}


def phones(row: dict, owner_id) -> list[dict]:
    number = cell_text(row.get("phone"))
    return [{"number": number}] if number else []


def term_attribute(taxonomy_code: str, code: str) -> dict:
    return {"taxonomy_term_id": tx.term_id(taxonomy_code, code)}


def fact_attribute(code: str, value) -> dict:
    return {"taxonomy_term_id": tx.term_id(tx.FACTS.code, code), "value": value}


def excel_date(value, where, problems) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    text = cell_text(value)
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    problems.error(where, "last_checked_on", text, _("expected a date like 31-03-2025."))
    return None


def excel_time(value):
    if isinstance(value, datetime.datetime):
        return value.time().strftime("%H:%M")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return cell_text(value).replace(".", ":")
