"""PostgreSQL's vectors in their own table, written once; whole-country candidates by tiers."""

import pytest
from django.db import connection

from ookbalans.catalogue.models import Service
from ookbalans.search import backends, engine
from ookbalans.search.models import SearchVector
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own index")


@postgres_only
def test_a_new_document_has_its_vectors_and_they_leave_with_its_service():
    service = ServiceFactory(name_nl="Babyzwemmen Oost", short_description_nl="Zwemmen met je baby.")
    vector = SearchVector.objects.get(service_id=service.pk)
    assert vector.coalition_id == service.coalition_id
    service.delete()
    assert not SearchVector.objects.exists()


@postgres_only
def test_a_changed_service_has_its_vectors_rewritten():
    service = ServiceFactory(name_nl="Babyzwemmen")
    service.name_nl = "Dreumesdisco"
    service.save()
    assert SearchVector.objects.get(service_id=service.pk).title.startswith("dreumesdisco")
    assert [s.name for s, _ in engine.search_services("dreumes", Service.objects.all())] == ["Dreumesdisco"]


@postgres_only
def test_whole_country_candidates_come_from_the_name_first(monkeypatch):
    # Three mention the need only in their description and come first by name; two are named for it.
    for name in ("Aa-cursus", "Ab-cursus", "Ac-cursus"):
        ServiceFactory(name_nl=name, description="Ook over borstvoeding.")
    for name in ("Borstvoedingscafé", "Borstvoedingsgroep"):
        ServiceFactory(name_nl=name)
    monkeypatch.setattr(engine, "CANDIDATES", 2)
    found = [s.name for s, _ in engine.search_services("borstvoeding", Service.objects.all())]
    assert found == ["Borstvoedingscafé", "Borstvoedingsgroep"]


@postgres_only
def test_every_match_is_a_candidate_when_there_are_few():
    names = ["Aa-cursus", "Borstvoedingscafé"]
    ServiceFactory(name_nl=names[0], description="Ook over borstvoeding.")
    ServiceFactory(name_nl=names[1])
    rows = backends.current().search(
        [("borstvoeding", True)],
        *Service.objects.order_by().values("pk").query.sql_with_params(),
        limit=400,
        groups=[[("borstvoeding", True)]],
    )
    assert len(rows) == 2
