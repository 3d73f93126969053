"""The demo's reminders (three services due, today's mails) and the worker's daily run."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ookbalans.accounts.demo import load_demo as load_demo_editors
from ookbalans.reminders import demo, tasks
from ookbalans.reminders.models import CheckRound
from tests.reminders.test_sending import listed

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 2)


def test_the_worker_queues_the_daily_run_once():
    first = tasks.schedule_daily()
    assert tasks.schedule_daily() == first
    assert DBTaskResult.objects.filter(task_path=tasks.daily_reminders.module_path).count() == 1
    assert timezone.localtime(first).time() == tasks.RUN_AT


def test_the_next_run_is_the_next_morning():
    morning = timezone.make_aware(datetime.datetime(2026, 12, 2, 6, 59))
    assert timezone.localtime(tasks.next_run(morning)) == timezone.make_aware(
        datetime.datetime(2026, 12, 2, 7, 0)
    )
    later = timezone.make_aware(datetime.datetime(2026, 12, 2, 7, 0))
    assert timezone.localtime(tasks.next_run(later)).date() == datetime.date(2026, 12, 3)


def test_the_demo_mails_never_leave_the_machine(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    connection = demo.demo_connection()
    assert type(connection).__module__ == "django.core.mail.backends.filebased"


def test_three_services_due_and_the_mails_of_the_last_run(shared_demo):
    load_demo_editors()
    created = demo.load_demo(DAY)
    assert created["reminder mail"] == 2
    by_address = {message.to[0]: listed(message) for message in mail.outbox}
    assert by_address == {
        "bibliotheek@voorbeeldregio.example": ["BoekStart: gratis lid en een koffertje met boekjes"],
        "kansrijkestart@voorbeeldregio.example": [
            "Gezinsbehandeling jonge kind",
            "NIKA: hulp bij de band met je jonge kind",
        ],
    }
    assert CheckRound.objects.filter(reminded_on=DAY).count() == 3
    # The services due earlier were reminded by "earlier runs": a second run today sends nothing.
    assert created["check round"] == CheckRound.objects.count() > 3
    assert demo.load_demo(DAY) == {}
    assert len(mail.outbox) == 2
