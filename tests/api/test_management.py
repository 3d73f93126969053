"""The management API: a token per coalition, shown once, stored hashed; create, update, deactivate."""

import json

import pytest
from django.urls import reverse

from ookbalans.api.models import ApiToken, hash_token
from ookbalans.catalogue.models import Membership, Service
from ookbalans.interchange import formats
from tests.factories import CoalitionFactory, MembershipFactory, OrganisationFactory, ServiceFactory
from tests.interchange.schemas import errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def coalition_token():
    coalition = CoalitionFactory()
    token, secret = ApiToken.issue(coalition, "website gemeente")
    return coalition, token, secret


def auth(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def new_service_document(coalition):
    organisation = OrganisationFactory(coalition=coalition)
    template = ServiceFactory(coalition=coalition, organization=organisation)
    document = json.loads(formats.export_bytes(coalition, "hsds-json"))["services"][0]
    template.delete()
    document["id"] = "0e8f6a4c-1d2b-4c3d-9e8f-7a6b5c4d3e2f"
    document["name"] = "Inloopochtend"
    for key in ("service_at_locations", "cost_options", "last_modified"):
        document.pop(key, None)
    document["attributes"] = [
        a
        for a in document["attributes"]
        if a["link_type"] != "kenmerk" or a["taxonomy_term"]["code"] != "korte_beschrijving"
    ]
    return document


def test_token_is_stored_hashed_and_only_its_prefix_is_kept(coalition_token):
    coalition, token, secret = coalition_token
    assert secret.startswith("ookb_") and len(secret) > 40
    assert token.key_hash == hash_token(secret) and secret not in token.key_hash
    assert ApiToken.find(secret) == token
    token.revoke()
    assert ApiToken.find(secret) is None


def test_create_update_and_deactivate_a_service(client, coalition_token):
    coalition, token, secret = coalition_token
    document = new_service_document(coalition)
    created = client.post(
        reverse("api:manage-services"), document, content_type="application/json", **auth(secret)
    )
    assert created.status_code == 201, created.content
    assert not errors(created.json(), "service.json")
    service = Service.objects.get(id=document["id"])
    assert service.coalition == coalition and service.name_nl == "Inloopochtend"
    document["name"] = "Inloopochtend voor ouders"
    url = reverse("api:manage-service", args=[document["id"]])
    updated = client.put(url, document, content_type="application/json", **auth(secret))
    assert updated.status_code == 200 and updated.json()["name"] == "Inloopochtend voor ouders"
    assert client.delete(url, **auth(secret)).status_code == 204
    service.refresh_from_db()
    assert service.status == "inactive"
    assert client.get(f"/api/hsds/services/{service.id}").status_code == 404


def test_bad_service_is_refused_with_every_problem(client, coalition_token):
    coalition, token, secret = coalition_token
    response = client.post(
        reverse("api:manage-services"),
        {"id": "x", "status": "soms"},
        content_type="application/json",
        **auth(secret),
    )
    assert response.status_code == 400
    assert len(response.json()["problems"]) >= 3
    assert not Service.objects.exists()


def test_no_token_a_revoked_token_or_another_coalition_is_refused(client, coalition_token):
    coalition, token, secret = coalition_token
    other = ServiceFactory()
    url = reverse("api:manage-service", args=[other.id])
    assert client.delete(url).status_code in (401, 403)
    assert client.delete(url, **auth("ookb_verzonnen")).status_code == 401
    assert client.delete(url, **auth(secret)).status_code == 404
    assert client.put(url, {"name": "x"}, content_type="application/json", **auth(secret)).status_code == 404
    other.refresh_from_db()
    assert other.status == "active"
    token.revoke()
    own = ServiceFactory(coalition=coalition)
    assert client.delete(reverse("api:manage-service", args=[own.id]), **auth(secret)).status_code == 401


def test_coordinator_makes_a_token_in_the_admin_and_sees_it_once(client):
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(membership.user)
    response = client.post(
        reverse("admin:api_apitoken_add"),
        {"coalition": membership.coalition.id, "name": "JGZ-systeem"},
        follow=True,
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(coalition=membership.coalition)
    shown = [str(m) for m in response.context["messages"]]
    secret = next(word for m in shown for word in m.split() if word.startswith("ookb_"))
    assert ApiToken.find(secret) == token
    page = client.get(reverse("admin:api_apitoken_change", args=[token.pk])).content.decode()
    assert secret not in page


def test_editors_and_other_coalitions_cannot_make_tokens(client):
    editor = MembershipFactory(role=Membership.Role.EDITOR)
    client.force_login(editor.user)
    assert client.get(reverse("admin:api_apitoken_add")).status_code == 403
    coordinator = MembershipFactory(role=Membership.Role.COORDINATOR)
    client.force_login(coordinator.user)
    response = client.post(reverse("admin:api_apitoken_add"), {"coalition": editor.coalition.id, "name": "x"})
    assert response.status_code == 200  # the form refuses a coalition the user does not coordinate
    assert not ApiToken.objects.exists()
    ApiToken.issue(editor.coalition, "elders")
    assert editor.coalition.name not in client.get(reverse("admin:api_apitoken_changelist")).content.decode()


@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,x", "vbscript:msgbox(1)"])
def test_a_dangerous_link_is_refused_and_never_served(client, coalition_token, address):
    coalition, token, secret = coalition_token
    document = new_service_document(coalition)
    document["url"] = address
    response = client.post(
        reverse("api:manage-services"), document, content_type="application/json", **auth(secret)
    )
    assert response.status_code == 400
    problems = response.json()["problems"]
    assert len(problems) == 1 and "'url'" in problems[0] and "mailto: of tel:" in problems[0], problems
    assert not Service.objects.filter(id=document["id"]).exists()
    assert address not in client.get("/api/hsds/services").content.decode()
