"""Voices are anonymous: obvious personal data in their text is refused with a Dutch message."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ookbalans.vision.models import Voice
from ookbalans.vision.validators import personal_data_found, refuse_personal_data
from tests.vision.helpers import coalition_with_members, make_vision


@pytest.mark.parametrize(
    "text,kinds",
    [
        ("Mail me op jan.jansen@example.nl voor meer", ["e-mailadres"]),
        ("Bel 06-12345678 als het kan", ["telefoonnummer"]),
        ("bereikbaar op 0575 512 345", ["telefoonnummer"]),
        ("of +31 6 1234 5678", ["telefoonnummer"]),
        ("mijn bsn is 123456782", ["burgerservicenummer"]),
        ("Ouders willen vaker 's avonds terecht, en 2 van de 12 vaders kwamen mee in 2026.", []),
        ("De wachttijd was 6 weken; 60% van de ouders wil dat korter.", []),
    ],
)
def test_personal_data_is_recognised(text, kinds):
    assert personal_data_found(text) == kinds


def test_refusal_names_what_was_found_in_dutch():
    with pytest.raises(ValidationError) as error:
        refuse_personal_data("Neem contact op via moeder@example.nl of 06 12345678")
    message = error.value.messages[0]
    assert "e-mailadres, telefoonnummer" in message
    assert "persoonsgegevens" in message


@pytest.mark.django_db
def test_voice_with_personal_data_is_not_stored():
    coalition, _members = coalition_with_members()
    vision = make_vision(coalition)
    voice = Voice(
        vision=vision,
        section="ouderschap",
        source=Voice.Source.PARENTS,
        session_kind=Voice.SessionKind.CONVERSATION,
        held_on=datetime.date(2026, 3, 1),
        said="Moeder (bel 06-12345678) wil vaker een inloop.",
    )
    with pytest.raises(ValidationError) as error:
        voice.full_clean()
    assert "said" in error.value.message_dict
