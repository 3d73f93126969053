"""The vision as a council-ready document: one data structure, rendered to PDF and to Word."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from ookbalans.catalogue.models import Service
from ookbalans.framework import codes
from ookbalans.framework.models import ContactPrinciple, Statement
from ookbalans.vision.models import CoalitionLogo, StatementChoice, Vision
from ookbalans.vision.pyramid_picture import pyramid_svg


def filename(vision: Vision, extension: str) -> str:
    return f"visie-{vision.coalition.slug}-versie-{vision.version}.{extension}"


def document_data(vision: Vision) -> dict:
    """Everything the document shows, in reading order; both renderers use only this."""
    choices = {c.statement_id: c for c in vision.statement_choices.all()}
    explanations = dict(vision.sections.values_list("section", "explanation"))
    sections = []
    left_out = []
    for number, term in enumerate(codes.VISION_SECTIONS.terms, start=1):
        statements = []
        for statement in Statement.objects.filter(edition=vision.edition, section=term.code).select_related(
            "edition"
        ):
            choice = choices.get(statement.id)
            if choice is None:
                continue  # not decided yet: a document shows what the coalition chose
            if choice.choice == StatementChoice.Choice.LEAVE_OUT:
                left_out.append({"section": term.label, "original": statement.text, "reason": choice.reason})
                continue
            statements.append(
                {
                    "text": choice.text,
                    "adapted": choice.choice == StatementChoice.Choice.ADAPT,
                    "original": statement.text,
                    "code": statement.code,
                }
            )
        sections.append(
            {
                "number": number,
                "title": term.label,
                "statements": statements,
                "own": list(vision.own_statements.filter(section=term.code).values_list("text", flat=True)),
                "explanation": explanations.get(term.code, ""),
            }
        )
    goals = []
    for goal in vision.goals.prefetch_related("aims", "pyramid_levels", "phases"):
        goals.append(
            {
                "title": goal.title,
                "description": goal.description,
                "aims": ", ".join(t.label for t in goal.aims.all()),
                "levels": ", ".join(t.label for t in goal.pyramid_levels.all()),
                "phases": ", ".join(t.label for t in goal.phases.all()),
                "indicator": goal.indicator,
                "target_value": goal.target_value,
                "target_date": date_format(goal.target_date, "j F Y"),
            }
        )
    actions = []
    for action in vision.actions.select_related("goal", "organisation").prefetch_related("services"):
        services = [s.name for s in action.services.all()]
        services += [
            line.strip() + " " + _("(planned)")
            for line in action.planned_services.splitlines()
            if line.strip()
        ]
        actions.append(
            {
                "title": action.title,
                "goal": action.goal.title,
                "organisation": action.organisation.name if action.organisation else "",
                "deadline": date_format(action.deadline, "j F Y"),
                "status": action.get_status_display(),
                "services": services,
                "answers": [item["message"] for item in action.gap_findings],
            }
        )
    pyramid = []
    active = Service.objects.filter(coalition=vision.coalition, status=Service.Status.ACTIVE).select_related(
        "organization"
    )
    for level in codes.PYRAMID_LEVELS.terms:
        services = active.filter(pyramid_levels__code=level.code).order_by("name_nl").distinct()
        pyramid.append(
            {
                "title": level.label,
                "description": level.description,
                "services": [{"name": s.name, "organisation": s.organization.name} for s in services],
            }
        )
    voices = [
        {
            "section": v.get_section_display(),
            "source": v.get_source_display(),
            "session": v.get_session_kind_display(),
            "held_on": date_format(v.held_on, "F Y"),
            "said": v.said,
            "response": v.response,
        }
        for v in vision.voices.all()
    ]
    if vision.is_adopted:
        status = _("Adopted on %(date)s by %(body)s") % {
            "date": date_format(vision.adopted_on, "j F Y"),
            "body": vision.adopted_by,
        }
    else:
        status = _("Draft (%(status)s)") % {"status": vision.get_status_display()}
    logo = CoalitionLogo.objects.filter(coalition=vision.coalition).first()
    return {
        "title": vision.title,
        "draft": not vision.is_adopted,
        "logo": logo.data_url() if logo else "",
        "pyramid_picture": pyramid_svg(pyramid),
        "coalition": vision.coalition.name,
        "period": f"{vision.period_start}–{vision.period_end}",
        "version": vision.version,
        "status": status,
        "printed": date_format(timezone.localdate(), "j F Y"),
        "municipalities": [m.name for m in vision.municipalities.all()],
        "signatories": [o.name for o in vision.signatories.order_by("name")],
        "introduction": [p.strip() for p in vision.introduction.split("\n\n") if p.strip()],
        "edition": vision.edition.title,
        "sections": sections,
        "left_out": left_out,
        "principles": list(
            ContactPrinciple.objects.filter(edition=vision.edition).values_list("text", flat=True)
        ),
        "goals": goals,
        "actions": actions,
        "voices": voices,
        "pyramid": pyramid,
    }


def render_html(vision: Vision) -> str:
    with override("nl"):
        return render_to_string("vision/document.html", {"doc": document_data(vision)})


def embedded_only():
    """WeasyPrint's fetcher for the vision: the document embeds its pictures, so it fetches nothing else."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def render_pdf(vision: Vision) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(vision), url_fetcher=embedded_only()).write_pdf()


