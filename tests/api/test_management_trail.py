"""The audit trail of the management API: tokens made and revoked, organisations and locations in a body."""

import copy
import json
import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from ookbalans.api import trail
from ookbalans.api.models import ApiToken
from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import Location, Membership, Organisation
from ookbalans.interchange import formats
from tests.api.test_management_references import service_with_parts
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

Action = Entry.Action


def token_entries(token):
    return list(Entry.objects.filter(object_type="api.apitoken", object_id=str(token.pk)).order_by("id"))


def test_a_token_made_and_revoked_in_the_admin_is_in_the_trail_without_its_hash(client):
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(membership.user)
    client.post(
        reverse("admin:api_apitoken_add"), {"coalition": membership.coalition.id, "name": "JGZ-systeem"}
    )
    token = ApiToken.objects.get()
    client.post(
        reverse("admin:api_apitoken_changelist"), {"action": "revoke", "_selected_action": [token.pk]}
    )
    token.refresh_from_db()
    assert token.revoked_at is not None
    created, revoked = token_entries(token)
    assert (created.action, revoked.action) == (Action.CREATED, Action.DEACTIVATED)
    for entry in (created, revoked):
        assert entry.actor == membership.user
        assert entry.coalition_id == membership.coalition_id
        assert token.key_hash not in json.dumps(entry.changes)
        assert "key_hash" not in entry.changes
    assert created.changes["name"] == [None, "JGZ-systeem"]
    assert list(revoked.changes) == ["revoked_at"]
    # The coordinator reads both in the Logboek.
    listing = client.get(reverse("admin:audit_entry_changelist")).content.decode()
    assert "JGZ-systeem" in listing


def test_using_a_token_is_no_entry(client):
    service = service_with_parts()
    token, secret = ApiToken.issue(service.coalition, "koppeling")
    url = reverse("api:manage-service", args=[service.pk])
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    assert [entry.action for entry in token_entries(token)] == [Action.CREATED]


def test_the_ids_a_body_names():
    organisation, location, other = (str(uuid.uuid4()) for _ in range(3))
    body = {
        "organization_id": organisation.upper(),
        "organization": {"id": organisation, "locations": [{"id": other}, "x", {"id": "geen-uuid"}]},
        "service_at_locations": [{"location_id": location}, {"location": {"id": other}}, 7],
    }
    assert trail.named_ids(body) == ({organisation}, {location, other})
    assert trail.named_ids({"organization": "x", "service_at_locations": None}) == (set(), set())


def put(client, secret, body):
    with translation.override("nl"):
        return client.put(
            reverse("api:manage-service", args=[body["id"]]),
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {secret}",
        )


def test_organisations_and_locations_created_or_changed_in_a_service_body_are_in_the_trail(client):
    service = service_with_parts()
    token, secret = ApiToken.issue(service.coalition, "koppeling")
    document = json.loads(formats.export_bytes(service.coalition, "hsds-json"))
    body = copy.deepcopy(document["services"][0])
    new_organisation = {**document["organizations"][0], "id": str(uuid.uuid4()), "name": "Praktijk Nieuw"}
    new_organisation.pop("locations", None)
    new_organisation.pop("contacts", None)
    body["organization"], body["organization_id"] = new_organisation, new_organisation["id"]
    [place] = body["service_at_locations"]
    location = copy.deepcopy(document["organizations"][0].get("locations", [None])[0] or place["location"])
    location.update(id=str(uuid.uuid4()), name="Buurthuis De Hoek")
    place.pop("location_id", None)
    place["location"] = location
    place["id"] = str(uuid.uuid4())
    for schedule in place.get("schedules", []):
        schedule.update(id=str(uuid.uuid4()), service_at_location_id=place["id"])
    response = put(client, secret, body)
    assert response.status_code == 200, response.content
    organisation = Organisation.objects.get(pk=new_organisation["id"])
    created_location = Location.objects.get(pk=location["id"])
    for obj, name in ((organisation, "Praktijk Nieuw"), (created_location, "Buurthuis De Hoek")):
        [entry] = Entry.objects.filter(object_id=str(obj.pk))
        assert entry.action == Action.CREATED and entry.object_repr.startswith(name)
        assert entry.actor_name == f"beheer-API: {token}"
        assert entry.coalition_id == service.coalition_id
    # Changing the organisation's name in the next body is a change; sending it unchanged is nothing.
    body["organization"]["name"] = "Praktijk Nieuw en Anders"
    assert put(client, secret, body).status_code == 200
    assert put(client, secret, body).status_code == 200
    entries = list(Entry.objects.filter(object_id=str(organisation.pk)).order_by("id"))
    assert [entry.action for entry in entries] == [Action.CREATED, Action.CHANGED]
    assert entries[1].changes == {"name": ["Praktijk Nieuw", "Praktijk Nieuw en Anders"]}
    assert Entry.objects.filter(object_id=str(created_location.pk)).count() == 1
