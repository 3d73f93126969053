"""The demo gap analysis in Chromium: every kind of finding shown, no WCAG 2.2 A/AA violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ookbalans.analysis.demo import load_demo as load_analysis_demo
from ookbalans.analysis.presentation import KIND_LABELS
from ookbalans.analysis.running import run_analysis
from ookbalans.catalogue.demo import DEMO_PASSWORD, DEMO_USERNAME
from ookbalans.catalogue.models import Coalition
from tests.demo import load_indexed_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def log_in(page, live_server, next_url):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("#id_username", DEMO_USERNAME)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}{next_url}")
    page.wait_for_load_state()


def test_demo_dashboard_shows_each_kind_of_finding_without_wcag_violations(live_server, page):
    load_indexed_demo()
    load_analysis_demo()
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    analysis = run_analysis(coalition)
    log_in(page, live_server, "/analyse/voorbeeldregio/")
    assert page.url.endswith("/analyse/voorbeeldregio/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("svg.heatmap")).to_be_visible()
    findings_text = page.locator("ul.findings").all_inner_texts()
    text = "\n".join(findings_text)
    kinds = {f.code.split(".")[0] for f in analysis.findings}
    assert len(kinds) >= 4
    for kind in kinds:
        first = next(f for f in analysis.findings if f.code.startswith(kind + "."))
        assert first.message in text, kind
        assert str(KIND_LABELS[kind]).upper() in text.upper()
    # The demo's earlier snapshot makes the trend show resolved findings.
    assert page.locator("#findings-resolved + ul li").count() > 0
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("link", name="Basis, Kinderwens: 0 diensten, 0 erkend").click()
    page.wait_for_url("**/vak/basis/kinderwens/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Basis")
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()

    # From a finding to its services: one test, since a transactional test flushes the reference data.
    finding = next(f for f in analysis.findings if f.service_ids)
    page.goto(f"{live_server.url}/analyse/voorbeeldregio/bevinding/{finding.key}/")
    assert finding.message in page.locator("main").inner_text()
    assert page.locator(".table-scroll table.data tbody tr").count() == len(finding.service_ids)
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()

    # On a small phone the page does not scroll sideways (WCAG 1.4.10); wide tables scroll inside.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/analyse/voorbeeldregio/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
