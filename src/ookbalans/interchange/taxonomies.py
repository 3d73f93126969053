"""The OOK classifications and ookbalans' own service facts as HSDS taxonomies, with stable ids and URIs."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from functools import cache

from ookbalans.framework import codes

BASE_URI = "https://ookbalans.nl/taxonomie"
# The namespace of every derived id: the same URI always gives the same UUID, on every machine.
NAMESPACE = uuid.NAMESPACE_URL

# Taxonomies of the framework that ookbalans publishes (the vision sections are not about services).
PUBLISHED_TAXONOMIES = (
    codes.PYRAMID_LEVELS,
    codes.PHASES,
    codes.AIMS,
    codes.FACTORS,
    codes.UPBRINGING_COMPONENTS,
    codes.TARGET_GROUPS,
    codes.DOMAINS,
    codes.ACCESSIBILITY_CONDITIONS,
    codes.RECOGNITION_LEVELS,
)

# Facts of the catalogue that HSDS has no field for travel as attributes with a value,
# each linked to a term of this profile taxonomy. Codes are stable: never rename one.
FACTS = codes.Taxonomy(
    "kenmerk",
    "Kenmerken van ookbalans",
    "Feiten over aanbod en aanspreekpunten waarvoor HSDS 3.0 geen eigen veld heeft; "
    "de waarde staat in het attribuut.",
    (
        codes.Term("korte_beschrijving", "Korte beschrijving", "Korte beschrijving voor ouders (B1)."),
        codes.Term("huisbezoek", "Huisbezoek of outreachend", "ja of nee."),
        codes.Term("online", "Online", "ja of nee."),
        codes.Term("online_adres", "Online adres", "Webadres van het online aanbod."),
        codes.Term("toegang", "Toegang", "open, signup of referral."),
        codes.Term("cultuursensitief", "Cultuursensitief", "ja of nee."),
        codes.Term("cultuursensitief_toelichting", "Toelichting cultuursensitief"),
        codes.Term("wachttijd_weken", "Wachttijd in weken", "Een geheel getal."),
        codes.Term(
            "frequentie", "Frequentie", "once, weekly, fortnightly, monthly, series, by_appointment, always."
        ),
        codes.Term("landelijke_interventie", "Landelijke interventie", "Naam in de landelijke databank."),
        codes.Term("gecontroleerd_door", "Gecontroleerd door", "Wie de feiten het laatst controleerde."),
        codes.Term("kostensoort", "Soort kosten", "free, amount, insurance of municipality."),
        codes.Term("aanspreekpunt_beschrijving", "Wat het aanspreekpunt voor je doet"),
        codes.Term("aanspreekpunt_bereikbaarheid", "Hoe je het aanspreekpunt bereikt"),
        codes.Term("aanspreekpunt_website", "Website van het aanspreekpunt"),
        codes.Term("aanspreekpunt_gemeente", "Gemeente van het aanspreekpunt", "CBS-gemeentecode."),
        codes.Term("vertaling_naam", "Naam in een andere taal", "Taalcode in het attribuut: 'en: ...'."),
        codes.Term(
            "vertaling_korte_beschrijving", "Korte beschrijving in een andere taal", "Taalcode: 'en: ...'."
        ),
    ),
)

ALL_PUBLISHED = (*PUBLISHED_TAXONOMIES, FACTS)
BY_CODE = {taxonomy.code: taxonomy for taxonomy in ALL_PUBLISHED}


def taxonomy_uri(taxonomy_code: str) -> str:
    return f"{BASE_URI}/{taxonomy_code}"


def term_uri(taxonomy_code: str, term_code: str) -> str:
    return f"{BASE_URI}/{taxonomy_code}/{term_code}"


@cache
def taxonomy_id(taxonomy_code: str) -> str:
    return str(uuid.uuid5(NAMESPACE, taxonomy_uri(taxonomy_code)))


@cache
def term_id(taxonomy_code: str, term_code: str) -> str:
    return str(uuid.uuid5(NAMESPACE, term_uri(taxonomy_code, term_code)))


# A name-based UUID (RFC 4122, version 5) is the first 16 bytes of a SHA-1 digest with the version
# (5) in the 13th hex digit and the variant (binary 10) in the top bits of the 17th: that digit by
# the digest's digit there.
_VARIANT_DIGIT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def derived_id(parent_id, key: str) -> str:
    """A stable id for an HSDS object ookbalans stores inside its parent (a service's phone, an address).

    The same text as `str(uuid.uuid5(parent, key))`, written out from the digest's hex digits: an
    export makes about twenty of these per service, and uuid's objects cost more than the hash.
    """
    parent = parent_id if parent_id.__class__ is uuid.UUID else uuid.UUID(str(parent_id))
    # SHA-1 is what RFC 4122 prescribes for version 5; these ids are names, not secrets.
    hex_ = hashlib.sha1(parent.bytes + key.encode(), usedforsecurity=False).hexdigest()
    return f"{hex_[:8]}-{hex_[8:12]}-5{hex_[13:16]}-{_VARIANT_DIGIT[hex_[16]]}{hex_[17:20]}-{hex_[20:32]}"


def taxonomy_to_hsds(taxonomy: codes.Taxonomy) -> dict:
    return {
        "id": taxonomy_id(taxonomy.code),
        "name": taxonomy.label,
        "description": taxonomy.description,
        "uri": taxonomy_uri(taxonomy.code),
        "version": "1",
    }


@cache
def term_to_hsds(taxonomy: codes.Taxonomy, term: codes.Term) -> dict:
    """The HSDS term (computed once per term; callers must not change the dict they get)."""
    return {
        "id": term_id(taxonomy.code, term.code),
        "code": term.code,
        "name": term.label,
        "description": term.description or term.label,
        "taxonomy": taxonomy.label,
        "taxonomy_detail": taxonomy_to_hsds(taxonomy),
        "language": "nl",
        "taxonomy_id": taxonomy_id(taxonomy.code),
        "term_uri": term_uri(taxonomy.code, term.code),
    }


@dataclass(frozen=True)
class KnownTerm:
    taxonomy: str
    code: str


@cache
def known_terms() -> dict[str, KnownTerm]:
    """Every published term, findable by its id and by its URI."""
    found = {}
    for taxonomy in ALL_PUBLISHED:
        for term in taxonomy.terms:
            known = KnownTerm(taxonomy.code, term.code)
            found[term_id(taxonomy.code, term.code)] = known
            found[term_uri(taxonomy.code, term.code)] = known
    return found


@cache
def known_taxonomy_ids() -> dict[str, str]:
    return {taxonomy_id(t.code): t.code for t in ALL_PUBLISHED} | {
        taxonomy_uri(t.code): t.code for t in ALL_PUBLISHED
    }


def all_taxonomies() -> list[dict]:
    return [taxonomy_to_hsds(taxonomy) for taxonomy in ALL_PUBLISHED]


def all_terms() -> list[dict]:
    return [term_to_hsds(taxonomy, term) for taxonomy in ALL_PUBLISHED for term in taxonomy.terms]
