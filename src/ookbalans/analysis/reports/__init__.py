"""The gap analysis as a council-ready report: PDF (WeasyPrint), Word (python-docx) and Excel (openpyxl).

Every format starts with the same summary (the pyramid, the five most important findings, the trend)
and then gives the findings by theme with their services as tables: `report_context` builds it once.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ookbalans.analysis import presentation
from ookbalans.analysis.models import Snapshot
from ookbalans.analysis.rules import Analysis
from ookbalans.catalogue.models import Coalition, Service

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# How many findings (or groups of similar findings) the summary names.
SUMMARY_FINDINGS = 5


def build(fmt: str, coalition: Coalition, analysis: Analysis) -> tuple[bytes, str]:
    from ookbalans.analysis.reports import excel, pdf, word

    builders = {"pdf": pdf.pdf_report, "docx": word.docx_report, "xlsx": excel.xlsx_report}
    if fmt not in builders:
        raise Http404
    return builders[fmt](coalition, report_context(coalition, analysis)), CONTENT_TYPES[fmt]


def report_context(coalition: Coalition, analysis: Analysis) -> dict:
    """What every report shows: the dashboard's rows, the summary, and the findings by theme with services."""
    names = {
        str(pk): (name, organisation)
        for pk, name, organisation in Service.objects.filter(coalition=coalition).values_list(
            "id", "name_nl", "organization__name"
        )
    }
    context = presentation.dashboard_context(coalition, analysis)
    rows = [presentation.finding_row(f) for f in analysis.findings]
    for row in rows:
        row["services"] = sorted(
            (names[i] for i in row["service_ids"] if i in names), key=lambda pair: pair[0].lower()
        )
    themes = {}
    for row in rows:
        themes.setdefault(row["kind"], {"label": row["kind_label"], "findings": []})["findings"].append(row)
    order = list(presentation.KIND_LABELS)
    snapshots = list(Snapshot.objects.filter(coalition=coalition).only("id", "taken_on", "note"))
    context |= {
        "date": analysis.date,
        "intro": intro_text(analysis),
        "findings": rows,
        "themes": [themes[k] for k in sorted(themes, key=order.index)],
        "top_findings": context["finding_groups"][:SUMMARY_FINDINGS],
        "trend_text": trend_text(presentation.trend(coalition, snapshots, analysis, {})),
    }
    return context


def intro_text(analysis: Analysis) -> str:
    return _(
        "This analysis compares the active offering of the coalition with the yardsticks of the vision "
        "document OOK in Balans: the four levels of the support pyramid in every phase, the aims, the "
        "factors, fathers and partners, accessibility, distance, evidence and up-to-date facts. "
        "It counts %(active)d active services and gives %(findings)d findings."
    ) % {"active": analysis.indicators["services"]["active"], "findings": len(analysis.findings)}


def trend_text(trend: dict | None) -> str:
    """The change since the latest snapshot in a sentence, for the summary."""
    if trend is None:
        return _("No snapshot has been recorded yet: the next report can show the change from today.")
    counts = {
        "date": f"{trend['earlier'].taken_on:%d-%m-%Y}",
        "before": trend["active_before"],
        "after": trend["active_after"],
        "filled": len(trend["cells_filled"]),
        "emptied": len(trend["cells_emptied"]),
        "resolved": len(trend["findings_resolved"]),
        "new": len(trend["findings_new"]),
    }
    return " ".join(
        [
            _("Since %(date)s the number of active services went from %(before)d to %(after)d.") % counts,
            ngettext(
                "%(filled)d level of the pyramid was filled and %(emptied)d became empty;",
                "%(filled)d levels of the pyramid were filled and %(emptied)d became empty;",
                counts["filled"],
            )
            % counts,
            ngettext(
                "%(resolved)d finding was resolved and %(new)d are new.",
                "%(resolved)d findings were resolved and %(new)d are new.",
                counts["resolved"],
            )
            % counts,
        ]
    )
