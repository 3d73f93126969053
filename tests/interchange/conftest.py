"""Fixtures for the interchange tests: the demo coalition, with a few awkward texts added."""

import pytest

from ookbalans.catalogue.models import Coalition, Service


@pytest.fixture(scope="module")
def awkward_demo(shared_demo, django_db_blocker):
    """The module's shared demo with awkward texts (committed; removed with the demo after the module)."""
    with django_db_blocker.unblock():
        coalition = Coalition.objects.get(slug="voorbeeldregio")
        # Texts an export must carry safely: markup, and cells a spreadsheet could run as a formula.
        service = Service.objects.filter(coalition=coalition).order_by("id").first()
        service.description = '=HYPERLINK("https://evil.example","klik") <script>alert(1)</script>'
        service.save()


@pytest.fixture
def demo(awkward_demo, db):
    """The demo coalition, whole again for every test: each test's changes are rolled back."""
    return Coalition.objects.get(slug="voorbeeldregio")


def empty_like(coalition: Coalition, slug: str = "kopie") -> Coalition:
    """An empty coalition covering the same municipalities (its service areas are then the same)."""
    target = Coalition.objects.create(name=f"Kopie van {coalition.name}", slug=slug)
    target.municipalities.set(coalition.municipalities.all())
    return target
