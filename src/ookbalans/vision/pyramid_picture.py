"""The support pyramid as a picture (SVG): four levels, widest at the base, with their numbers of services."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

WIDTH = 520
LEVEL_HEIGHT = 70
TOP_HALF_WIDTH = 50
# From the base up: the colours of the levels, dark enough for white text (contrast at least 4.5:1).
FILLS = ("#154273", "#1f5c8c", "#2a6f7f", "#7a3b69")


def half_width(boundary: int, count: int) -> float:
    """Half the pyramid's width at a level boundary (0 is the base); the top is cut off so its label fits."""
    return TOP_HALF_WIDTH + (WIDTH / 2 - TOP_HALF_WIDTH) * (count - boundary) / count


def pyramid_svg(levels: list[dict]) -> SafeString:
    """`levels` from the base up, each with a "title" and a list of "services"; returns inline SVG."""
    count = len(levels)
    height = LEVEL_HEIGHT * count
    shapes = []
    for index, level in enumerate(levels):
        # Level `index` from the base: its bottom edge is as wide as the pyramid is at that height.
        bottom = height - index * LEVEL_HEIGHT
        top = bottom - LEVEL_HEIGHT
        half_bottom = half_width(index, count)
        half_top = half_width(index + 1, count)
        middle = WIDTH / 2
        points = (
            f"{middle - half_bottom:.1f},{bottom} {middle + half_bottom:.1f},{bottom} "
            f"{middle + half_top:.1f},{top} {middle - half_top:.1f},{top}"
        )
        services = len(level["services"])
        shapes.append(
            (
                points,
                FILLS[index % len(FILLS)],
                middle,
                top + LEVEL_HEIGHT / 2 - 4,
                level["title"],
                top + LEVEL_HEIGHT / 2 + 14,
                ngettext("%(count)s service", "%(count)s services", services) % {"count": services},
            )
        )
    body = format_html_join(
        "",
        '<polygon points="{}" fill="{}" stroke="#ffffff" stroke-width="2"/>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="14" font-weight="bold" fill="#ffffff">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="#ffffff">{}</text>',
        ((p, fill, x, y1, title, x, y2, services) for p, fill, x, y1, title, y2, services in shapes),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" '
        'role="img" aria-label="{}">{}</svg>',
        WIDTH,
        height,
        WIDTH,
        height,
        gettext("The local support pyramid"),
        body,
    )
