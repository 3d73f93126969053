"""The gap analysis as a council-ready report: PDF (WeasyPrint), Word (python-docx) and Excel (openpyxl)."""

from __future__ import annotations

import io

from django.http import Http404
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ookbalans.analysis import presentation
from ookbalans.analysis.rules import LEVELS, PHASES, Analysis, level_label
from ookbalans.catalogue.models import Coalition, Service
from ookbalans.spreadsheets import guard_workbook

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def build(fmt: str, coalition: Coalition, analysis: Analysis) -> tuple[bytes, str]:
    builders = {"pdf": pdf_report, "docx": docx_report, "xlsx": xlsx_report}
    if fmt not in builders:
        raise Http404
    return builders[fmt](coalition, analysis), CONTENT_TYPES[fmt]


def report_context(coalition: Coalition, analysis: Analysis) -> dict:
    """What every report shows: the dashboard's rows plus, per finding, the names of its services."""
    names = {
        str(pk): (name, organisation)
        for pk, name, organisation in Service.objects.filter(coalition=coalition).values_list(
            "id", "name_nl", "organization__name"
        )
    }
    context = presentation.dashboard_context(coalition, analysis)
    for group in context["severity_groups"]:
        for row in group["findings"]:
            row["services"] = sorted(
                (names[i] for i in row["service_ids"] if i in names), key=lambda pair: pair[0].lower()
            )
    context["date"] = analysis.date
    context["intro"] = intro_text(analysis)
    return context


def pdf_report(coalition: Coalition, analysis: Analysis) -> bytes:
    from weasyprint import HTML

    context = report_context(coalition, analysis) | {
        "heatmap": mark_safe(presentation.heatmap_for(analysis))  # noqa: S308 - escaped by heatmap_svg
    }
    html = render_to_string("analysis/report_pdf.html", context)
    return HTML(string=html).write_pdf()


def docx_report(coalition: Coalition, analysis: Analysis) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    context = report_context(coalition, analysis)
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(_("Gap analysis of the local offering"), level=0)
    document.add_paragraph(
        _("%(coalition)s — situation on %(date)s")
        % {"coalition": coalition.name, "date": f"{analysis.date:%d-%m-%Y}"}
    )
    document.add_paragraph(intro_text(analysis))

    def shade(cell, fill: str) -> None:
        properties = cell._tc.get_or_add_tcPr()
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill.lstrip("#"))
        properties.append(shading)

    def add_grid(header: list, rows: list[list]):
        """A gridded table: `header` as its first row, then one row per list of values."""
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for column, label in enumerate(header):
            table.rows[0].cells[column].text = str(label)
        for values in rows:
            cells = table.add_row().cells
            for column, value in enumerate(values):
                cells[column].text = str(value)
        return table

    document.add_heading(_("The support pyramid per phase"), level=1)
    document.add_paragraph(
        _("Number of active services per level and phase; darker is more. Empty and thin cells are marked.")
    )
    table = add_grid(
        [_("Level"), *context["phases"]],
        [
            [row["label"], *(matrix_cell_text(cell) for cell in row["cells"])]
            for row in context["matrix_rows"]
        ],
    )
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for table_row, row in zip(table.rows[1:], context["matrix_rows"], strict=True):
        for table_cell, cell in zip(table_row.cells[1:], row["cells"], strict=True):
            shade(table_cell, cell["fill"])
            run = table_cell.paragraphs[0].runs[0]
            run.font.color.rgb = RGBColor.from_string(cell["ink"].lstrip("#").upper())
            run.font.bold = True

    document.add_heading(_("Findings"), level=1)
    for group in context["severity_groups"]:
        if not group["findings"]:
            continue
        document.add_heading(_("Severity: %(severity)s") % {"severity": group["label"]}, level=2)
        for row in group["findings"]:
            paragraph = document.add_paragraph(style="List Number")
            paragraph.add_run(f"{row['kind_label']}: ").bold = True
            paragraph.add_run(row["message"])
            document.add_paragraph(_("Next step: %(step)s") % {"step": row["next_step"]}, style="List Bullet")
            if row["services"]:
                document.add_paragraph(
                    _("Services: %(services)s")
                    % {"services": "; ".join(f"{n} ({o})" for n, o in row["services"])},
                    style="List Bullet",
                )

    document.add_heading(_("Accessibility per level"), level=1)
    add_grid(
        [_("Condition"), *context["levels"]],
        [
            [row["label"], *(f"{cell['met']}/{cell['total']} ({cell['share']})" for cell in row["cells"])]
            for row in context["access_rows"]
        ],
    )

    document.add_heading(_("Evidence per level"), level=1)
    add_grid(
        [_("Level"), _("Recognised"), _("Services"), _("Share")],
        [[row["label"], row["recognised"], row["total"], row["percent"]] for row in context["evidence_rows"]],
    )

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def matrix_cell_text(cell: dict) -> str:
    """A pyramid cell in the Word report: its number of services, and "empty" or "thin" where it is."""
    return str(cell["services"]) + (f" ({cell['state_label']})" if cell["state_label"] else "")


