"""A due date or birth date read back in words (finder/readback.py)."""

import datetime

from ookbalans.finder.readback import read_date

TODAY = datetime.date(2026, 12, 2)


def test_a_due_date_sixteen_weeks_ahead_is_twenty_four_weeks_pregnant():
    assert read_date(TODAY + datetime.timedelta(weeks=16), TODAY).__dict__ == {
        "kind": "pregnant_weeks",
        "number": 24,
    }


def test_a_due_date_far_ahead_still_says_at_least_one_week():
    assert read_date(TODAY + datetime.timedelta(weeks=43), TODAY).number == 1


def test_a_birth_date_gives_weeks_then_months_then_years():
    assert read_date(TODAY - datetime.timedelta(days=20), TODAY).__dict__ == {
        "kind": "age_weeks",
        "number": 2,
    }
    assert read_date(datetime.date(2026, 3, 2), TODAY).__dict__ == {"kind": "age_months", "number": 9}
    assert read_date(datetime.date(2026, 3, 3), TODAY).number == 8
    assert read_date(datetime.date(2023, 12, 1), TODAY).__dict__ == {"kind": "age_years", "number": 3}
