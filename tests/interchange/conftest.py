"""Fixtures for the interchange tests: the demo coalition, with a few awkward texts added."""

import pytest

from ookbalans.catalogue.demo import load_demo
from ookbalans.catalogue.models import Coalition, Service


@pytest.fixture
def demo(db):
    load_demo()
    coalition = Coalition.objects.get(slug="voorbeeldregio")
    # Texts an export must carry safely: markup, and cells a spreadsheet could run as a formula.
    service = Service.objects.filter(coalition=coalition).order_by("id").first()
    service.description = '=HYPERLINK("https://evil.example","klik") <script>alert(1)</script>'
    service.save()
    return coalition


def empty_like(coalition: Coalition, slug: str = "kopie") -> Coalition:
    """An empty coalition covering the same municipalities (its service areas are then the same)."""
    target = Coalition.objects.create(name=f"Kopie van {coalition.name}", slug=slug)
    target.municipalities.set(coalition.municipalities.all())
    return target
