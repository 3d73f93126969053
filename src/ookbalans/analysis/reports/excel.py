"""The Excel report (openpyxl): a sheet per theme, Dutch headers, percentages as numbers, frozen headers."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from ookbalans.analysis.rules import LEVELS, level_label, phase_label
from ookbalans.analysis.rules.base import NEAR_LEVELS
from ookbalans.catalogue.models import Coalition
from ookbalans.framework import codes
from ookbalans.spreadsheets import guard_workbook

PERCENT = "0%"
# Columns of running text are wrapped at this width (in characters); others are as wide as their content.
TEXT_WIDTH = 60


class Sheet:
    """One worksheet: a bold, frozen header row, then rows; shares (0..1) are stored as percentages."""

    def __init__(self, workbook, title: str, header: list, freeze: str = "A2"):
        self.sheet = workbook.create_sheet(str(title)[:31])
        self.sheet.append([str(h) for h in header])
        self.sheet.freeze_panes = freeze
        self.percent_columns: set[int] = set()
        self.wrapped_columns: set[int] = set()

    def add(self, values: list, percent: tuple[int, ...] = ()) -> None:
        """A row; `percent` names the columns (0-based) holding shares stored as numbers, shown as %."""
        self.sheet.append([str(v) if hasattr(v, "_proxy____cast") else v for v in values])
        for column in percent:
            self.sheet.cell(row=self.sheet.max_row, column=column + 1).number_format = PERCENT

    def add_header(self, header: list) -> None:
        """A second header row further down (for a second table on the same sheet)."""
        from openpyxl.styles import Font

        self.sheet.append([])
        self.sheet.append([str(h) for h in header])
        for cell in self.sheet[self.sheet.max_row]:
            cell.font = Font(bold=True)

    def finish(self) -> None:
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        for cell in self.sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, column in enumerate(self.sheet.iter_cols(), start=1):
            longest = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            letter = get_column_letter(index)
            if longest > TEXT_WIDTH:
                self.sheet.column_dimensions[letter].width = TEXT_WIDTH
                for cell in column[1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                self.sheet.column_dimensions[letter].width = max(10, longest + 2)


def xlsx_report(coalition: Coalition, context: dict) -> bytes:
    from openpyxl import Workbook

    analysis = context["analysis"]
    indicators = analysis.indicators
    phases = analysis.thresholds.phases
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = []

    def sheet(title, header, freeze="A2") -> Sheet:
        sheets.append(Sheet(workbook, title, header, freeze))
        return sheets[-1]

    summary = sheet(_("Summary"), [_("Subject"), _("Value")])
    summary.add([_("Coalition"), coalition.name])
    summary.add([_("Date"), analysis.date])
    summary.sheet.cell(row=summary.sheet.max_row, column=2).number_format = "DD-MM-YYYY"
    summary.add([_("Active services"), indicators["services"]["active"]])
    summary.add([_("Findings"), len(analysis.findings)])
    summary.add([_("Share implementing a recognised intervention"), indicators["evidence_share"]], (1,))
    summary.add([_("Share for fathers or partners"), indicators["fathers_share"]], (1,))
    summary.add([_("Share not checked in time"), indicators["stale"]["share"]], (1,))
    for number, group in enumerate(context["top_findings"], start=1):
        summary.add([_("Important finding %(number)d") % {"number": number}, group["title"]])
    summary.add([_("Change over time"), context["trend_text"]])

    pyramid = sheet(_("Pyramid"), [_("Level"), *[phase_label(p) for p in phases]], "B2")
    for level in reversed(LEVELS):
        pyramid.add([level_label(level), *[analysis.matrix[level][p].services for p in phases]])
    pyramid.add_header([_("Of which recognised"), *[phase_label(p) for p in phases]])
    for level in reversed(LEVELS):
        pyramid.add([level_label(level), *[analysis.matrix[level][p].recognised for p in phases]])

    findings = sheet(
        _("Findings"),
        [_("Severity"), _("Theme"), _("Finding"), _("Next step"), _("Number of services"), _("Services")],
    )
    for theme in context["themes"]:
        for row in theme["findings"]:
            findings.add(
                [
                    row["severity_label"],
                    theme["label"],
                    row["message"],
                    row["next_step"],
                    len(row["services"]),
                    "\n".join(f"{name} ({organisation})" for name, organisation in row["services"]),
                ]
            )

    access = sheet(
        _("Accessibility"),
        [
            _("Condition"),
            *[
                f"{level_label(level)}: {heading}"
                for level in LEVELS
                for heading in (_("meeting it"), _("services"), _("share"))
            ],
        ],
        "B2",
    )
    per_level = indicators["access_per_level"]
    for condition in codes.ACCESSIBILITY_CONDITIONS.codes():
        values = [codes.ACCESSIBILITY_CONDITIONS.label_for(condition)]
        for level in LEVELS:
            row = per_level[level][condition]
            values += [row["met"], row["total"], row["share"] if row["total"] else None]
        access.add(values, tuple(3 + 3 * i for i in range(len(LEVELS))))

    evidence = sheet(_("Evidence"), [_("Level"), _("Recognised"), _("Services"), _("Share")])
    for row in context["evidence_rows"]:
        evidence.add([row["label"], row["recognised"], row["total"], row["share"]], (3,))

    aims = sheet(_("Aims"), [_("Aim"), *[level_label(level) for level in LEVELS]], "B2")
    for row in context["aim_rows"]:
        aims.add([row["label"], *row["counts"]])

    factors = sheet(_("Factors"), [_("Factor"), _("Services")])
    for row in context["factor_rows"]:
        factors.add([row["label"], row["count"]])
    factors.add_header([_("Part of upbringing"), _("Services")])
    for row in context["component_rows"]:
        factors.add([row["label"], row["count"]])

    groups = sheet(_("Target groups"), [_("Target group"), _("Services")])
    for row in context["target_group_rows"]:
        groups.add([row["label"], row["count"]])

    languages = sheet(_("Languages"), [_("Level"), *[phase_label(p) for p in phases]], "B2")
    for row in context["language_rows"]:
        languages.add([row["label"], *row["cells"]])

    distance = sheet(
        _("Distance"), [_("Postcode area"), *[f"{level_label(level)} (km)" for level in NEAR_LEVELS]]
    )
    for pc4 in indicators["geography"][NEAR_LEVELS[0]]:
        distance.add([pc4, *[indicators["geography"][level][pc4] for level in NEAR_LEVELS]])

    searches = sheet(_("Searches without result"), [_("Search term"), _("Number of searches")])
    for term, count in indicators["unmet_searches"]:
        searches.add([term, count])

    for each in sheets:
        each.finish()
    # Service names and findings are typed by people: none of them may become a formula.
    guard_workbook(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
