"""The finder's pages: search, filters, contact point, service page, isolation and the list for a parent."""

import pytest
from django.urls import reverse

from ookbalans.catalogue.demo import demo_id
from tests.factories import CoalitionFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(shared_demo):
    """The demo coalition, loaded once for this module."""


def results(client, **params):
    return client.get(reverse("finder:results", args=["voorbeeldregio"]), params)


def test_start_page_has_a_get_search_form(client, demo):
    page = client.get(reverse("finder:start", args=["voorbeeldregio"])).content.decode()
    assert 'method="get"' in page and 'name="q"' in page
    assert "Je aanspreekpunt" in page


def test_search_finds_and_shows_the_contact_point_of_the_phase(client, demo):
    page = results(client, q="borstvoeding", fase="baby").content.decode()
    assert "Borstvoedingscafé Lochem" in page
    assert "Je aanspreekpunt" in page


def test_postcode_picks_the_municipalitys_contact_point_and_sorts_by_distance(client, demo):
    lochem = results(client, fase="zwangerschap", postcode="7241").content.decode()
    zutphen = results(client, fase="zwangerschap", postcode="7201").content.decode()
    assert lochem != zutphen
    assert "dichtstbij" in lochem


def test_due_date_maps_to_a_phase_and_is_not_kept(client, demo):
    import datetime

    due = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    response = results(client, datum=due)
    assert response.context["phase"] == "zwangerschap"
    assert not response.cookies


def test_unknown_postcode_gets_a_clear_message(client, demo):
    page = results(client, postcode="0000").content.decode()
    assert "We kennen postcode 0000 niet" in page


def test_nothing_found_says_so_and_shows_the_contact_point(client, demo):
    page = results(client, q="xyzzy").content.decode()
    assert "We vonden niets dat past" in page
    assert "Je aanspreekpunt" in page


def test_filters_for_parents(client, demo):
    free = [item.service_id for item in results(client, gratis="on").context["page"]]
    assert demo_id("service", "consultatiebureau") in free
    fathers = results(client, vaders="on", q="papa").context["page"]
    assert demo_id("service", "papa-cafe") in [item.service_id for item in fathers]


def test_service_page_shows_the_facts(client, demo):
    url = reverse("finder:service", args=["voorbeeldregio", demo_id("service", "consultatiebureau")])
    page = client.get(url).content.decode()
    for text in (
        "Waar en wanneer",
        "Kosten",
        "Hoe doe je mee",
        "Werkt het?",
        "Laatst gecontroleerd op",
        "Je aanspreekpunt",
    ):
        assert text in page


def test_inactive_and_other_coalitions_services_are_never_shown(client, demo):
    inactive = reverse("finder:service", args=["voorbeeldregio", demo_id("service", "opstapje-lochem")])
    assert client.get(inactive).status_code == 404
    other = ServiceFactory(coalition=CoalitionFactory(slug="elders"), name_nl="Borstvoeding elders")
    assert client.get(reverse("finder:service", args=["voorbeeldregio", other.pk])).status_code == 404
    page = results(client, q="borstvoeding").content.decode()
    assert "Borstvoeding elders" not in page
    assert client.get(reverse("finder:start", args=["bestaat-niet"])).status_code == 404


def test_language_in_the_url_sets_lang_and_dir(client, demo):
    page = client.get(reverse("finder:start", args=["voorbeeldregio"]), {"lang": "ar"}).content.decode()
    assert 'lang="ar" dir="rtl"' in page
    page = client.get(reverse("finder:start", args=["voorbeeldregio"])).content.decode()
    assert 'lang="nl" dir="ltr"' in page


def test_admin_stays_dutch(client, demo):
    page = client.get("/admin/login/", {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="nl"' in page


def test_list_for_a_parent_is_a_short_url_without_personal_data(client, demo):
    codes = [demo_id("service", key).hex[:8] for key in ("papa-cafe", "budgetcoach")]
    response = client.get(reverse("finder:make_list", args=["voorbeeldregio"]), {"s": codes, "lang": "en"})
    assert response.status_code == 302
    assert response.url == f"/voorbeeldregio/lijst/{codes[0]}.{codes[1]}/?lang=en"
    listed = client.get(response.url)
    assert [item.service.pk for item in listed.context["found"]] == [
        demo_id("service", "papa-cafe"),
        demo_id("service", "budgetcoach"),
    ]
    assert 'lang="en"' in listed.content.decode()
    assert not listed.cookies


def test_a_chosen_language_does_not_outlive_its_request(client, demo):
    from django.utils import translation

    client.get(reverse("finder:start", args=["voorbeeldregio"]), {"lang": "en"})
    assert translation.get_language() != "en"


def test_no_money_for_nappies_shows_the_baby_outfit_in_the_top_three(client, demo):
    page = results(client, q="geen geld voor luiers").context["page"]
    top = [item.service_id for item in page.object_list[:3]]
    assert demo_id("service", "babyspullen") in top


def test_about_shows_the_thesaurus_term_in_the_page_language(client, demo):
    query = "ik ben moe en verdrietig na de bevalling"
    english = results(client, q=query, lang="en").content.decode()
    assert '<span lang="en">postnatal depression</span>' in english
    dutch = results(client, q=query).content.decode()
    assert '<span lang="nl" dir="ltr">somberheid na de bevalling</span>' in dutch
