"""The "still correct" link: a GET only asks, a POST marks the service checked once; a changed or expired
link does nothing and says so in Dutch."""

import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ookbalans.audit.models import Entry
from ookbalans.reminders import links, sending
from ookbalans.reminders.models import CheckRound

pytestmark = pytest.mark.django_db


def link_in(message, service_name: str) -> str:
    """The path of the "still correct" link under the service's line in the mail."""
    lines = message.body.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"- {service_name}"))
    url = re.search(r"http://127\.0\.0\.1:8000(/\S+)", lines[at + 1]).group(1)
    return url


@pytest.fixture
def editor_link(world):
    sending.remind()
    (message,) = [m for m in mail.outbox if m.to == ["redacteur1@oost.example"]]
    return link_in(message, "Zwangerschapsspreekuur")


def test_a_get_shows_the_service_and_a_button_and_marks_nothing(client, world, editor_link):
    service = world["services"]["due_editors"]
    page = client.get(editor_link)
    assert page.status_code == 200
    text = page.content.decode()
    assert 'Klopt "Zwangerschapsspreekuur" nog?' in text
    assert "Ja, dit klopt nog" in text and 'method="post"' in text
    assert page["Cache-Control"] == "private, no-store"
    service.refresh_from_db()
    assert service.last_checked_on != timezone.localdate()


def test_a_post_marks_the_service_checked_once_then_the_link_no_longer_works(client, world, editor_link):
    service = world["services"]["due_editors"]
    before = service.last_checked_on
    done = client.post(editor_link)
    assert done.status_code == 200
    assert "Dank je wel, het is genoteerd" in done.content.decode()
    service.refresh_from_db()
    assert service.last_checked_on == timezone.localdate()
    assert service.last_checked_by == "Redacteur 1, via de herinneringsmail"
    check_round = CheckRound.objects.get(service=service)
    assert (check_round.checked_on, check_round.checked_by) == (timezone.localdate(), service.last_checked_by)
    entry = Entry.objects.filter(object_id=str(service.pk)).latest("pk")
    assert entry.actor_name == "Redacteur 1, via de herinneringsmail"
    # The same link again (after the date was set back): used, nothing changes.
    service.last_checked_on = before
    service.save()
    again = client.post(editor_link)
    assert again.status_code == 410
    assert "Deze dienst is al gecontroleerd" in again.content.decode()
    service.refresh_from_db()
    assert service.last_checked_on == before
    assert client.get(editor_link).status_code == 410


def test_a_changed_link_does_nothing_and_says_so(client, world, editor_link):
    service = world["services"]["due_editors"]
    before = service.last_checked_on
    tampered = editor_link[:-3] + ("A" if editor_link[-3] != "A" else "B") + editor_link[-2:]
    for response in (
        client.get(tampered),
        client.post(tampered),
        client.post("/herinnering/nog-juist/onzin/"),
    ):
        assert response.status_code == 400
        assert "Deze link werkt niet" in response.content.decode()
        assert "Ja, dit klopt nog" not in response.content.decode()
    # Another round's id in a payload signed by someone else is refused just the same.
    forged = links.make_token(CheckRound.objects.get(service=service).pk, None, "x@example.org")
    forged = forged.rsplit(":", 1)[0] + ":" + "x" * 43
    assert client.post(f"/herinnering/nog-juist/{forged}/").status_code == 400
    service.refresh_from_db()
    assert service.last_checked_on == before
    assert CheckRound.objects.get(service=service).checked_on is None


def test_an_expired_link_does_nothing(client, world, monkeypatch, settings):
    settings.OOKBALANS_REMINDER_LINK_DAYS = 42
    real = time.time
    monkeypatch.setattr("django.core.signing.time.time", lambda: real() - 43 * 24 * 3600)
    sending.remind()
    monkeypatch.setattr("django.core.signing.time.time", real)
    (message,) = [m for m in mail.outbox if m.to == ["redacteur1@oost.example"]]
    response = client.post(link_in(message, "Zwangerschapsspreekuur"))
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
    assert CheckRound.objects.get(service=world["services"]["due_editors"]).checked_on is None


def test_a_post_without_the_form_token_is_refused(world, editor_link):
    client = Client(enforce_csrf_checks=True)
    assert client.post(editor_link).status_code == 403
    page = client.get(editor_link)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    assert client.post(editor_link, {"csrfmiddlewaretoken": token}).status_code == 200
