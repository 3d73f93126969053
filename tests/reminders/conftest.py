"""A small coalition with editors, a coordinator and services due, not due and of another coalition."""

import datetime

import pytest
from django.utils import timezone

from ookbalans.catalogue.models import Membership, Service
from ookbalans.reminders.models import CheckInterval
from tests.factories import (
    CoalitionFactory,
    MembershipFactory,
    OrganisationFactory,
    ServiceFactory,
    UserFactory,
)


def months_ago(months: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=round(months * 30.5))


@pytest.fixture
def world(db):
    coalition = CoalitionFactory(name="Kansrijke Start Oostdorp", email="kansrijk@oostdorp.example")
    coordinator = MembershipFactory(
        coalition=coalition,
        role=Membership.Role.COORDINATOR,
        user=UserFactory(username="coordinator1", email="coordinator@oostdorp.example"),
    ).user
    with_editors = OrganisationFactory(coalition=coalition, name="Verloskundigen Oost")
    without_editors = OrganisationFactory(coalition=coalition, name="Buurthuis Oost")
    editors = [
        MembershipFactory(
            coalition=coalition,
            role=Membership.Role.ORGANISATION_EDITOR,
            organisation=with_editors,
            user=UserFactory(
                username=f"redacteur{n}", email=f"redacteur{n}@oost.example", first_name=f"Redacteur {n}"
            ),
        ).user
        for n in (1, 2)
    ]

    def service(name, organisation, checked, **extra):
        return ServiceFactory(
            coalition=coalition, organization=organisation, name_nl=name, last_checked_on=checked, **extra
        )

    services = {
        "due_editors": service("Zwangerschapsspreekuur", with_editors, months_ago(7)),
        "fresh_editors": service("Echo", with_editors, months_ago(1)),
        "inactive": service("Oude cursus", with_editors, months_ago(9), status=Service.Status.INACTIVE),
        "due_coordinator": service("Koffieochtend", without_editors, months_ago(8)),
        "own_long": service("Website met informatie", without_editors, months_ago(7)),
        "own_short": service("Inloopspreekuur", without_editors, months_ago(4)),
    }
    CheckInterval.objects.create(service=services["own_long"], months=12)
    CheckInterval.objects.create(service=services["own_short"], months=3)
    other = ServiceFactory(name_nl="Dienst elders", last_checked_on=months_ago(20))
    return {
        "coalition": coalition,
        "coordinator": coordinator,
        "editors": editors,
        "services": services,
        "other": other,
    }
