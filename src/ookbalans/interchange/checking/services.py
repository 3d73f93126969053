"""Checking an HSDS service: its texts, facts, classifications, languages and translations, and its parts."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ookbalans.catalogue.models import Service
from ookbalans.interchange import mapping
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.checking import attributes, rules
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.cost_options import check_cost_options
from ookbalans.interchange.checking.schedules import check_service_at_locations
from ookbalans.interchange.checking.values import (
    date,
    email,
    first_phone,
    identifier,
    limited,
    list_of,
    optional_text,
    required_text,
    text,
    url,
)
from ookbalans.interchange.problems import Where

STATUSES = {
    "active": "active",
    "inactive": "inactive",
    "defunct": "inactive",
    "temporarily closed": "inactive",
}
# Classifications a service must have in the workbook, where the coordinators fill them in.
REQUIRED_IN_WORKBOOK = ("pyramid_levels", "phases", "aims", "target_groups")


def check_service(check: CheckContext, item: dict, where: Where) -> None:
    object_id = identifier(check, item, where, _("service"))
    if object_id in check.services:
        check.problems.error(where, "id", object_id, _("expected each service only once in the file."))
        return
    terms, facts = attributes.facts(check, item, where)
    name = required_text(check, item, "name", where, rules.max_length(Service, "name_nl"))
    description = optional_text(check, item, "description", where)
    short = facts.get("korte_beschrijving") or ""
    if not short:
        if check.strict:
            check.problems.error(
                where, "korte_beschrijving", "", _("expected a short description for parents.")
            )
        short = shorten(description, rules.max_length(Service, "short_description_nl")) or name
    short = limited(
        check, short, "korte_beschrijving", where, rules.max_length(Service, "short_description_nl")
    )
    status_value = text(item.get("status")).lower()
    if status_value not in STATUSES:
        check.problems.error(where, "status", item.get("status"), _("expected 'active' or 'inactive'."))
    organisation_id = text(item.get("organization_id")) or (
        text(item["organization"].get("id")) if isinstance(item.get("organization"), dict) else ""
    )
    if not organisation_id:
        check.problems.error(
            where, "organization_id", "", _("expected the id of the organisation that offers it.")
        )
    fields = {
        "name_nl": name,
        "short_description_nl": short,
        "description": description,
        "url": url(check, item, "url", where),
        "email": email(check, item, "email", where),
        "phone": first_phone(check, item, where),
        "status": STATUSES.get(status_value, "active"),
        **fact_fields(check, item, facts, where),
    }
    if fields["culture_sensitive"] and not fields["culture_sensitive_explanation"].strip():
        check.problems.error(
            where,
            "cultuursensitief_toelichting",
            "",
            _("explain what makes the service culture-sensitive, or set culture-sensitive to 'nee'."),
        )
    fields |= translations(check, facts, where)
    term_ids = classifications(check, terms, where)
    languages = []
    for language in list_of(check, item, "languages", where):
        code = text(language.get("code")).lower()
        if code in check.languages:
            languages.append(code)
        else:
            check.flag(where, "languages", code, _("expected a language code like nl, en or ar."))
    if object_id is None:
        return  # the id was wrong: every other field has been checked and reported all the same
    check.originals[("service", object_id)] = item
    check.services[object_id] = {
        "where": where,
        "hsds": item,
        "organisation_id": organisation_id,
        "fields": fields,
        "terms": term_ids,
        "languages": sorted(set(languages)),
        "cost_options": check_cost_options(check, item, where),
        "service_at_locations": check_service_at_locations(check, item, where),
    }
    if check.progress:
        check.progress(1)


def fact_fields(check: CheckContext, item: dict, facts: dict, where: Where) -> dict:
    """The service's fields that travel as ookbalans facts (and the HSDS assured_date)."""
    return {
        "home_visits": attributes.yes_no(check, facts, "huisbezoek", where),
        "online": attributes.yes_no(check, facts, "online", where),
        "online_url": attributes.fact_url(check, facts, "online_adres", where),
        "access": attributes.choice(check, facts, "toegang", Service.Access.values, "open", where),
        "culture_sensitive": attributes.yes_no(check, facts, "cultuursensitief", where),
        "culture_sensitive_explanation": facts.get("cultuursensitief_toelichting", ""),
        "waiting_time_weeks": weeks(check, facts, where),
        "frequency": attributes.choice(
            check, facts, "frequentie", Service.Frequency.values, "by_appointment", where
        ),
        "national_intervention": intervention(check, facts, where),
        "last_checked_on": date(check, item, "assured_date", where),
        "last_checked_by": limited(
            check,
            facts.get("gecontroleerd_door", ""),
            "gecontroleerd_door",
            where,
            rules.max_length(Service, "last_checked_by"),
        ),
    }


def translations(check: CheckContext, facts: dict, where: Where) -> dict:
    """The name and short description in other languages, from facts like 'en: ...'."""
    fields = {}
    for code_name in ("vertaling_naam", "vertaling_korte_beschrijving"):
        for entry in facts.get(code_name, []):
            language, _sep, value = entry.partition(":")
            if language.strip() not in mapping.TRANSLATED_LANGUAGES or not value.strip():
                check.problems.error(
                    where, code_name, entry, _("expected a language code and text, like 'en: ...'.")
                )
                continue
            target = "name" if code_name == "vertaling_naam" else "short_description"
            fields[f"{target}_{language.strip()}"] = value.strip()
    return fields


def classifications(check: CheckContext, terms: dict, where: Where) -> dict[str, list]:
    """The ids of the framework terms of each many-to-many field of the service."""
    term_ids = {}
    for field_name, taxonomy_code in mapping.SERVICE_TERM_FIELDS.items():
        term_ids[field_name] = [check.terms[(taxonomy_code, c)].id for c in terms.get(taxonomy_code, [])]
    if check.strict:
        for field_name in REQUIRED_IN_WORKBOOK:
            if not term_ids[field_name]:
                taxonomy = tx.BY_CODE[mapping.SERVICE_TERM_FIELDS[field_name]]
                check.problems.error(where, taxonomy.label, "", _("expected at least one value."))
    return term_ids


def weeks(check: CheckContext, facts: dict, where: Where) -> int | None:
    value = facts.get("wachttijd_weken", "")
    if value == "":
        return None
    lowest, highest = rules.value_range(Service, "waiting_time_weeks")
    try:
        number = int(value)
        if not lowest <= number <= highest:
            raise ValueError
        return number
    except ValueError:
        check.problems.error(
            where,
            "wachttijd_weken",
            value,
            _("expected a whole number of weeks from %(lowest)d to %(highest)d.")
            % {"lowest": lowest, "highest": highest},
        )
        return None


def intervention(check: CheckContext, facts: dict, where: Where):
    name = facts.get("landelijke_interventie", "")
    if not name:
        return None
    if name not in check.interventions:
        check.problems.error(
            where,
            "landelijke_interventie",
            name,
            _("expected the name of a national intervention as ookbalans lists it."),
        )
        return None
    return check.interventions[name]


def shorten(description: str, limit: int = 300) -> str:
    if len(description) <= limit:
        return description
    cut = description[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
