"""Checking an HSDS contact that is one of ookbalans' contact points: phase, municipality, how to reach it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ookbalans.catalogue.models import ContactPoint
from ookbalans.framework import codes
from ookbalans.interchange.checking import attributes, rules
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.values import email, first_phone, identifier, required_text, text
from ookbalans.interchange.problems import Where


def check_contact(check: CheckContext, item: dict, where: Where) -> None:
    object_id = identifier(check, item, where, _("contact point"))
    if object_id is None or object_id in check.contacts:
        return
    terms, facts = attributes.facts(check, item, where)
    phases = terms.get(codes.PHASES.code, [])
    if len(phases) != 1:
        check.problems.warning(
            where,
            "attributes",
            ", ".join(phases),
            _("not imported: a contact point needs exactly one phase."),
        )
        return
    municipality = facts.get("aanspreekpunt_gemeente", "")
    if municipality and municipality not in check.municipality_codes:
        check.problems.error(
            where,
            "aanspreekpunt_gemeente",
            municipality,
            _("expected the CBS code of one of the coalition's municipalities, or nothing."),
        )
        municipality = ""
    fields = {
        "name": required_text(check, item, "name", where, rules.max_length(ContactPoint, "name")),
        "phase": check.terms[(codes.PHASES.code, phases[0])],
        "municipality_id": municipality or None,
        "description": facts.get("aanspreekpunt_beschrijving", ""),
        "how_to_reach": facts.get("aanspreekpunt_bereikbaarheid", ""),
        "website": attributes.fact_url(check, facts, "aanspreekpunt_website", where),
        "email": email(check, item, "email", where),
        "phone": first_phone(check, item, where),
        "organization_id": text(item.get("organization_id")) or None,
    }
    if not fields["description"]:
        check.problems.error(
            where,
            "aanspreekpunt_beschrijving",
            "",
            _("expected what the contact point does for parents."),
        )
    if not (fields["phone"] or fields["email"] or fields["website"] or fields["how_to_reach"]):
        check.problems.error(
            where,
            "aanspreekpunt_bereikbaarheid",
            "",
            _("expected how parents reach the contact point: phone, email or website."),
        )
    check.originals[("contact", object_id)] = item
    check.contacts[object_id] = {"where": where, "hsds": item, "fields": fields}
