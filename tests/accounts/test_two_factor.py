"""Two-step verification: a coordinator's password alone opens nothing until a TOTP or recovery code."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ookbalans.accounts.policy import second_factor_required
from tests.factories import CoalitionFactory, MembershipFactory

pytestmark = pytest.mark.django_db

PASSWORD = "secret-password-1"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.OOKBALANS_REQUIRE_2FA = True
    settings.AXES_ENABLED = True


@pytest.fixture
def coalition():
    return CoalitionFactory()


@pytest.fixture
def coordinator(coalition):
    return MembershipFactory(coalition=coalition, role="coordinator").user


def password_login(client, user):
    response = client.post(
        reverse("admin:login"), {"username": user.username, "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302, "the password step itself must pass"
    return response


def current_code(device: TOTPDevice, offset: int = 0) -> str:
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset)
    return f"{value:0{device.digits}d}"


def set_up_app(client, user) -> tuple[TOTPDevice, list[str]]:
    """Walk the setup page as a coordinator would: read the secret, confirm a code, note the codes."""
    page = client.get(reverse("accounts:setup"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "<svg" in page.content.decode()
    secret = re.search(r'class="accounts-secret">([A-Z2-7 ]+)<', page.content.decode()).group(1)
    assert secret.replace(" ", "") in device.config_url
    confirmed = client.post(reverse("accounts:setup"), {"code": current_code(device)})
    assert confirmed.url == reverse("accounts:recovery_codes")
    codes_page = client.get(confirmed.url).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", codes_page)
    assert len(codes) == 10
    assert client.get(reverse("accounts:recovery_codes")).content.decode().count("<li><code>") == 0
    device.refresh_from_db()
    return device, codes


def test_coordinators_and_superusers_need_it_editors_do_not(coalition, coordinator, admin_user, settings):
    editor = MembershipFactory(coalition=coalition, role="editor").user
    assert second_factor_required(coordinator)
    assert second_factor_required(admin_user)
    assert not second_factor_required(editor)
    settings.OOKBALANS_REQUIRE_2FA = False
    assert not second_factor_required(coordinator)


def test_a_coordinator_without_an_app_is_led_to_the_setup_page(client, coalition, coordinator):
    password_login(client, coordinator)
    for url in [reverse("admin:index"), reverse("analysis:dashboard", args=[coalition.slug]), "/visie/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:setup"))
    page = client.get(reverse("accounts:setup")).content.decode()
    assert "Tweestapsverificatie instellen" in page


def test_setup_then_the_pages_open_and_the_next_login_asks_for_a_code(client, coalition, coordinator):
    password_login(client, coordinator)
    device, codes = set_up_app(client, coordinator)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("analysis:dashboard", args=[coalition.slug])).status_code == 200

    client.post(reverse("admin:logout"))
    password_login(client, coordinator)
    dashboard = reverse("analysis:dashboard", args=[coalition.slug])
    pages = [reverse("admin:index"), reverse("admin:catalogue_service_changelist"), dashboard, "/visie/"]
    for url in [*pages, reverse("interchange:coalition", args=[coalition.slug])]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:verify"))
    wrong = client.post(reverse("accounts:verify"), {"code": "000000", "next": dashboard})
    assert wrong.status_code == 200
    assert "niet juist" in wrong.content.decode()
    assert client.get(dashboard).status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above must not delay the right one in this test
    device.save()
    right = client.post(
        reverse("accounts:verify"), {"code": current_code(device, offset=1), "next": dashboard}
    )
    assert right.status_code == 302
    assert right.url == dashboard
    assert client.get(dashboard).status_code == 200


def test_a_wrong_code_does_not_confirm_the_setup(client, coordinator):
    password_login(client, coordinator)
    client.get(reverse("accounts:setup"))
    response = client.post(reverse("accounts:setup"), {"code": "123456"})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_recovery_code_works_once(client, coordinator):
    password_login(client, coordinator)
    _device, codes = set_up_app(client, coordinator)
    client.post(reverse("admin:logout"))

    password_login(client, coordinator)
    assert client.post(reverse("accounts:verify"), {"code": codes[0].upper()}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200
    assert StaticToken.objects.filter(device__user=coordinator).count() == 9
    client.post(reverse("admin:logout"))

    password_login(client, coordinator)
    again = client.post(reverse("accounts:verify"), {"code": codes[0]})
    assert again.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_superuser_needs_it_too(client, admin_user):
    client.post(reverse("admin:login"), {"username": admin_user.username, "password": "password"})
    assert client.get(reverse("admin:index")).url.startswith(reverse("accounts:setup"))


def test_an_editor_may_work_without_it(client, coalition):
    editor = MembershipFactory(coalition=coalition, role="editor").user
    password_login(client, editor)
    assert client.get(reverse("admin:index")).status_code == 200


def test_an_editor_who_set_it_up_must_use_it(client, coalition):
    editor = MembershipFactory(coalition=coalition, role="editor").user
    password_login(client, editor)
    set_up_app(client, editor)
    client.post(reverse("admin:logout"))
    password_login(client, editor)
    assert client.get(reverse("admin:index")).url.startswith(reverse("accounts:verify"))


def test_public_pages_and_the_api_stay_open_before_verifying(client, coordinator):
    password_login(client, coordinator)
    assert client.get(reverse("health")).status_code in {200, 503}
    assert client.get("/api/hsds/").status_code != 302


def test_without_the_setting_the_password_is_enough(client, coordinator, settings):
    settings.OOKBALANS_REQUIRE_2FA = False
    password_login(client, coordinator)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_next_parameter_may_not_leave_the_site(client, coordinator):
    password_login(client, coordinator)
    set_up_app(client, coordinator)
    client.post(reverse("admin:logout"))
    password_login(client, coordinator)
    device = TOTPDevice.objects.get(user=coordinator)
    response = client.post(
        reverse("accounts:verify"), {"code": current_code(device, offset=1), "next": "https://evil.example/"}
    )
    assert response.url == reverse("admin:index")
