"""The landing page says in plain Dutch what ookbalans is and leads coordinators to the admin."""

import pytest
from django.urls import reverse

from tests.factories import CoalitionFactory

pytestmark = pytest.mark.django_db


def test_landing_page_explains_ookbalans_in_dutch(client):
    response = client.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl" dir="ltr">' in page
    assert "Kansrijke Start" in page
    assert "Wat is ookbalans?" in page
    assert reverse("admin:index") in page


def test_coalitions_are_listed_and_demo_data_is_marked_on_every_page(client, admin_client):
    CoalitionFactory(name="Kansrijke Start Voorbeeldregio", is_demo=True)
    page = client.get("/").content.decode()
    assert "Kansrijke Start Voorbeeldregio" in page
    assert "Demo: alleen verzonnen voorbeelden." in page  # the public pages' one-line notice
    assert "demonstratiegegevens" in client.get(reverse("admin:login")).content.decode()
    assert "demonstratiegegevens" in admin_client.get(reverse("admin:index")).content.decode()


def test_no_demo_notice_without_demo_data(client):
    CoalitionFactory(name="Kansrijke Start Echt", is_demo=False)
    assert "demonstratiegegevens" not in client.get("/").content.decode()


def test_admin_answers_in_dutch(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert "Gebruikersnaam" in response.content.decode()


def test_the_stylesheet_is_served_by_the_app_itself(client):
    response = client.get("/static/ookbalans/site.css")
    assert response.status_code == 200
    assert b"--ook-color-primary" in b"".join(response.streaming_content)


def test_landing_page_leads_coordinators_to_every_tool(client):
    page = client.get("/").content.decode()
    for url in ("/admin/", "/analyse/", "/visie/", "/uitwisseling/", "/api/hsds/"):
        assert f'href="{url}"' in page, url
    assert "Gap-analyse" in page and "Lokale visie" in page


def test_logged_in_users_find_their_tools_in_the_menu(admin_client, client):
    menu = admin_client.get("/").content.decode().split("</nav>")[0]
    assert 'href="/analyse/"' in menu and 'href="/visie/"' in menu and ">Beheer<" in menu
    anonymous_menu = client.get("/").content.decode().split("</nav>")[0]
    assert 'href="/analyse/"' not in anonymous_menu


def test_the_tools_are_named_in_the_parents_language_too(client):
    page = client.get("/?lang=ar").content.decode()
    assert "تحليل الفجوات" in page


def test_every_page_links_to_the_accessibility_statement(client):
    page = client.get("/").content.decode()
    assert 'href="/toegankelijkheid/"' in page
    statement = client.get("/toegankelijkheid/")
    assert statement.status_code == 200
    text = statement.content.decode()
    assert "<h1>Toegankelijkheidsverklaring</h1>" in text
    assert "WCAG 2.2" in text and "moedertaalsprekers" in text


def test_the_accessibility_statement_in_arabic_runs_right_to_left(client):
    text = client.get("/toegankelijkheid/?lang=ar").content.decode()
    assert 'lang="ar" dir="rtl"' in text
    assert "بيان إمكانية الوصول" in text
    assert 'href="/toegankelijkheid/?lang=ar"' in text
