"""Normalising and validating the Dutch contact facts a coordinator types: postcodes and phone numbers."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
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
