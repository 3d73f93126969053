"""One definition of a field's rules: changed in the catalogue's model, the admin, the management API and
the importer all follow."""

import json

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from ookbalans.api.models import ApiToken
from ookbalans.catalogue.models import Service
from ookbalans.interchange import formats
from ookbalans.interchange.problems import ImportFailed
from tests.api.test_management import auth, new_service_document
from tests.factories import CoalitionFactory, UserFactory

pytestmark = pytest.mark.django_db

NAME = "Inloopochtend voor jonge ouders"  # 31 characters


@pytest.fixture
def shorter_names():
    """The model's rule for a service's Dutch name, changed in its one place: at most 20 characters."""
    field = Service._meta.get_field("name_nl")
    before = field.max_length
    field.__dict__.pop("validators", None)
    field.max_length = 20
    try:
        yield
    finally:
        field.max_length = before
        field.__dict__.pop("validators", None)


def admin_form_errors(name: str) -> list[str]:
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    form_class = admin.site._registry[Service].get_form(request)
    try:
        form_class.base_fields["name_nl"].clean(name)
    except ValidationError as error:
        return error.messages
    return []


def import_problems(coalition, document) -> list[str]:
    data = json.dumps({"organizations": [], "services": [document]}).encode()
    try:
        formats.import_file(coalition, data, "aanbod.json", dry_run=True)
    except ImportFailed as failed:
        return [p.field for p in failed.problems.errors]
    return []


def api_status(client, coalition, document) -> tuple[int, str]:
    _token, secret = ApiToken.issue(coalition, "website gemeente")
    answer = client.post(
        reverse("api:manage-services"), document, content_type="application/json", **auth(secret)
    )
    return answer.status_code, answer.content.decode()


def test_a_longer_name_passes_everywhere_under_the_models_rule(client):
    coalition = CoalitionFactory()
    document = new_service_document(coalition)
    document["name"] = NAME
    assert admin_form_errors(NAME) == []
    assert "name" not in import_problems(coalition, document)
    assert api_status(client, coalition, document)[0] == 201


def test_the_admin_the_api_and_the_importer_follow_a_changed_rule(client, shorter_names):
    coalition = CoalitionFactory()
    document = new_service_document(coalition)
    document["name"] = NAME
    assert admin_form_errors(NAME)
    assert "name" in import_problems(coalition, document)
    status, body = api_status(client, coalition, document)
    assert status == 400 and "20" in body
    assert not Service.objects.filter(coalition=coalition).exists()
