"""`ookbalans remind`: who gets which services today, the mails, and the record that keeps it to once.

Per coalition and day: the open rounds of services checked meanwhile are closed; every active service
that is due and in no open round gets a round and goes to its organisation's editors (or, when the
organisation has none, to the coordinators); a round still open four weeks after its first reminder
goes to the coordinators, once. Each recipient gets one mail per coalition listing exactly their
services. A second run on the same day finds the rounds and sends nothing.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ookbalans.catalogue.models import Coalition, Membership, Service
from ookbalans.reminders import links, schedule
from ookbalans.reminders.models import CheckRound, ReminderMail

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recipient:
    email: str
    user: object = None
    name: str = ""


@dataclass
class Letter:
    """One mail: to one recipient, about one coalition's services due and still unchecked."""

    coalition: Coalition
    recipient: Recipient
    reminded: list[CheckRound] = field(default_factory=list)
    escalated: list[CheckRound] = field(default_factory=list)


@dataclass
class Report:
    """What a run did (or, dry, would do)."""

    letters: list[Letter] = field(default_factory=list)
    closed: int = 0
    unreachable: list[str] = field(default_factory=list)  # services nobody could be mailed about
    failed: list[str] = field(default_factory=list)  # coalitions whose mails the mail server refused

    def lines(self) -> list[str]:
        out = []
        for letter in self.letters:
            out.append(f"{letter.recipient.email} ({letter.coalition.name}):")
            out += [
                f"  te controleren: {r.service.name} (sinds {r.due_on:%d-%m-%Y})" for r in letter.reminded
            ]
            out += [f"  nog niet gecontroleerd: {r.service.name}" for r in letter.escalated]
        out += [f"niemand te mailen over: {name}" for name in self.unreachable]
        out += [f"mail niet verstuurd (volgende keer opnieuw): {name}" for name in self.failed]
        return out


def site_url(path: str) -> str:
    return settings.OOKBALANS_SITE_URL.rstrip("/") + path


