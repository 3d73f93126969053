"""The one check for obvious personal data (e-mail addresses, phone numbers, BSN) in free text.

Shared by every app that keeps what the public or coalitions type freely: the vision's voices of
parents and the public's reports on the finder's services.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Dutch phone numbers: 06-12345678, 0575 512 345, +31 6 1234 5678, 0031 ... (10 digits, or 11 with 31).
PHONE = re.compile(r"(?<!\d)(?:\+31|0031|0)[\s-]?(?:\(0\))?[\s-]?\d(?:[\s-]?\d){8}(?!\d)")
# A bare nine-digit number is most likely a citizen service number (BSN).
BSN = re.compile(r"(?<![\d-])\d{9}(?![\d-])")

KINDS = ("e-mailadres", "telefoonnummer", "burgerservicenummer")


def personal_data_found(text: str) -> list[str]:
    """The kinds of personal data found in the text, in Dutch words (of KINDS), empty when none."""
    found = []
    if EMAIL.search(text):
        found.append("e-mailadres")
    if PHONE.search(text):
        found.append("telefoonnummer")
    elif BSN.search(text):
        found.append("burgerservicenummer")
    return found
