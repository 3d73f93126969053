"""The import and export pages in Chromium: no WCAG 2.2 A/AA violations, also when a file is refused."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from ookbalans.catalogue.models import Membership
from tests.factories import MembershipFactory, ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


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
