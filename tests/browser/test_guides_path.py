"""In Chromium, nl and ar: the 1000-days route with its .ics, the steunwijzer's heavy and light paths, and a
report on a service reaching the coordinator's queue; axe finds no WCAG 2.2 AA violations on any of them."""

import datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from icalendar import Calendar
from playwright.sync_api import expect

from ookbalans.catalogue import reference
from ookbalans.catalogue.models import (
    Coalition,
    ContactPoint,
    Language,
    Membership,
    Municipality,
    NationalIntervention,
    PostcodeArea,
    Service,
)
from ookbalans.reports.models import Report
from tests.browser import WCAG_AA
from tests.demo import load_indexed_demo
from tests.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_PAGE_BYTES = 50 * 1024
WORDS = {
    "nl": {
        "route": "Jouw route door de eerste 1000 dagen",
        "guide": "Beantwoord een paar vragen",
        "contact": "Je aanspreekpunt",
        "report": "Klopt er iets niet?",
        "extra": "Extra hulp als het zwaar is",
        "basis": "Andere ouders ontmoeten",
    },
    "ar": {
        "route": "مسارك خلال الأيام الألف الأولى",
        "guide": "أجب عن بعض الأسئلة",
        "contact": "جهة الاتصال الخاصة بك",
        "report": "هل هناك خطأ ما؟",
        "extra": None,
        "basis": None,
    },
}


@pytest.fixture
def demo():
    if not Municipality.objects.exists():
        reference.load_municipalities(Municipality)
        reference.load_postcode_areas(PostcodeArea)
        reference.load_languages(Language)
        reference.load_interventions(NationalIntervention)
    load_indexed_demo()


def assert_no_violations(page, checked: list | None = None):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
    if checked is not None:
        checked.append(page.url)


def start(page, live_server, language):
    page.goto(live_server.url + "/voorbeeldregio/" + ("" if language == "nl" else "?lang=ar"))
    assert page.locator("html").get_attribute("lang") == language


def weigh(browser, url) -> tuple[int, list[str]]:
    """The bytes a page loads with everything it asks for, and any request that leaves the site."""
    context = browser.new_context()
    page = context.new_page()
    requests, sizes = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: sizes.append(len(response.body())))
    page.goto(url, wait_until="networkidle")
    site = urlparse(url).netloc
    context.close()
    return sum(sizes), [r for r in requests if not r.startswith("data:") and urlparse(r).netloc != site]


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_route_from_a_due_date_with_its_calendar_file(live_server, browser, demo, language):
    words = WORDS[language]
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    start(page, live_server, language)
    page.get_by_role("link", name=words["route"]).click()
    assert "/1000-dagen/" in page.url
    assert_no_violations(page)
    due = datetime.date.today() + datetime.timedelta(days=100)
    page.locator("input[name=datum]").fill(due.isoformat())
    page.locator(".route-form button").click()
    assert f"datum={due.isoformat()}" in page.url
    steps = page.locator(".route-step")
    expect(steps).to_have_count(5)  # pregnancy now, then birth, baby, toddler, pre-schooler
    expect(page.locator(".route-now h2")).to_have_count(1)
    expect(page.get_by_role("heading", name=words["contact"]).first).to_be_visible()
    expect(page.locator(".print-button")).to_be_visible()  # shown by the script; absent without it
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_violations(page)

    with page.expect_download() as download_info:
        page.locator("a[href*='agenda.ics']").click()
    download = download_info.value
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert [event.decoded("dtstart") for event in events][:2] == [due, due + datetime.timedelta(days=42)]
    assert len(events) == 4
    size, elsewhere = weigh(browser, page.url)
    assert size < MAX_PAGE_BYTES and elsewhere == []
    context.close()


