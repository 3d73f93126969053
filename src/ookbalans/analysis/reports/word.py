"""The Word report (python-docx) on A4: the summary with the pyramid picture, then findings by theme."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis.pyramid import pyramid_png
from ookbalans.catalogue.models import Coalition

# Pyramids to a row in the picture: three fit the width of an A4 page upright.
PYRAMIDS_PER_ROW = 3


def a4(document) -> None:
    """Every section on A4 upright with 2 cm margins (python-docx's own template is US Letter)."""
    from docx.shared import Cm

    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)


def docx_report(coalition: Coalition, context: dict) -> bytes:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    analysis = context["analysis"]
    document = Document()
    a4(document)
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)

    def grid(header: list, rows: list[list], caption: str = ""):
        """A gridded table with a bold caption paragraph kept with it and `header` as its first row."""
        if caption:
            paragraph = document.add_paragraph()
            paragraph.add_run(caption).bold = True
            paragraph.paragraph_format.keep_with_next = True
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for column, label in enumerate(header):
            table.rows[0].cells[column].text = str(label)
            table.rows[0].cells[column].paragraphs[0].runs[0].bold = True
        for values in rows:
            cells = table.add_row().cells
            for column, value in enumerate(values):
                cells[column].text = str(value)
        return table

    document.add_heading(_("Gap analysis of the local offering"), level=0)
    document.add_paragraph(
        _("%(coalition)s — situation on %(date)s")
        % {"coalition": coalition.name, "date": f"{analysis.date:%d-%m-%Y}"}
    )
    document.add_paragraph(context["intro"])

    document.add_heading(_("The support pyramid per phase"), level=1)
    picture = pyramid_png(analysis.matrix, analysis.thresholds.phases, per_row=PYRAMIDS_PER_ROW)
    document.add_picture(io.BytesIO(picture), width=Cm(16.5))
    document.add_paragraph(" · ".join(str(item["label"]) for item in context["legend"]))

    document.add_heading(_("The five most important findings"), level=1)
    for group in context["top_findings"]:
        paragraph = document.add_paragraph(style="List Number")
        paragraph.add_run(str(group["title"])).bold = True
        paragraph.add_run(f" ({group['kind_label']}, {str(group['severity_label']).lower()})")
        document.add_paragraph(
            _("Next step: %(step)s") % {"step": group["findings"][0]["next_step"]}, style="List Bullet"
        )
    document.add_heading(_("Change over time"), level=1)
    document.add_paragraph(context["trend_text"]).add_run().add_break(WD_BREAK.PAGE)

    document.add_heading(_("The pyramid as a table"), level=1)
    grid(
        [_("Level"), *context["phases"]],
        [
            [row["label"], *(matrix_cell_text(cell) for cell in row["cells"])]
            for row in context["matrix_rows"]
        ],
        _("Active services (of which recognised interventions)"),
    )

    document.add_heading(_("Findings by theme"), level=1)
    for theme in context["themes"]:
        document.add_heading(str(theme["label"]), level=2)
        for row in theme["findings"]:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{row['severity_label']}: ").bold = True
            paragraph.add_run(row["message"])
            paragraph.paragraph_format.keep_with_next = True
            document.add_paragraph(_("Next step: %(step)s") % {"step": row["next_step"]})
            if row["services"]:
                count = len(row["services"])
                grid(
                    [_("Service"), _("Organisation")],
                    [[name, organisation] for name, organisation in row["services"]],
                    ngettext("%(count)d service concerned", "%(count)d services concerned", count)
                    % {"count": count},
                )

    document.add_heading(_("Accessibility per level"), level=1)
    grid(
        [_("Condition"), *context["levels"]],
        [
            [row["label"], *(f"{cell['met']}/{cell['total']} ({cell['share']})" for cell in row["cells"])]
            for row in context["access_rows"]
        ],
        _("Accessibility per level: services meeting the condition"),
    )
    document.add_heading(_("Evidence per level"), level=1)
    grid(
        [_("Level"), _("Recognised"), _("Services"), _("Share")],
        [[row["label"], row["recognised"], row["total"], row["percent"]] for row in context["evidence_rows"]],
    )

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def matrix_cell_text(cell: dict) -> str:
    """A pyramid cell in the Word table: services (recognised), and "empty" or "thin" where it is."""
    text = f"{cell['services']} ({cell['recognised']})"
    return text + (f" {cell['state_label']}" if cell["state_label"] else "")
