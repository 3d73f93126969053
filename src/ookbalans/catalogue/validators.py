"""Normalising and validating the contact facts a coordinator types: postcodes, phone numbers and links."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# Dutch postcodes: four digits, the first not 0, then two letters; SA, SD and SS are never issued.
POSTCODE_PATTERN = re.compile(r"^([1-9][0-9]{3})\s*([A-Za-z]{2})$")
FORBIDDEN_POSTCODE_LETTERS = {"SA", "SD", "SS"}


def normalise_postcode(value: str) -> str:
    """'1234ab', ' 1234 AB ' -> '1234 AB'; anything else comes back stripped, for the validator to refuse."""
    value = (value or "").strip()
    match = POSTCODE_PATTERN.match(value)
    if not match:
        return value
    return f"{match.group(1)} {match.group(2).upper()}"


def validate_postcode(value: str) -> None:
    match = POSTCODE_PATTERN.match(value or "")
    if not match or match.group(2).upper() in FORBIDDEN_POSTCODE_LETTERS:
        raise ValidationError(
            _("'%(value)s' is not a Dutch postcode. Use four digits and two letters, like 1234 AB."),
            code="invalid_postcode",
            params={"value": value},
        )


def parse_phone_number(value: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def normalise_phone_number(value: str) -> str:
    """Dutch numbers in the national format ('0575 512 345'), foreign ones in the international format."""
    value = (value or "").strip()
    number = parse_phone_number(value) if value else None
    if number is None:
        return value
    if number.country_code == 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def validate_phone_number(value: str) -> None:
    if value and parse_phone_number(value) is None:
        raise ValidationError(
            _(
                "'%(value)s' is not a valid phone number. Use a Dutch number with its area code, "
                "like 0575 512 345 or 06 12345678, or an international number starting with +."
            ),
            code="invalid_phone_number",
            params={"value": value},
        )


# The only kinds of link ookbalans accepts, stores and shows as a link. A browser runs an address
# like javascript:, data: or vbscript: as code, so no such address is ever taken in or linked to.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
WEB_SCHEMES = ("http", "https")
SCHEME_PATTERN = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# What a browser ignores when it reads an address: C0 controls and spaces around it, tabs and
# line breaks anywhere in it ("java\tscript:" is javascript:).
IGNORED_AROUND = "".join(chr(code) for code in range(0x21))
IGNORED_INSIDE = re.compile(r"[\t\n\r]")


def link_scheme(value: str) -> str | None:
    """The scheme a browser reads in an address, in lower case; None for an address without one."""
    cleaned = IGNORED_INSIDE.sub("", (value or "").strip(IGNORED_AROUND))
    match = SCHEME_PATTERN.match(cleaned)
    return match.group(1).lower() if match else None


def is_refused_link(value: str) -> bool:
    """True for an address with a scheme other than http, https, mailto and tel (javascript:, data:...)."""
    scheme = link_scheme(value)
    return scheme is not None and scheme not in LINK_SCHEMES


def safe_link(value) -> str:
    """The address to put in a link: itself when it starts with http, https, mailto or tel, else ''."""
    value = value if isinstance(value, str) else ""
    return value.strip() if link_scheme(value) in LINK_SCHEMES else ""


def validate_link(value: str) -> None:
    if value and is_refused_link(value):
        raise ValidationError(
            _(
                "'%(value)s' is refused: only links starting with http://, https://, mailto: or tel: "
                "are accepted. Give the web address, like https://www.example.nl."
            ),
            code="refused_link",
            params={"value": value},
        )


def validate_web_address(value: str) -> None:
    """A web page's address: http or https, with a host. The one check of every website field."""
    if not value:
        return
    validate_link(value)
    try:
        URLValidator(schemes=WEB_SCHEMES)(value)
    except ValidationError:
        raise ValidationError(
            _("'%(value)s' is not a web address. Give one like https://www.example.nl."),
            code="invalid_web_address",
            params={"value": value},
        ) from None
