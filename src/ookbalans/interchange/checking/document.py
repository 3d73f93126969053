"""Checking a whole HSDS document: its shape, then every object in it, then the checks across objects."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ookbalans.catalogue.validators import is_refused_link
from ookbalans.interchange.checking.attributes import phase_of
from ookbalans.interchange.checking.contacts import check_contact
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.checking.locations import check_location
from ookbalans.interchange.checking.organisations import check_organisation
from ookbalans.interchange.checking.ownership import check_ownership
from ookbalans.interchange.checking.services import check_service
from ookbalans.interchange.checking.values import objects_in
from ookbalans.interchange.limits import deeper_than
from ookbalans.interchange.links import LINK_KEYS, refused_links
from ookbalans.interchange.problems import SOURCE, Where, where_of
from ookbalans.interchange.reading.hsds_json import as_document

GROUPS = ("organizations", "services", "locations", "contacts")
# Keys of an HSDS document that are about the file, not the data.
DOCUMENT_KEYS = {"hsds_version", "profile", "coalition", *GROUPS}


def check_document(check: CheckContext, document, suspicions: tuple[bool, bool] | None = None) -> None:
    """Check the whole document and collect the plans of what to write.

    `suspicions` are `suspicious(document)` when the caller walked the document already (`surveyed`).
    """
    document = as_document(document)
    groups = document_groups(check, document, suspicions)
    if groups is None:
        return
    for index, item in enumerate(groups["organizations"]):
        check_organisation(check, item, where_of(item, f"organizations[{index}]"))
    for index, item in enumerate(groups["locations"]):
        check_location(check, item, where_of(item, f"locations[{index}]"))
    for index, item in enumerate(groups["services"]):
        # Organisations and locations nested in services first, so that every service finds them.
        where = where_of(item, f"services[{index}]")
        if isinstance(item.get("organization"), dict):
            check_organisation(check, item["organization"], where_of(item["organization"], where.source))
        for sal in objects_in(item.get("service_at_locations")):
            if isinstance(sal.get("location"), dict):
                check_location(check, sal["location"], where_of(sal["location"], where.source))
    for index, item in enumerate(groups["services"]):
        check_service(check, item, where_of(item, f"services[{index}]"))
    for index, item in enumerate(groups["contacts"]):
        check_contact(check, item, where_of(item, f"contacts[{index}]"))
    for plan in list(check.organisations.values()):
        contacts = plan["hsds"].get("contacts")
        for index, item in enumerate(contacts if isinstance(contacts, list) else []):
            if isinstance(item, dict) and phase_of(check, item):
                check_contact(check, item, where_of(item, f"{plan['where'].source}.contacts[{index}]"))
    check_ownership(check)


def document_groups(check: CheckContext, document, suspicions=None) -> dict[str, list[dict]] | None:
    """The document's lists of objects by key; None (after reporting) when nothing in it can be read."""
    the_file = Where(_("the file"))
    unexpected = _("expected a list of services or an object with organizations and services.")
    if not isinstance(document, dict):
        check.problems.error(the_file, "", document, unexpected)
        return None
    if not any(key in document for key in GROUPS):
        check.problems.error(the_file, "", ", ".join(map(str, document))[:200], unexpected)
        return None
    may_hold_nul, may_hold_refused_link = suspicions or suspicious(document)
    nul_texts = list(control_characters(document, _("the file"))) if may_hold_nul else []
    for path, value in nul_texts:
        check.problems.error(
            Where(path), "", value.replace("\x00", "\\0"), _("expected text without NUL characters.")
        )
    if nul_texts:
        return None
    # Refused links are errors, and the rest is still checked so the report lists every problem at once.
    for holder, path, key, value in refused_links(document) if may_hold_refused_link else ():
        check.problems.error(
            where_of(holder, path or _("the file")),
            key,
            value,
            _(
                "expected a link starting with http://, https://, mailto: or tel:; "
                "other links, such as javascript: or data:, are refused."
            ),
        )
    for key in document:
        if key not in DOCUMENT_KEYS:
            check.problems.warning(the_file, key, "", _("this part of the file is not imported."))
    groups = {}
    for key in GROUPS:
        value = document.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            check.problems.error(Where(key), key, value, _("expected a list of objects."))
            value = []
        groups[key] = value
    return groups


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


def suspicious(document) -> tuple[bool, bool]:
    """Whether the document may hold a NUL character, and a refused link (one walk, without paths)."""
    _too_deep, nul, refused = surveyed(document)
    return nul, refused


def surveyed(document, depth: int | None = None) -> tuple[bool, bool, bool]:
    """Whether the document nests more than `depth` levels, may hold a NUL character, and a refused link.

    One walk, without paths, for the reader's limit and the checks: most files hold neither; only
    when one may do the walks that say where (`control_characters`, `refused_links`) run. A `value`
    that looks like a refused link counts, whatever fact it states. The readers' notes of where a
    value came from (`SOURCE`) count for the depth only.
    """
    nul = refused = False
    notes = []
    stack = [(document, 1)]
    while stack:
        value, level = stack.pop()
        if depth is not None and level > depth:
            return True, nul, refused
        level += 1
        if isinstance(value, dict):
            for key, item in value.items():
                if key == SOURCE:
                    notes.append((item, level))
                    continue
                if isinstance(key, str) and "\x00" in key:
                    nul = True
                if isinstance(item, str):
                    if "\x00" in item:
                        nul = True
                    # No scheme without a colon: most values are decided without the link's rules.
                    if (key in LINK_KEYS or key == "value") and ":" in item and is_refused_link(item):
                        refused = True
                elif isinstance(item, dict | list):
                    stack.append((item, level))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    nul = nul or "\x00" in item
                elif isinstance(item, dict | list):
                    stack.append((item, level))
        elif isinstance(value, str):
            nul = nul or "\x00" in value
    too_deep = depth is not None and any(deeper_than(note, depth - at + 1) for note, at in notes)
    return too_deep, nul, refused
