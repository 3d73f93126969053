"""In Chromium: a coordinator sees what a pulled feed would change, takes it over, and parents see it."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ookbalans.catalogue.models import Membership
from ookbalans.feeds import outside_ids, pulling
from ookbalans.feeds.models import Feed
from tests.browser import WCAG_AA
from tests.browser.test_interchange_pages import logged_in
from tests.factories import MembershipFactory
from tests.feeds.conftest import coalition, feed_server, fixture_services, subscribe  # noqa: F401 - a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Inloopspreekuur jonge ouders (JGZ Regio IJssel)"


def without_violations(page):
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_a_coordinator_reviews_a_feed_and_takes_it_over(live_server, page, feed_server):  # noqa: F811
    target = coalition("oost")
    coordinator = MembershipFactory(coalition=target, role=Membership.Role.COORDINATOR).user
    feed = subscribe(target, feed_server.serve_json("/jgz.json", fixture_services()), mode=Feed.Mode.REVIEW)
    assert pulling.pull(feed).pending
    local_id = outside_ids.derived_id(target.pk, feed.source, "service", "dienst-1")
    service_page = f"{live_server.url}/{target.slug}/aanbod/{local_id}/"

    # Parents see nothing yet.
    assert page.goto(service_page).status == 404

    logged_in(page, live_server, coordinator)
    page.goto(live_server.url + "/admin/feeds/feed/")
    expect(page.locator("#result_list")).to_contain_text("wijzigingen wachten op beoordeling")
    without_violations(page)
    page.get_by_role("link", name=feed.name).click()
    expect(page.get_by_text("Zou toevoegen: 3 × diensten", exact=True)).to_be_visible()
    expect(page.get_by_text(NAME).first).to_be_visible()
    without_violations(page)

    page.goto(live_server.url + "/admin/feeds/feed/")
    page.locator("input[name=_selected_action]").check()
    page.locator("select[name=action]").select_option(label="Wachtende wijzigingen overnemen")
    # Publishing indexes the services; the first index in a process loads the language dictionaries.
    page.get_by_role("button", name="Uitvoeren").click(timeout=180_000)
    expect(page.get_by_text("de wijzigingen zijn gepubliceerd")).to_be_visible()
    expect(page.locator("#result_list")).to_contain_text("bijgewerkt")

    page.goto(service_page)
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
