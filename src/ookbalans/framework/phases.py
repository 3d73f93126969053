"""Which phase a family is in, from an expected due date or a child's birth date; nothing is stored."""

from __future__ import annotations

import datetime

# A due date more than 44 weeks ahead cannot belong to a current pregnancy (a pregnancy lasts
# about 40 weeks from the last period; two weeks of margin for dates given before conception).
MAX_WEEKS_UNTIL_DUE = 44
# The birth and maternity period (kraamtijd and the first weeks): the first six weeks after birth.
BIRTH_PERIOD_DAYS = 42

# Phases that follow birth, with the age in whole years at which each one starts.
PHASES_BY_AGE = (
    (1, "dreumes"),
    (2, "peuter"),
    (4, "kind"),
    (12, "tiener"),
    (18, None),  # an adult: past the range of the framework
)


def age_in_years(birth_date: datetime.date, today: datetime.date) -> int:
    """Completed years of age; a child born on 29 February turns a year older on 1 March."""
    had_birthday = (today.month, today.day) >= (birth_date.month, birth_date.day)
    return today.year - birth_date.year - (0 if had_birthday else 1)


def phase_for_due_date(due_date: datetime.date, today: datetime.date) -> str | None:
    """The phase for an expected due date; None when the date cannot belong to a current pregnancy."""
    if due_date <= today:
        return "geboorte"
    if (due_date - today).days > MAX_WEEKS_UNTIL_DUE * 7:
        return None
    return "zwangerschap"


def phase_for_birth_date(birth_date: datetime.date, today: datetime.date) -> str | None:
    """The phase for a child's birth date; None for a date in the future or an adult (18 or older)."""
    if birth_date > today:
        return None
    if (today - birth_date).days < BIRTH_PERIOD_DAYS:
        return "geboorte"
    age = age_in_years(birth_date, today)
    phase = "baby"
    for starts_at, next_phase in PHASES_BY_AGE:
        if age >= starts_at:
            phase = next_phase
    return phase


def phase_for_date(date: datetime.date, today: datetime.date) -> str | None:
    """The phase for a date that is a due date when it lies ahead and a birth date otherwise.

    Today itself counts as the day of birth: `geboorte`. None means the date lies outside
    the framework's range (too far ahead for a pregnancy, or a child of 18 or older).
    """
    if date > today:
        return phase_for_due_date(date, today)
    return phase_for_birth_date(date, today)
