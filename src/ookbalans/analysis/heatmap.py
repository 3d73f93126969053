"""The coverage matrix as an SVG heat map: colour-blind-safe sequential colours, values in the cells."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.translation import gettext as _

from ookbalans.analysis.rules import LEVELS, PHASES, level_label, phase_label

# ColorBrewer YlGnBu, 5 classes: sequential and safe for the common kinds of colour blindness.
# Each class has a text colour with a contrast ratio of at least 4.5:1 on it.
PALETTE = (
    ("#ffffcc", "#1a1a1a"),
    ("#a1dab4", "#1a1a1a"),
    ("#41b6c4", "#1a1a1a"),
    ("#2c7fb8", "#ffffff"),
    ("#253494", "#ffffff"),
)
BINS = (0, 1, 2, 4, 8)  # lower bounds: 0, 1, 2-3, 4-7, 8 and more


def colour_class(count: int) -> int:
    return max(i for i, lower in enumerate(BINS) if count >= lower)


def legend() -> list[dict]:
    labels = [_("no services"), _("1 service"), _("2–3 services"), _("4–7 services"), _("8 or more services")]
    return [
        {"label": label, "fill": fill, "text": text}
        for label, (fill, text) in zip(labels, PALETTE, strict=True)
    ]


def header_lines(label: str) -> list[str]:
    """A phase label on at most two lines: 'Baby (0 tot 1 jaar)' -> 'Baby', '(0 tot 1 jaar)'."""
    if " (" in label:
        head, rest = label.split(" (", 1)
        return [head, f"({rest}"]
    if " en " in label:
        head, rest = label.split(" en ", 1)
        return [f"{head} en", rest]
    return [label]


def heatmap_svg(matrix: dict, cell_url=None, title: str = "") -> str:
    """Rows are pyramid levels (extra steun on top), columns phases; `cell_url(level, phase)` links cells."""
    label_width, cell_w, cell_h, head_h = 170, 96, 46, 58
    width = label_width + cell_w * len(PHASES) + 4
    rows = list(reversed(LEVELS))  # the pyramid: its base at the bottom
    height = head_h + cell_h * len(rows) + 4
    title = title or _("Coverage of the support pyramid per phase")
    description = _(
        "Number of active services per level and phase; the table beside it holds the same numbers."
    )
    # With links in its cells the map is a group of links; a role of img would hide them.
    role = "group" if cell_url else "img"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="{role}" aria-labelledby="heatmap-title heatmap-desc">',
        f'<title id="heatmap-title">{escape(title)}</title>',
        f'<desc id="heatmap-desc">{escape(description)}</desc>',
        '<g font-family="Arial, Helvetica, sans-serif" font-size="13">',
    ]
    for column, phase in enumerate(PHASES):
        x = label_width + column * cell_w + cell_w / 2
        for line, text in enumerate(header_lines(phase_label(phase))):
            weight = ' font-weight="bold"' if line == 0 else ""
            parts.append(
                f'<text x="{x}" y="{22 + 18 * line}" text-anchor="middle"{weight}>{escape(text)}</text>'
            )
    for row, level in enumerate(rows):
        y = head_h + row * cell_h
        parts.append(
            f'<text x="{label_width - 8}" y="{y + cell_h / 2 + 5}" text-anchor="end" font-weight="bold">'
            f"{escape(level_label(level))}</text>"
        )
        for column, phase in enumerate(PHASES):
            cell = matrix[level][phase]
            fill, ink = PALETTE[colour_class(cell.services)]
            x = label_width + column * cell_w
            value = str(cell.services)
            note = _("empty") if cell.state == "empty" else _("thin") if cell.state == "thin" else ""
            label = _("%(level)s, %(phase)s: %(count)d services, %(recognised)d recognised") % {
                "level": level_label(level),
                "phase": phase_label(phase),
                "count": cell.services,
                "recognised": cell.recognised,
            }
            dash = ' stroke-dasharray="4 3"' if cell.state == "empty" else ""
            cell_parts = [
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" fill="{fill}" '
                f'stroke="{"#8a6d00" if cell.state != "ok" else "#ffffff"}" '
                f'stroke-width="{2 if cell.state != "ok" else 1}"'
                f"{dash}/>",
                f'<text x="{x + cell_w / 2}" y="{y + 22}" text-anchor="middle" font-size="16" '
                f'font-weight="bold" '
                f'fill="{ink}">{value}</text>',
            ]
            if note:
                cell_parts.append(
                    f'<text x="{x + cell_w / 2}" y="{y + 38}" text-anchor="middle" font-size="11" '
                    f'fill="{ink}">{escape(note)}</text>'
                )
            if cell_url:
                parts.append(f'<a href="{escape(cell_url(level, phase))}" aria-label="{escape(label)}">')
                parts.extend(cell_parts)
                parts.append("</a>")
            else:
                parts.append(f'<g aria-label="{escape(label)}">')
                parts.extend(cell_parts)
                parts.append("</g>")
    parts.append("</g></svg>")
    return "".join(parts)
