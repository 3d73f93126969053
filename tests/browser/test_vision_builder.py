"""In Chromium: a new vision from empty to adopted, downloaded as PDF and Word; axe finds no violations."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from ookbalans.catalogue.models import Membership, Municipality
from ookbalans.framework import codes
from ookbalans.framework.models import ContactPrinciple, Edition, Statement
from ookbalans.framework.reference import load_edition
from ookbalans.vision.models import Vision
from tests.browser import WCAG_AA
from tests.factories import CoalitionFactory, MembershipFactory, OrganisationFactory, ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADAPTED = "Ouderschap verandert steeds, in de stad en in het dorp"
REASON = "Dit regelt de landelijke overheid, niet onze coalitie"
OWN = "Vaders en partners horen er vanaf de zwangerschap bij"
GOAL = "Meer vaders bereikt in de eerste 1000 dagen"


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    """The building blocks and municipalities come from data migrations, which a transactional test's
    flush removes; put back what these tests need when an earlier browser test flushed them."""
    if not Edition.objects.filter(code="1").exists():
        load_edition(Edition, Statement, ContactPrinciple, "building_blocks_edition1.json")
    Municipality.objects.get_or_create(
        code="GM0301", defaults={"name": "Zutphen", "province_code": "PV25", "province": "Gelderland"}
    )


def check_accessibility(page, checked: list) -> None:
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
    checked.append(page.url)


def log_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/?next=/visie/")
    page.fill("#id_username", username)
    page.fill("#id_password", "secret-password-1")
    page.click("input[type=submit]")
    page.wait_for_url("**/visie/")


def submit(page, button) -> None:
    """Click a submit button and wait for the page it leads to, so the next step never races it."""
    with page.expect_navigation():
        button.click()


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def test_new_vision_from_empty_to_adopted_and_downloaded(live_server, page, tmp_path):
    coalition = CoalitionFactory(name="Kansrijke Start Berkelland", slug="berkelland")
    coalition.municipalities.set([Municipality.objects.get(code="GM0301")])
    coordinator = MembershipFactory(coalition=coalition, role=Membership.Role.COORDINATOR).user
    organisation = OrganisationFactory(coalition=coalition, name="JGZ Berkelland")
    ServiceFactory(coalition=coalition, organization=organisation, name_nl="Papa Café Berkelland")
    checked = []

    log_in(page, live_server, coordinator.username)
    check_accessibility(page, checked)
    page.get_by_role("link", name="Kansrijke Start Berkelland").click()
    check_accessibility(page, checked)
    page.get_by_role("link", name="Visie beginnen").click()
    submit(page, page.get_by_role("button", name="Opslaan"))  # empty: Dutch messages, still accessible
    expect(page.get_by_role("alert")).to_be_visible()
    check_accessibility(page, checked)
    page.get_by_label("Titel").fill("Samen voor een kansrijke start in Berkelland")
    page.get_by_label("Eerste jaar").fill("2026")
    page.get_by_label("Laatste jaar").fill("2029")
    page.get_by_label("JGZ Berkelland").check()
    submit(page, page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen voor een kansrijke start in Berkelland")
    check_accessibility(page, checked)

    # Walk the nine sections: adapt one, leave one out with a reason, adopt the rest.
    page.get_by_role("navigation", name="Menu van de visie").get_by_role("link", name="Onderdelen").click()
    for number, term in enumerate(codes.VISION_SECTIONS.terms, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Onderdeel {number} van 9: {term.label}")
        for statement in Statement.objects.filter(edition__code="1", section=term.code):
            wording, reason = (
                page.locator(f"#id_wording_{statement.id}"),
                page.locator(f"#id_reason_{statement.id}"),
            )
            # A text box shows only once its own choice is made.
            expect(wording).to_be_hidden()
            expect(reason).to_be_hidden()
            choice = "adopt"
            if statement.code == "1/ouderschap/3":
                choice = "adapt"
            elif statement.code == "1/overheid/3":
                choice = "leave_out"
            page.check(f"input[name=choice_{statement.id}][value={choice}]")
            if choice == "adapt":
                expect(reason).to_be_hidden()
                wording.fill(ADAPTED)
            elif choice == "leave_out":
                expect(wording).to_be_hidden()
                reason.fill(REASON)
            else:
                expect(wording).to_be_hidden()
                expect(reason).to_be_hidden()
        expect(page.get_by_text("1/", exact=False).filter(has_text=f"1/{term.code}/")).to_have_count(0)
        page.get_by_label("Lokale toelichting", exact=True).fill(f"Zo werken wij aan {term.label.lower()}.")
        page.get_by_label("Dit onderdeel is klaar").check()
        if number == 1:
            check_accessibility(page, checked)
        if number < 9:
            submit(page, page.get_by_role("button", name="Opslaan en naar het volgende onderdeel"))
        else:
            submit(page, page.get_by_role("button", name="Opslaan", exact=True))
            expect(page.get_by_role("status")).to_have_text("Het onderdeel is opgeslagen.")

    # Add an own statement to the first section.
    page.get_by_role("link", name="1. Visie op ouderschap").click()
    page.get_by_label("Nieuwe eigen uitspraak").fill(OWN)
    submit(page, page.get_by_role("button", name="Uitspraak toevoegen"))
    expect(page.get_by_role("listitem").filter(has_text=OWN)).to_be_visible()

    page.get_by_role("link", name="Overzicht", exact=True).click()
    expect(page.get_by_text("klaar · 4 van 4 bouwstenen besloten · 1 eigen uitspraak")).to_be_visible()

    # A goal with an action.
    page.get_by_role("navigation", name="Menu van de visie").get_by_role(
        "link", name="Doelen en acties"
    ).click()
    page.get_by_role("link", name="Doel toevoegen").click()
    page.fill("#id_title", GOAL)
    page.get_by_label("Competent ouderschap bevorderen").check()
    page.get_by_label("Basis").check()
    page.get_by_label("Zwangerschap").check()
    page.get_by_label("Indicator").fill("Aandeel vaders op het consultatiebureau")
    page.get_by_label("Streefwaarde").fill("60%")
    page.get_by_label("Streefdatum").fill("2027-12-31")
    check_accessibility(page, checked)
    submit(page, page.get_by_role("button", name="Opslaan"))
    page.get_by_role("link", name=f"Actie toevoegen bij {GOAL}").click()
    page.fill("#id_title", "Een Papa Café starten")
    page.get_by_label("Uitvoerende organisatie").select_option(label="JGZ Berkelland")
    page.get_by_label("Deadline").fill("2026-09-01")
    page.get_by_label("Papa Café Berkelland").check()
    check_accessibility(page, checked)
    submit(page, page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("cell", name="Een Papa Café starten")).to_be_visible()
    check_accessibility(page, checked)

    # A voice of parents; personal data is refused first.
    page.get_by_role("navigation", name="Menu van de visie").get_by_role("link", name="Stemmen").click()
    page.get_by_role("link", name="Stem vastleggen").click()
    page.get_by_label("Onderdeel").select_option(label="Visie op ouderschap")
    page.get_by_label("Wiens stem").select_option(label="ouders")
    page.get_by_label("Soort bijeenkomst").select_option(label="gesprek met ouders")
    page.get_by_label("Datum van de bijeenkomst").fill("2026-03-12")
    page.get_by_label("Wat er gezegd werd").fill("Bel mij op 06-12345678 over de inloop")
    submit(page, page.get_by_role("button", name="Opslaan"))
    expect(
        page.get_by_text("Deze tekst lijkt persoonsgegevens te bevatten (telefoonnummer)").first
    ).to_be_visible()
    check_accessibility(page, checked)
    page.get_by_label("Wat er gezegd werd").fill("Vaders weten vaak niet dat hun vragen welkom zijn")
    submit(page, page.get_by_role("button", name="Opslaan"))
    check_accessibility(page, checked)

    # Through discussion to adopted.
    page.get_by_role("navigation", name="Menu van de visie").get_by_role("link", name="Status").click()
    page.get_by_label("in bespreking").check()
    submit(page, page.get_by_role("button", name="Status wijzigen"))
    page.get_by_role("navigation", name="Menu van de visie").get_by_role("link", name="Status").click()
    page.get_by_label("vastgesteld", exact=True).check()
    submit(page, page.get_by_role("button", name="Status wijzigen"))
    expect(page.get_by_text("Vul de datum in waarop de visie is vastgesteld.").first).to_be_visible()
    check_accessibility(page, checked)
    page.get_by_label("vastgesteld", exact=True).check()
    page.get_by_label("Vastgesteld op").fill("2026-06-15")
    page.get_by_label("Vastgesteld door").fill("gemeenteraad Zutphen")
    submit(page, page.get_by_role("button", name="Status wijzigen"))
    expect(page.get_by_role("status")).to_have_text("De status is nu: vastgesteld.")
    vision = Vision.objects.get(coalition=coalition)
    assert vision.is_adopted and vision.adopted_by == "gemeenteraad Zutphen"
    check_accessibility(page, checked)

    # Read-only now: the section page offers no form fields.
    page.get_by_role("link", name="Onderdelen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Onderdeel 1 van 9: Visie op ouderschap")
    assert page.locator("textarea").count() == 0 and page.get_by_role("button").count() == 0
    check_accessibility(page, checked)
    page.get_by_role("link", name="Geschiedenis").click()
    expect(page.get_by_text("Status gewijzigd van in bespreking naar vastgesteld.")).to_be_visible()
    check_accessibility(page, checked)

    # Download both documents.
    page.get_by_role("link", name="Overzicht", exact=True).click()
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Downloaden als PDF").click()
    with page.expect_download() as docx_download:
        page.get_by_role("link", name="Downloaden als Word (.docx), om verder te bewerken").click()
    pdf_path, docx_path = tmp_path / "visie.pdf", tmp_path / "visie.docx"
    pdf_download.value.save_as(pdf_path)
    docx_download.value.save_as(docx_path)
    for text in (pdf_text(pdf_path.read_bytes()), docx_text(docx_path.read_bytes())):
        for term in codes.VISION_SECTIONS.terms:
            assert term.label in text
        assert ADAPTED in text and GOAL in text and OWN in text and REASON in text
        assert "Vastgesteld op 15 juni 2026 door gemeenteraad Zutphen" in text

    # A new version starts as a copy; the two versions compare side by side.
    page.get_by_role("link", name="Kansrijke Start Berkelland").click()
    submit(page, page.get_by_role("button", name="Nieuwe versie beginnen"))
    expect(page.get_by_text("versie 2").first).to_be_visible()
    page.get_by_role("link", name="Kansrijke Start Berkelland").click()
    page.get_by_role("link", name="Versies vergelijken").click()
    expect(page.get_by_role("table").get_by_text("vastgesteld").first).to_be_visible()
    check_accessibility(page, checked)
    assert len(checked) >= 15


def test_viewer_pages_have_no_violations(live_server, page):
    coalition = CoalitionFactory(name="Kansrijke Start Berkelland", slug="berkelland")
    viewer = MembershipFactory(coalition=coalition, role=Membership.Role.VIEWER).user
    from ookbalans.vision import workflow
    from tests.vision.helpers import add_goal_with_action

    vision = workflow.create_vision(coalition, None, title="Onze visie", period_start=2026, period_end=2029)
    add_goal_with_action(vision)
    log_in(page, live_server, viewer.username)
    checked = []
    paths = (
        "",
        "1/",
        "1/onderdeel/kind/",
        "1/doelen/",
        "1/stemmen/",
        "1/status/",
        "1/gegevens/",
        "1/geschiedenis/",
    )
    for path in paths:
        page.goto(f"{live_server.url}/visie/berkelland/{path}")
        assert page.locator("textarea").count() == 0
        check_accessibility(page, checked)
        # No horizontal scrolling on a small phone (WCAG 1.4.10 reflow); wide tables scroll on their own.
        page.set_viewport_size({"width": 320, "height": 640})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        page.set_viewport_size({"width": 1280, "height": 720})