def intro_text(analysis: Analysis) -> str:
    return _(
        "This analysis compares the active offering of the coalition with the yardsticks of the vision "
        "document OOK in Balans: the four levels of the support pyramid in every phase, the aims, the "
        "factors, fathers and partners, accessibility, distance, evidence and up-to-date facts. "
        "It counts %(active)d active services and gives %(findings)d findings."
    ) % {"active": analysis.indicators["services"]["active"], "findings": len(analysis.findings)}


def xlsx_report(coalition: Coalition, analysis: Analysis) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    context = report_context(coalition, analysis)
    bold = Font(bold=True)
    workbook = Workbook()

    sheet = workbook.active
    sheet.title = _("Pyramid")
    sheet.append([_("Gap analysis"), coalition.name, f"{analysis.date:%d-%m-%Y}"])
    sheet.append([])
    sheet.append([_("Level"), *context["phases"]])
    for row in context["matrix_rows"]:
        sheet.append([row["label"], *[cell["services"] for cell in row["cells"]]])
        for column, cell in enumerate(row["cells"], start=2):
            target = sheet.cell(row=sheet.max_row, column=column)
            target.fill = PatternFill("solid", fgColor=cell["fill"].lstrip("#").upper())
            target.font = Font(bold=True, color=cell["ink"].lstrip("#").upper())
    sheet.append([])
    sheet.append([_("Of which implementing a recognised intervention")])
    sheet.append([_("Level"), *context["phases"]])
    for level in reversed(LEVELS):
        sheet.append([level_label(level), *[analysis.matrix[level][phase].recognised for phase in PHASES]])

    sheet = workbook.create_sheet(_("Findings"))
    sheet.append([_("Severity"), _("Subject"), _("Code"), _("Finding"), _("Next step"), _("Services")])
    for group in context["severity_groups"]:
        for row in group["findings"]:
            sheet.append(
                [
                    str(group["label"]),
                    str(row["kind_label"]),
                    row["code"],
                    row["message"],
                    row["next_step"],
                    "; ".join(name for name, _o in row["services"]),
                ]
            )

    sheet = workbook.create_sheet(_("Accessibility"))
    sheet.append(
        [
            _("Condition"),
            *[f"{label} ({_('met')})" for label in context["levels"]],
            *[f"{label} ({_('total')})" for label in context["levels"]],
        ]
    )
    for row in context["access_rows"]:
        sheet.append([row["label"], *[c["met"] for c in row["cells"]], *[c["total"] for c in row["cells"]]])

    sheet = workbook.create_sheet(_("Evidence"))
    sheet.append([_("Level"), _("Recognised"), _("Services"), _("Share")])
    for row in context["evidence_rows"]:
        sheet.append([row["label"], row["recognised"], row["total"], row["share"]])

    sheet = workbook.create_sheet(_("Framework"))
    sheet.append([_("Aim"), *context["levels"]])
    for row in context["aim_rows"]:
        sheet.append([row["label"], *row["counts"]])
    sheet.append([])
    sheet.append([_("Factor"), _("Services")])
    for row in context["factor_rows"]:
        sheet.append([row["label"], row["count"]])
    sheet.append([])
    sheet.append([_("Target group"), _("Services")])
    for row in context["target_group_rows"]:
        sheet.append([row["label"], row["count"]])

    sheet = workbook.create_sheet(_("Distance"))
    sheet.append([_("Postcode area"), *[f"{label} (km)" for label in context["near_levels"]]])
    for pc4 in analysis.indicators["geography"]["basis"]:
        sheet.append(
            [pc4, *[analysis.indicators["geography"][level][pc4] for level in ("basis", "informatie")]]
        )

    for ws in workbook.worksheets:
        for cell in ws[1]:
            cell.font = bold
        ws.column_dimensions["A"].width = 42
    # Service names and findings are typed by people: none of them may become a formula.
    guard_workbook(workbook)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
