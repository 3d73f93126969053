"""The coverage matrix drawn as the framework draws it: a pyramid per phase, gaps in the strongest colour."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.html import escape
from django.utils.translation import gettext as _

from ookbalans.analysis.heatmap import header_lines
from ookbalans.analysis.rules import LEVELS, level_label, phase_label

# Colour per cell state, the eye drawn to gaps: empty is the darkest, thin is orange, enough is pale.
# (ColorBrewer RdBu, colour-blind safe; every text colour has a contrast of at least 4.5:1 on its fill.)
STATE_COLOURS = {
    "empty": ("#b2182b", "#ffffff"),
    "thin": ("#f4a582", "#1a1a1a"),
    "ok": ("#d1e5f0", "#1a1a1a"),
}
OUTLINE = "#4a4a4a"


@dataclass(frozen=True)
class Geometry:
    """Sizes in CSS pixels: the SVG is drawn at its own size, so 13 px text stays 13 px on screen."""

    label_width: int = 176  # the level names at the left of each row of pyramids
    pyramid_width: int = 156  # the base of a pyramid
    apex_width: int = 44  # the top of its top level
    gap: int = 14
    band_height: int = 42
    head_height: int = 46  # the phase name above each pyramid
    font_px: int = 13


# For the PDF's summary page: lower levels, so the summary fits on one page (text still 12 px = 9 pt).
COMPACT = Geometry(band_height=34, head_height=38, gap=8, font_px=12)


def band_outline(geometry: Geometry, left: float, top: float, index: int) -> list[tuple[float, float]]:
    """The corners of level `index` (0 = basis, at the bottom) of a pyramid whose box starts at left, top."""
    step = (geometry.pyramid_width - geometry.apex_width) / len(LEVELS)
    centre = left + geometry.pyramid_width / 2
    bottom = top + geometry.band_height * (len(LEVELS) - index)
    lower, upper = (
        (geometry.pyramid_width - step * index) / 2,
        (geometry.pyramid_width - step * (index + 1)) / 2,
    )
    return [
        (centre - lower, bottom),
        (centre + lower, bottom),
        (centre + upper, bottom - geometry.band_height),
        (centre - upper, bottom - geometry.band_height),
    ]


def state_word(state: str) -> str:
    return {"empty": _("empty"), "thin": _("thin")}.get(state, "")


def layout(phases, per_row: int | None, geometry: Geometry):
    """Yield (phase, left, top) for each pyramid, `per_row` to a row, and the picture's width and height."""
    per_row = per_row or len(phases)
    rows = (len(phases) + per_row - 1) // per_row
    row_height = geometry.head_height + geometry.band_height * len(LEVELS) + geometry.gap
    width = geometry.label_width + (geometry.pyramid_width + geometry.gap) * min(per_row, len(phases))
    places = [
        (
            phase,
            geometry.label_width + (geometry.pyramid_width + geometry.gap) * (i % per_row),
            row_height * (i // per_row),
        )
        for i, phase in enumerate(phases)
    ]
    return places, width, row_height * rows, row_height


def cell_label(cell) -> str:
    label = _("%(level)s, %(phase)s: %(count)d services, %(recognised)d recognised") % {
        "level": level_label(cell.level),
        "phase": phase_label(cell.phase),
        "count": cell.services,
        "recognised": cell.recognised,
    }
    return f"{label} ({state_word(cell.state)})" if cell.state != "ok" else label


def pyramid_svg(matrix: dict, phases, cell_url=None, per_row: int | None = None, geometry=Geometry()) -> str:
    """A pyramid per phase (basis at the bottom, widest), `per_row` to a row; `cell_url` links each level."""
    places, width, height, row_height = layout(phases, per_row, geometry)
    size = geometry.font_px
    title = _("The support pyramid per phase")
    description = _(
        "Per phase a pyramid of four levels, Basis at the bottom; each level shows its number of active "
        "services. Empty levels are dark red, thin ones orange. The table below holds the same numbers."
    )
    role = "group" if cell_url else "img"  # links inside: a role of img would hide them
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pyramid" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="{role}" aria-labelledby="pyramid-title pyramid-desc">',
        f'<title id="pyramid-title">{escape(title)}</title>',
        f'<desc id="pyramid-desc">{escape(description)}</desc>',
        f'<g font-family="Arial, Helvetica, sans-serif" font-size="{size}" fill="#1a1a1a">',
    ]
    for row_top in sorted({top for _p, _l, top in places}):
        for index, level in enumerate(LEVELS):  # the level names, once per row of pyramids
            y = row_top + geometry.head_height + geometry.band_height * (len(LEVELS) - index - 0.5) + size / 3
            parts.append(
                f'<text x="{geometry.label_width - 10}" y="{y:.1f}" text-anchor="end" font-weight="bold">'
                f"{escape(level_label(level))}</text>"
            )
    for phase, left, top in places:
        centre = left + geometry.pyramid_width / 2
        for line, text in enumerate(header_lines(phase_label(phase))):
            weight = ' font-weight="bold"' if line == 0 else ""
            y = top + 16 + 17 * line
            parts.append(f'<text x="{centre}" y="{y}" text-anchor="middle"{weight}>{escape(text)}</text>')
        for index, level in enumerate(LEVELS):
            parts.extend(
                band_svg(matrix[level][phase], index, left, top + geometry.head_height, cell_url, geometry)
            )
    parts.append("</g></svg>")
    return "".join(parts)


