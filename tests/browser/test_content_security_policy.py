"""The strict Content-Security-Policy in Chromium: no page of a coordinator's or a parent's path breaks it."""

import io

import pytest
from django.core.management import call_command

from ookbalans.catalogue.demo import DEMO_PASSWORD, DEMO_USERNAME
from ookbalans.catalogue.models import Service
from tests.demo import restore_reference_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Chromium fires `securitypolicyviolation` on the document for every blocked script, style, image,
# frame or form target; the init script (added by the browser driver, outside the page's policy) keeps them.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""


@pytest.fixture
def demo():
    # A transactional test empties every table afterwards, also the reference data the
    # migrations loaded; put it back before loading the demo (catalogue, analysis, vision).
    restore_reference_data()
    call_command("load_demo", stdout=io.StringIO())


class ViolationLog:
    """Policy reports from the console and from the page's own events, per visited page."""

    def __init__(self, page):
        self.page = page
        self.found: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self.console)

    def console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.found.append(f"{self.page.url}: {message.text}")

    def visit(self, url: str):
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        self.collect()

    def collect(self):
        events = self.page.evaluate("window.__cspViolations || []")
        self.found.extend(f"{self.page.url}: {event}" for event in events)


def test_the_paths_of_parents_and_coordinators_raise_no_policy_violation(live_server, page, demo):
    log = ViolationLog(page)
    site = live_server.url
    service = Service.objects.filter(coalition__slug="voorbeeldregio").order_by("name").first()

    response = page.goto(f"{site}/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    log.collect()
    log.visit(f"{site}/voorbeeldregio/")
    log.visit(f"{site}/voorbeeldregio/zoeken/?q=borstvoeding")
    log.visit(f"{site}/voorbeeldregio/aanbod/{service.pk}/")
    log.visit(f"{site}/voorbeeldregio/aanbod/{service.pk}/klopt-er-iets-niet/")
    log.visit(f"{site}/voorbeeldregio/1000-dagen/?datum=2026-06-01")  # its print button's script runs
    log.visit(f"{site}/voorbeeldregio/steunwijzer/?zwaar=te_zwaar&stap=6")

    log.visit(f"{site}/admin/login/?next=/admin/")
    page.fill("#id_username", DEMO_USERNAME)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    log.collect()
    log.visit(f"{site}/admin/catalogue/service/")
    log.visit(f"{site}/admin/catalogue/service/?q=baby")
    log.visit(f"{site}/admin/catalogue/service/{service.pk}/change/")
    # The change form's widgets (date shortcuts, related-object buttons, collapsible fieldsets) run now.
    page.keyboard.press("Tab")
    log.collect()
    log.visit(f"{site}/admin/catalogue/service/add/")
    log.visit(f"{site}/admin/reports/report/")
    log.visit(f"{site}/analyse/voorbeeldregio/")
    log.visit(f"{site}/visie/")
    log.visit(f"{site}/visie/voorbeeldregio/")

    assert log.found == []


def test_a_blocked_inline_script_would_be_reported(live_server, page):
    """The detector itself works: an inline script added to a page is caught as a violation."""
    log = ViolationLog(page)
    log.visit(f"{live_server.url}/")
    page.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.x = 1";
        document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(200)
    log.collect()
    assert any("script-src" in found for found in log.found)
