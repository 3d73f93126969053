"""The coalition's logo: a coordinator uploads it; PNGs re-encoded, SVGs cut to drawing, sizes checked."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ookbalans.vision.logos import MAX_BYTES, checked_logo
from ookbalans.vision.models import CoalitionLogo
from tests.vision.helpers import coalition_with_members

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" '
    b'onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" fill="#154273" '
    b'style="fill:url(https://evil.example/x)" onclick="x()"/><image href="https://evil.example/p.png"/>'
    b'<use xlink:href="https://evil.example/s.svg#a"/><use href="#r"/>'
    b"<foreignObject><p>hi</p></foreignObject>"
    b'<path d="M0 0L10 10" fill="url(https://evil.example/g)" stroke="url(#grad)"/></svg>'
)


def png(width=20, height=10, **info) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#154273").save(out, format="PNG", **info)
    return out.getvalue()


def test_a_png_is_written_again_as_plain_pixels():
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "<script>alert(1)</script>")
    media_type, content = checked_logo(png(pnginfo=text), "logo.png")
    assert media_type == "image/png"
    assert b"script" not in content
    assert Image.open(io.BytesIO(content)).size == (20, 10)


def test_a_huge_or_broken_png_is_refused():
    with pytest.raises(ValidationError, match="4000"):
        checked_logo(png(4001, 10), "logo.png")
    with pytest.raises(ValidationError, match="niet te lezen"):
        checked_logo(b"\x89PNG\r\n\x1a\n" + b"rubbish" * 10, "logo.png")
    with pytest.raises(ValidationError, match="500 kB"):
        checked_logo(b"\x89PNG\r\n\x1a\n" + b"0" * MAX_BYTES, "logo.png")


def test_an_svg_keeps_only_its_drawing():
    media_type, content = checked_logo(SVG, "logo.svg")
    assert media_type == "image/svg+xml"
    text = content.decode()
    for unsafe in ("script", "onload", "onclick", "evil.example", "foreignObject", "<image", "style="):
        assert unsafe not in text, unsafe
    assert "<rect" in text and 'href="#r"' in text and 'stroke="url(#grad)"' in text


def test_an_svg_with_a_document_type_or_entities_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    with pytest.raises(ValidationError, match="documenttype"):
        checked_logo(bomb, "logo.svg")


def test_other_files_are_refused():
    with pytest.raises(ValidationError, match="PNG- of SVG"):
        checked_logo(b"GIF89a....", "logo.gif")


@pytest.mark.django_db
def test_only_a_coordinator_uploads_and_removes_the_logo(client):
    coalition, members = coalition_with_members()
    url = reverse("vision:logo", args=[coalition.slug])
    client.force_login(members["editor"])
    assert client.get(url).status_code == 403
    client.force_login(members["coordinator"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"logo": SimpleUploadedFile("logo.svg", SVG, content_type="image/svg+xml")})
    assert response.status_code == 302
    logo = CoalitionLogo.objects.get(coalition=coalition)
    assert logo.media_type == "image/svg+xml" and b"script" not in bytes(logo.content)
    assert (
        "Logo voor de visie"
        in client.get(reverse("vision:coalition", args=[coalition.slug])).content.decode()
    )
    client.post(url, {"remove": "1"})
    assert not CoalitionLogo.objects.filter(coalition=coalition).exists()


@pytest.mark.django_db
def test_a_refused_logo_says_why_in_dutch(client):
    coalition, members = coalition_with_members()
    client.force_login(members["coordinator"])
    response = client.post(
        reverse("vision:logo", args=[coalition.slug]),
        {"logo": SimpleUploadedFile("logo.gif", b"GIF89a....", content_type="image/gif")},
    )
    assert response.status_code == 200
    assert "Upload het logo als PNG- of SVG-bestand." in response.content.decode()
    assert not CoalitionLogo.objects.exists()
