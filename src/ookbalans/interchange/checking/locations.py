"""Checking an HSDS location: its name, its Dutch address and postcode, and its place on the map."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ookbalans.catalogue import validators
from ookbalans.catalogue.models import Location, PostcodeArea
from ookbalans.interchange import mapping
from ookbalans.interchange.checking import rules, values
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.problems import Where


def check_location(check: CheckContext, item: dict, where: Where) -> None:
    object_id = values.identifier(check, item, where, _("location"))
    if object_id is None or object_id in check.locations:
        return
    fields = {
        "name": values.required_text(check, item, "name", where, rules.max_length(Location, "name")),
        "address_1": "",
        "house_number": "",
        "postal_code": "",
        "city": "",
        "latitude": None,
        "longitude": None,
    }
    addresses = values.list_of(check, item, "addresses", where)
    if addresses:
        fields |= address_fields(check, addresses[0], where)
    elif check.strict:
        check.problems.error(where, "postal_code", "", _("expected a Dutch postcode like 7201 AB."))
    latitude, longitude = item.get("latitude"), item.get("longitude")
    if latitude is not None or longitude is not None:
        try:
            latitude, longitude = float(latitude), float(longitude)
            if not (50.5 <= latitude <= 53.7 and 3.2 <= longitude <= 7.3):
                raise ValueError
            fields["latitude"], fields["longitude"] = latitude, longitude
        except (TypeError, ValueError):
            check.flag(
                where,
                "latitude",
                f"{latitude}, {longitude}",
                _("expected a latitude and longitude in the Netherlands, like 52.14 and 6.20."),
            )
    check.originals[("location", object_id)] = item
    check.locations[object_id] = {"where": where, "hsds": item, "fields": fields}


def address_fields(check: CheckContext, address: dict, where: Where) -> dict:
    """The street, house number, city and postcode of an address in the Netherlands."""
    fields = {}
    country = values.text(address.get("country")).upper()
    street = values.optional_text(check, address, "address_1", where, 220)
    postcode = validators.normalise_postcode(values.text(address.get("postal_code")))
    if country not in ("", "NL"):
        check.flag(where, "country", country, _("expected an address in the Netherlands (NL)."))
        return fields
    address_1, house_number = mapping.split_street(street)
    fields["address_1"] = values.limited(
        check, address_1, "address_1", where, rules.max_length(Location, "address_1")
    )
    fields["house_number"] = values.limited(
        check, house_number, "address_1", where, rules.max_length(Location, "house_number")
    )
    fields["city"] = values.optional_text(check, address, "city", where, rules.max_length(Location, "city"))
    try:
        validators.validate_postcode(postcode)
        if not known_area(check, postcode[:4]):
            raise ValidationError("unknown")
        fields["postal_code"] = postcode
    except ValidationError:
        check.flag(
            where,
            "postal_code",
            address.get("postal_code"),
            _("expected an existing Dutch postcode like 7201 AB."),
        )
    return fields


def known_area(check: CheckContext, pc4: str) -> bool:
    """Whether a four-digit postcode area exists; asked once per area of the file."""
    known = check.postcode_areas
    if pc4 not in known:
        known[pc4] = PostcodeArea.objects.filter(pc4=pc4).exists()
    return known[pc4]
