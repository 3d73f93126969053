"""Refuse obvious personal data in a voice's free text; the check is shared (ookbalans.personal_data)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ookbalans.personal_data import personal_data_found

__all__ = ["personal_data_found", "refuse_personal_data"]


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
