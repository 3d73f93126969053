"""The demo's reminders: yearly checks, one service with its own interval, earlier rounds, today's mails.

The demo's check dates are fixed, so what is due grows with time. The three services due most recently
(those of an organisation with editors first) are today's: `ookbalans remind` mails them now (to var/mail/
in the demo). The others due were reminded, as if by earlier runs, on their due date, and passed to the
coordinator four weeks later; some of them are overdue. Loading again changes nothing.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from ookbalans.catalogue.demo import demo_id
from ookbalans.catalogue.models import Coalition, Membership, Service
from ookbalans.reminders import schedule, sending
from ookbalans.reminders.models import CheckInterval, CheckRound, ReminderSettings

DEMO_SLUG = "voorbeeldregio"
# Voorbeeldregio checks its offering yearly; the library's BoekStart every half year (school years).
INTERVAL_MONTHS = 12
OWN_INTERVALS = {"boekstart": 6}
TODAYS = 3
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
FILES = "django.core.mail.backends.filebased.EmailBackend"


def demo_connection():
    """The demo's mails never leave the machine: files under var/mail/, or the tests' outbox."""
    if settings.EMAIL_BACKEND == LOCMEM:
        return get_connection()
    return get_connection(FILES, file_path=str(settings.EMAIL_FILE_PATH))


def load_demo(today: datetime.date | None = None) -> dict[str, int]:
    coalition = Coalition.objects.filter(slug=DEMO_SLUG, is_demo=True).first()
    if coalition is None or ReminderSettings.objects.filter(coalition=coalition).exists():
        return {}
    today = today or timezone.localdate()
    with transaction.atomic():
        ReminderSettings.objects.create(coalition=coalition, check_interval_months=INTERVAL_MONTHS)
        for key, months in OWN_INTERVALS.items():
            CheckInterval.objects.create(service_id=demo_id("service", key), months=months)
        # The demo's organisation editors get an address under the reserved .example domain.
        for membership in Membership.objects.filter(
            coalition=coalition, role=Membership.Role.ORGANISATION_EDITOR, user__email=""
        ).select_related("user"):
            membership.user.email = f"{membership.user.username}@voorbeeldregio.example"
            membership.user.save(update_fields=["email"])
        earlier = earlier_rounds(coalition, today)
    report = sending.remind(today, coalitions=[coalition], connection=demo_connection())
    return {
        "check round": earlier + sum(len(letter.reminded) for letter in report.letters),
        "reminder mail": len(report.letters),
    }


def earlier_rounds(coalition: Coalition, today: datetime.date) -> int:
    """Rounds for the services due before today's three, as earlier daily runs would have left them."""
    rule = schedule.rules_for([coalition.pk])[coalition.pk]
    services = Service.objects.filter(coalition=coalition)
    own = schedule.intervals_for(services)
    with_editors = set(
        Membership.objects.filter(coalition=coalition, role=Membership.Role.ORGANISATION_EDITOR).values_list(
            "organisation_id", flat=True
        )
    )
    due = [
        (s, schedule.check_of(s, rule, own.get(s.pk), today))
        for s in schedule.due_services(services, {coalition.pk}, today)
    ]
    due.sort(
        key=lambda pair: (
            pair[0].organization_id not in with_editors,
            -pair[1].due_on.toordinal(),
            pair[0].name,
        )
    )
    rounds = []
    for service, check in due[TODAYS:]:
        reminded = min(check.due_on, today - datetime.timedelta(days=1))
        escalated = reminded + schedule.ESCALATE_AFTER
        rounds.append(
            CheckRound(
                service=service,
                due_on=check.due_on,
                reminded_on=reminded,
                escalated_on=escalated if escalated <= today else None,
            )
        )
    CheckRound.objects.bulk_create(rounds)
    return len(rounds)
