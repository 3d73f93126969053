"""The landing page in a real Chromium: readable, reachable by keyboard, no WCAG 2.2 A/AA violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser import WCAG_AA
from tests.factories import CoalitionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_landing_page_has_no_wcag_violations(live_server, page):
    CoalitionFactory(name="Kansrijke Start Voorbeeldregio", is_demo=True)
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_skip_link_is_the_first_stop_and_moves_to_the_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_landing_page_works_on_a_small_phone_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320  # no horizontal scrolling (WCAG 1.4.10 reflow)
    page.get_by_role("link", name="Inloggen om het aanbod te beheren").click()
    assert "/admin/login/" in page.url
    context.close()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_accessibility_statement_has_no_wcag_violations(live_server, page, language):
    page.goto(f"{live_server.url}/toegankelijkheid/?lang={language}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
