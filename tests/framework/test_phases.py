"""Due date or birth date to phase: the edges a parent's answer can hit."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from ookbalans.framework import codes
from ookbalans.framework.phases import (
    age_in_years,
    phase_for_birth_date,
    phase_for_date,
    phase_for_due_date,
)

TODAY = datetime.date(2026, 11, 28)


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def test_today_is_the_day_of_birth():
    assert phase_for_date(TODAY, TODAY) == "geboorte"
    assert phase_for_birth_date(TODAY, TODAY) == "geboorte"
    assert phase_for_due_date(TODAY, TODAY) == "geboorte"


def test_a_due_date_ahead_is_pregnancy():
    assert phase_for_date(TODAY + days(1), TODAY) == "zwangerschap"
    assert phase_for_date(TODAY + days(200), TODAY) == "zwangerschap"
    assert phase_for_date(TODAY + days(44 * 7), TODAY) == "zwangerschap"


def test_a_due_date_too_far_ahead_is_outside_the_range():
    assert phase_for_date(TODAY + days(44 * 7 + 1), TODAY) is None
    assert phase_for_date(TODAY + days(3 * 365), TODAY) is None


def test_the_first_six_weeks_are_the_birth_period_then_baby():
    assert phase_for_date(TODAY - days(41), TODAY) == "geboorte"
    assert phase_for_date(TODAY - days(42), TODAY) == "baby"


def test_exactly_one_year_is_a_dreumes_the_day_before_a_baby():
    one_year_ago = datetime.date(2025, 11, 28)
    assert phase_for_date(one_year_ago, TODAY) == "dreumes"
    assert phase_for_date(one_year_ago + days(1), TODAY) == "baby"


def test_birthdays_move_the_phase():
    assert phase_for_date(datetime.date(2024, 11, 28), TODAY) == "peuter"
    assert phase_for_date(datetime.date(2024, 11, 29), TODAY) == "dreumes"
    assert phase_for_date(datetime.date(2022, 11, 28), TODAY) == "kind"
    assert phase_for_date(datetime.date(2014, 11, 28), TODAY) == "tiener"
    assert phase_for_date(datetime.date(2008, 11, 29), TODAY) == "tiener"


def test_eighteen_or_older_is_past_the_range():
    assert phase_for_date(datetime.date(2008, 11, 28), TODAY) is None
    assert phase_for_date(datetime.date(1990, 1, 1), TODAY) is None


def test_a_birth_date_in_the_future_is_no_birth_date():
    assert phase_for_birth_date(TODAY + days(1), TODAY) is None


def test_leap_day_children_turn_one_on_the_first_of_march():
    born = datetime.date(2024, 2, 29)
    assert age_in_years(born, datetime.date(2025, 2, 28)) == 0
    assert age_in_years(born, datetime.date(2025, 3, 1)) == 1


dates = st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2100, 12, 31))
PHASE_ORDER = codes.PHASES.codes()


@given(dates, dates)
def test_any_date_gives_a_known_phase_or_none(date, today):
    phase = phase_for_date(date, today)
    assert phase is None or phase in PHASE_ORDER


@given(dates, st.integers(min_value=0, max_value=20 * 365), st.integers(min_value=1, max_value=400))
def test_an_older_child_is_never_in_an_earlier_phase(today, age_days, more_days):
    younger = phase_for_birth_date(today - days(age_days), today)
    older = phase_for_birth_date(today - days(age_days + more_days), today)
    if younger is not None and older is not None:
        assert PHASE_ORDER.index(older) >= PHASE_ORDER.index(younger)
    if younger is None:
        assert older is None
