"""Issue 14: a finder made for parents (phone, Arabic) and professionals, tested on the demo coalition."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from ookbalans.catalogue.demo import DEMO_FILE, demo_id

pytestmark = pytest.mark.django_db

EVEN_WEEKS = "borstvoedingscafe-lochem"  # opens in even weeks ("Even weken")


@pytest.fixture(scope="module")
def demo(shared_demo):
    """The demo coalition, loaded once for this module."""


def get(client, name, *args, **params):
    return client.get(reverse(f"finder:{name}", args=["voorbeeldregio", *args]), params).content.decode()


def service_url_args(key):
    return [demo_id("service", key)]


def test_the_demos_most_found_services_are_translated_in_every_language():
    services = json.loads(DEMO_FILE.read_text(encoding="utf-8"))["services"]
    complete = [
        s
        for s in services
        if all(s.get("translations", {}).get(language) for language in ("en", "ar", "tr", "pl", "uk"))
    ]
    assert len(complete) >= 30


def test_arabic_service_page_isolates_phone_email_times_and_translates_texts(client, demo):
    page = get(client, "service", *service_url_args("consultatiebureau"), lang="ar")
    assert re.search(r'<a href="tel:[0-9+]+" dir="ltr">', page)
    assert re.search(r'<a href="mailto:[^"]+" dir="ltr">', page)
    assert re.search(r'<bdi dir="ltr">\d\d:\d\d–\d\d:\d\d</bdi>', page)
    assert "مركز رعاية الطفل" in page  # the service's own name in Arabic
    assert "ممرضة الأطفال في مركز رعاية الطفل" in page  # the contact point's name in Arabic


def test_opening_notes_and_language_names_are_translated(client, demo):
    main = get(client, "service", *service_url_args(EVEN_WEEKS), lang="ar").split("<main")[1]
    assert "Even weken" not in main and "في الأسابيع الزوجية" in main
    main = get(client, "service", *service_url_args("consultatiebureau"), lang="ar").split("<main")[1]
    assert '<span lang="ar">الهولندية</span>' in main and ">Nederlands</span>" not in main


def test_untranslated_service_text_is_marked_dutch_with_a_notice(client, demo):
    page = get(client, "service", *service_url_args("rookvrij-opgroeien"), lang="tr")
    assert re.search(r'<h1 lang="nl" dir="ltr">', page)
    assert "Felemenkçe" in page or "Hollandaca" in page


def test_the_header_holds_the_language_behind_one_control_and_the_login_in_the_footer(client, demo):
    page = get(client, "start")
    header = page.split('<header class="site-header">')[1].split("</header>")[0]
    assert '<details class="language-switch">' in header
    assert "Inloggen voor coördinatoren" not in header
    footer = page.split('<footer class="site-footer">')[1]
    assert "Inloggen voor coördinatoren" in footer


def test_filters_put_each_checkbox_before_its_own_label(client, demo):
    page = get(client, "results", q="baby")
    assert re.search(
        r'<div class="check"><input type="checkbox" name="gratis"[^>]*><label for="id_gratis">', page
    )
    assert "Alleen gratis:" not in page


def test_a_due_date_is_read_back_in_words(client, demo):
    due = datetime.date.today() + datetime.timedelta(weeks=16)
    assert "Je bent ongeveer 24 weken zwanger." in get(client, "results", datum=due.isoformat())
    assert "De ouder is ongeveer 24 weken zwanger." in get(client, "professionals", datum=due.isoformat())


def test_filtered_results_put_the_phases_contact_point_and_the_basis_first(client, demo):
    page = get(client, "results", fase="baby")
    names = re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a></h3>', page)
    # The baby phase's contact point is the youth nurse of the JGZ: its services come first.
    assert names[0] in (
        "CenteringOuderschap: consultatiebureau in een groep",
        "Consultatiebureau (0 tot 4 jaar)",
    )
    assert "het aanspreekpunt en de basis eerst" in page


def test_back_from_a_service_keeps_the_search(client, demo):
    page = get(client, "results", q="geldzorgen", gratis="on")
    link = re.search(r'href="(/voorbeeldregio/aanbod/[^"]+)"', page).group(1).replace("&amp;", "&")
    service = client.get(link).content.decode()
    back = re.search(r'<a href="([^"]+)">Terug naar je zoekopdracht</a>', service).group(1)
    assert "q=geldzorgen" in back and "gratis=on" in back and back.startswith("/voorbeeldregio/zoeken/")


def test_a_postcode_outside_the_region_says_so(client, demo):
    page = get(client, "results", postcode="9999")
    assert "buiten het gebied van Kansrijke Start Voorbeeldregio" in page
    assert "buiten het gebied" not in get(client, "results", postcode="7201")


def test_professionals_see_their_own_wording_and_what_they_need_to_choose(client, demo):
    page = get(client, "professionals", q="geldzorgen")
    assert "Wat heeft de ouder nodig?" in page and "Waar zoek je naar?" not in page
    assert "Aanspreekpunt van de ouder" in page and "Je aanspreekpunt" not in page
    for label in ("Niveau in de ondersteuningspiramide", "Werkt het?", "Doelgroep", "Kosten", "Wachttijd"):
        assert f"<dt>{label}</dt>" in page
    assert page.count("Maak een lijst voor de ouder") == 2
    assert re.search(r'<label for="pick-[0-9a-f]+">Op de lijst zetten<span class="visually-hidden">', page)
    assert '<script src="/static/finder/finder.js" defer></script>' in page


def test_the_parents_list_has_places_times_a_print_button_and_one_contact_point(client, demo):
    codes = [demo_id("service", key).hex[:8] for key in ("consultatiebureau", "papa-cafe")]
    response = client.get(
        reverse("finder:make_list", args=["voorbeeldregio"]), {"s": codes, "lang": "ar", "fase": "baby"}
    )
    assert response.status_code == 302 and "fase=baby" in response.url and "lang=ar" in response.url
    page = client.get(response.url).content.decode()
    assert re.search(r'<bdi dir="ltr">\d\d:\d\d–\d\d:\d\d</bdi>', page)  # opening times
    assert "Warnsveld" in page  # an address of the clinic
    assert '<button type="button" data-print hidden>' in page
    assert page.count('class="point"') == 1
    assert "ممرضة الأطفال في مركز رعاية الطفل" in page
    assert re.search(r'<a href="tel:[0-9+]+" dir="ltr">', page)


def test_the_service_page_offers_read_aloud_and_key_facts_as_icons(client, demo):
    page = get(client, "service", *service_url_args("consultatiebureau"))
    assert re.search(r"<button[^>]*data-read-aloud[^>]*hidden|<button[^>]*hidden[^>]*data-read-aloud", page)
    assert '<use href="#i-free"/></svg>Gratis' in page
    assert '<use href="#i-home"/></svg>' in page
