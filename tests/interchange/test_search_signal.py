"""An import tells the catalogue's receivers once, through `catalogue_changed`; search indexes in bulk."""

import pytest

from ookbalans.catalogue.changes import catalogue_changed
from ookbalans.catalogue.demo import remove_demo
from ookbalans.catalogue.models import Service
from ookbalans.interchange import formats
from ookbalans.search.models import SearchDocument
from tests.interchange.conftest import empty_like

pytestmark = pytest.mark.django_db


@pytest.fixture
def signals_sent():
    sent = []

    def remember(sender, service_ids, **kwargs):
        sent.append(sorted(map(str, service_ids)))

    catalogue_changed.connect(remember, dispatch_uid="test_remember")
    yield sent
    catalogue_changed.disconnect(dispatch_uid="test_remember")


def test_an_import_sends_one_signal_with_every_service_and_the_index_follows(demo, signals_sent):
    data = formats.export_bytes(demo, "hsds-json")
    municipalities = list(demo.municipalities.all())
    remove_demo("voorbeeldregio")
    target = empty_like(demo)
    target.municipalities.set(municipalities)
    formats.import_file(target, data, "aanbod.json")
    ids = sorted(str(i) for i in Service.objects.filter(coalition=target).values_list("id", flat=True))
    assert len(ids) == 82 and signals_sent == [ids]
    indexed = SearchDocument.objects.filter(service__coalition=target)
    assert sorted(str(i) for i in indexed.values_list("service_id", flat=True)) == ids
    found = indexed.get(service__name_nl=Service.objects.filter(coalition=target).first().name_nl)
    assert found.title


def test_a_re_import_indexes_the_changed_services_again(demo, signals_sent):
    service = Service.objects.filter(coalition=demo).order_by("id").first()
    data = formats.export_bytes(demo, "hsds-json").replace(
        service.name_nl.encode(), b"Babymassage in de bibliotheek", 1
    )
    formats.import_file(demo, data, "aanbod.json")
    assert signals_sent == [[str(service.id)]]  # only the changed service is written and indexed again
    assert "babymassage" in SearchDocument.objects.get(service=service).title.lower()


def test_a_dry_run_sends_nothing(demo, signals_sent):
    formats.import_file(demo, formats.export_bytes(demo, "hsds-json"), "aanbod.json", dry_run=True)
    assert signals_sent == []
