"""A parent's path through the finder in Chromium, in Dutch and Arabic; WCAG, no JavaScript, page weight."""

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ookbalans.catalogue import reference
from ookbalans.catalogue.models import Language, Municipality, NationalIntervention, PostcodeArea
from tests.demo import load_indexed_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
MAX_PAGE_BYTES = 50 * 1024

# What the parent sees, per language: the search button, filter choices, and texts to look for.
PATH = {
    "nl": {
        "search": "Zoeken",
        "more": "Meer keuzes",
        "show": "Laat steun zien",
        "contact": "Je aanspreekpunt",
    },
    "ar": {"search": "ابحث", "more": "خيارات أكثر", "show": "اعرض الدعم", "contact": "جهة الاتصال الخاصة بك"},
}


@pytest.fixture
def demo():
    # A transactional test empties every table afterwards, also the reference data the
    # migrations loaded; put it back before loading the demo coalition.
    if not Municipality.objects.exists():
        reference.load_municipalities(Municipality)
        reference.load_postcode_areas(PostcodeArea)
        reference.load_languages(Language)
        reference.load_interventions(NationalIntervention)
    load_indexed_demo()


def assert_no_violations(page):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_parent_searches_filters_opens_a_service_and_switches_language(
    live_server, browser, demo, language
):
    words = PATH[language]
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 800})
    page = context.new_page()
    query = "" if language == "nl" else "?lang=ar"
    page.goto(live_server.url + "/" + query)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert_no_violations(page)

    page.get_by_role("link", name="Kansrijke Start Voorbeeldregio").click()
    assert_no_violations(page)
    page.get_by_role("searchbox").or_(page.locator("input[name=q]")).first.fill("borstvoeding")
    page.get_by_role("button", name=words["search"]).click()
    assert "q=borstvoeding" in page.url
    expect(page.get_by_role("link", name="Borstvoedingscafé Lochem").first).to_be_visible()
    page.get_by_text(words["more"]).click()
    page.locator("select[name=fase]").select_option("baby")
    page.locator("input[name=postcode]").fill("7241")
    page.get_by_role("button", name=words["show"]).click()
    assert "fase=baby" in page.url and "postcode=7241" in page.url
    expect(page.locator(".result").first).to_be_visible()
    expect(page.get_by_role("heading", name=words["contact"])).to_be_visible()
    assert_no_violations(page)

    page.get_by_role("link", name="Borstvoedingscafé Lochem").first.click()
    assert "/aanbod/" in page.url
    expect(page.get_by_role("heading", name=words["contact"])).to_be_visible()
    assert_no_violations(page)

    other = "ar" if language == "nl" else "nl"
    page.locator(f".language-switch a[lang={other}]").click()
    assert page.locator("html").get_attribute("lang") == other
    assert "/aanbod/" in page.url
    context.close()


def test_the_same_search_works_without_javascript(live_server, browser, demo):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + "/voorbeeldregio/")
    page.locator("input[name=q]").fill("geldzorgen")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Budgetcoach: grip op je geld")).to_be_visible()
    page.get_by_role("link", name="Budgetcoach: grip op je geld").click()
    expect(page.get_by_role("heading", name="Je aanspreekpunt")).to_be_visible()
    context.close()


def test_a_results_page_is_light_and_stays_on_the_site(live_server, browser, demo):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    requests, sizes = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: sizes.append(len(response.body())))
    page.goto(live_server.url + "/voorbeeldregio/zoeken/?q=baby", wait_until="networkidle")
    site = urlparse(live_server.url).netloc
    assert all(urlparse(url).netloc == site for url in requests if not url.startswith("data:")), requests
    assert sum(sizes) < MAX_PAGE_BYTES, sum(sizes)
    context.close()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_professionals_list_for_a_parent_fits_a_phone_and_has_no_violations(
    live_server, browser, demo, language
):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/voorbeeldregio/professionals/?q=geldzorgen")
    boxes = page.locator("input[name=s]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.select_option("#list-language", language)
    page.locator("#list-form button").click()
    assert "/lijst/" in page.url
    assert page.locator("html").get_attribute("lang") == language
    assert len(page.locator(".result").all()) == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    list_url = page.url
    context.close()
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(list_url)
    assert_no_violations(page)
    page.goto(
        live_server.url
        + "/voorbeeldregio/professionals/?q=geldzorgen"
        + ("&lang=ar" if language == "ar" else "")
    )
    assert_no_violations(page)
    context.close()
