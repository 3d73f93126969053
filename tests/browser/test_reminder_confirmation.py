"""The page behind a reminder's "still correct" link in a real Chromium: no WCAG 2.2 A/AA violations,
a button to confirm (the GET alone marks nothing), a clear Dutch page for a changed link."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from ookbalans.catalogue.models import Membership
from ookbalans.reminders import sending
from tests.browser import WCAG_AA
from tests.factories import CoalitionFactory, MembershipFactory, ServiceFactory, UserFactory
from tests.reminders.conftest import months_ago

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_confirms_a_service_with_one_click(live_server, page):
    coalition = CoalitionFactory(name="Kansrijke Start Oostdorp")
    service = ServiceFactory(coalition=coalition, name_nl="Koffieochtend", last_checked_on=months_ago(7))
    MembershipFactory(
        coalition=coalition,
        role=Membership.Role.ORGANISATION_EDITOR,
        organisation=service.organization,
        user=UserFactory(email="redacteur@oost.example", first_name="Anna"),
    )
    sending.remind()
    (message,) = mail.outbox
    link = next(word for word in message.body.split() if "/herinnering/nog-juist/" in word)
    path = link.removeprefix("http://127.0.0.1:8000")

    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text('Klopt "Koffieochtend" nog?')
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    service.refresh_from_db()
    assert service.last_checked_on == months_ago(7)  # showing the page marks nothing

    page.get_by_role("button", name="Ja, dit klopt nog").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank je wel, het is genoteerd")
    expect(page.get_by_role("status")).to_contain_text("Kansrijke Start Oostdorp")
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
    service.refresh_from_db()
    assert service.last_checked_by == "Anna, via de herinneringsmail"

    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze dienst is al gecontroleerd")
    expect(page.get_by_role("button", name="Ja, dit klopt nog")).to_have_count(0)

    page.goto(live_server.url + path[:-4] + "xyz/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
