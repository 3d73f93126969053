"""A due date or birth date read back in words: how far the pregnancy is, or how old the child is."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

PREGNANCY_DAYS = 280  # 40 weeks from the first day of the last period to the due date


@dataclass(frozen=True)
class DateReading:
    """What the date says: `kind` is pregnant_weeks, age_weeks, age_months or age_years, with its number."""

    kind: str
    number: int


def read_date(date: datetime.date, today: datetime.date) -> DateReading:
    """A date after today is a due date (weeks pregnant, at least 1); otherwise a birth date (the child's
    age in weeks up to 8 weeks, in months up to 2 years, then in years)."""
    if date > today:
        weeks = (PREGNANCY_DAYS - (date - today).days) // 7
        return DateReading("pregnant_weeks", max(weeks, 1))
    days = (today - date).days
    if days < 8 * 7:
        return DateReading("age_weeks", days // 7)
    months = (today.year - date.year) * 12 + today.month - date.month - (today.day < date.day)
    if months < 24:
        return DateReading("age_months", months)
    return DateReading("age_years", months // 12)