def band_svg(cell, index: int, left: float, top: float, cell_url, geometry: Geometry) -> list[str]:
    fill, ink = STATE_COLOURS[cell.state]
    corners = band_outline(geometry, left, top, index)
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
    centre = left + geometry.pyramid_width / 2
    band_top = corners[2][1]
    word = state_word(cell.state)
    count_y = band_top + (geometry.band_height / 2 + 6 if not word else geometry.band_height / 2 - 1)
    shape = [
        f'<polygon points="{points}" fill="{fill}" stroke="{OUTLINE}" '
        f'stroke-width="{2 if cell.state == "empty" else 1}"/>',
        f'<text x="{centre}" y="{count_y:.1f}" text-anchor="middle" font-size="{geometry.font_px + 3}" '
        f'font-weight="bold" fill="{ink}">{cell.services}</text>',
    ]
    if word:
        shape.append(
            f'<text x="{centre}" y="{band_top + geometry.band_height - 8:.1f}" text-anchor="middle" '
            f'font-size="{geometry.font_px}" fill="{ink}">{escape(word)}</text>'
        )
    label = escape(cell_label(cell))
    if cell_url:
        return [f'<a href="{escape(cell_url(cell.level, cell.phase))}" aria-label="{label}">', *shape, "</a>"]
    return [f'<g aria-label="{label}">', *shape, "</g>"]


def pyramid_png(matrix: dict, phases, per_row: int | None = None, scale: int = 2) -> bytes:
    """The same picture as a PNG (Word shows no SVG), drawn with Pillow at `scale` times the size."""
    import io

    from PIL import Image, ImageDraw

    geometry = Geometry()
    regular, bold = font(geometry.font_px * scale), font(geometry.font_px * scale, bold=True)
    big = font((geometry.font_px + 3) * scale, bold=True)
    # The machine's font may be wider than a browser's Arial: make room for the longest level name.
    widest = max(bold.getlength(level_label(level)) for level in LEVELS) / scale
    geometry = replace(geometry, label_width=max(geometry.label_width, int(widest) + 16))
    places, width, height, _row = layout(phases, per_row, geometry)
    image = Image.new("RGB", (width * scale, height * scale), "#ffffff")
    draw = ImageDraw.Draw(image)

    def text(x, y, value, face, fill="#1a1a1a", anchor="ms"):
        draw.text((x * scale, y * scale), value, font=face, fill=fill, anchor=anchor)

    for row_top in sorted({top for _p, _l, top in places}):
        for index, level in enumerate(LEVELS):
            y = row_top + geometry.head_height + geometry.band_height * (len(LEVELS) - index - 0.5)
            text(geometry.label_width - 10, y, level_label(level), bold, anchor="rm")
    for phase, left, top in places:
        centre = left + geometry.pyramid_width / 2
        for line, value in enumerate(header_lines(phase_label(phase))):
            text(centre, top + 16 + 17 * line, value, bold if line == 0 else regular)
        for index, level in enumerate(LEVELS):
            cell = matrix[level][phase]
            fill, ink = STATE_COLOURS[cell.state]
            corners = band_outline(geometry, left, top + geometry.head_height, index)
            draw.polygon(
                [(x * scale, y * scale) for x, y in corners],
                fill=fill,
                outline=OUTLINE,
                width=(2 if cell.state == "empty" else 1) * scale,
            )
            band_top = corners[2][1]
            word = state_word(cell.state)
            count_y = band_top + (geometry.band_height / 2 + 6 if not word else geometry.band_height / 2 - 1)
            text(centre, count_y, str(cell.services), big, fill=ink)
            if word:
                text(centre, band_top + geometry.band_height - 8, word, regular, fill=ink)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(96 * scale, 96 * scale))
    return buffer.getvalue()


FONT_FILES = {
    False: ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"),
    True: ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf"),
}


def font(size: int, bold: bool = False):
    """A TrueType font of the machine (the one WeasyPrint uses too), or Pillow's own when none is found."""
    from PIL import ImageFont

    for name in FONT_FILES[bold]:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"):
                try:
                    return ImageFont.truetype(f"{folder}/{name}", size)
                except OSError:
                    continue
    return ImageFont.load_default(size)
