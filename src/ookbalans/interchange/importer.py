"""Importing HSDS dicts into one coalition: check everything first, then write it all in one transaction."""

from __future__ import annotations

import datetime
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ookbalans.catalogue import validators
from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    CostOption,
    Language,
    Location,
    Municipality,
    NationalIntervention,
    Organisation,
    PostcodeArea,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ookbalans.framework import codes
from ookbalans.framework.models import Term
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.models import KeptFields
from ookbalans.interchange.problems import ImportFailed, Problems, Where

SOURCE = "_source"
# Keys of an HSDS document that are about the file, not the data.
DOCUMENT_KEYS = {"hsds_version", "profile", "coalition", "organizations", "services", "locations", "contacts"}
# Keys that are never kept as extras: the nested organisation is imported as an organisation itself.
NOT_KEPT = {"service": {"id", "organization"}, "organization": {"id"}, "location": {"id"}, "contact": {"id"}}
HOUSE_NUMBER = re.compile(r"^(?P<street>.*\D)\s+(?P<number>\d+\s*[-\w/]*)$")
TIME = re.compile(r"^(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(:[0-5]\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$")
STATUSES = {
    "active": "active",
    "inactive": "inactive",
    "defunct": "inactive",
    "temporarily closed": "inactive",
}
YES_NO = {"ja": True, "nee": False, "true": True, "false": False, "yes": True, "no": False}


@dataclass
class Report:
    """What an import did or would do."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    dry_run: bool = False

    def count(self, kind: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[kind] = target.get(kind, 0) + 1


def where_of(item: dict, fallback: str) -> Where:
    source = item.get(SOURCE) if isinstance(item, dict) else None
    return source if isinstance(source, Where) else Where(fallback)


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


def objects_in(value) -> list[dict]:
    """The objects of a list in a file; anything else (a number, a text) holds none.

    Used where the file is only looked through; the reader of that part reports a wrong shape.
    """
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def without_source(value):
    if isinstance(value, dict):
        return {k: without_source(v) for k, v in value.items() if k != SOURCE}
    if isinstance(value, list):
        return [without_source(v) for v in value]
    return value


def text(value) -> str:
    """A text field: numbers become text, markup stays as typed (it is escaped where it is shown)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float | Decimal):
        return str(value)
    return str(value).strip() if isinstance(value, str) else ""


