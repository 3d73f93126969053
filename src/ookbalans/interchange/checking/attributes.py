"""Checks of an HSDS object's attributes: the framework's terms and ookbalans' facts with their values."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ookbalans.framework import codes
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.values import list_of, objects_in, text, url
from ookbalans.interchange.problems import Where

YES_NO = {"ja": True, "nee": False, "true": True, "false": False, "yes": True, "no": False}


def term_of(check: CheckContext, attr: dict, where: Where) -> tx.KnownTerm | None:
    """The ookbalans term an attribute refers to; None for a term of another taxonomy."""
    term = attr.get("taxonomy_term") if isinstance(attr.get("taxonomy_term"), dict) else {}
    for key in (attr.get("taxonomy_term_id"), term.get("id"), term.get("term_uri")):
        if isinstance(key, str) and key in tx.known_terms():
            return tx.known_terms()[key]
    uri = term.get("term_uri")
    if isinstance(uri, str) and uri.startswith(tx.BASE_URI + "/"):
        check.problems.error(where, "attributes", uri, _("expected a term of the ookbalans taxonomies."))
    return None


def facts(check: CheckContext, item: dict, where: Where) -> tuple[dict[str, list], dict[str, str]]:
    """The framework terms (per taxonomy) and the ookbalans facts of an object's attributes."""
    terms: dict[str, list] = {}
    found: dict[str, str] = {}
    for attr in list_of(check, item, "attributes", where):
        known = term_of(check, attr, where)
        if known is None:
            continue
        if known.taxonomy == tx.FACTS.code:
            value = attr.get("value")
            if known.code.startswith("vertaling_"):
                found.setdefault(known.code, [])
                found[known.code].append(text(value))
            else:
                found[known.code] = text(value)
        else:
            terms.setdefault(known.taxonomy, [])
            if known.code not in terms[known.taxonomy]:
                terms[known.taxonomy].append(known.code)
    return terms, found


def phase_of(check: CheckContext, item: dict) -> str:
    """The phase of a contact point, or "" for a contact that is not one."""
    for attr in objects_in(item.get("attributes")):
        known = term_of(check, attr, Where(""))
        if known and known.taxonomy == codes.PHASES.code:
            return known.code
    return ""


def yes_no(check: CheckContext, found: dict, name: str, where: Where) -> bool:
    value = found.get(name, "")
    if value == "":
        return False
    if value.lower() not in YES_NO:
        check.problems.error(where, name, value, _("expected 'ja' or 'nee'."))
        return False
    return YES_NO[value.lower()]


def fact_url(check: CheckContext, found: dict, name: str, where: Where) -> str:
    return url(check, {name: found.get(name)}, name, where)


def choice(check: CheckContext, found: dict, name: str, choices, default: str, where: Where) -> str:
    """A fact that holds one of the model's choices (its codes), or the default when absent."""
    value = found.get(name, "")
    if value == "":
        return default
    if value not in choices:
        check.problems.error(
            where, name, value, _("expected one of: %(choices)s.") % {"choices": ", ".join(choices)}
        )
        return default
    return value
