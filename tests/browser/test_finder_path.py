"""A parent's path through the finder in Chromium, in Dutch and Arabic; WCAG, no JavaScript, page weight."""

import datetime
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ookbalans.catalogue import reference
from ookbalans.catalogue.demo import demo_id
from ookbalans.catalogue.models import Language, Municipality, NationalIntervention, PostcodeArea
from tests.browser import WCAG_AA
from tests.demo import load_indexed_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_PAGE_BYTES = 50 * 1024

# What the parent sees, per language: the search button, filter choices, and texts to look for.
PATH = {
    "nl": {
        "search": "Zoeken",
        "more": "Meer keuzes",
        "show": "Laat steun zien",
        "contact": "Je aanspreekpunt",
        "cafe": "Borstvoedingscafé Lochem",
    },
    "ar": {
        "search": "ابحث",
        "more": "خيارات أكثر",
        "show": "اعرض الدعم",
        "contact": "جهة الاتصال الخاصة بك",
        "cafe": "مقهى الرضاعة الطبيعية في لوخم",
    },
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
    expect(page.get_by_role("link", name=words["cafe"]).first).to_be_visible()
    page.get_by_text(words["more"]).click()
    page.locator("select[name=fase]").select_option("baby")
    page.locator("input[name=postcode]").fill("7241")
    page.get_by_role("button", name=words["show"]).click()
    assert "fase=baby" in page.url and "postcode=7241" in page.url
    expect(page.locator(".result").first).to_be_visible()
    expect(page.get_by_role("heading", name=words["contact"])).to_be_visible()
    assert_no_violations(page)

    page.get_by_role("link", name=words["cafe"]).first.click()
    assert "/aanbod/" in page.url
    expect(page.get_by_role("heading", name=words["contact"])).to_be_visible()
    assert_no_violations(page)

    other = "ar" if language == "nl" else "nl"
    page.locator(".language-switch summary").click()
    assert_no_violations(page)
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


# Issue 14: made for parents on a phone (and in Arabic) and for professionals.
MAX_HEADER_PX = 200
PHONE = {"width": 390, "height": 844}
READ_BACK = {"nl": "Je bent ongeveer", "ar": "أنتِ تقريبًا في الأسبوع"}


def service_path(key: str) -> str:
    return f"/voorbeeldregio/aanbod/{demo_id('service', key)}/"


def with_language(path: str, language: str) -> str:
    if language == "nl":
        return path
    return path + ("&" if "?" in path else "?") + f"lang={language}"


def assert_phone_numbers_run_left_to_right(page):
    directions = page.eval_on_selector_all(
        'a[href^="tel:"]', "links => links.map(link => getComputedStyle(link).direction)"
    )
    assert directions and set(directions) == {"ltr"}, directions


def header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().bottom")


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_parent_on_a_phone_gets_a_compact_header_and_left_to_right_numbers(
    live_server, browser, demo, language
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for path in ("/voorbeeldregio/", "/voorbeeldregio/zoeken/?fase=baby"):
        page.goto(live_server.url + with_language(path, language))
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        title_top = page.evaluate("document.querySelector('h1').getBoundingClientRect().top")
        assert title_top <= MAX_HEADER_PX, (path, title_top)
        assert_phone_numbers_run_left_to_right(page)
    # The service page: its own phone number, the contact point's, and opening times.
    page.goto(
        live_server.url + with_language(service_path("consultatiebureau") + "?q=consultatiebureau", language)
    )
    assert header_bottom(page) <= MAX_HEADER_PX
    assert_phone_numbers_run_left_to_right(page)
    times = page.eval_on_selector_all("bdi[dir=ltr]", "els => els.map(el => getComputedStyle(el).direction)")
    assert times and set(times) == {"ltr"}
    expect(page.locator("button[data-read-aloud]")).to_be_visible()  # Chromium has speechSynthesis
    assert_no_violations(page)
    page.locator(".read-aloud-skip a").first.click()  # 'back' keeps the search
    assert "q=consultatiebureau" in page.url
    # A due date read back, filters open, and a postcode outside the region.
    due = (datetime.date.today() + datetime.timedelta(weeks=16)).isoformat()
    page.goto(live_server.url + with_language(f"/voorbeeldregio/zoeken/?datum={due}&postcode=9999", language))
    expect(page.locator(".reading")).to_contain_text(READ_BACK[language])
    expect(page.locator(".notice").first).to_contain_text("9999")
    page.locator(".filters summary").click()
    box = page.locator("label[for=id_gratis]").bounding_box()
    assert box["height"] >= 44
    assert_no_violations(page)
    page.locator(".language-switch summary").click()
    assert_no_violations(page)
    context.close()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_professional_makes_a_list_with_addresses_and_times(live_server, browser, demo, language):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/voorbeeldregio/professionals/?q=borstvoeding&fase=baby")
    expect(page.locator(".pro-facts").first).to_be_visible()
    counter = page.locator(".picked-count").first
    expect(counter).to_have_text("0")
    page.locator("label[for^=pick-]").nth(0).click()
    page.locator("label[for^=pick-]").nth(1).click()
    expect(counter).to_have_text("2")
    expect(page.locator(".list-form-end .picked-count")).to_have_text("2")
    assert_no_violations(page)
    page.select_option("#list-language", language)
    page.locator(".list-form-end button").click()  # the button below the results
    assert "/lijst/" in page.url and "fase=baby" in page.url
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator(".result")).to_have_count(2)
    expect(page.locator(".places").first).to_contain_text(":")  # opening times
    assert page.locator(".places .places li, .places li li").count() >= 1
    expect(page.locator("button[data-print]")).to_be_visible()
    expect(page.locator(".contact-point .point")).to_have_count(1)
    assert_phone_numbers_run_left_to_right(page)
    assert_no_violations(page)
    context.close()


def test_the_new_pages_stay_light_local_and_work_without_javascript(live_server, browser, demo):
    codes = ".".join(
        demo_id("service", key).hex[:8] for key in ("consultatiebureau", "papa-cafe", "voedselbank")
    )
    paths = [
        "/voorbeeldregio/?lang=ar",
        "/voorbeeldregio/zoeken/?fase=baby&lang=ar",
        service_path("consultatiebureau") + "?lang=ar",
        "/voorbeeldregio/professionals/?q=geldzorgen",
        f"/voorbeeldregio/lijst/{codes}/?lang=ar&fase=baby",
    ]
    site = urlparse(live_server.url).netloc
    for path in paths:
        context = browser.new_context()
        page = context.new_page()
        requests, sizes = [], []
        page.on("request", lambda request, requests=requests: requests.append(request.url))
        page.on("response", lambda response, sizes=sizes: sizes.append(len(response.body())))
        page.goto(live_server.url + path, wait_until="networkidle")
        assert all(urlparse(url).netloc == site for url in requests if not url.startswith("data:")), requests
        assert sum(sizes) < MAX_PAGE_BYTES, (path, sum(sizes))
        context.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + service_path("consultatiebureau"))
    expect(page.locator("button[data-read-aloud]")).to_be_hidden()  # absent without JavaScript
    expect(page.get_by_role("heading", name="Je aanspreekpunt")).to_be_visible()
    page.goto(live_server.url + f"/voorbeeldregio/lijst/{codes}/?fase=baby")
    expect(page.locator("button[data-print]")).to_be_hidden()
    expect(page.locator(".result")).to_have_count(3)
    page.goto(live_server.url + "/voorbeeldregio/?lang=ar")
    page.locator(".language-switch summary").click()  # the language choice works without JavaScript
    page.locator(".language-switch a[lang=tr]").click()
    assert page.locator("html").get_attribute("lang") == "tr"
    context.close()
