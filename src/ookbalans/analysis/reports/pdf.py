"""The PDF report (WeasyPrint, template analysis/report_pdf.html): a summary page, then findings by theme."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ookbalans.analysis import presentation
from ookbalans.analysis.pyramid import COMPACT
from ookbalans.catalogue.models import Coalition


def pyramids_per_row(phases) -> int:
    """Three pyramids to a row keep 9 pt labels on A4 upright; seven or eight phases need four to a row."""
    return 3 if len(phases) <= 6 else 4


def pdf_report(coalition: Coalition, context: dict) -> bytes:
    from weasyprint import HTML

    analysis = context["analysis"]
    per_row = pyramids_per_row(analysis.thresholds.phases)
    pyramid = presentation.pyramid_for(analysis, per_row=per_row, geometry=COMPACT)
    context = context | {"pyramid": mark_safe(pyramid)}  # noqa: S308 - pyramid_svg escapes every text
    return HTML(string=render_to_string("analysis/report_pdf.html", context)).write_pdf()
