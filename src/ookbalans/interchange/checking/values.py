"""Checks of single values of an HSDS object: ids, texts, contact details, lists, dates and times."""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Iterator
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from ookbalans.catalogue import validators
from ookbalans.interchange.checking.context import CheckContext
from ookbalans.interchange.problems import SOURCE, Where, where_of

TIME = re.compile(r"^(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(:[0-5]\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$")


def text(value) -> str:
    """A text field: numbers become text, markup stays as typed (it is escaped where it is shown)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float | Decimal):
        return str(value)
    return str(value).strip() if isinstance(value, str) else ""


def objects_in(value) -> list[dict]:
    """The objects of a list in a file; anything else (a number, a text) holds none.

    Used where the file is only looked through; the reader of that part reports a wrong shape.
    """
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def identifier(check: CheckContext, item: dict, where: Where, kind: str) -> str | None:
    value = item.get("id")
    if value in (None, ""):
        if check.strict:
            return str(uuid.uuid4())  # a new row in Excel: ookbalans gives it an id
        check.problems.error(
            where, "id", value, _("expected a UUID that identifies this %(kind)s.") % {"kind": kind}
        )
        return None
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, AttributeError, TypeError):
        check.problems.error(
            where, "id", value, _("expected a UUID like 3f7b145d-84af-42d7-8fae-eaca714b02b2.")
        )
        return None


def required_text(check: CheckContext, item: dict, name: str, where: Where, max_length: int) -> str:
    value = item.get(name)
    if not isinstance(value, str | int | float) or isinstance(value, bool) or not text(value):
        check.problems.error(where, name, value, _("expected a text; this field is required."))
        return ""
    return limited(check, text(value), name, where, max_length)


def optional_text(
    check: CheckContext, item: dict, name: str, where: Where, max_length: int | None = None
) -> str:
    value = item.get(name)
    if value is None:
        return ""
    if isinstance(value, dict | list):
        check.problems.error(where, name, value, _("expected a text."))
        return ""
    return limited(check, text(value), name, where, max_length)


def limited(check: CheckContext, value: str, name: str, where: Where, max_length: int | None) -> str:
    if max_length and len(value) > max_length:
        check.problems.error(
            where,
            name,
            value,
            _("expected at most %(n)d characters (found %(found)d).")
            % {"n": max_length, "found": len(value)},
        )
        return value[:max_length]
    return value


def email(check: CheckContext, item: dict, name: str, where: Where) -> str:
    value = optional_text(check, item, name, where, 254)
    if value:
        try:
            EmailValidator()(value)
        except ValidationError:
            check.flag(where, name, value, _("expected an email address like info@example.nl."))
            return ""
    return value


def url(check: CheckContext, item: dict, name: str, where: Where) -> str:
    value = optional_text(check, item, name, where, 200)
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            if not validators.is_refused_link(value):  # a refused link is already an error of its own
                check.flag(where, name, value, _("expected a web address starting with https://."))
            return ""
    return value


def phone_number(check: CheckContext, value, where: Where, name: str) -> str:
    number = text(value)
    if not number:
        return ""
    if validators.parse_phone_number(number) is None:
        check.flag(where, name, number, _("expected a phone number like 0575 512 345 or +31 575 512 345."))
        return ""
    return validators.normalise_phone_number(number)


def first_phone(check: CheckContext, item: dict, where: Where) -> str:
    phones = list_of(check, item, "phones", where)
    if not phones:
        return ""
    return phone_number(
        check,
        phones[0].get("number"),
        where_of(phones[0], where.source) if SOURCE in phones[0] else where,
        "phones",
    )


def list_of(check: CheckContext, item: dict, name: str, where: Where) -> list[dict]:
    value = item.get(name)
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.problems.error(where, name, value, _("expected a list of objects."))
        return []
    return value


def identified(
    check: CheckContext, item: dict, name: str, where: Where, kind: str
) -> Iterator[tuple[str, dict]]:
    """Each object in the list `name` of `item` with its id; one without a valid id is reported, left out."""
    for element in list_of(check, item, name, where):
        object_id = identifier(check, element, where, kind)
        if object_id is not None:
            yield object_id, element


def date(check: CheckContext, item: dict, name: str, where: Where) -> datetime.date | None:
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
        check.problems.error(where, name, value, _("expected a date like 2025-03-31."))
        return None


def time(check: CheckContext, item: dict, name: str, where: Where) -> datetime.time | None:
    value = item.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    match = TIME.match(text(value))
    if not match:
        check.problems.error(where, name, value, _("expected a time like 09:00."))
        return None
    return datetime.time(int(match["h"]), int(match["m"]))
