"""The demo gap analysis in Chromium: pyramid per phase, findings, one made an action; no WCAG errors."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ookbalans.analysis.demo import load_demo as load_analysis_demo
from ookbalans.analysis.presentation import KIND_LABELS
from ookbalans.analysis.rules import phase_label
from ookbalans.analysis.running import run_analysis
from ookbalans.catalogue.demo import DEMO_PASSWORD, DEMO_USERNAME
from ookbalans.catalogue.models import Coalition
from ookbalans.vision.demo import load_demo as load_vision_demo
from ookbalans.vision.models import Action
from tests.browser import WCAG_AA
from tests.demo import load_indexed_demo, restore_reference_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, next_url):
    page.goto(f"{live_server.url}/admin/login/?next={next_url}")
    page.fill("#id_username", DEMO_USERNAME)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}{next_url}")
    page.wait_for_load_state()


def test_demo_dashboard_shows_each_kind_of_finding_without_wcag_violations(live_server, page):
    restore_reference_data()  # the building blocks, for the demo's vision (a transactional test flushes them)
    load_indexed_demo()
    load_analysis_demo()
    load_vision_demo()  # a vision in progress, for the finding made an action
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    analysis = run_analysis(coalition)
    log_in(page, live_server, "/analyse/voorbeeldregio/")
    assert page.url.endswith("/analyse/voorbeeldregio/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # The pyramid per phase the coalition works on (by default kinderwens to peuter), labels of 12 px or more.
    pyramid = page.locator("svg.pyramid")
    expect(pyramid).to_be_visible()
    for phase in analysis.thresholds.phases:
        expect(pyramid).to_contain_text(phase_label(phase).split()[0])
    expect(pyramid).not_to_contain_text("Tiener")
    assert pyramid.locator("polygon").count() == 4 * len(analysis.thresholds.phases)
    sizes = pyramid.locator("text").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert min(sizes) >= 12
    # The table beside it shows every phase's column whole (nothing cut off at 1280 px).
    table = page.locator("section[aria-labelledby=piramide] .table-scroll")
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth")
    for details in page.locator("ul.findings details").all():
        details.locator("summary").click()  # open every group: the findings are inside
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

    page.get_by_role("link", name="Basis, Kinderwens: 0 diensten, 0 erkend (leeg)").click()
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

    # A finding becomes an action of the vision: "Maak er een actie van" opens the vision's action
    # form prefilled (title, explanation, the finding ticked), and saving it keeps the finding.
    first = analysis.findings[0]
    page.goto(f"{live_server.url}/analyse/voorbeeldregio/")
    page.locator("ul.findings > li").first.get_by_role("link", name="Maak er een actie van").click()
    page.wait_for_load_state()
    assert "/acties/nieuw/?" in page.url, (page.url, page.locator("main").inner_text())
    expect(page.locator("#id_title")).to_have_value(first.next_step)
    expect(page.locator("#id_description")).to_have_value(first.message)
    expect(page.get_by_role("checkbox", name=first.message)).to_be_checked()
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    page.locator("#id_goal").select_option(index=1)
    page.locator("#id_organisation").select_option(index=1)
    page.locator("#id_deadline").fill("2027-06-30")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/doelen/")
    action = Action.objects.get(title=first.next_step)
    assert action.description == first.message
    assert action.gap_findings == [{"key": first.key, "message": first.message}]

    # On a small phone the page does not scroll sideways (WCAG 1.4.10); wide tables scroll inside.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/analyse/voorbeeldregio/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
