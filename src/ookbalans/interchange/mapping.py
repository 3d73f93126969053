"""Pure mapping from catalogue objects to HSDS 3.0 dicts (the ookbalans profile for Kansrijke Start)."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from functools import cache

from django.utils import translation
from django.utils.text import capfirst

from ookbalans.catalogue.models import CostOption, Service
from ookbalans.framework import codes
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.links import has_refused_link
from ookbalans.interchange.prefetched import related

HSDS_VERSION = "3.0"
WEEKDAYS = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}
DAY_NUMBERS = {code: number for number, code in WEEKDAYS.items()}
TRANSLATED_LANGUAGES = ("en", "ar", "tr", "pl", "uk")

# Service fields with a many-to-many link to framework terms, by the taxonomy they use.
SERVICE_TERM_FIELDS = {
    "pyramid_levels": codes.PYRAMID_LEVELS.code,
    "phases": codes.PHASES.code,
    "aims": codes.AIMS.code,
    "factors": codes.FACTORS.code,
    "upbringing_components": codes.UPBRINGING_COMPONENTS.code,
    "target_groups": codes.TARGET_GROUPS.code,
}
# The application_process texts of exports before it was the model's label, by the access they stand
# for: an import takes them as today's wording, so that an older file keeps nothing extra.
FORMER_APPLICATION_PROCESS = {
    "Open voor iedereen: je kunt zo binnenlopen.": "open",
    "Je meldt je zelf aan.": "signup",
    "Je hebt een verwijzing nodig.": "referral",
}
# A street with its house number at the end, as HSDS' address_1 holds both.
HOUSE_NUMBER = re.compile(r"^(?P<street>.*\D)\s+(?P<number>\d+\s*[-\w/]*)$")


def compact(values: dict) -> dict:
    """Leave out empty values: HSDS string fields may not be null, and absent means unknown."""
    return {key: value for key, value in values.items() if value not in (None, "", [])}


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def canonical(value) -> str:
    """A comparable text form of a JSON value, to see whether a field changed."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def with_extras(mapped: dict, extras: dict | None) -> dict:
    """Put back what an import kept that ookbalans cannot hold, as long as ookbalans' value is unchanged.

    `extras` maps a field to {"original": what the file said, "mapped": what ookbalans made of it}.
    Once someone edits the field in ookbalans, its own value wins.
    """
    if not extras:
        return mapped
    result = dict(mapped)
    for key, kept in extras.items():
        if has_refused_link({key: kept.get("original")}):
            continue  # kept before links were checked on import: never given back
        if key == "service_areas":
            # ookbalans derives its service areas from the coalition; areas of another kind are added.
            result[key] = [*mapped.get(key, []), *kept["original"]]
            continue
        if canonical(mapped.get(key)) == canonical(kept.get("mapped")):
            if kept.get("original") is None:
                result.pop(key, None)
            else:
                result[key] = kept["original"]
    return result


@cache
def term_parts(taxonomy_code: str, term_code: str) -> tuple[str, str, dict]:
    """A term's URI, id and HSDS form, looked up once by the codes (callers must not change the dict)."""
    taxonomy = tx.BY_CODE[taxonomy_code]
    term = next(term for term in taxonomy.terms if term.code == term_code)
    uri, term_id = tx.term_uri(taxonomy_code, term_code), tx.term_id(taxonomy_code, term_code)
    return uri, term_id, tx.term_to_hsds(taxonomy, term)


def attribute(
    link_entity: str, link_id, taxonomy_code: str, term_code: str, value: str | None = None
) -> dict:
    uri, term_id, term = term_parts(taxonomy_code, term_code)
    # Written out rather than compacted: an export makes some fifteen of these per service.
    mapped = {
        "id": tx.derived_id(link_id, uri if value is None else f"{uri}#{value}"),
        "link_id": str(link_id),
        "link_type": taxonomy_code,
        "link_entity": link_entity,
        "taxonomy_term_id": term_id,
    }
    if value not in (None, ""):
        mapped["value"] = value
    mapped["taxonomy_term"] = term
    return mapped


def fact(link_entity: str, link_id, term_code: str, value) -> dict | None:
    if value in (None, ""):
        return None
    return attribute(link_entity, link_id, tx.FACTS.code, term_code, str(value))


def phone(owner_field: str, owner_id, number: str) -> list[dict]:
    if not number:
        return []
    return [
        {
            "id": tx.derived_id(owner_id, "phone"),
            owner_field: str(owner_id),
            "number": number,
            "type": "voice",
        }
    ]


