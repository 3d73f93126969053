"""In Chromium: a coordinator enters a service with only the essentials; a second entry of it is warned."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ookbalans.catalogue.models import Membership, Service
from tests.browser import WCAG_AA
from tests.browser.test_interchange_pages import logged_in
from tests.factories import MembershipFactory, OrganisationFactory, ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAME = "Papa Café Berkelland"
# Screenshots for a person to look at, when asked for: OOKBALANS_SHOTS=/some/folder.
SHOTS = os.environ.get("OOKBALANS_SHOTS")


def accessible(page) -> None:
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def fill_essentials(page) -> int:
    """Fill in only the essentials of a new service; returns how many fields were filled in."""
    filled = 0
    page.locator("#id_organization").select_option(label="JGZ Berkelland")
    page.locator("#id_name_nl").fill(NAME)
    page.locator("#id_short_description_nl").fill("Vaders praten met elkaar over hun baby.")
    filled += 3
    for field, label in (
        ("pyramid_levels", "Basis"),
        ("phases", "Zwangerschap"),
        ("phases", "Baby (0 tot 1 jaar)"),
        ("aims", "Informele steun bevorderen"),
        ("target_groups", "Vaders"),
    ):
        page.locator(f".field-{field}").get_by_label(label, exact=True).check()
        filled += 1
    page.locator("#id_cost_options-0-kind").select_option(value="free")
    filled += 1
    return filled


def test_a_service_entered_with_only_the_essentials_and_its_duplicate_warned(live_server, page):
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    organisation = OrganisationFactory(coalition=membership.coalition, name="JGZ Berkelland")
    # A service the coalition already has; saving it also builds the search's shared word index in
    # this process, which the live server's first save would otherwise build within the click.
    ServiceFactory(coalition=membership.coalition, organization=organisation, name_nl="Budgetcoach")
    logged_in(page, live_server, membership.user)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Vraagt aandacht")).to_be_visible()
    accessible(page)
    page.get_by_role("link", name="Een dienst invoeren").click()
    expect(page.locator("#id_coalition")).to_have_value(str(membership.coalition.pk))  # chosen already
    expect(page.locator("#id_description")).to_be_hidden()  # folded away
    expect(page.locator("#id_name_en")).to_be_hidden()
    expect(page.locator("#id_save_anyway")).to_be_hidden()
    shot(page, "service-add")
    accessible(page)
    assert fill_essentials(page) < 25
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text(NAME)
    service = Service.objects.get(name_nl=NAME)
    assert service.coalition == membership.coalition and service.cost_options.get().kind == "free"
    # The list of services: every column fits at 1280 px, no horizontal scrolling.
    expect(page.locator("#result_list th.column-levels")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    accessible(page)

    # The same service again: a warning with a link to the first, nothing saved until confirmed.
    page.goto(live_server.url + "/admin/catalogue/service/add/")
    fill_essentials(page)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_text("Deze dienst bestaat misschien al")).to_be_visible()
    expect(page.get_by_role("link", name=f"{NAME} (JGZ Berkelland)")).to_be_visible()
    assert Service.objects.filter(name_nl=NAME).count() == 1
    shot(page, "service-duplicate")
    accessible(page)
    page.locator("#id_save_anyway").check()
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text(NAME)
    assert Service.objects.filter(name_nl=NAME).count() == 2
