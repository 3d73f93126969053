"""Postcodes and phone numbers as coordinators type them: normalised when right, a clear message when not."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from ookbalans.catalogue.validators import (
    normalise_phone_number,
    normalise_postcode,
    validate_phone_number,
    validate_postcode,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("7201 AB", "7201 AB"), ("7201ab", "7201 AB"), (" 7201  ab ", "7201 AB"), ("7241Xz", "7241 XZ")],
)
def test_postcodes_are_normalised(typed, stored):
    assert normalise_postcode(typed) == stored
    validate_postcode(stored)


@pytest.mark.parametrize(
    "typed", ["0123 AB", "720 AB", "72011 AB", "7201 A", "7201 A1", "7201-AB", "", "AB 7201"]
)
def test_malformed_postcodes_are_refused_with_an_example(typed):
    with pytest.raises(ValidationError) as error:
        validate_postcode(normalise_postcode(typed))
    assert "1234 AB" in str(error.value.messages[0])


@pytest.mark.parametrize("letters", ["SA", "SD", "SS", "sa"])
def test_postcodes_never_issued_are_refused(letters):
    with pytest.raises(ValidationError):
        validate_postcode(normalise_postcode(f"7201 {letters}"))


@given(st.text(max_size=20))
def test_normalising_any_text_never_crashes_and_is_stable(text):
    once = normalise_postcode(text)
    assert normalise_postcode(once) == once


@given(
    st.integers(min_value=1000, max_value=9999),
    st.sampled_from("ABCDEFGHJKLMNPRTUVWXYZ"),
    st.sampled_from("ABCDEFGHJKLMNPRTUVWXYZ"),
)
def test_every_well_formed_postcode_is_accepted_in_any_spelling(digits, first, second):
    stored = normalise_postcode(f"{digits}{first.lower()}{second}")
    assert stored == f"{digits} {first}{second}"
    validate_postcode(stored)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0575512345", "0575 512 345"),
        ("0575 51 23 45", "0575 512 345"),
        ("06 12345678", "06 12345678"),
        ("+31 6 12345678", "06 12345678"),
        ("088 123 4567", "088 123 4567"),
        ("+32 2 555 12 12", "+32 2 555 12 12"),
    ],
)
def test_phone_numbers_are_normalised(typed, stored):
    assert normalise_phone_number(typed) == stored
    validate_phone_number(stored)


@pytest.mark.parametrize("typed", ["12345", "0575 12", "bel ons", "06 1234", "+31 6 1234567890"])
def test_invalid_phone_numbers_are_refused_with_an_example(typed):
    with pytest.raises(ValidationError) as error:
        validate_phone_number(normalise_phone_number(typed))
    assert "0575 512 345" in error.value.messages[0]


def test_an_empty_phone_number_is_allowed():
    validate_phone_number("")


@given(st.text(max_size=30))
def test_normalising_any_phone_text_never_crashes(text):
    normalise_phone_number(text)
