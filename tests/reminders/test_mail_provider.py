"""Reminders reach a mail provider's API through django-anymail when the operator configures one."""

import json
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.utils import timezone

from ookbalans.reminders import sending

pytestmark = pytest.mark.django_db

PROBE = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ookbalans.settings")
django.setup()
from django.conf import settings
print(settings.EMAIL_BACKEND)
print(settings.ANYMAIL["MAILGUN_SENDER_DOMAIN"])
"""


def settings_with(environment: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_provider_and_its_settings_come_from_the_environment():
    result = settings_with(
        {
            "OOKBALANS_EMAIL_BACKEND": "anymail.backends.mailgun.EmailBackend",
            "OOKBALANS_ANYMAIL": json.dumps(
                {"MAILGUN_API_KEY": "key", "MAILGUN_SENDER_DOMAIN": "mail.example.nl"}
            ),
        }
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["anymail.backends.mailgun.EmailBackend", "mail.example.nl"]


@pytest.mark.parametrize(
    ("value", "message"), [("{key: 1}", "not valid JSON"), ('["a"]', "must be a JSON object")]
)
def test_bad_provider_settings_stop_the_start_with_a_clear_message(value, message):
    result = settings_with({"OOKBALANS_ANYMAIL": value})
    assert result.returncode != 0
    assert message in result.stderr


def test_reminders_go_through_the_provider(world, settings):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    settings.ANYMAIL = {}
    sending.remind(timezone.localdate())
    assert sorted(message.to[0] for message in mail.outbox) == [
        "coordinator@oostdorp.example",
        "redacteur1@oost.example",
        "redacteur2@oost.example",
    ]
    # anymail's test backend answers like a provider: every recipient's mail was accepted.
    for message in mail.outbox:
        assert message.anymail_status.status == {"sent"}
        assert message.anymail_status.recipients[message.to[0]].status == "sent"
