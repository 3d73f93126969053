"""The 1000-days route's content: per phase the contact point, basis and information offer; its calendar."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ookbalans.catalogue.models import Coalition, ContactPoint
from ookbalans.finder import finding, labels
from ookbalans.framework import route

# The route shows the offer of the two lowest levels: what every parent may use in the phase.
ROUTE_LEVELS = ("basis", "informatie")
SHOWN_PER_LEVEL = 6


@dataclass
class Offer:
    level: str
    label: str
    found: list[finding.Found]
    total: int


@dataclass
class RouteStep:
    """A phase on the route as the page shows it."""

    step: route.Step
    label: str
    what_happens: str
    contact_points: list[ContactPoint] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)

    @property
    def phase(self) -> str:
        return self.step.phase


def offers_in_phase(coalition: Coalition, phase: str) -> list[Offer]:
    """The phase's basis and information services, a few of each, and how many there are in all."""
    offers = []
    for level in ROUTE_LEVELS:
        ids = list(
            finding.public_services(coalition)
            .filter(phases__code=phase, pyramid_levels__code=level)
            .order_by("name")
            .values_list("pk", flat=True)
            .distinct()
        )
        found = finding.found_for(ids[:SHOWN_PER_LEVEL], coalition)
        offers.append(Offer(level, str(labels.LEVELS_FOR_PARENTS[level]), found, len(ids)))
    return offers


def route_steps(coalition: Coalition, steps: list[route.Step], language: str) -> list[RouteStep]:
    return [
        RouteStep(
            step=step,
            label=str(labels.PHASES[step.phase]),
            what_happens=route.what_happens(step.phase, language),
            contact_points=finding.contact_points(coalition, step.phase, None),
            offers=offers_in_phase(coalition, step.phase),
        )
        for step in steps
    ]


def calendar_file(coalition: Coalition, steps: list[RouteStep], today: datetime.date, phase_url) -> bytes:
    """An iCalendar file (RFC 5545) with one all-day entry per phase that starts today or later.

    `phase_url(phase)` gives the finder's page of the phase; the file holds no date of birth, only
    the start dates of the phases, and the entries' UIDs are stable so importing twice updates.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//ookbalans//1000 dagen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("The first 1000 days") + f" — {coalition.name}")
    stamp = timezone.now()
    for item in steps:
        starts_on = item.step.starts_on
        if starts_on is None or starts_on < today:
            continue
        lines = [item.what_happens]
        for point in item.contact_points:
            reach = ", ".join(part for part in (point.phone, point.email) if part)
            lines.append(_("Your contact point") + f": {point.name}" + (f" ({reach})" if reach else ""))
        lines.append(phase_url(item.phase))
        event = Event()
        event.add("uid", f"{coalition.slug}-{item.phase}-{starts_on:%Y%m%d}@ookbalans")
        event.add("dtstamp", stamp)
        event.add("dtstart", starts_on)
        event.add("dtend", starts_on + datetime.timedelta(days=1))
        event.add("summary", _("New phase: %(phase)s") % {"phase": item.label})
        event.add("description", "\n\n".join(lines))
        event.add("url", phase_url(item.phase))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