def test_the_route_works_without_javascript_and_has_no_print_button_then(live_server, browser, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/voorbeeldregio/1000-dagen/")
    page.locator("input[name=datum]").fill("2026-06-01")
    page.locator(".route-form button").click()
    expect(page.locator(".route-step").first).to_be_visible()
    expect(page.locator(".print-button")).to_be_hidden()
    context.close()


def answer(page, values: list[str], checked: list | None) -> None:
    """Tick the answers and go on; axe checks the question first (axe is a script: only with JavaScript)."""
    for value in values:
        page.locator(f".choices input[value='{value}']").check()
    if checked is not None:
        assert_no_violations(page, checked)
    with page.expect_navigation():
        page.locator(".step-buttons button:not([name])").click()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_steunwijzer_from_a_heavy_situation_to_the_contact_point(live_server, browser, demo, language):
    words = WORDS[language]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    start(page, live_server, language)
    page.get_by_role("link", name=words["guide"]).click()
    checked: list = []
    answer(page, ["geld", "alleen"], checked)
    answer(page, ["lang"], checked)
    answer(page, ["te_zwaar"], checked)
    answer(page, ["niemand"], checked)
    answer(page, ["baby"], checked)
    assert len(checked) == 5
    headings = page.locator("main h2").all_inner_texts()
    assert headings[0] == words["contact"]  # the contact point first
    expect(page.locator("#level-extra")).to_be_visible()
    expect(page.locator("#level-extra ~ ul .result").first).to_be_visible()
    with translation.override(language):
        baby_contact = ContactPoint.objects.get(coalition__slug="voorbeeldregio", phase__code="baby").name
    expect(page.locator(".contact-point")).to_contain_text(baby_contact)
    if words["extra"]:
        expect(page.get_by_role("heading", name=words["extra"])).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_violations(page)
    assert context.cookies() == []
    context.close()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_steunwijzer_from_a_light_question_to_basis_offers(live_server, browser, demo, language):
    words = WORDS[language]
    # Without JavaScript: the path is plain GET forms.
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    start(page, live_server, language)
    page.get_by_role("link", name=words["guide"]).click()
    answer(page, ["ontwikkeling"], None)
    with page.expect_navigation():
        page.locator(".step-buttons button[name=overslaan]").click()  # skip "since when"
    answer(page, ["licht"], None)
    answer(page, ["veel"], None)
    answer(page, ["dreumes"], None)
    outcome_url = page.url
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(outcome_url)
    expect(page.locator("#level-basis")).to_be_visible()
    expect(page.locator("#level-basis ~ ul .result").first).to_be_visible()
    expect(page.locator("#level-extra")).to_have_count(0)
    if words["basis"]:
        expect(page.get_by_role("heading", name=words["basis"], exact=False)).to_be_visible()
    headings = page.locator("main h2").all_inner_texts()
    assert headings.index(words["contact"]) > 0  # after the offer
    assert_no_violations(page)
    size, elsewhere = weigh(browser, page.url)
    assert size < MAX_PAGE_BYTES and elsewhere == []
    context.close()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_report_on_a_service_arrives_in_the_coordinators_queue(live_server, browser, demo, language):
    words = WORDS[language]
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    coordinator = MembershipFactory(coalition=coalition, role=Membership.Role.COORDINATOR).user
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    query = "" if language == "nl" else "?lang=ar"
    page.goto(live_server.url + "/voorbeeldregio/zoeken/?q=borstvoeding" + ("&lang=ar" if query else ""))
    cafe = Service.objects.get(coalition=coalition, name_nl="Borstvoedingscafé Lochem")
    page.locator(f".result a[href*='{cafe.pk}']").first.click()
    page.get_by_role("link", name=words["report"]).click()
    expect(page.get_by_role("heading", name=words["report"])).to_be_visible()
    assert_no_violations(page)
    page.locator("input[name=text]").or_(page.locator("textarea[name=text]")).fill(
        "Bel 0575 123 456 voor info"
    )
    page.locator("input[value=place_time]").check()
    page.locator(".report-form button").click()
    expect(page.locator(".errorlist")).to_be_visible()  # a phone number is refused
    assert_no_violations(page)
    page.locator("textarea[name=text]").fill("Het café is verhuisd naar de bibliotheek.")
    page.locator(".report-form button").click()
    assert "/bedankt/" in page.url
    assert_no_violations(page)
    report = Report.objects.get()
    assert report.service == cafe and report.language == language
    context.close()

    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/?next=/admin/reports/report/")
    page.fill("#id_username", coordinator.username)
    page.fill("#id_password", "secret-password-1")
    with page.expect_navigation():
        page.click("input[type=submit]")
    row = page.locator("#result_list tbody tr").first
    expect(row).to_contain_text("Borstvoedingscafé Lochem")
    row.locator("input[name=_selected_action]").check()
    page.select_option("select[name=action]", "mark_handled")
    with page.expect_navigation():
        page.locator("button[name=index]").click()
    report.refresh_from_db()
    assert report.status == Report.Status.HANDLED and report.handled_by == coordinator
    context.close()