def render_docx(vision: Vision) -> bytes:
    """A Word file with real heading styles and tables, so civil servants can go on editing it."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    with override("nl"):
        doc_data = document_data(vision)
        document = Document()
        a4(document, Cm, WD_ORIENT)
        document.core_properties.title = doc_data["title"]
        document.core_properties.author = doc_data["coalition"]
        document.core_properties.language = "nl-NL"
        document.styles["Normal"].font.size = Pt(11)

        document.add_heading(doc_data["title"], level=0)
        document.add_paragraph(doc_data["coalition"], style="Subtitle")
        facts = [
            (_("Period"), doc_data["period"]),
            (_("Municipalities"), ", ".join(doc_data["municipalities"])),
            (_("Signed by"), ", ".join(doc_data["signatories"])),
            (_("Version"), str(doc_data["version"])),
            (_("Status"), doc_data["status"]),
        ]
        for label, value in facts:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value or "—")
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

        document.add_heading(_("Introduction"), level=1)
        for paragraph in doc_data["introduction"]:
            document.add_paragraph(paragraph)
        document.add_paragraph(
            _("This vision builds on the building blocks of %(edition)s.") % {"edition": doc_data["edition"]}
        )

        for section in doc_data["sections"]:
            document.add_heading(f"{section['number']}. {section['title']}", level=1)
            if section["explanation"]:
                document.add_paragraph(section["explanation"])
            for statement in section["statements"]:
                paragraph = document.add_paragraph(style="List Bullet")
                paragraph.add_run(statement["text"])
                if statement["adapted"]:
                    paragraph.add_run(" " + _("(in own words)")).italic = True
            for text in section["own"]:
                paragraph = document.add_paragraph(style="List Bullet")
                paragraph.add_run(text)
                paragraph.add_run(" " + _("(own statement)")).italic = True
            if not (section["statements"] or section["own"] or section["explanation"]):
                document.add_paragraph(_("This section has not been filled in yet."))

        document.add_heading(_("Principles for every contact with parents"), level=1)
        document.add_paragraph(_("In every contact with parents, we make sure that:"))
        for principle in doc_data["principles"]:
            document.add_paragraph(principle, style="List Number")

        document.add_heading(_("Goals"), level=1)
        table_rows(
            document,
            [_("Goal"), _("Aims"), _("Levels and phases"), _("Indicator"), _("Target value"), _("Date")],
            [
                [
                    g["title"],
                    g["aims"],
                    "; ".join(x for x in (g["levels"], g["phases"]) if x),
                    g["indicator"],
                    g["target_value"],
                    g["target_date"],
                ]
                for g in doc_data["goals"]
            ],
            _("No goals have been set yet."),
        )
        document.add_heading(_("Actions"), level=1)
        table_rows(
            document,
            [_("Action"), _("Goal"), _("Organisation"), _("Deadline"), _("Status"), _("Services")],
            [
                [
                    "\n".join(
                        [a["title"], *(_("Answers: %(finding)s") % {"finding": f} for f in a["answers"])]
                    ),
                    a["goal"],
                    a["organisation"],
                    a["deadline"],
                    a["status"],
                    "\n".join(a["services"]),
                ]
                for a in doc_data["actions"]
            ],
            _("No actions have been planned yet."),
        )
        if doc_data["voices"]:
            document.add_heading(_("What parents and partners told us"), level=1)
            table_rows(
                document,
                [_("Section"), _("Who and when"), _("What was said"), _("What we did with it")],
                [
                    [v["section"], f"{v['source']}, {v['session']}, {v['held_on']}", v["said"], v["response"]]
                    for v in doc_data["voices"]
                ],
                "",
            )
        if doc_data["left_out"]:
            document.add_heading(_("Building blocks we left out"), level=1)
            table_rows(
                document,
                [_("Section"), _("Building block"), _("Reason")],
                [[x["section"], x["original"], x["reason"]] for x in doc_data["left_out"]],
                "",
            )
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(_("Annex: the local support pyramid"), level=1)
        document.add_paragraph(
            _("The active services of the coalition per level of the support pyramid, from the catalogue.")
        )
        for level in doc_data["pyramid"]:
            document.add_heading(level["title"], level=2)
            document.add_paragraph(level["description"])
            table_rows(
                document,
                [_("Service"), _("Organisation")],
                [[s["name"], s["organisation"]] for s in level["services"]],
                _("No services on this level."),
            )
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def a4(document, Cm, WD_ORIENT) -> None:
    """python-docx's template is US Letter; Dutch councils print on A4 (21.0 x 29.7 cm)."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.4)


def table_rows(document, header: list[str], rows: list[list[str]], empty: str) -> None:
    """A real Word table with a repeated header row, or a sentence when there is nothing to list."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if not rows:
        if empty:
            document.add_paragraph(empty)
        return
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text or ""
