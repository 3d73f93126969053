"""Keeping the search index in step with the catalogue: one document per service, and the vocabulary."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction

from ookbalans.catalogue.models import Service
from ookbalans.search import backends
from ookbalans.search.models import SearchDocument, SearchWord
from ookbalans.search.text import index_words

TRANSLATED_LANGUAGES = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != "nl"]


def indexed_text(*parts: str) -> str:
    """Normalised words plus the parts of compound words, as both backends index them."""
    return " ".join(index_words(" ".join(part for part in parts if part)))


def document_fields(service: Service) -> dict[str, str]:
    """What a service is found by: name (and translations), description, organisation, labels."""
    names = [service.name_nl or service.name] + [
        getattr(service, f"name_{code}", "") or "" for code in TRANSLATED_LANGUAGES
    ]
    labels = [
        term.label
        for relation in (service.pyramid_levels, service.phases, service.target_groups)
        for term in relation.all()
    ]
    short_descriptions = [service.short_description_nl or service.short_description] + [
        getattr(service, f"short_description_{code}", "") or "" for code in TRANSLATED_LANGUAGES
    ]
    return {
        "title": indexed_text(*names),
        "body": indexed_text(*short_descriptions, service.organization.name, *labels),
        "description": indexed_text(service.description),
    }


def services_to_index():
    return Service.objects.select_related("organization").prefetch_related(
        "pyramid_levels", "phases", "target_groups"
    )


@transaction.atomic
def index_services(services: Iterable[Service]) -> int:
    """(Re)index the given services; returns how many documents were written."""
    documents = []
    words: set[str] = set()
    for service in services:
        fields = document_fields(service)
        document, _ = SearchDocument.objects.update_or_create(service=service, defaults=fields)
        documents.append(document)
        for text in fields.values():
            words.update(word for word in text.split() if len(word) <= 100)
    add_words(words)
    backends.current().write(documents)
    return len(documents)


def add_words(words: Iterable[str]) -> None:
    from ookbalans.search.engine import forget_vocabulary

    forget_vocabulary()
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in words], ignore_conflicts=True, batch_size=1000
    )


def index_service_ids(ids: Iterable) -> int:
    return index_services(services_to_index().filter(pk__in=list(ids)))


def _bulk_index(ids: list) -> int:
    """Index services that have no document yet, in one insert (for a rebuild)."""
    documents, words = [], set()
    for service in services_to_index().filter(pk__in=ids):
        fields = document_fields(service)
        documents.append(SearchDocument(service=service, **fields))
        for text in fields.values():
            words.update(word for word in text.split() if len(word) <= 100)
    documents = SearchDocument.objects.bulk_create(documents)
    add_words(words)
    backends.current().write(documents)
    return len(documents)


@transaction.atomic
def rebuild(batch_size: int = 2000, progress=None) -> int:
    """Empty the index and index every service again."""
    backends.current().clear()
    with connection.cursor() as cursor:
        # Plain deletes: the backend's index was just cleared, so no per-row signals are needed.
        cursor.execute("DELETE FROM search_searchdocument")
        cursor.execute("DELETE FROM search_searchword")
    from ookbalans.search.engine import forget_vocabulary

    forget_vocabulary()
    ids = list(Service.objects.order_by("pk").values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), batch_size):
        done += _bulk_index(ids[start : start + batch_size])
        if progress:
            progress(done, len(ids))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
            cursor.execute("ANALYZE search_searchword")
    return done
