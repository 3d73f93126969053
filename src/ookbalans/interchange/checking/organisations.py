"""Checking an HSDS organisation: name, domain, contact details, and the locations it holds."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ookbalans.catalogue.models import Organisation
from ookbalans.framework import codes
from ookbalans.interchange.checking import rules
from ookbalans.interchange.checking.attributes import term_of
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.locations import check_location
from ookbalans.interchange.checking.values import (
    email,
    first_phone,
    identifier,
    list_of,
    optional_text,
    required_text,
    url,
)
from ookbalans.interchange.problems import Where, where_of


def check_organisation(check: CheckContext, item: dict, where: Where) -> None:
    object_id = identifier(check, item, where, _("organisation"))
    if object_id is None or object_id in check.organisations:
        return
    name = required_text(check, item, "name", where, rules.max_length(Organisation, "name"))
    domain = ""
    for attr in list_of(check, item, "attributes", where):
        known = term_of(check, attr, where)
        if known and known.taxonomy == codes.DOMAINS.code:
            domain = known.code
    if not domain and check.strict:
        check.problems.error(
            where,
            "domain",
            "",
            _("expected one of: %(choices)s.") % {"choices": ", ".join(t.label for t in codes.DOMAINS.terms)},
        )
    check.originals[("organization", object_id)] = item
    check.organisations[object_id] = {
        "where": where,
        "hsds": item,
        "fields": {
            "name": name,
            "domain": domain,
            "description": optional_text(check, item, "description", where),
            "website": url(check, item, "website", where),
            "email": email(check, item, "email", where),
            "phone": first_phone(check, item, where),
        },
    }
    for index, location in enumerate(list_of(check, item, "locations", where)):
        check_location(check, location, where_of(location, f"{where.source}.locations[{index}]"))