class Importer:
    """Turns an HSDS document into catalogue objects of one coalition, reporting every problem."""

    def __init__(self, coalition: Coalition, *, strict: bool = False, progress=None) -> None:
        self.coalition = coalition
        # Strict (Excel): a value ookbalans cannot hold is an error. Lenient (HSDS files): it is kept
        # verbatim for the next export and reported as a warning.
        self.strict = strict
        self.progress = progress
        self.problems = Problems()
        self.terms = {(t.taxonomy, t.code): t for t in Term.objects.all()}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.interventions = {i.name: i for i in NationalIntervention.objects.all()}
        self.municipality_codes = set(coalition.municipalities.values_list("code", flat=True))
        self.organisations: dict[str, dict] = {}
        self.locations: dict[str, dict] = {}
        self.services: dict[str, dict] = {}
        self.contacts: dict[str, dict] = {}
        self.originals: dict[tuple[str, str], dict] = {}

    # -- small checks ---------------------------------------------------------------------------------

    def flag(self, where: Where, name: str, value, expected: str) -> None:
        """A value ookbalans cannot hold: an error in strict mode, else kept and warned about."""
        if self.strict:
            self.problems.error(where, name, value, expected)
        else:
            self.problems.warning(
                where, name, value, expected + " " + _("The value is kept for the next export.")
            )

    def identifier(self, item: dict, where: Where, kind: str) -> str | None:
        value = item.get("id")
        if value in (None, ""):
            if self.strict:
                return str(uuid.uuid4())  # a new row in Excel: ookbalans gives it an id
            self.problems.error(
                where, "id", value, _("expected a UUID that identifies this %(kind)s.") % {"kind": kind}
            )
            return None
        try:
            return str(uuid.UUID(str(value)))
        except (ValueError, AttributeError, TypeError):
            self.problems.error(
                where, "id", value, _("expected a UUID like 3f7b145d-84af-42d7-8fae-eaca714b02b2.")
            )
            return None

    def required_text(self, item: dict, name: str, where: Where, max_length: int) -> str:
        value = item.get(name)
        if not isinstance(value, str | int | float) or isinstance(value, bool) or not text(value):
            self.problems.error(where, name, value, _("expected a text; this field is required."))
            return ""
        return self.limited(text(value), name, where, max_length)

    def optional_text(self, item: dict, name: str, where: Where, max_length: int | None = None) -> str:
        value = item.get(name)
        if value is None:
            return ""
        if isinstance(value, dict | list):
            self.problems.error(where, name, value, _("expected a text."))
            return ""
        return self.limited(text(value), name, where, max_length)

    def limited(self, value: str, name: str, where: Where, max_length: int | None) -> str:
        if max_length and len(value) > max_length:
            self.problems.error(
                where,
                name,
                value,
                _("expected at most %(n)d characters (found %(found)d).")
                % {"n": max_length, "found": len(value)},
            )
            return value[:max_length]
        return value

    def email(self, item: dict, name: str, where: Where) -> str:
        value = self.optional_text(item, name, where, 254)
        if value:
            try:
                EmailValidator()(value)
            except ValidationError:
                self.flag(where, name, value, _("expected an email address like info@example.nl."))
                return ""
        return value

    def url(self, item: dict, name: str, where: Where) -> str:
        value = self.optional_text(item, name, where, 200)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                self.flag(where, name, value, _("expected a web address starting with https://."))
                return ""
        return value

    def phone_number(self, value, where: Where, name: str) -> str:
        number = text(value)
        if not number:
            return ""
        if validators.parse_phone_number(number) is None:
            self.flag(where, name, number, _("expected a phone number like 0575 512 345 or +31 575 512 345."))
            return ""
        return validators.normalise_phone_number(number)

    def first_phone(self, item: dict, where: Where) -> str:
        phones = self.list_of(item, "phones", where)
        if not phones:
            return ""
        return self.phone_number(
            phones[0].get("number"),
            where_of(phones[0], where.source) if SOURCE in phones[0] else where,
            "phones",
        )

    def list_of(self, item: dict, name: str, where: Where) -> list[dict]:
        value = item.get(name)
        if value in (None, ""):
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problems.error(where, name, value, _("expected a list of objects."))
            return []
        return value

    def ownership(self, kind: str, model, ids: set[str], where_by_id: dict[str, Where]) -> set[str]:
        """Ids that exist already in this coalition; ids of another coalition are an error."""
        found = dict(model.objects.filter(id__in=ids).values_list("id", "coalition_id"))
        own = set()
        for object_id, coalition_id in found.items():
            if coalition_id == self.coalition.id:
                own.add(str(object_id))
            else:
                self.problems.error(
                    where_by_id[str(object_id)],
                    "id",
                    object_id,
                    _(
                        "this %(kind)s id belongs to another coalition. "
                        "Remove the id to add it as a new %(kind)s."
                    )
                    % {"kind": kind},
                )
        return own

    # -- reading the document -------------------------------------------------------------------------

    def read(self, document) -> None:
        """Check the whole document and collect what to write."""
        document = as_document(document)
        if not isinstance(document, dict):
            self.problems.error(
                Where(_("the file")),
                "",
                document,
                _("expected a list of services or an object with organizations and services."),
            )
            return
        if not any(key in document for key in ("services", "organizations", "locations", "contacts")):
            self.problems.error(
                Where(_("the file")),
                "",
                ", ".join(map(str, document))[:200],
                _("expected a list of services or an object with organizations and services."),
            )
            return
        nul_texts = list(control_characters(document, _("the file")))
        for path, value in nul_texts:
            self.problems.error(
                Where(path), "", value.replace("\x00", "\\0"), _("expected text without NUL characters.")
            )
        if nul_texts:
            return
        for key in document:
            if key not in DOCUMENT_KEYS:
                self.problems.warning(
                    Where(_("the file")), key, "", _("this part of the file is not imported.")
                )
        groups = {}
        for key in ("organizations", "services", "locations", "contacts"):
            value = document.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                self.problems.error(Where(key), key, value, _("expected a list of objects."))
                value = []
            groups[key] = value
        for index, item in enumerate(groups["organizations"]):
            self.read_organisation(item, where_of(item, f"organizations[{index}]"))
        for index, item in enumerate(groups["locations"]):
            self.read_location(item, where_of(item, f"locations[{index}]"))
        for index, item in enumerate(groups["services"]):
            where = where_of(item, f"services[{index}]")
            if isinstance(item.get("organization"), dict):
                self.read_organisation(item["organization"], where_of(item["organization"], where.source))
            for sal in objects_in(item.get("service_at_locations")):
                if isinstance(sal.get("location"), dict):
                    self.read_location(sal["location"], where_of(sal["location"], where.source))
        for index, item in enumerate(groups["services"]):
            self.read_service(item, where_of(item, f"services[{index}]"))
        for index, item in enumerate(groups["contacts"]):
            self.read_contact(item, where_of(item, f"contacts[{index}]"))
        for plan in list(self.organisations.values()):
            contacts = plan["hsds"].get("contacts")
            for index, item in enumerate(contacts if isinstance(contacts, list) else []):
                if isinstance(item, dict) and self.phase_of(item):
                    self.read_contact(item, where_of(item, f"{plan['where'].source}.contacts[{index}]"))
        self.check_ownership()

    def read_organisation(self, item: dict, where: Where) -> None:
        object_id = self.identifier(item, where, _("organisation"))
        if object_id is None or object_id in self.organisations:
            return
        name = self.required_text(item, "name", where, 200)
        domain = ""
        for attr in self.list_of(item, "attributes", where):
            known = self.term_of(attr, where)
            if known and known.taxonomy == codes.DOMAINS.code:
                domain = known.code
        if not domain and self.strict:
            self.problems.error(
                where,
                "domain",
                "",
                _("expected one of: %(choices)s.")
                % {"choices": ", ".join(t.label for t in codes.DOMAINS.terms)},
            )
        self.originals[("organization", object_id)] = item
        self.organisations[object_id] = {
            "where": where,
            "hsds": item,
            "fields": {
                "name": name,
                "domain": domain,
                "description": self.optional_text(item, "description", where),
                "website": self.url(item, "website", where),
                "email": self.email(item, "email", where),
                "phone": self.first_phone(item, where),
            },
        }
        for index, location in enumerate(self.list_of(item, "locations", where)):
            self.read_location(location, where_of(location, f"{where.source}.locations[{index}]"))

    def read_location(self, item: dict, where: Where) -> None:
        object_id = self.identifier(item, where, _("location"))
        if object_id is None or object_id in self.locations:
            return
        fields = {
            "name": self.required_text(item, "name", where, 200),
            "address_1": "",
            "house_number": "",
            "postal_code": "",
            "city": "",
            "latitude": None,
            "longitude": None,
        }
        addresses = self.list_of(item, "addresses", where)
        if addresses:
            address = addresses[0]
            country = text(address.get("country")).upper()
            street = self.optional_text(address, "address_1", where, 220)
            postcode = validators.normalise_postcode(text(address.get("postal_code")))
            if country not in ("", "NL"):
                self.flag(where, "country", country, _("expected an address in the Netherlands (NL)."))
            else:
                match = HOUSE_NUMBER.match(street)
                fields["address_1"], fields["house_number"] = (
                    (match["street"].strip(), match["number"].strip()) if match else (street, "")
                )
                fields["address_1"] = self.limited(fields["address_1"], "address_1", where, 200)
                fields["house_number"] = self.limited(fields["house_number"], "address_1", where, 20)
                fields["city"] = self.optional_text(address, "city", where, 100)
                try:
                    validators.validate_postcode(postcode)
                    if not PostcodeArea.objects.filter(pc4=postcode[:4]).exists():
                        raise ValidationError("unknown")
                    fields["postal_code"] = postcode
                except ValidationError:
                    self.flag(
                        where,
                        "postal_code",
                        address.get("postal_code"),
                        _("expected an existing Dutch postcode like 7201 AB."),
                    )
        elif self.strict:
            self.problems.error(where, "postal_code", "", _("expected a Dutch postcode like 7201 AB."))
        latitude, longitude = item.get("latitude"), item.get("longitude")
        if latitude is not None or longitude is not None:
            try:
                latitude, longitude = float(latitude), float(longitude)
                if not (50.5 <= latitude <= 53.7 and 3.2 <= longitude <= 7.3):
                    raise ValueError
                fields["latitude"], fields["longitude"] = latitude, longitude
            except (TypeError, ValueError):
                self.flag(
                    where,
                    "latitude",
                    f"{latitude}, {longitude}",
                    _("expected a latitude and longitude in the Netherlands, like 52.14 and 6.20."),
                )
        self.originals[("location", object_id)] = item
        self.locations[object_id] = {"where": where, "hsds": item, "fields": fields}

    def term_of(self, attr: dict, where: Where) -> tx.KnownTerm | None:
        """The ookbalans term an attribute refers to; None for a term of another taxonomy."""
        term = attr.get("taxonomy_term") if isinstance(attr.get("taxonomy_term"), dict) else {}
        for key in (attr.get("taxonomy_term_id"), term.get("id"), term.get("term_uri")):
            if isinstance(key, str) and key in tx.known_terms():
                return tx.known_terms()[key]
        uri = term.get("term_uri")
        if isinstance(uri, str) and uri.startswith(tx.BASE_URI + "/"):
            self.problems.error(where, "attributes", uri, _("expected a term of the ookbalans taxonomies."))
        return None

    def facts(self, item: dict, where: Where, link_entity: str) -> tuple[dict[str, list], dict[str, str]]:
        """The framework terms (per taxonomy) and the ookbalans facts of an object's attributes."""
        terms: dict[str, list] = {}
        facts: dict[str, str] = {}
        for attr in self.list_of(item, "attributes", where):
            known = self.term_of(attr, where)
            if known is None:
                continue
            if known.taxonomy == tx.FACTS.code:
                value = attr.get("value")
                if known.code.startswith("vertaling_"):
                    facts.setdefault(known.code, [])
                    facts[known.code].append(text(value))
                else:
                    facts[known.code] = text(value)
            else:
                terms.setdefault(known.taxonomy, [])
                if known.code not in terms[known.taxonomy]:
                    terms[known.taxonomy].append(known.code)
        return terms, facts

    def read_service(self, item: dict, where: Where) -> None:
        object_id = self.identifier(item, where, _("service"))
        if object_id in self.services:
            self.problems.error(where, "id", object_id, _("expected each service only once in the file."))
            return
        terms, facts = self.facts(item, where, "service")
        name = self.required_text(item, "name", where, 200)
        description = self.optional_text(item, "description", where)
        short = facts.get("korte_beschrijving") or ""
        if not short:
            if self.strict:
                self.problems.error(
                    where, "korte_beschrijving", "", _("expected a short description for parents.")
                )
            short = shorten(description) or name
        short = self.limited(short, "korte_beschrijving", where, 300)
        status_value = text(item.get("status")).lower()
        if status_value not in STATUSES:
            self.problems.error(where, "status", item.get("status"), _("expected 'active' or 'inactive'."))
        organisation_id = text(item.get("organization_id")) or (
            text(item["organization"].get("id")) if isinstance(item.get("organization"), dict) else ""
        )
        if not organisation_id:
            self.problems.error(
                where, "organization_id", "", _("expected the id of the organisation that offers it.")
            )
        fields = {
            "name_nl": name,
            "short_description_nl": short,
            "description": description,
            "url": self.url(item, "url", where),
            "email": self.email(item, "email", where),
            "phone": self.first_phone(item, where),
            "status": STATUSES.get(status_value, "active"),
            "home_visits": self.yes_no(facts, "huisbezoek", where),
            "online": self.yes_no(facts, "online", where),
            "online_url": self.fact_url(facts, "online_adres", where),
            "access": self.choice(
                facts, "toegang", [c for c, _label in Service.Access.choices], "open", where
            ),
            "culture_sensitive": self.yes_no(facts, "cultuursensitief", where),
            "culture_sensitive_explanation": facts.get("cultuursensitief_toelichting", ""),
            "waiting_time_weeks": self.weeks(facts, where),
            "frequency": self.choice(
                facts, "frequentie", [c for c, _label in Service.Frequency.choices], "by_appointment", where
            ),
            "national_intervention": self.intervention(facts, where),
            "last_checked_on": self.date(item, "assured_date", where),
            "last_checked_by": self.limited(
                facts.get("gecontroleerd_door", ""), "gecontroleerd_door", where, 200
            ),
        }
        if fields["culture_sensitive"] and not fields["culture_sensitive_explanation"].strip():
            self.problems.error(
                where,
                "cultuursensitief_toelichting",
                "",
                _("explain what makes the service culture-sensitive, or set culture-sensitive to 'nee'."),
            )
        for code_name in ("vertaling_naam", "vertaling_korte_beschrijving"):
            for entry in facts.get(code_name, []):
                language, _sep, value = entry.partition(":")
                if language.strip() not in mapping.TRANSLATED_LANGUAGES or not value.strip():
                    self.problems.error(
                        where, code_name, entry, _("expected a language code and text, like 'en: ...'.")
                    )
                    continue
                target = "name" if code_name == "vertaling_naam" else "short_description"
                fields[f"{target}_{language.strip()}"] = value.strip()
        term_ids = {}
        for field_name, taxonomy_code in mapping.SERVICE_TERM_FIELDS.items():
            term_ids[field_name] = [self.terms[(taxonomy_code, c)].id for c in terms.get(taxonomy_code, [])]
        if self.strict:
            for field_name in ("pyramid_levels", "phases", "aims", "target_groups"):
                if not term_ids[field_name]:
                    taxonomy = tx.BY_CODE[mapping.SERVICE_TERM_FIELDS[field_name]]
                    self.problems.error(where, taxonomy.label, "", _("expected at least one value."))
        languages = []
        for language in self.list_of(item, "languages", where):
            code = text(language.get("code")).lower()
            if code in self.languages:
                languages.append(code)
            else:
                self.flag(where, "languages", code, _("expected a language code like nl, en or ar."))
        if object_id is None:
            return  # the id was wrong: every other field has been checked and reported all the same
        self.originals[("service", object_id)] = item
        self.services[object_id] = {
            "where": where,
            "hsds": item,
            "organisation_id": organisation_id,
            "fields": fields,
            "terms": term_ids,
            "languages": sorted(set(languages)),
            "cost_options": self.read_cost_options(item, where),
            "service_at_locations": self.read_service_at_locations(item, where, object_id),
        }
        if self.progress:
            self.progress(1)

    def yes_no(self, facts: dict, name: str, where: Where) -> bool:
        value = facts.get(name, "")
        if value == "":
            return False
        if value.lower() not in YES_NO:
            self.problems.error(where, name, value, _("expected 'ja' or 'nee'."))
            return False
        return YES_NO[value.lower()]

    def fact_url(self, facts: dict, name: str, where: Where) -> str:
        return self.url({name: facts.get(name)}, name, where)

    def choice(self, facts: dict, name: str, choices: list[str], default: str, where: Where) -> str:
        value = facts.get(name, "")
        if value == "":
            return default
        if value not in choices:
            self.problems.error(
                where, name, value, _("expected one of: %(choices)s.") % {"choices": ", ".join(choices)}
            )
            return default
        return value

    def weeks(self, facts: dict, where: Where) -> int | None:
        value = facts.get("wachttijd_weken", "")
        if value == "":
            return None
        try:
            weeks = int(value)
            if not 0 <= weeks <= 104:
                raise ValueError
            return weeks
        except ValueError:
            self.problems.error(
                where, "wachttijd_weken", value, _("expected a whole number of weeks from 0 to 104.")
            )
            return None

    def intervention(self, facts: dict, where: Where):
        name = facts.get("landelijke_interventie", "")
        if not name:
            return None
        if name not in self.interventions:
            self.problems.error(
                where,
                "landelijke_interventie",
                name,
                _("expected the name of a national intervention as ookbalans lists it."),
            )
            return None
        return self.interventions[name]

    def date(self, item: dict, name: str, where: Where) -> datetime.date | None:
        value = item.get(name)
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(text(value)[:10])
        except ValueError:
            self.problems.error(where, name, value, _("expected a date like 2025-03-31."))
            return None

    def read_cost_options(self, item: dict, where: Where) -> list[dict]:
        found = []
        for option in self.list_of(item, "cost_options", where):
            object_id = self.identifier(option, where, _("cost option"))
            if object_id is None:
                continue
            _terms, facts = self.facts(option, where, "cost_option")
            kind = facts.get("kostensoort", "")
            amount = None
            if option.get("amount") not in (None, ""):
                try:
                    amount = Decimal(text(option.get("amount")).replace(",", "."))
                    if amount < 0 or amount >= 1_000_000 or amount != amount.quantize(Decimal("0.01")):
                        raise InvalidOperation
                except InvalidOperation:
                    self.problems.error(
                        where, "amount", option.get("amount"), _("expected an amount in euros like 12.50.")
                    )
                    continue
            currency = text(option.get("currency")).upper()
            if currency not in ("", "EUR"):
                self.flag(where, "currency", currency, _("expected amounts in euros (EUR)."))
                continue
            if not kind:
                kind = "amount" if amount else ("free" if amount is not None else "")
            if kind not in [c for c, _label in CostOption.Kind.choices]:
                self.flag(
                    where, "kostensoort", kind, _("expected one of: free, amount, insurance, municipality.")
                )
                continue
            if (kind == "amount") != (amount is not None):
                if kind == "free" and amount == 0:
                    amount = None
                else:
                    self.problems.error(
                        where,
                        "amount",
                        amount,
                        _("give an amount only, and always, when the kind of cost is 'amount'."),
                    )
                    continue
            found.append(
                {
                    "id": object_id,
                    "kind": kind,
                    "amount": amount,
                    "option": self.optional_text(option, "option", where, 300),
                }
            )
        return found

    def read_service_at_locations(self, item: dict, where: Where, service_id: str) -> list[dict]:
        found = []
        seen_locations = set()
        for sal in self.list_of(item, "service_at_locations", where):
            sal_where = where_of(sal, where.source) if SOURCE in sal else where
            object_id = self.identifier(sal, sal_where, _("service at a location"))
            location_id = text(sal.get("location_id")) or (
                text(sal["location"].get("id")) if isinstance(sal.get("location"), dict) else ""
            )
            if not location_id:
                self.problems.error(sal_where, "location_id", "", _("expected the id of a location."))
                continue
            if object_id is None:
                continue
            if location_id in seen_locations:
                self.problems.error(
                    sal_where, "location_id", location_id, _("expected each location only once per service.")
                )
                continue
            seen_locations.add(location_id)
            found.append(
                {
                    "id": object_id,
                    "location_id": location_id,
                    "where": sal_where,
                    "description": self.optional_text(sal, "description", sal_where, 300),
                    "schedules": self.read_schedules(sal, sal_where),
                }
            )
        return found

    def read_schedules(self, sal: dict, where: Where) -> list[dict]:
        found = []
        for schedule in self.list_of(sal, "schedules", where):
            object_id = self.identifier(schedule, where, _("opening hours"))
            if object_id is None:
                continue
            days = [d.strip().upper() for d in text(schedule.get("byday")).split(",") if d.strip()]
            opens, closes = self.time(schedule, "opens_at", where), self.time(schedule, "closes_at", where)
            freq = text(schedule.get("freq")).upper()
            if freq != "WEEKLY" or not days or opens is None or closes is None:
                self.flag(
                    where,
                    "schedules",
                    schedule.get("byday") or freq,
                    _("expected weekly opening hours: freq WEEKLY, byday, opens_at and closes_at."),
                )
                continue
            if any(day not in mapping.DAY_NUMBERS for day in days):
                self.problems.error(
                    where, "byday", schedule.get("byday"), _("expected days like MO,TU,WE,TH,FR,SA,SU.")
                )
                continue
            if opens >= closes:
                self.problems.error(
                    where,
                    "closes_at",
                    schedule.get("closes_at"),
                    _("expected a closing time after the opening time."),
                )
                continue
            for number, day in enumerate(days):
                day_id = object_id if number == 0 else tx.derived_id(object_id, day)
                found.append(
                    {
                        "id": day_id,
                        "weekday": mapping.DAY_NUMBERS[day],
                        "opens_at": opens,
                        "closes_at": closes,
                    }
                )
        return found

    def time(self, item: dict, name: str, where: Where) -> datetime.time | None:
        value = item.get(name)
        if value in (None, ""):
            return None
        if isinstance(value, datetime.time):
            return value.replace(second=0, microsecond=0)
        match = TIME.match(text(value))
        if not match:
            self.problems.error(where, name, value, _("expected a time like 09:00."))
            return None
        return datetime.time(int(match["h"]), int(match["m"]))

    def phase_of(self, item: dict) -> str:
        for attr in objects_in(item.get("attributes")):
            known = self.term_of(attr, Where(""))
            if known and known.taxonomy == codes.PHASES.code:
                return known.code
        return ""

    def read_contact(self, item: dict, where: Where) -> None:
        object_id = self.identifier(item, where, _("contact point"))
        if object_id is None or object_id in self.contacts:
            return
        terms, facts = self.facts(item, where, "contact")
        phases = terms.get(codes.PHASES.code, [])
        if len(phases) != 1:
            self.problems.warning(
                where,
                "attributes",
                ", ".join(phases),
                _("not imported: a contact point needs exactly one phase."),
            )
            return
        municipality = facts.get("aanspreekpunt_gemeente", "")
        if municipality and municipality not in self.municipality_codes:
            self.problems.error(
                where,
                "aanspreekpunt_gemeente",
                municipality,
                _("expected the CBS code of one of the coalition's municipalities, or nothing."),
            )
            municipality = ""
        fields = {
            "name": self.required_text(item, "name", where, 200),
            "phase": self.terms[(codes.PHASES.code, phases[0])],
            "municipality_id": municipality or None,
            "description": facts.get("aanspreekpunt_beschrijving", ""),
            "how_to_reach": facts.get("aanspreekpunt_bereikbaarheid", ""),
            "website": self.fact_url(facts, "aanspreekpunt_website", where),
            "email": self.email(item, "email", where),
            "phone": self.first_phone(item, where),
            "organization_id": text(item.get("organization_id")) or None,
        }
        if not fields["description"]:
            self.problems.error(
                where,
                "aanspreekpunt_beschrijving",
                "",
                _("expected what the contact point does for parents."),
            )
        if not (fields["phone"] or fields["email"] or fields["website"] or fields["how_to_reach"]):
            self.problems.error(
                where,
                "aanspreekpunt_bereikbaarheid",
                "",
                _("expected how parents reach the contact point: phone, email or website."),
            )
        self.originals[("contact", object_id)] = item
        self.contacts[object_id] = {"where": where, "hsds": item, "fields": fields}

    def check_ownership(self) -> None:
        """Ids of another coalition, references that lead nowhere, and duplicate names."""
        self.own = {}
        for kind, label, model, plans in (
            ("organisation", _("organisation"), Organisation, self.organisations),
            ("location", _("location"), Location, self.locations),
            ("service", _("service"), Service, self.services),
            ("contact point", _("contact point"), ContactPoint, self.contacts),
        ):
            self.own[kind] = self.ownership(
                label, model, set(plans), {k: p["where"] for k, p in plans.items()}
            )
        existing_organisations = {
            str(i) for i in Organisation.objects.filter(coalition=self.coalition).values_list("id", flat=True)
        }
        existing_locations = {
            str(i) for i in Location.objects.filter(coalition=self.coalition).values_list("id", flat=True)
        }
        for plan in self.services.values():
            if plan["organisation_id"] and plan["organisation_id"] not in self.organisations | dict.fromkeys(
                existing_organisations
            ):
                self.problems.error(
                    plan["where"],
                    "organization_id",
                    plan["organisation_id"],
                    _("expected an organisation in the file or already in the coalition."),
                )
            for sal in plan["service_at_locations"]:
                if sal["location_id"] not in self.locations and sal["location_id"] not in existing_locations:
                    self.problems.error(
                        sal["where"],
                        "location_id",
                        sal["location_id"],
                        _("expected a location in the file or already in the coalition."),
                    )
        for plan in self.contacts.values():
            organisation_id = plan["fields"]["organization_id"]
            if (
                organisation_id
                and organisation_id not in self.organisations
                and organisation_id not in existing_organisations
            ):
                self.problems.error(
                    plan["where"],
                    "organization_id",
                    organisation_id,
                    _("expected an organisation in the file or already in the coalition."),
                )
        names = {}
        for object_id, plan in self.organisations.items():
            name = plan["fields"]["name"].casefold()
            if name in names:
                self.problems.error(
                    plan["where"],
                    "name",
                    plan["fields"]["name"],
                    _("expected each organisation name only once."),
                )
            names[name] = object_id
        for other_id, name in Organisation.objects.filter(coalition=self.coalition).values_list("id", "name"):
            if name.casefold() in names and names[name.casefold()] != str(other_id):
                self.problems.error(
                    self.organisations[names[name.casefold()]]["where"],
                    "name",
                    name,
                    _("another organisation of the coalition has this name already."),
                )
        self.check_contact_points_unique()

    def check_contact_points_unique(self) -> None:
        seen = {
            (str(cp.phase_id), str(cp.municipality_id)): str(cp.id)
            for cp in ContactPoint.objects.filter(coalition=self.coalition).exclude(
                id__in=list(self.contacts)
            )
        }
        for object_id, plan in self.contacts.items():
            key = (str(plan["fields"]["phase"].id), str(plan["fields"]["municipality_id"]))
            if key in seen and seen[key] != object_id:
                self.problems.error(
                    plan["where"],
                    "attributes",
                    plan["fields"]["phase"].label,
                    _("the coalition already has a contact point for this phase (and municipality)."),
                )
            seen[key] = object_id

    # -- writing --------------------------------------------------------------------------------------

    def run(self, document, *, dry_run: bool = False) -> Report:
        """Check the document; unless there are errors or it is a dry run, write it all in one transaction."""
        report = Report(problems=self.problems, dry_run=dry_run)
        self.read(document)
        if self.problems.errors:
            raise ImportFailed(self.problems)
        with transaction.atomic():
            self.write(report)
            if dry_run:
                transaction.set_rollback(True)
        return report

    def write(self, report: Report) -> None:
        now = timezone.now()
        coalition = self.coalition
        self.save_plans(
            Organisation,
            self.organisations,
            self.own["organisation"],
            report,
            "organisations",
            now,
            lambda p: {**p["fields"]},
        )
        areas = {
            a.pc4: a
            for a in PostcodeArea.objects.filter(
                pc4__in={p["fields"]["postal_code"][:4] for p in self.locations.values()}
            )
        }

        def location_fields(plan):
            values = dict(plan["fields"])
            area = areas.get(values["postal_code"][:4])
            if area is not None:
                if values["latitude"] is None:
                    values["latitude"], values["longitude"] = area.latitude, area.longitude
                values["municipality_id"] = area.municipality_id
            else:
                values["municipality_id"] = None
            return values

        self.save_plans(
            Location, self.locations, self.own["location"], report, "locations", now, location_fields
        )

        def service_fields(plan):
            return {**plan["fields"], "organization_id": plan["organisation_id"]}

        self.save_plans(Service, self.services, self.own["service"], report, "services", now, service_fields)
        service_ids = list(self.services)
        # A service's links and parts are replaced by those in the file, keeping the file's ids.
        ServiceAtLocation.objects.filter(service_id__in=service_ids).delete()
        CostOption.objects.filter(service_id__in=service_ids).delete()
        through_rows = {name: [] for name in mapping.SERVICE_TERM_FIELDS}
        language_rows, sals, schedules, options = [], [], [], []
        for service_id, plan in self.services.items():
            for name, term_ids in plan["terms"].items():
                through = getattr(Service, name).through
                through_rows[name] += [through(service_id=service_id, term_id=t) for t in term_ids]
            language_rows += [
                Service.languages.through(service_id=service_id, language_id=c) for c in plan["languages"]
            ]
            for option in plan["cost_options"]:
                options.append(CostOption(service_id=service_id, **option))
            for sal in plan["service_at_locations"]:
                sals.append(
                    ServiceAtLocation(
                        id=sal["id"],
                        service_id=service_id,
                        location_id=sal["location_id"],
                        description=sal["description"],
                    )
                )
                schedules += [Schedule(service_at_location_id=sal["id"], **s) for s in sal["schedules"]]
        for name, rows in through_rows.items():
            through = getattr(Service, name).through
            through.objects.filter(service_id__in=service_ids).delete()
            through.objects.bulk_create(rows, batch_size=2000)
        Service.languages.through.objects.filter(service_id__in=service_ids).delete()
        Service.languages.through.objects.bulk_create(language_rows, batch_size=2000)
        CostOption.objects.bulk_create(options, batch_size=2000)
        ServiceAtLocation.objects.bulk_create(sals, batch_size=2000)
        Schedule.objects.bulk_create(schedules, batch_size=2000)
        for kind, count in (
            ("cost_options", len(options)),
            ("service_at_locations", len(sals)),
            ("schedules", len(schedules)),
        ):
            if count:
                report.created[kind] = count
        # Bulk writes send no signals: bring the finder's search index up to date for these services.
        from ookbalans.search.indexing import index_service_ids

        for start in range(0, len(service_ids), 2000):
            index_service_ids(service_ids[start : start + 2000])
        self.save_plans(
            ContactPoint,
            self.contacts,
            self.own["contact point"],
            report,
            "contact_points",
            now,
            lambda p: {**p["fields"]},
        )
        if not self.strict:
            # An Excel workbook holds only what ookbalans has columns for: nothing to keep.
            self.keep_extras(coalition)

    def save_plans(self, model, plans: dict, own: set, report: Report, kind: str, now, values_of) -> None:
        new, existing = [], []
        names = set()
        for object_id, plan in plans.items():
            values = values_of(plan)
            names |= set(values)
            obj = model(id=object_id, coalition=self.coalition, **values)
            obj.modified_at = now
            if object_id in own:
                existing.append(obj)
            else:
                obj.created_at = now
                new.append(obj)
        model.objects.bulk_create(new, batch_size=2000)
        if existing:
            model.objects.bulk_update(existing, sorted(names | {"modified_at"}), batch_size=1000)
        if new:
            report.created[kind] = len(new)
        if existing:
            report.updated[kind] = len(existing)

    def keep_extras(self, coalition: Coalition) -> None:
        """Keep every field of the file that the export would not give back the same, for the next export."""
        from ookbalans.interchange import exporter

        ids = {kind: [object_id for (k, object_id) in self.originals if k == kind] for kind in NOT_KEPT}
        KeptFields.objects.filter(object_id__in=[i for group in ids.values() for i in group]).delete()
        context = mapping.Context(municipalities=coalition.municipalities.order_by("code"), extras={})
        rows = []

        def keep(kind, object_id, mapped):
            original = without_source(self.originals[(kind, object_id)])
            kept = {}
            for key, value in original.items():
                if key in NOT_KEPT[kind]:
                    continue
                if kind == "organization" and key == "contacts" and isinstance(value, list):
                    # ookbalans' contact points are imported as such; only other contacts are kept.
                    value = [c for c in value if not (isinstance(c, dict) and self.phase_of(c))]
                    if not value:
                        continue
                if key == "service_areas":
                    foreign = [
                        a
                        for a in value or []
                        if not (isinstance(a, dict) and a.get("extent_type") == "cbs_gemeentecode")
                    ]
                    if foreign:
                        kept[key] = {"original": foreign, "mapped": None}
                    continue
                if mapping.canonical(value) != mapping.canonical(mapped.get(key)):
                    kept[key] = {"original": value, "mapped": mapped.get(key)}
            if kept:
                context.extras[(kind, object_id)] = kept
                rows.append(KeptFields(coalition=coalition, kind=kind, object_id=object_id, fields=kept))

        for organisation in Organisation.objects.filter(id__in=ids["organization"]):
            keep(
                "organization",
                str(organisation.id),
                mapping.organization_to_hsds(organisation, mapping.Context()),
            )
        for location in Location.objects.filter(id__in=ids["location"]).select_related("municipality"):
            keep("location", str(location.id), mapping.location_to_hsds(location, mapping.Context()))
        for point in ContactPoint.objects.filter(id__in=ids["contact"]).select_related("phase"):
            keep("contact", str(point.id), mapping.contact_to_hsds(point, mapping.Context()))
        service_ids = ids["service"]
        for start in range(0, len(service_ids), 2000):
            chunk = Service.objects.filter(id__in=service_ids[start : start + 2000])
            for service in exporter.services_for_export(chunk):
                keep("service", str(service.id), mapping.service_to_hsds(service, context))
        KeptFields.objects.bulk_create(rows, batch_size=1000)
        for (kind, object_id), kept_fields in context.extras.items():
            # The date of the last change is kept quietly: it always differs after an import.
            reported = sorted(set(kept_fields) - {"last_modified"})
            if not reported:
                continue
            self.problems.warning(
                self.plan_where(kind, object_id),
                ", ".join(reported),
                "",
                _("fields that ookbalans does not use are kept and given back in the next export."),
            )

    def plan_where(self, kind: str, object_id: str) -> Where:
        plans = {
            "organization": self.organisations,
            "location": self.locations,
            "service": self.services,
            "contact": self.contacts,
        }[kind]
        return plans[object_id]["where"]


def control_characters(value, path: str):
    """Places of texts with a NUL character, which no database column can hold."""
    if isinstance(value, str):
        if "\x00" in value:
            yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and "\x00" in key:
                yield path, key
            if key != SOURCE:
                yield from control_characters(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from control_characters(item, f"{path}[{index}]")


def shorten(description: str, limit: int = 300) -> str:
    if len(description) <= limit:
        return description
    cut = description[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def import_document(
    coalition: Coalition, document, *, strict: bool = False, dry_run: bool = False, progress=None
) -> Report:
    """Import an HSDS document (a list of services, or organizations and services) into the coalition."""
    return Importer(coalition, strict=strict, progress=progress).run(document, dry_run=dry_run)


def municipality_exists(code: str) -> bool:
    return Municipality.objects.filter(code=code).exists()
