"""The national benchmark catalogue: every municipality, valid services, the same rows for the same seed."""

import pytest

from benchmarks.national_catalogue import generate
from ookbalans.catalogue.models import Coalition, Municipality, Service

pytestmark = pytest.mark.django_db


def test_a_small_national_catalogue_covers_every_municipality_with_valid_services():
    counts = generate(n_services=684, seed=3)
    assert counts["coalitions"] == Municipality.objects.count() == 342
    assert Service.objects.count() == 684
    assert Coalition.objects.filter(services__isnull=True).count() == 0
    for service in Service.objects.order_by("?")[:25]:
        service.full_clean()
        assert service.pyramid_levels.count() == 1
        assert service.phases.exists()
        assert service.languages.filter(code="nl").exists()
        location = service.service_at_locations.get().location
        assert location.municipality in service.coalition.municipalities.all()


def test_the_same_seed_gives_the_same_catalogue():
    generate(n_services=342, seed=5)
    first = sorted(Service.objects.values_list("id", "name_nl"))
    Coalition.objects.all().delete()  # everything of a coalition goes with it
    generate(n_services=342, seed=5)
    assert sorted(Service.objects.values_list("id", "name_nl")) == first
