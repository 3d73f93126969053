"""`ookbalans remind`: one mail per recipient with exactly their due services, once; escalation later."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ookbalans.reminders import sending
from ookbalans.reminders.models import CheckRound, ReminderMail, ReminderSettings

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def listed(message) -> list[str]:
    """The services a mail lists, in order: the lines that start with "- "."""
    return [re.sub(r" \(.*$", "", line[2:]) for line in message.body.splitlines() if line.startswith("- ")]


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_each_recipient_gets_one_mail_with_exactly_their_due_services(world):
    report = sending.remind(TODAY)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "coordinator@oostdorp.example",
        "redacteur1@oost.example",
        "redacteur2@oost.example",
    ]
    for editor in ("redacteur1@oost.example", "redacteur2@oost.example"):
        (message,) = mails_to(editor)
        assert listed(message) == ["Zwangerschapsspreekuur"]
    (message,) = mails_to("coordinator@oostdorp.example")
    # The organisation without editors goes to the coordinator; a service's own interval counts.
    assert listed(message) == ["Inloopspreekuur", "Koffieochtend"]
    assert "Kansrijke Start Oostdorp" in message.subject
    assert "Kansrijke Start Oostdorp" in message.body
    assert "Klopt alles nog? Klik hier: http://127.0.0.1:8000/herinnering/nog-juist/" in message.body
    assert f"/admin/catalogue/service/{world['services']['due_coordinator'].pk}/change/" in message.body
    # The other coalition has no coordinator and no address: nobody is mailed, the report says so.
    assert "Dienst elders" in report.unreachable
    assert CheckRound.objects.filter(service__coalition=world["coalition"]).count() == 3
    assert ReminderMail.objects.count() == 3


def test_a_second_run_sends_nothing_twice(world):
    sending.remind(TODAY)
    sent = len(mail.outbox)
    sending.remind(TODAY)
    sending.remind(TODAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == sent
    assert ReminderMail.objects.count() == sent


def test_unchecked_services_go_to_the_coordinator_once_after_four_weeks(world):
    sending.remind(TODAY)
    mail.outbox.clear()
    sending.remind(TODAY + datetime.timedelta(days=27))
    assert mail.outbox == []
    # Checked meanwhile in the admin: its round closes and it is not escalated.
    checked = world["services"]["own_short"]
    checked.last_checked_on = TODAY + datetime.timedelta(days=3)
    checked.save()
    four_weeks = TODAY + datetime.timedelta(weeks=4)
    sending.remind(four_weeks)
    (message,) = mail.outbox
    assert message.to == ["coordinator@oostdorp.example"]
    assert listed(message) == ["Koffieochtend", "Zwangerschapsspreekuur"]
    assert "vier weken na de herinnering" in message.body
    assert CheckRound.objects.get(service=checked).checked_on == checked.last_checked_on
    sending.remind(four_weeks)
    sending.remind(four_weeks + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1


def test_without_coordinators_the_coalition_address_gets_the_mail(world):
    world["coordinator"].memberships.all().delete()
    sending.remind(TODAY)
    (message,) = mails_to("kansrijk@oostdorp.example")
    assert listed(message) == ["Inloopspreekuur", "Koffieochtend"]


def test_the_coalition_rule_decides_and_can_be_switched_off(world):
    ReminderSettings.objects.create(coalition=world["coalition"], check_interval_months=12)
    sending.remind(TODAY)
    assert [listed(m) for m in mails_to("coordinator@oostdorp.example")] == [["Inloopspreekuur"]]
    assert mails_to("redacteur1@oost.example") == []
    mail.outbox.clear()
    ReminderSettings.objects.filter(coalition=world["coalition"]).update(
        send_reminders=False, check_interval_months=1
    )
    sending.remind(TODAY)
    assert mail.outbox == []


def test_dry_run_prints_who_would_get_what_and_changes_nothing(world, capsys):
    call_command("remind", "--dry-run", "--coalition", world["coalition"].slug, "--today", TODAY.isoformat())
    out = capsys.readouterr().out
    assert "redacteur1@oost.example (Kansrijke Start Oostdorp):" in out
    assert "te controleren: Zwangerschapsspreekuur" in out
    assert "coordinator@oostdorp.example (Kansrijke Start Oostdorp):" in out
    assert "3 mail(s) would be sent" in out
    assert "Echo" not in out and "Dienst elders" not in out
    assert mail.outbox == []
    assert not CheckRound.objects.exists()


def test_the_command_sends_and_counts(world, capsys):
    call_command("remind", "--coalition", world["coalition"].slug)
    assert "3 mail(s) sent" in capsys.readouterr().out
    assert len(mail.outbox) == 3


def test_a_refused_mail_keeps_nothing_so_the_next_run_tries_again(world, settings):
    class Refusing:
        def send_messages(self, messages):
            raise OSError("connection refused")

    report = sending.remind(TODAY, connection=Refusing())
    assert report.failed == ["Kansrijke Start Oostdorp"]
    assert not CheckRound.objects.filter(service__coalition=world["coalition"]).exists()
    sending.remind(TODAY)
    assert len(mail.outbox) == 3
