"""The management API answers an id of another coalition, or of nothing, with a 4xx naming the field."""

import copy
import datetime
import json
import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from ookbalans.api.models import ApiToken
from ookbalans.catalogue.models import ContactPoint, CostOption, Schedule, Service, ServiceAtLocation
from ookbalans.interchange import formats
from tests.factories import ContactPointFactory, LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def service_with_parts(coalition=None):
    """A service at a location, with opening hours, a cost option and the coalition's contact point."""
    service = ServiceFactory(**({"coalition": coalition} if coalition else {}))
    location = LocationFactory(coalition=service.coalition)
    at_location = ServiceAtLocation.objects.create(service=service, location=location)
    Schedule.objects.create(
        service_at_location=at_location, weekday=1, opens_at=datetime.time(9), closes_at=datetime.time(12)
    )
    CostOption.objects.create(service=service, kind="free")
    ContactPointFactory(coalition=service.coalition, organization=service.organization)
    return service


@pytest.fixture
def world():
    ours = service_with_parts()
    theirs = service_with_parts()
    token, secret = ApiToken.issue(ours.coalition, "koppeling")
    document = json.loads(formats.export_bytes(ours.coalition, "hsds-json"))
    return {"ours": ours, "theirs": theirs, "secret": secret, "document": document}


def theirs_of(world, model):
    return model.objects.filter(coalition=world["theirs"].coalition).get().id


def organisation(document):
    return document["organizations"][0]


def sent_service(document):
    service = document["services"][0]
    service["organization"] = organisation(document)
    return service


CHANGES = {
    "organization_id of another coalition": (
        "organization_id",
        lambda s, w: s.update(organization_id=str(w["theirs"].organization_id), organization=None),
    ),
    "organization_id of nothing": (
        "organization_id",
        lambda s, w: s.update(organization_id=str(uuid.uuid4()), organization=None),
    ),
    "nested organisation of another coalition": (
        "id",
        lambda s, w: s["organization"].update(id=str(w["theirs"].organization_id)),
    ),
    "location_id of another coalition": (
        "location_id",
        lambda s, w: s["service_at_locations"][0].update(
            location_id=str(w["theirs"].service_at_locations.get().location_id), location=None
        ),
    ),
    "location_id of nothing": (
        "location_id",
        lambda s, w: s["service_at_locations"][0].update(location_id=str(uuid.uuid4()), location=None),
    ),
    "nested location of another coalition": (
        "id",
        lambda s, w: s["service_at_locations"][0]["location"].update(
            id=str(w["theirs"].service_at_locations.get().location_id)
        ),
    ),
    "service at location of another coalition": (
        "id",
        lambda s, w: s["service_at_locations"][0].update(id=str(w["theirs"].service_at_locations.get().id)),
    ),
    "schedule of another coalition": (
        "id",
        lambda s, w: s["service_at_locations"][0]["schedules"][0].update(
            id=str(Schedule.objects.get(service_at_location__service=w["theirs"]).id)
        ),
    ),
    "cost option of another coalition": (
        "id",
        lambda s, w: s["cost_options"][0].update(id=str(w["theirs"].cost_options.get().id)),
    ),
    "contact point of another coalition": (
        "id",
        lambda s, w: s["organization"].update(
            contacts=[{**w["document"]["contacts"][0], "id": str(theirs_of(w, ContactPoint))}]
        ),
    ),
    "term of nothing": (
        "attributes",
        lambda s, w: s["attributes"][0].update(
            taxonomy_term_id=None,
            taxonomy_term={"term_uri": "https://ookbalans.nl/taxonomie/phase/bestaat_niet"},
        ),
    ),
}


def send(client, world, service, method="put"):
    url = reverse("api:manage-service", args=[service["id"]])
    with translation.override("nl"):
        return getattr(client, method)(
            url, service, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {world['secret']}"
        )


def state():
    return sorted(
        (model.__name__, str(pk))
        for model in (Service, ServiceAtLocation, Schedule, CostOption, ContactPoint)
        for pk in model.objects.values_list("pk", flat=True)
    ) + sorted(map(str, Service.objects.values_list("id", "name_nl", "organization_id", "coalition_id")))


@pytest.mark.parametrize("case", list(CHANGES))
def test_a_foreign_or_unknown_id_is_a_400_naming_the_field(client, world, case):
    field, change = CHANGES[case]
    service = sent_service(copy.deepcopy(world["document"]))
    service["name"] = "Gewijzigd"
    change(service, world)
    before = state()
    response = send(client, world, service)
    assert response.status_code == 400, response.content
    problems = response.json()["problems"]
    assert any(f"veld '{field}'" in p for p in problems), problems
    assert state() == before


def test_the_unchanged_service_is_saved(client, world):
    service = sent_service(copy.deepcopy(world["document"]))
    service["name"] = "Gewijzigd"
    response = send(client, world, service)
    assert response.status_code == 200, response.content
    assert Service.objects.get(id=service["id"]).name_nl == "Gewijzigd"


def test_another_coalitions_service_id_is_a_400_on_post_and_a_404_on_put(client, world):
    service = sent_service(copy.deepcopy(world["document"]))
    service["id"] = str(world["theirs"].id)
    assert send(client, world, service).status_code == 404
    response = client.post(
        reverse("api:manage-services"),
        service,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {world['secret']}",
    )
    assert response.status_code == 400 and any("'id'" in p for p in response.json()["problems"])
    assert Service.objects.get(id=world["theirs"].id).coalition == world["theirs"].coalition


def test_one_part_id_twice_is_a_400(client, world):
    service = sent_service(copy.deepcopy(world["document"]))
    service["cost_options"].append({**service["cost_options"][0], "option": "ook"})
    response = send(client, world, service)
    assert response.status_code == 400, response.content
    assert all("veld 'id'" in p for p in response.json()["problems"])
