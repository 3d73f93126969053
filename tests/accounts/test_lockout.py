"""Login lockout: five wrong passwords block the account name and the address for fifteen minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ookbalans.accounts.policy import forwarded_client
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

PASSWORD = "secret-password-1"


@pytest.fixture(autouse=True)
def lockout_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def coordinator():
    return MembershipFactory(role="coordinator").user


def log_in(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_the_account_even_with_the_right_password(client, coordinator):
    for _ in range(4):
        assert log_in(client, coordinator.username, "wrong").status_code == 200
    locked = log_in(client, coordinator.username, "wrong")
    assert locked.status_code == 429
    right = log_in(client, coordinator.username, PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    page = right.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in page
    assert "15 minuten" in page
    assert "Probeer het opnieuw na" in page


def test_fewer_failures_do_not_lock(client, coordinator):
    for _ in range(4):
        log_in(client, coordinator.username, "wrong")
    response = log_in(client, coordinator.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_the_lock_holds_for_the_user_name_from_another_address(client, coordinator):
    for _ in range(5):
        log_in(client, coordinator.username, "wrong", address="203.0.113.7")
    assert log_in(client, coordinator.username, PASSWORD, address="198.51.100.9").status_code == 429


def test_the_lock_holds_for_the_address_with_other_user_names(client, coordinator):
    for number in range(5):
        log_in(client, f"guess{number}", "wrong", address="203.0.113.7")
    assert log_in(client, coordinator.username, PASSWORD, address="203.0.113.7").status_code == 429
    assert log_in(client, coordinator.username, PASSWORD, address="198.51.100.9").status_code == 302


def test_the_lock_ends_after_fifteen_minutes(client, coordinator):
    for _ in range(5):
        log_in(client, coordinator.username, "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, coordinator.username, PASSWORD).status_code == 302


def test_a_superuser_unlocks_in_the_admin(client, admin_user, coordinator):
    for _ in range(5):
        log_in(client, coordinator.username, "wrong")
    attempt = AccessAttempt.objects.get(username=coordinator.username)
    admin_client = type(client)()
    admin_client.force_login(admin_user)
    changelist = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert coordinator.username in changelist.content.decode()
    admin_client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert log_in(client, coordinator.username, PASSWORD, address="198.51.100.9").status_code == 302


def test_successful_logins_are_not_recorded(client, coordinator):
    log_in(client, coordinator.username, PASSWORD)
    assert not AccessLog.objects.exists()


def test_old_failed_logins_are_forgotten(coordinator, client):
    log_in(client, coordinator.username, "wrong")
    log_in(client, "someone", "wrong", address="198.51.100.9")
    AccessAttempt.objects.filter(username="someone").update(
        attempt_time=timezone.now() - timedelta(minutes=20)
    )
    call_command("forget_login_attempts")
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [coordinator.username]


def test_the_client_address_behind_trusted_proxies():
    assert forwarded_client("10.0.0.2", "", 0) == "10.0.0.2"
    assert forwarded_client("10.0.0.2", "1.2.3.4", 0) == "10.0.0.2"
    assert forwarded_client("10.0.0.2", "6.6.6.6, 1.2.3.4", 1) == "1.2.3.4"
    assert forwarded_client("10.0.0.2", "6.6.6.6, 1.2.3.4, 10.0.0.9", 2) == "1.2.3.4"
    assert forwarded_client("10.0.0.2", "1.2.3.4", 2) == "10.0.0.2"
