"""Refuse obvious personal data (e-mail addresses, phone numbers, citizen service numbers) in free text."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Dutch phone numbers: 06-12345678, 0575 512 345, +31 6 1234 5678, 0031 ... (10 digits, or 11 with 31).
PHONE = re.compile(r"(?<!\d)(?:\+31|0031|0)[\s-]?(?:\(0\))?[\s-]?\d(?:[\s-]?\d){8}(?!\d)")
# A bare nine-digit number is most likely a citizen service number (BSN).
BSN = re.compile(r"(?<![\d-])\d{9}(?![\d-])")


def personal_data_found(text: str) -> list[str]:
    """The kinds of personal data found in the text, in Dutch words, empty when none."""
    found = []
    if EMAIL.search(text):
        found.append("e-mailadres")
    if PHONE.search(text):
        found.append("telefoonnummer")
    elif BSN.search(text):
        found.append("burgerservicenummer")
    return found


def refuse_personal_data(text: str) -> None:
    found = personal_data_found(text or "")
    if found:
        raise ValidationError(
            _(
                "This text seems to contain personal data (%(kinds)s). Voices are stored anonymously: "
                "leave out names, e-mail addresses, phone numbers and other things that point to a person."
            ),
            code="personal_data",
            params={"kinds": ", ".join(found)},
        )