def time_text(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def amount_number(amount: Decimal | None):
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


class Context:
    """What the mapping needs besides the object: the coalition's municipalities and the kept extras."""

    def __init__(self, municipalities=(), extras: dict | None = None) -> None:
        self.municipalities = list(municipalities)
        self.extras = extras or {}

    def kept(self, kind: str, object_id) -> dict | None:
        return self.extras.get((kind, str(object_id)))


def organization_to_hsds(organisation, context: Context, *, contacts=(), services=None) -> dict:
    attributes = []
    if organisation.domain:
        attributes.append(attribute("organization", organisation.id, codes.DOMAINS.code, organisation.domain))
    mapped = compact(
        {
            "id": str(organisation.id),
            "name": organisation.name,
            "email": organisation.email,
            "website": organisation.website,
            "phones": phone("organization_id", organisation.id, organisation.phone),
            "contacts": [contact_to_hsds(point, context) for point in contacts],
            "attributes": attributes,
        }
    )
    mapped["description"] = organisation.description  # required by HSDS, even when empty
    if services is not None:
        mapped["services"] = [{"id": str(s.id), "name": s.name_nl} for s in services]
    return with_extras(mapped, context.kept("organization", organisation.id))


def contact_to_hsds(point, context: Context) -> dict:
    """A contact point: an HSDS contact with the phase as attribute and the parents' texts as facts."""
    attributes = [attribute("contact", point.id, codes.PHASES.code, point.phase.code)]
    for term_code, value in (
        ("aanspreekpunt_beschrijving", point.description),
        ("aanspreekpunt_bereikbaarheid", point.how_to_reach),
        ("aanspreekpunt_website", point.website),
        ("aanspreekpunt_gemeente", point.municipality_id),
    ):
        if item := fact("contact", point.id, term_code, value):
            attributes.append(item)
    mapped = compact(
        {
            "id": str(point.id),
            "organization_id": str(point.organization_id) if point.organization_id else None,
            "name": point.name,
            "email": point.email,
            "phones": phone("contact_id", point.id, point.phone),
            "attributes": attributes,
        }
    )
    return with_extras(mapped, context.kept("contact", point.id))


def split_street(address_1: str) -> tuple[str, str]:
    """HSDS' address_1 as the catalogue's street and house number (the number empty if none is found)."""
    match = HOUSE_NUMBER.match(address_1 or "")
    return (match["street"].strip(), match["number"].strip()) if match else (address_1 or "", "")


def address_to_hsds(location) -> list[dict]:
    if not (location.address_1 or location.house_number or location.postal_code or location.city):
        return []
    street = f"{location.address_1} {location.house_number}".strip()
    return [
        {
            "id": tx.derived_id(location.id, "address"),
            "location_id": str(location.id),
            "address_1": street,
            "city": location.city,
            "state_province": location.municipality.province if location.municipality_id else "",
            "postal_code": location.postal_code,
            "country": "NL",
            "address_type": "physical",
        }
    ]


def location_to_hsds(location, context: Context) -> dict:
    mapped = compact(
        {
            "id": str(location.id),
            "location_type": "physical",
            "name": location.name,
            "latitude": location.latitude,
            "longitude": location.longitude,
            "external_identifier": location.municipality_id,
            "external_identifier_type": "CBS-gemeentecode" if location.municipality_id else None,
            "addresses": address_to_hsds(location),
        }
    )
    return with_extras(mapped, context.kept("location", location.id))


def schedule_to_hsds(schedule) -> dict:
    return {
        "id": str(schedule.id),
        "service_at_location_id": str(schedule.service_at_location_id),
        "freq": "WEEKLY",
        "byday": WEEKDAYS[schedule.weekday],
        "opens_at": time_text(schedule.opens_at),
        "closes_at": time_text(schedule.closes_at),
    }


def service_at_location_to_hsds(at_location, context: Context) -> dict:
    # Mapped once per location object and context: an export shares one object per location.
    place, nested = at_location.location, getattr(at_location.location, "hsds_nested", (None, None))
    if nested[0] is not context:
        nested = place.hsds_nested = (context, location_to_hsds(place, context))
    mapped = compact(
        {
            "id": str(at_location.id),
            "service_id": str(at_location.service_id),
            "location_id": str(at_location.location_id),
            "description": at_location.description,
            "schedules": [schedule_to_hsds(s) for s in related(at_location, "schedules")],
            "location": nested[1],
        }
    )
    return with_extras(mapped, context.kept("service_at_location", at_location.id))


@cache
def cost_kind_label(kind: str, language: str | None) -> str:
    """What `option.get_kind_display()` gives in the active language, looked up once per kind and language."""
    return str(dict(CostOption.Kind.choices).get(kind, kind))


def cost_option_to_hsds(option) -> dict:
    return compact(
        {
            "id": str(option.id),
            "service_id": str(option.service_id),
            "option": option.option,
            "currency": "EUR" if option.amount is not None else None,
            "amount": amount_number(option.amount),
            "amount_description": cost_kind_label(option.kind, translation.get_language()),
            "attributes": [fact("cost_option", option.id, "kostensoort", option.kind)],
        }
    )


def service_area_to_hsds(service_id, municipality) -> dict:
    return {
        "id": tx.derived_id(service_id, f"service_area/{municipality.code}"),
        "service_id": str(service_id),
        "name": municipality.name,
        "description": f"Gemeente {municipality.name} (CBS-gemeentecode {municipality.code}), "
        f"provincie {municipality.province}",
        "extent_type": "cbs_gemeentecode",
        "extent": municipality.code,
        "uri": f"https://ookbalans.nl/gemeente/{municipality.code}",
    }


@cache
def application_process(access: str) -> str | None:
    """How parents get access, as Dutch text for HSDS' application_process: the model's own label."""
    if access not in Service.Access.values:
        return None
    with translation.override("nl"):
        return capfirst(str(Service.Access(access).label)) + "."


def wait_time_text(weeks: int | None) -> str | None:
    if weeks is None:
        return None
    if weeks == 0:
        return "Geen wachttijd"
    return f"{weeks} {'week' if weeks == 1 else 'weken'}"


def service_attributes(service) -> list[dict]:
    found = []
    for field_name, taxonomy_code in SERVICE_TERM_FIELDS.items():
        for term in sorted(related(service, field_name), key=lambda t: (t.position, t.code)):
            found.append(attribute("service", service.id, taxonomy_code, term.code))
    level = service.recognition_level
    if level:
        found.append(attribute("service", service.id, codes.RECOGNITION_LEVELS.code, level))
    intervention = service.national_intervention.name if service.national_intervention_id else ""
    translations = []
    for language in TRANSLATED_LANGUAGES:
        if name := getattr(service, f"name_{language}", ""):
            translations.append(("vertaling_naam", f"{language}: {name}"))
        if short := getattr(service, f"short_description_{language}", ""):
            translations.append(("vertaling_korte_beschrijving", f"{language}: {short}"))
    for term_code, value in (
        ("korte_beschrijving", service.short_description_nl),
        ("huisbezoek", yes_no(service.home_visits)),
        ("online", yes_no(service.online)),
        ("online_adres", service.online_url),
        ("toegang", service.access),
        ("cultuursensitief", yes_no(service.culture_sensitive)),
        ("cultuursensitief_toelichting", service.culture_sensitive_explanation),
        ("wachttijd_weken", service.waiting_time_weeks),
        ("frequentie", service.frequency),
        ("landelijke_interventie", intervention),
        ("gecontroleerd_door", service.last_checked_by),
        *translations,
    ):
        if item := fact("service", service.id, term_code, value):
            found.append(item)
    return found


def service_to_hsds(service, context: Context, *, nested_organization=None) -> dict:
    """A fully nested HSDS service. Pass the organisation's HSDS dict to nest it (the API does)."""
    mapped = compact(
        {
            "id": str(service.id),
            "organization_id": str(service.organization_id),
            "name": service.name_nl,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status,
            "application_process": application_process(service.access),
            "wait_time": wait_time_text(service.waiting_time_weeks),
            "assured_date": service.last_checked_on.isoformat() if service.last_checked_on else None,
            "last_modified": service.modified_at.isoformat() if service.modified_at else None,
            "phones": phone("service_id", service.id, service.phone),
            "service_areas": [service_area_to_hsds(service.id, m) for m in context.municipalities],
            "service_at_locations": [
                service_at_location_to_hsds(at_location, context)
                for at_location in sorted(related(service, "service_at_locations"), key=lambda a: str(a.id))
            ],
            "languages": [
                {
                    "id": tx.derived_id(service.id, f"language/{language.code}"),
                    "service_id": str(service.id),
                    "name": language.name,
                    "code": language.code,
                }
                for language in sorted(related(service, "languages"), key=lambda item: item.code)
            ],
            "organization": nested_organization,
            "cost_options": [
                cost_option_to_hsds(option)
                for option in sorted(related(service, "cost_options"), key=lambda o: str(o.id))
            ],
            "attributes": service_attributes(service),
        }
    )
    return with_extras(mapped, context.kept("service", service.id))


def minimal_service(service) -> dict:
    return {
        "id": str(service.id),
        "name": service.name_nl,
        "status": service.status,
        "last_modified": service.modified_at.isoformat(),
    }


def list_service(full: dict) -> dict:
    """The one-to-one fields of a service, as the HSDS list endpoint gives them."""
    return {key: value for key, value in full.items() if not isinstance(value, list | dict)}
