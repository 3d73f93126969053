"""The coordinators' Excel workbook: its sheets and columns, and the Dutch wordings of its choices."""

from __future__ import annotations

from functools import cache

from django.utils import translation
from django.utils.text import capfirst

from ookbalans.catalogue.models import CostOption, Schedule, Service
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx

YES_NO = ("ja", "nee")
CLASSIFICATIONS = [tx.BY_CODE[code] for code in mapping.SERVICE_TERM_FIELDS.values()]
# The drop-down lists whose wordings are the catalogue's own labels of a choice.
CHOICES = {
    "status": Service.Status,
    "access": Service.Access,
    "frequency": Service.Frequency,
    "cost": CostOption.Kind,
    "days": Schedule.Weekday,
}
# Wordings that workbooks of earlier versions used where they differ from the labels; still read.
FORMER_WORDINGS = {
    "status": {"Inactief": "inactive"},
    "access": {"Open voor iedereen": "open"},
    "frequency": {"Om de week": "fortnightly"},
    "cost": {"Vergoed door zorgverzekering": "insurance"},
}


@cache
def labels(choices: str) -> dict:
    """The Dutch label of each value of a drop-down list, as the catalogue's model names it."""
    with translation.override("nl"):
        return {value: capfirst(str(label)) for value, label in CHOICES[choices].choices}


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


def id_column(new_row: str) -> Column:
    """The id column of a sheet: left empty for `new_row` (such as "een nieuwe regel"), never changed."""
    return Column("id", "ID", f"Laat leeg bij {new_row}. Niet wijzigen.", width=38)


def service_columns(*, with_name: bool = True) -> list[Column]:
    """The first columns of a sheet of rows that belong to a service: their id, the service's id and name."""
    columns = [
        id_column("een nieuwe regel"),
        Column("service_id", "Dienst-ID", "Het ID van de dienst.", required=True, width=38),
    ]
    if with_name:
        columns.append(Column("service_name", "Dienst", "Alleen ter informatie.", width=30))
    return columns


def location_column(explanation: str) -> Column:
    """A column to choose one of the locations on the sheet Locaties."""
    return Column("location", "Locatie", explanation, required=True, choices="locations", width=30)


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
        id_column("een nieuwe locatie"),
        Column("name", "Naam", "Zoals ouders de plek kennen. Elke naam één keer.", required=True, width=30),
        Column("street", "Straat", "Leeg als er geen openbaar adres is.", width=25),
        Column("house_number", "Huisnummer", "Met toevoeging, zoals 12a."),
        Column("postal_code", "Postcode", "Vier cijfers en twee letters, zoals 7201 AB.", required=True),
        Column("city", "Plaats", "Zoals Zutphen.", required=True),
    ],
    "Diensten": [
        id_column("een nieuwe dienst"),
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
        *service_columns(),
        location_column("Kies een locatie van het blad Locaties."),
        Column("description", "Opmerking over de tijden", "Zoals: niet in de schoolvakanties.", width=30),
    ],
    "Openingstijden": [
        *service_columns(with_name=False),
        location_column("Een locatie die op blad Dienst op locatie bij de dienst staat."),
        Column("weekday", "Dag", "Kies uit de lijst.", required=True, choices="days"),
        Column("opens_at", "Van", "Tijd, zoals 09:00.", required=True),
        Column("closes_at", "Tot", "Tijd, zoals 11:30.", required=True),
    ],
    "Kosten": [
        *service_columns(),
        Column("kind", "Soort", "Kies uit de lijst.", required=True, choices="cost"),
        Column("amount", "Bedrag in euro", "Alleen bij 'Een bedrag', zoals 12,50."),
        Column("option", "Toelichting", "Zoals: per bijeenkomst.", width=30),
    ],
    "Aanspreekpunten": [
        id_column("een nieuw aanspreekpunt"),
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
