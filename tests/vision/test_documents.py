"""The vision documents: nine sections, own and adapted wording, goals, actions and the pyramid annex."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from pypdf import PdfReader

from ookbalans.framework import codes
from ookbalans.vision import documents
from ookbalans.vision.models import CoalitionLogo, OwnStatement, SectionWork, StatementChoice, Vision
from tests.factories import ServiceFactory
from tests.vision.helpers import add_goal_with_action, coalition_with_members, make_vision, statement

pytestmark = pytest.mark.django_db

ADAPTED = "Ouderschap verandert steeds in onze dorpen"


@pytest.fixture
def vision():
    coalition, _ = coalition_with_members()
    vision = make_vision(coalition, introduction="Waarom deze visie.\n\nHoe ouders meedachten.")
    StatementChoice.objects.create(vision=vision, statement=statement(number=1), choice="adopt")
    StatementChoice.objects.create(
        vision=vision, statement=statement(number=3), choice="adapt", wording=ADAPTED
    )
    StatementChoice.objects.create(
        vision=vision, statement=statement(number=2), choice="leave_out", reason="Staat al in ons beleid"
    )
    OwnStatement.objects.create(vision=vision, section="kind", text="Elk kind groeit op met boeken")
    SectionWork.objects.create(
        vision=vision, section="ouderschap", explanation="Bij ons betekent dit iets eigens."
    )
    add_goal_with_action(vision)
    ServiceFactory(coalition=vision.coalition, name_nl="Steunpunt extra", levels=["extra"])
    return vision


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_pdf_holds_every_part_of_the_vision(vision):
    text = squash(pdf_text(documents.render_pdf(vision)))
    for term in codes.VISION_SECTIONS.terms:
        assert term.label in text
    assert ADAPTED in text
    assert statement(number=1).text[:60] in text
    assert "Elk kind groeit op met boeken" in text
    assert "Staat al in ons beleid" in text  # the reason, in the list of building blocks left out
    assert "Meer vaders bereikt" in text and "Papa Café starten" in text and "JGZ Testregio" in text
    assert "Principes voor elk contact met ouders" in text
    assert "Ouders voelen dat zij er niet alleen voor staan." in text
    assert "Bijlage: de lokale ondersteuningspiramide" in text and "Steunpunt extra" in text
    assert "Ontwerp (concept)" in text


def test_word_file_has_real_headings_and_tables(vision):
    document = Document(io.BytesIO(documents.render_docx(vision)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for number, term in enumerate(codes.VISION_SECTIONS.terms, start=1):
        assert f"{number}. {term.label}" in headings
    assert {"Inleiding", "Doelen", "Acties", "Bijlage: de lokale ondersteuningspiramide"} <= set(headings)
    assert document.paragraphs[0].style.name == "Title"
    goals_table = next(t for t in document.tables if t.rows[0].cells[0].text == "Doel")
    assert goals_table.rows[1].cells[0].text == "Meer vaders bereikt"
    assert goals_table.rows[1].cells[4].text == "60%"
    text = docx_text(document)
    assert ADAPTED in text and "Steunpunt extra" in text and "Waarom deze visie." in text


def test_cli_exports_the_newest_version(vision, tmp_path):
    pdf, docx = tmp_path / "visie.pdf", tmp_path / "visie.docx"
    slug = vision.coalition.slug
    call_command("vision", "export", "--coalition", slug, "--format", "pdf", "--output", str(pdf))
    call_command("vision", "export", "--coalition", slug, "--format", "docx", "--output", str(docx))
    assert ADAPTED in squash(pdf_text(pdf.read_bytes()))
    assert ADAPTED in docx_text(Document(str(docx)))
    with pytest.raises(CommandError, match="No coalition"):
        call_command(
            "vision", "export", "--coalition", "bestaat-niet", "--format", "pdf", "--output", str(pdf)
        )
    other, _ = coalition_with_members()
    with pytest.raises(CommandError, match="no vision"):
        call_command("vision", "export", "--coalition", other.slug, "--format", "docx", "--output", str(docx))


def test_word_file_is_a4(vision):
    document = Document(io.BytesIO(documents.render_docx(vision)))
    for section in document.sections:
        assert round(section.page_width.cm, 1) == 21.0
        assert round(section.page_height.cm, 1) == 29.7


def test_pdf_contents_give_page_numbers_and_the_annex_draws_the_pyramid(vision):
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(documents.render_pdf(vision))).pages]
    contents = squash(pages[1])
    assert re.search(r"1\. Visie op ouderschap \.+ ?\d+", contents), contents
    assert re.search(r"Bijlage: de lokale ondersteuningspiramide \.+ ?\d+", contents), contents
    annex = squash("\n".join(pages[-2:]))
    for level in codes.PYRAMID_LEVELS.terms:
        assert level.label in annex
    assert "1 dienst" in annex and "0 diensten" in annex  # the picture's counts per level


def test_a_draft_carries_a_concept_mark_and_an_adopted_vision_does_not(vision):
    assert squash(pdf_text(documents.render_pdf(vision))).count("CONCEPT") >= 3  # on every page
    Vision.objects.filter(pk=vision.pk).update(
        status=Vision.Status.ADOPTED, adopted_on=datetime.date(2026, 6, 15), adopted_by="gemeenteraad"
    )
    vision.refresh_from_db()
    assert "CONCEPT" not in pdf_text(documents.render_pdf(vision))


def test_the_coalitions_logo_is_on_the_title_page(vision):
    from tests.vision.test_logo import png

    assert not PdfReader(io.BytesIO(documents.render_pdf(vision))).pages[0].images
    CoalitionLogo.objects.create(coalition=vision.coalition, media_type="image/png", content=png(200, 80))
    title_page = PdfReader(io.BytesIO(documents.render_pdf(vision))).pages[0]
    assert len(title_page.images) == 1


def test_the_pdf_fetches_nothing_from_outside():
    fetcher = documents.embedded_only()
    for url in ("https://example.org/logo.png", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(url)
    response = fetcher.fetch("data:text/plain;base64,aGk=")
    assert response.read() == b"hi"
