"""The demo's reports as a council reads them: a summary page first, tables instead of lists, A4, Dutch."""

import gettext
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

import ookbalans.analysis
from ookbalans.analysis import presentation, reports
from ookbalans.analysis.running import run_analysis
from ookbalans.catalogue.models import Coalition

pytestmark = pytest.mark.django_db

ANALYSIS_CATALOGUE = Path(ookbalans.analysis.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.mo"


@pytest.fixture
def demo(shared_demo):
    with translation.override("nl"):
        coalition = Coalition.objects.get(slug="voorbeeldregio")
        yield coalition, run_analysis(coalition)


def report(fmt, demo):
    with translation.override("nl"):
        return reports.build(fmt, *demo)[0]


def pdf_pages(content: bytes, tmp_path) -> list[str]:
    """The text of each page, read with pdftotext (poppler) where it is installed, else with pypdf."""
    program = shutil.which("pdftotext")
    if program:
        path = tmp_path / "rapport.pdf"
        path.write_bytes(content)
        text = subprocess.run(  # noqa: S603 - a fixed program on a file of our own
            [program, "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
        return text.split("\f")[:-1]
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_the_pdf_starts_with_a_one_page_summary(demo, tmp_path):
    coalition, analysis = demo
    pages = pdf_pages(report("pdf", demo), tmp_path)
    assert len(pages) > 2
    first = " ".join(pages[0].split())
    for heading in (
        "De ondersteuningspiramide per fase",
        "De vijf belangrijkste bevindingen",
        "Verandering in de tijd",
    ):
        assert heading in first
    with translation.override("nl"):
        groups = presentation.finding_groups(analysis)
        trend = reports.trend_text(
            presentation.trend(coalition, list(coalition.analysis_snapshots.all()), analysis, {})
        )
    for group in groups[:5]:
        assert " ".join(str(group["title"]).split()) in first
    assert " ".join(trend.split()) in first
    assert "Over deze analyse" not in first and "Over deze analyse" in pages[1]
    assert f"pagina 1 van {len(pages)}" in first and f"pagina {len(pages)} van {len(pages)}" in pages[-1]


def test_the_pdf_lists_services_as_tables_never_as_a_wall_of_semicolons(demo, tmp_path):
    coalition, analysis = demo
    text = "\n".join(pdf_pages(report("pdf", demo), tmp_path))
    paragraphs = re.split(r"\n\s*\n", text)
    assert max(paragraph.count(";") for paragraph in paragraphs) <= 20
    biggest = max(analysis.findings, key=lambda f: len(f.service_ids))
    assert len(biggest.service_ids) > 20  # the demo has a finding with many services
    names = coalition.services.filter(id__in=biggest.service_ids).values_list("name_nl", flat=True)
    lines = text.splitlines()
    for name in names:  # each service on a line of its own (a table row), not inside a sentence
        assert any(line.strip().startswith(name[:30]) for line in lines), name
    assert f"{len(biggest.service_ids)} betrokken diensten" in text  # the caption of its table


def test_the_word_report_is_a4_with_headings_tables_and_the_pyramid_picture(demo):
    from docx import Document

    document = Document(io.BytesIO(report("docx", demo)))
    for section in document.sections:
        assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "De vijf belangrijkste bevindingen" in headings and "Bevindingen per thema" in headings
    assert len(document.inline_shapes) == 1  # the pyramid picture
    assert document.tables[0].rows[0].cells[1].text == "Kinderwens"
    assert len(document.tables) > 5
    assert not [p.text for p in document.paragraphs if p.text.count(";") > 20]


def english_msgids() -> set[str]:
    """The English msgids of the analysis that have a different Dutch wording: none may be a header."""
    with ANALYSIS_CATALOGUE.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)._catalog
    return {key for key, value in catalogue.items() if isinstance(key, str) and key and key != value}


def test_the_excel_report_speaks_dutch_with_percentages_and_a_sheet_per_theme(demo):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(report("xlsx", demo)))
    english = english_msgids()
    assert {"Samenvatting", "Piramide", "Bevindingen", "Laagdrempeligheid", "Onderbouwing", "Afstand"} <= set(
        workbook.sheetnames
    )
    for sheet in workbook.worksheets:
        header = [cell.value for cell in sheet[1] if cell.value is not None]
        assert header, sheet.title
        for value in header:
            assert value not in english and "total" not in value.lower() and value != "Code", (
                sheet.title,
                value,
            )
        assert sheet.freeze_panes in ("A2", "B2")
        for letter, dimension in sheet.column_dimensions.items():
            assert dimension.width and dimension.width <= 60, (sheet.title, letter)
    shares = [row for row in workbook["Onderbouwing"].iter_rows(min_row=2) if row[3].value is not None]
    assert shares and all(row[3].number_format == "0%" and 0 <= row[3].value <= 1 for row in shares)
    summary = {row[0].value: row[1] for row in workbook["Samenvatting"].iter_rows(min_row=2)}
    share = summary["Aandeel met een erkende interventie"]
    assert isinstance(share.value, float) and share.number_format == "0%"
    findings = workbook["Bevindingen"]
    assert [c.value for c in findings[1]] == [
        "Ernst",
        "Thema",
        "Bevinding",
        "Volgende stap",
        "Aantal diensten",
        "Aanbod",
    ]
    # The finding column is wide enough to read, and wraps.
    assert findings.column_dimensions["C"].width >= 40 and findings["C2"].alignment.wrap_text
