"""Where an HSDS value holds a link, and which of its links ookbalans may neither take in nor give back."""

from __future__ import annotations

from collections.abc import Iterator

from ookbalans.catalogue.validators import is_refused_link
from ookbalans.interchange import taxonomies as tx
from ookbalans.interchange.problems import SOURCE

# Fields of the HSDS 3.0 objects that hold an address (format "uri" in the schemas, and the logo).
LINK_KEYS = frozenset({"url", "website", "uri", "logo", "schedule_link", "term_uri"})
# ookbalans' facts whose value is an address.
LINK_FACTS = frozenset({"online_adres", "aanspreekpunt_website"})


def fact_of(attribute: dict) -> str | None:
    """The code of the ookbalans fact an attribute states, or None for any other attribute."""
    term = attribute.get("taxonomy_term") if isinstance(attribute.get("taxonomy_term"), dict) else {}
    for key in (attribute.get("taxonomy_term_id"), term.get("id"), term.get("term_uri")):
        known = tx.known_terms().get(key) if isinstance(key, str) else None
        if known is not None:
            return known.code if known.taxonomy == tx.FACTS.code else None
    return None


def refused_links(
    value, path: str = "", holder: dict | None = None
) -> Iterator[tuple[dict | None, str, str, str]]:
    """Every refused link in a value: (the nearest object read from a row, its path, field, address).

    The object is the innermost one that carries its place in the file (a sheet's row), or None.
    """
    if isinstance(value, dict):
        holder = value if SOURCE in value else holder
        for key, item in value.items():
            if key == SOURCE:
                continue
            here = f"{path}.{key}" if path else str(key)
            if isinstance(item, str):
                if key in LINK_KEYS and is_refused_link(item):
                    yield holder, path, key, item
                elif key == "value" and is_refused_link(item) and fact_of(value) in LINK_FACTS:
                    yield holder, path, fact_of(value), item
            else:
                yield from refused_links(item, here, holder)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from refused_links(item, f"{path}[{index}]", holder)


def has_refused_link(value) -> bool:
    return next(refused_links(value), None) is not None
