"""The first 1000 days as a route: when each phase starts (from a due or birth date), what happens in it."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ookbalans.framework.phases import BIRTH_PERIOD_DAYS, phase_for_date

DATA = Path(__file__).parent / "data" / "phase_route.json"
LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
# The route runs from the wish for a child to the pre-school years: the 1000 days and the years up to school.
ROUTE_PHASES = ("kinderwens", "zwangerschap", "geboorte", "baby", "dreumes", "peuter")
# A pregnancy is counted from the first day of the last period: 280 days (40 weeks) before the due date.
PREGNANCY_DAYS = 280
# The route ends when the child turns 4 and goes to school (phase `kind`).
ROUTE_END_AGE = 4


@dataclass(frozen=True)
class Step:
    """One phase on the route: when it starts and ends (None without a date), and whether it is now."""

    phase: str
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    now: bool = False


@cache
def _texts() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))["phases"]


def what_happens(phase: str, language: str) -> str:
    """What usually happens in the phase, in plain words in the language (Dutch when it has none)."""
    texts = _texts().get(phase, {})
    return texts.get(language) or texts.get("nl", "")


def birthday(birth_date: datetime.date, years: int) -> datetime.date:
    """The birthday `years` on; one born on 29 February has it on 1 March (as phases.age_in_years)."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        return datetime.date(birth_date.year + years, 3, 1)


def phase_starts(birth_date: datetime.date) -> dict[str, datetime.date]:
    """When each dated phase starts for a child born (or due) on the date; the end of the route last."""
    return {
        "zwangerschap": birth_date - datetime.timedelta(days=PREGNANCY_DAYS),
        "geboorte": birth_date,
        "baby": birth_date + datetime.timedelta(days=BIRTH_PERIOD_DAYS),
        "dreumes": birthday(birth_date, 1),
        "peuter": birthday(birth_date, 2),
        "": birthday(birth_date, ROUTE_END_AGE),
    }


def route(date: datetime.date | None, today: datetime.date) -> list[Step] | None:
    """The phases ahead, the current one first; every phase without dates when no date is given.

    The date is a due date when it lies ahead and a birth date otherwise (`phases.phase_for_date`).
    None when the date lies outside the framework's range; an empty list when the route is behind
    the family (a child of 4 or older).
    """
    if date is None:
        return [Step(phase) for phase in ROUTE_PHASES]
    current = phase_for_date(date, today)
    if current is None:
        return None
    if current not in ROUTE_PHASES:
        return []
    starts = phase_starts(date)
    ordered = [*ROUTE_PHASES[1:], ""]
    steps = []
    for phase, following in zip(ordered, ordered[1:], strict=False):
        ends_on = starts[following] - datetime.timedelta(days=1)
        if ends_on < today and phase != current:
            continue
        steps.append(Step(phase, starts[phase], ends_on, now=phase == current))
    return steps
