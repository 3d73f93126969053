"""The authenticator app's setup link as an inline SVG QR code, drawn locally without any network."""

import qrcode
import qrcode.image.svg
from django.utils.safestring import SafeString, mark_safe


def qr_svg(text: str) -> SafeString:
    """An SVG of paths only (no style attributes, so the Content-Security-Policy allows it inline)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    svg = image.to_string(encoding="unicode")
    # qrcode writes only path data built from numbers; nothing of `text` appears in the markup.
    return mark_safe(svg)  # noqa: S308 - markup made by qrcode from numbers only, see above


def grouped_secret(base32_secret: str) -> str:
    """The secret in groups of four letters, easier to type into an app by hand."""
    return " ".join(base32_secret[i : i + 4] for i in range(0, len(base32_secret), 4))
