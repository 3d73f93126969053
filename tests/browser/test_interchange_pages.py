"""The import and export pages in Chromium: no WCAG 2.2 A/AA violations, also when a file is refused."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from ookbalans.catalogue.models import Membership
from tests.browser import WCAG_AA
from tests.factories import MembershipFactory, ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def test_import_and_export_pages_have_no_wcag_violations(live_server, page, tmp_path):
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    ServiceFactory(coalition=membership.coalition)
    logged_in(page, live_server, membership.user)
    page.goto(live_server.url + "/uitwisseling/")
    assert Axe().run(page, options=WCAG_AA).violations_count == 0
    page.get_by_role("link", name=membership.coalition.name).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    bad = tmp_path / "aanbod.json"
    bad.write_text(json.dumps([{"id": "kapot", "name": "", "status": "soms"}]))
    page.get_by_label("Bestand", exact=True).set_input_files(str(bad))
    page.get_by_role("button", name="Inlezen").click()
    page.screenshot(path=str(tmp_path / "refused.png"), full_page=True)
    expect(page.get_by_role("heading", name="Het bestand is niet ingelezen: 4 problemen")).to_be_visible()
    page.screenshot(path=str(tmp_path / "refused.png"), full_page=True)
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_a_changed_workbook_is_checked_then_imported_with_one_upload(live_server, page, tmp_path):
    import io

    from openpyxl import load_workbook

    from ookbalans.catalogue.models import Service
    from ookbalans.interchange import formats

    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    service = ServiceFactory(coalition=membership.coalition, name_nl="Borstvoedingscafé")
    ServiceFactory(coalition=membership.coalition, organization=service.organization, name_nl="Babymassage")
    workbook = load_workbook(io.BytesIO(formats.export_bytes(membership.coalition, "xlsx")))
    sheet = workbook["Diensten"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "Borstvoedingscafé")
    row[1].value = "Borstvoedingscafé De Linde"  # one cell changed: the name
    changed = tmp_path / "aanbod.xlsx"
    workbook.save(changed)
    shots = tmp_path
    logged_in(page, live_server, membership.user)
    page.goto(f"{live_server.url}/uitwisseling/{membership.coalition.slug}/")
    expect(page.get_by_label("Eerst controleren, nog niets opslaan")).to_be_checked()
    page.get_by_label("Bestand", exact=True).set_input_files(str(changed))
    page.get_by_role("button", name="Inlezen").click()
    expect(page.get_by_role("heading", name="Wat er zou veranderen")).to_be_visible()
    page.screenshot(path=str(shots / "checked.png"), full_page=True)
    changes = page.locator("table.changes")
    expect(changes).to_have_count(1)
    expect(changes.locator("tbody tr")).to_have_count(1)
    expect(changes.locator("tbody tr th")).to_have_text("Naam")
    expect(changes.locator("tbody tr td")).to_have_text(["Borstvoedingscafé", "Borstvoedingscafé De Linde"])
    expect(page.get_by_text("Zou bijwerken: 1 × diensten")).to_be_visible()
    assert Service.objects.get(pk=service.pk).name_nl == "Borstvoedingscafé"
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("button", name="Importeer nu").click()
    expect(page.get_by_role("heading", name="Het bestand is ingelezen")).to_be_visible()
    page.screenshot(path=str(shots / "imported.png"), full_page=True)
    assert Service.objects.get(pk=service.pk).name_nl == "Borstvoedingscafé De Linde"
    assert (
        Service.objects.get(name_nl="Babymassage").modified_at
        < Service.objects.get(pk=service.pk).modified_at
    )
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    expect(page.get_by_role("button", name="Importeer nu")).to_have_count(0)