def recipients_of(coalition: Coalition) -> tuple[dict, list[Recipient]]:
    """The coalition's organisation editors per organisation id, and its coordinators (or its address)."""
    editors: dict = defaultdict(list)
    coordinators = []
    memberships = (
        Membership.objects.filter(
            coalition=coalition,
            role__in=[Membership.Role.ORGANISATION_EDITOR, Membership.Role.COORDINATOR],
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__email")
    )
    for membership in memberships:
        user = membership.user
        recipient = Recipient(user.email, user, user.get_full_name() or user.get_username())
        if membership.role == Membership.Role.ORGANISATION_EDITOR:
            editors[membership.organisation_id].append(recipient)
        else:
            coordinators.append(recipient)
    if not coordinators and coalition.email:
        coordinators = [Recipient(coalition.email, None, coalition.name)]
    return editors, coordinators


def plan(coalition: Coalition, today: datetime.date, *, dry_run: bool) -> Report:
    """Close, open and escalate the coalition's rounds for today (unless dry) and say who gets what."""
    report = Report()
    rule = schedule.rules_for([coalition.pk]).get(coalition.pk, schedule.DEFAULT_RULE)
    services = Service.objects.filter(coalition=coalition)
    own = schedule.intervals_for(services)
    editors, coordinators = recipients_of(coalition)
    letters: dict[str, Letter] = {}

    def letter_for(recipient: Recipient) -> Letter:
        return letters.setdefault(recipient.email.lower(), Letter(coalition, recipient))

    open_rounds = {
        r.service_id: r
        for r in CheckRound.objects.filter(
            service__coalition=coalition, checked_on__isnull=True
        ).select_related("service__organization")
    }
    # Rounds of services someone checked in the admin (or ended) since their reminder: closed.
    for service_id, check_round in list(open_rounds.items()):
        service = check_round.service
        still_due = schedule.check_of(service, rule, own.get(service_id), today).due
        if service.status != Service.Status.ACTIVE or not still_due:
            check_round.checked_on = service.last_checked_on or today
            check_round.checked_by = service.last_checked_by
            if not dry_run:
                check_round.save(update_fields=["checked_on", "checked_by"])
            report.closed += 1
            del open_rounds[service_id]
    if not rule.send:
        return report
    due = schedule.due_services(services, {coalition.pk}, today).exclude(pk__in=list(open_rounds))
    for service in due.select_related("organization").order_by("organization__name", "name_nl"):
        check = schedule.check_of(service, rule, own.get(service.pk), today)
        check_round = CheckRound(service=service, due_on=check.due_on, reminded_on=today)
        if not dry_run:
            check_round.save()
        to = editors.get(service.organization_id) or coordinators
        if not to:
            report.unreachable.append(service.name)
        for recipient in to:
            letter_for(recipient).reminded.append(check_round)
    for check_round in sorted(
        open_rounds.values(), key=lambda r: (r.service.organization.name, r.service.name)
    ):
        if check_round.escalated_on or not schedule.should_escalate(check_round.reminded_on, today):
            continue
        if not dry_run:
            check_round.escalated_on = today
            check_round.save(update_fields=["escalated_on"])
        if not coordinators:
            report.unreachable.append(check_round.service.name)
        for recipient in coordinators:
            letter_for(recipient).escalated.append(check_round)
    report.letters = list(letters.values())
    return report


def message(letter: Letter, *, dry_run: bool = False) -> EmailMessage:
    """The plain Dutch mail: per service a "still correct" link and an edit link."""

    def item(check_round: CheckRound) -> dict:
        user_id = getattr(letter.recipient.user, "pk", None)
        token = "" if dry_run else links.make_token(check_round.pk, user_id, letter.recipient.email)
        return {
            "service": check_round.service,
            "due_on": check_round.due_on,
            "reminded_on": check_round.reminded_on,
            "confirm_url": site_url(reverse("reminders:confirm", args=[token])) if token else "",
            "edit_url": site_url(reverse("admin:catalogue_service_change", args=[check_round.service_id])),
        }

    context = {
        "coalition": letter.coalition,
        "recipient": letter.recipient,
        "reminded": [item(r) for r in letter.reminded],
        "escalated": [item(r) for r in letter.escalated],
        "link_days": settings.OOKBALANS_REMINDER_LINK_DAYS,
        "admin_url": site_url(reverse("admin:index")),
    }
    with translation.override("nl"):
        subject = " ".join(render_to_string("reminders/mail_subject.txt", context).split())
        body = render_to_string("reminders/mail.txt", context)
    return EmailMessage(subject, body, None, [letter.recipient.email])


def remind(
    today: datetime.date | None = None,
    *,
    dry_run: bool = False,
    coalitions=None,
    connection=None,
) -> Report:
    """Run the day's reminders for every coalition (or the given ones); dry: only say what would be sent."""
    today = today or timezone.localdate()
    report = Report()
    coalitions = Coalition.objects.order_by("name") if coalitions is None else coalitions
    connection = connection or get_connection()
    for coalition in coalitions:
        try:
            with transaction.atomic():
                part = plan(coalition, today, dry_run=dry_run)
                if not dry_run and part.letters:
                    connection.send_messages([message(letter) for letter in part.letters])
                    for letter in part.letters:
                        record(letter, today)
        except (OSError, smtplib.SMTPException):
            # Its rounds are rolled back with it: the next run tries this coalition again.
            logger.exception("Reminder mails of %s were not sent", coalition.name)
            report.failed.append(coalition.name)
            continue
        report.letters += part.letters
        report.closed += part.closed
        report.unreachable += part.unreachable
    return report


def record(letter: Letter, today: datetime.date) -> ReminderMail:
    mail = ReminderMail.objects.create(
        coalition=letter.coalition,
        recipient=letter.recipient.user,
        email=letter.recipient.email,
        sent_on=today,
    )
    mail.reminded.set(letter.reminded)
    mail.escalated.set(letter.escalated)
    return mail
