"""Invitations: a coordinator invites an organisation editor by e-mail; the one-time link sets a password."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ookbalans.accounts.models import Invitation
from ookbalans.catalogue.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-42"


@pytest.fixture
def coordinator():
    return MembershipFactory(role=Membership.Role.COORDINATOR)


@pytest.fixture
def organisation(coordinator):
    return OrganisationFactory(coalition=coordinator.coalition, name="Verloskundigenpraktijk De Wieg")


def invite(client, coordinator, organisation, email="ans@dewieg.example"):
    client.force_login(coordinator.user)
    response = client.post(
        reverse("admin:accounts_invitation_add"), {"email": email, "organisation": organisation.pk}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    return Invitation.objects.get(email=email)


def link_in(message) -> str:
    return re.search(r"http://testserver(/inloggen/uitnodiging/\S+/)", message.body).group(1)


def test_the_coordinator_invites_and_one_dutch_mail_goes_out(client, coordinator, organisation):
    invitation = invite(client, coordinator, organisation)
    assert invitation.coalition == coordinator.coalition
    assert invitation.invited_by == coordinator.user
    [message] = mail.outbox
    assert message.to == ["ans@dewieg.example"]
    assert coordinator.coalition.name in message.subject
    assert "Uitnodiging" in message.subject
    assert coordinator.coalition.name in message.body
    assert "Verloskundigenpraktijk De Wieg" in message.body
    assert "Open deze link" in message.body
    assert link_in(message)


def test_accepting_sets_the_password_and_makes_an_organisation_editor(client, coordinator, organisation):
    invite(client, coordinator, organisation)
    link = link_in(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "Verloskundigenpraktijk De Wieg" in page.content.decode()
    response = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    user = get_user_model().objects.get(username="ans@dewieg.example")
    assert user.check_password(PASSWORD)
    assert user.is_staff
    membership = user.memberships.get()
    assert membership.role == Membership.Role.ORGANISATION_EDITOR
    assert membership.organisation == organisation
    # Logged in: the admin lists the organisation's services.
    assert client.get(reverse("admin:catalogue_service_changelist")).status_code == 200


def test_the_link_works_once(client, coordinator, organisation):
    invite(client, coordinator, organisation)
    link = link_in(mail.outbox[0])
    client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    again = client.post(link, {"password1": "iets-anders-123456", "password2": "iets-anders-123456"})
    assert again.status_code == 404
    assert "werkt niet meer" in again.content.decode()
    assert get_user_model().objects.get(username="ans@dewieg.example").check_password(PASSWORD)


def test_the_link_expires_after_a_week(client, coordinator, organisation, monkeypatch):
    invite(client, coordinator, organisation)
    link = link_in(mail.outbox[0])
    later = timezone.now() + timedelta(days=8)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    assert client.get(link).status_code == 404
    assert client.post(link, {"password1": PASSWORD, "password2": PASSWORD}).status_code == 404
    assert not get_user_model().objects.filter(username="ans@dewieg.example").exists()


def test_a_tampered_link_does_nothing(client, coordinator, organisation):
    first = invite(client, coordinator, organisation)
    other = invite(client, coordinator, organisation, email="bert@dewieg.example")
    signature = first.token().rsplit(":", 1)[1]
    forged = f"{other.pk}:{first.token().split(':')[1]}:{signature}"
    for token in (forged, first.token()[:-2], "1:abc:def"):
        response = client.post(
            reverse("accounts:accept_invitation", args=[token]),
            {"password1": PASSWORD, "password2": PASSWORD},
        )
        assert response.status_code == 404
    assert not get_user_model().objects.filter(username__endswith="@dewieg.example").exists()


def test_an_existing_account_joins_with_its_own_password(client, coordinator, organisation):
    existing = UserFactory(username="ans@dewieg.example")
    invite(client, coordinator, organisation)
    link = link_in(mail.outbox[0])
    assert 'name="password"' in client.get(link).content.decode()
    wrong = client.post(link, {"password": "fout-wachtwoord"})
    assert wrong.status_code == 200
    assert not existing.memberships.exists()
    assert client.post(link, {"password": "secret-password-1"}).status_code == 302
    assert existing.memberships.get().organisation == organisation


def test_a_member_of_the_coalition_cannot_be_invited_again(client, coordinator, organisation):
    client.force_login(coordinator.user)
    response = client.post(
        reverse("admin:accounts_invitation_add"),
        {"email": coordinator.user.username, "organisation": organisation.pk},
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_the_second_factor_is_asked_where_the_operator_requires_it(
    client, coordinator, organisation, settings
):
    invite(client, coordinator, organisation)
    settings.OOKBALANS_REQUIRE_2FA = True
    link = link_in(mail.outbox[0])
    client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    response = client.get(reverse("admin:catalogue_service_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:setup"))


def test_coordinators_invite_only_for_their_own_organisations(client, coordinator, organisation):
    elsewhere = OrganisationFactory(name="Organisatie elders")
    client.force_login(coordinator.user)
    form = client.get(reverse("admin:accounts_invitation_add")).context["adminform"].form
    assert list(form.fields["organisation"].queryset) == [organisation]
    response = client.post(
        reverse("admin:accounts_invitation_add"), {"email": "x@elders.example", "organisation": elsewhere.pk}
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_editors_and_others_cannot_invite(client, coordinator, organisation):
    for role in (Membership.Role.EDITOR, Membership.Role.VIEWER):
        user = Membership.objects.create(user=UserFactory(), coalition=coordinator.coalition, role=role).user
        client.force_login(user)
        assert client.get(reverse("admin:accounts_invitation_add")).status_code == 403
        assert client.get(reverse("admin:accounts_organisationeditor_changelist")).status_code == 403


def test_the_coordinator_removes_an_editor_and_the_account_closes(client, coordinator, organisation):
    invite(client, coordinator, organisation)
    client.post(link_in(mail.outbox[0]), {"password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    membership = Membership.objects.get(user__username="ans@dewieg.example")
    other = MembershipFactory(role=Membership.Role.COORDINATOR)
    editor_elsewhere = Membership.objects.create(
        user=UserFactory(),
        coalition=other.coalition,
        role=Membership.Role.ORGANISATION_EDITOR,
        organisation=OrganisationFactory(coalition=other.coalition),
    )
    client.force_login(coordinator.user)
    listing = client.get(reverse("admin:accounts_organisationeditor_changelist")).content.decode()
    assert "ans@dewieg.example" in listing
    assert editor_elsewhere.user.username not in listing
    url = reverse("admin:accounts_organisationeditor_delete", args=[editor_elsewhere.pk])
    client.post(url, {"post": "yes"})
    assert Membership.objects.filter(pk=editor_elsewhere.pk).exists()
    url = reverse("admin:accounts_organisationeditor_delete", args=[membership.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    user = get_user_model().objects.get(username="ans@dewieg.example")
    assert not user.is_active
    client.logout()
    assert not client.login(username="ans@dewieg.example", password=PASSWORD)
