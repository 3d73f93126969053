"""A stored address that is not http, https, mailto or tel is never rendered as a link on a finder page."""

import pytest
from django.urls import reverse

from tests.factories import ContactPointFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_a_javascript_address_is_shown_but_not_linked(client):
    service = ServiceFactory(url="javascript:alert(1)", online=True, online_url="data:text/html,x")
    ContactPointFactory(coalition=service.coalition, website="vbscript:msgbox(1)")
    page = client.get(reverse("finder:service", args=[service.coalition.slug, service.pk])).content.decode()
    assert "Het consultatiebureau" in page  # the contact point is on the page
    for address in ("javascript:", "data:text/html", "vbscript:"):
        assert f'href="{address}' not in page
    assert "data:text/html,x" in page  # the online address is still shown, as text


def test_a_web_address_is_linked(client):
    service = ServiceFactory(
        url="https://www.example.nl/", online=True, online_url="https://online.example.nl/"
    )
    ContactPointFactory(coalition=service.coalition, website="https://www.cb.example.nl/")
    page = client.get(reverse("finder:service", args=[service.coalition.slug, service.pk])).content.decode()
    for address in ("https://www.example.nl/", "https://online.example.nl/", "https://www.cb.example.nl/"):
        assert f'href="{address}"' in page
