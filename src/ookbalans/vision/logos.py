"""Checking an uploaded logo: a small PNG (re-encoded, only pixels remain) or an SVG cut down to drawing."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET  # noqa: S405 - the text is refused before parsing when it declares a DTD or entity

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 500 * 1024
MAX_PIXELS = 4000  # per side
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

# Drawing only: no script, no foreignObject, no image, no use of outside files, no animation.
SAFE_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "symbol", "use",
}  # fmt: skip
SAFE_ATTRIBUTES = {
    "id", "class", "d", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
    "viewBox", "preserveAspectRatio", "points", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
    "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "opacity",
    "transform", "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    "letter-spacing", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "fx",
    "fy", "clip-path", "clip-rule", "mask", "clipPathUnits", "maskUnits", "dx", "dy", "href", "version",
}  # fmt: skip
OUTSIDE_REFERENCE = re.compile(r"url\(\s*['\"]?(?!#)", re.IGNORECASE)


def checked_logo(data: bytes, filename: str) -> tuple[str, bytes]:
    """The logo's media type and safe content, or a ValidationError in Dutch saying what is wrong."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The logo is larger than 500 KB; save it smaller and try again."))
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", checked_png(data)
    if filename.lower().endswith(".svg") or b"<svg" in data[:2048]:
        return "image/svg+xml", sanitised_svg(data)
    raise ValidationError(_("Upload the logo as a PNG or SVG file."))


def checked_png(data: bytes) -> bytes:
    """The PNG decoded and written again: whatever else the file held is gone."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width > MAX_PIXELS or image.height > MAX_PIXELS:
                raise ValidationError(_("The logo is larger than 4000 by 4000 pixels."))
            image.load()
            out = io.BytesIO()
            image.save(out, format="PNG", optimize=True)
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds for a broken file
        raise ValidationError(_("This PNG file cannot be read.")) from error
    return out.getvalue()


def sanitised_svg(data: bytes) -> bytes:
    """The SVG with only drawing elements and attributes; references only within the file itself."""
    head = data[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data.upper():
        raise ValidationError(_("This SVG file declares a document type; save it as plain SVG."))
    try:
        root = ET.fromstring(data)  # noqa: S314 - no DTD or entities, refused above
    except ET.ParseError as error:
        raise ValidationError(_("This SVG file cannot be read.")) from error
    if local_name(root.tag) != "svg":
        raise ValidationError(_("Upload the logo as a PNG or SVG file."))
    clean(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8")


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def clean(element: ET.Element) -> None:
    for child in list(element):
        if not isinstance(child.tag, str) or local_name(child.tag) not in SAFE_ELEMENTS:
            element.remove(child)
        else:
            clean(child)
    for name in list(element.attrib):
        value = element.attrib[name]
        bare = local_name(name)
        outside = OUTSIDE_REFERENCE.search(value) or (bare == "href" and not value.startswith("#"))
        if bare not in SAFE_ATTRIBUTES or outside:
            del element.attrib[name]
