"""schemathesis against the app's own OpenAPI document, in-process through WSGI: no request ends in a 5xx."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from ookbalans.api import openapi

# The document the app serves, with its server on the WSGI app; generated cases call the app in-process.
schema = schemathesis.openapi.from_dict(openapi.document_for("/api/hsds/voorbeeldregio"))
APP = get_wsgi_application()


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Like Django's test client: a request must not close the connection holding the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("wsgi_keeps_the_test_connection")
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_is_a_server_error(case, demo):
    response = case.call(app=APP)
    assert response.status_code < 500, (case.as_curl_command(), response.text[:500])
    if case.method == "GET" and response.status_code == 200:
        headers = {key.lower(): value for key, value in response.headers.items()}
        assert headers["content-type"][0].startswith("application/json")
