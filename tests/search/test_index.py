"""The index follows the catalogue: saving, relabelling and deleting a service, and a full rebuild."""

import pytest
from django.core.management import call_command

from ookbalans.catalogue.models import Service
from ookbalans.search import search_services
from ookbalans.search.models import SearchDocument
from ookbalans.search.signals import deferred_indexing
from ookbalans.search.text import Vocabulary, analyse, index_words, split_compound_word
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def names(query):
    return [service.name for service, _ in search_services(query, Service.objects.all())]


def test_saving_a_service_indexes_it_and_a_change_is_found():
    service = ServiceFactory(name_nl="Borstvoedingscafé Oost", short_description_nl="Koffie en tips.")
    assert names("borstvoeding") == ["Borstvoedingscafé Oost"]
    service.name_nl = "Dreumesdisco"
    service.save()
    assert names("borstvoeding") == []
    assert names("dreumes") == ["Dreumesdisco"]


def test_deleting_a_service_removes_it_from_the_index():
    service = ServiceFactory(name_nl="Babyzwemmen")
    service.delete()
    assert SearchDocument.objects.count() == 0
    assert names("babyzwemmen") == []


def test_an_inactive_service_is_kept_out_of_results():
    ServiceFactory(name_nl="Babyzwemmen", status=Service.Status.INACTIVE)
    assert names("babyzwemmen") == []


def test_rebuild_command_indexes_everything_again():
    ServiceFactory(name_nl="Babyzwemmen")
    SearchDocument.objects.all().delete()
    assert names("babyzwemmen") == []
    call_command("rebuild_search_index", verbosity=0)
    assert names("babyzwemmen") == ["Babyzwemmen"]


def test_deferred_indexing_indexes_each_service_once_at_the_end_with_the_same_result():
    immediate = ServiceFactory(name_nl="Babyzwemmen", levels=["extra"])
    organisation = immediate.organization
    expected = SearchDocument.objects.values("title", "body", "description").get(service=immediate)
    immediate.delete()
    with deferred_indexing():
        deferred = ServiceFactory(name_nl="Babyzwemmen", levels=["extra"], organization=organisation)
        with deferred_indexing():  # nested blocks index once, when the outer one ends
            ServiceFactory(name_nl="Dreumesdisco")
        assert not SearchDocument.objects.exists()
    assert SearchDocument.objects.values("title", "body", "description").get(service=deferred) == expected
    assert names("babyzwemmen") == ["Babyzwemmen"] and names("dreumes") == ["Dreumesdisco"]


def test_compounds_are_split_on_known_endings():
    assert split_compound_word("borstvoedingscafe") == ("borstvoeding", "cafe")
    assert "cursus" in index_words("Opvoedcursus")


def test_unknown_words_are_reported_not_searched():
    analysis = analyse("zwanger qwxyz", Vocabulary(["zwangerschap"]))
    assert [concept.source for concept in analysis.concepts] == ["zwanger"]
    assert analysis.unknown == ("qwxyz",)
