"""Keeping the search index in step with the catalogue: one document per service, and the vocabulary."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction

from ookbalans.catalogue.models import Service
from ookbalans.framework.models import Term
from ookbalans.search import backends
from ookbalans.search.concepts import ConceptIndex, index_with_local_words
from ookbalans.search.language import NEGATION, compound_pieces, content_keys, indexed_words, key, lemma
from ookbalans.search.models import LocalWord, SearchDocument, SearchWord
from ookbalans.search.ranking import FIELD_WEIGHTS

TRANSLATED_LANGUAGES = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != "nl"]


# Texts recur between services (labels, organisations, a provider's standard wording): a rebuild
# processes each distinct text once.
TEXT_CACHE = 20_000


@functools.lru_cache(maxsize=TEXT_CACHE)
def indexed_text(text: str) -> str:
    """Normalised words plus their lemmas and the parts of compound words, as both backends index them."""
    return " ".join(indexed_words(text))


@functools.lru_cache(maxsize=TEXT_CACHE)
def concepts_in(text: str, concepts: ConceptIndex) -> tuple[str, ...]:
    """The thesaurus concepts a text mentions, also through the parts of its compounds."""
    keys: list[tuple[str, ...]] = []
    for word, part in content_keys(text):
        keys.append((part,))
        if part != NEGATION:
            keys.extend((key(piece),) for piece in compound_pieces(lemma(word)))
    return tuple(sorted({code for match in concepts.find(keys) for code in match.codes}))


def local_words_of(coalition_id) -> tuple[tuple[str, str], ...]:
    """A coalition's local words as (concept code, word), in a stable order."""
    return tuple(
        LocalWord.objects.filter(coalition_id=coalition_id)
        .order_by("concept_code", "word")
        .values_list("concept_code", "word")
    )


def document_fields(service: Service, local_words: tuple[tuple[str, str], ...] = ()) -> dict:
    """What a service is found by: name (and translations), descriptions, organisation, labels, concepts."""
    names = [service.name_nl or service.name] + [
        getattr(service, f"name_{code}", "") or "" for code in TRANSLATED_LANGUAGES
    ]
    labels = [
        term.label
        for name in ("pyramid_levels", "phases", "target_groups")
        for term in labels_of(service, name)
    ]
    short_descriptions = [service.short_description_nl or service.short_description] + [
        getattr(service, f"short_description_{code}", "") or "" for code in TRANSLATED_LANGUAGES
    ]
    texts = {
        "title": " ".join(filter(None, names)),
        "body": " ".join(filter(None, [*short_descriptions, service.organization.name])),
        "labels": " ".join(labels),
        "description": service.description or "",
    }
    if set(texts) != set(FIELD_WEIGHTS):  # every weighted field is indexed, nothing else
        raise ValueError(f"indexed fields {sorted(texts)} differ from the weighted {sorted(FIELD_WEIGHTS)}")
    concepts = index_with_local_words(local_words)
    phases = sorted(term.code for term in labels_of(service, "phases"))
    return {
        **{name: indexed_text(text) for name, text in texts.items()},
        "concepts": {
            "fields": {
                name: list(found) for name, text in texts.items() if (found := concepts_in(text, concepts))
            },
            "phases": phases,
            # The factors the service is classified with: a need whose concept points at one of them
            # meets it a little, also when the text never names the need.
            "classified": sorted(term.code for term in labels_of(service, "factors")),
        },
    }


LABEL_SETS = ("pyramid_levels", "phases", "target_groups", "factors")


def labels_of(service: Service, name: str) -> list[Term]:
    """A set of the service's framework terms: the list `with_labels` gave it, else from the database."""
    loaded = getattr(service, "indexed_labels", None)
    return loaded[name] if loaded is not None else list(getattr(service, name).all())


def with_labels(services: list[Service]) -> list[Service]:
    """The services with their sets of framework terms as plain lists (`labels_of`), in their order.

    One query per set for all the services, each term one shared object: cheaper than a prefetch,
    which makes a term object and a queryset per link when a whole import is indexed.
    """
    if not services:
        return services
    terms = Term.objects.in_bulk()
    found: dict = {(service.pk, name): [] for service in services for name in LABEL_SETS}
    ids = [service.pk for service in services]
    for name in LABEL_SETS:
        through = Service._meta.get_field(name).remote_field.through
        for service_id, term_id in through.objects.filter(service_id__in=ids).values_list(
            "service_id", "term_id"
        ):
            found[(service_id, name)].append(terms[term_id])
    for service in services:
        service.indexed_labels = {
            name: sorted(found[(service.pk, name)], key=lambda term: (term.taxonomy, term.position, term.pk))
            for name in LABEL_SETS
        }
    return services


def _words_of(fields: dict) -> set[str]:
    return {word for name in FIELD_WEIGHTS for word in fields[name].split() if len(word) <= 100}


def services_to_index():
    return Service.objects.select_related("organization").prefetch_related(
        "pyramid_levels", "phases", "target_groups", "factors"
    )


@transaction.atomic
def index_services(services: Iterable[Service]) -> int:
    """(Re)index the given services; returns how many documents were written."""
    documents = []
    words: set[str] = set()
    local: dict = {}
    for service in services:
        if service.coalition_id not in local:
            local[service.coalition_id] = local_words_of(service.coalition_id)
        fields = document_fields(service, local[service.coalition_id])
        document, _ = SearchDocument.objects.update_or_create(
            service=service, defaults={**fields, "coalition_id": service.coalition_id}
        )
        documents.append(document)
        words |= _words_of(fields)
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


def index_in_bulk(ids: Iterable, batch_size: int = 2000) -> int:
    """Index many services at once, as after an import: new documents in one insert per batch.

    Services that have a document already are indexed again one by one (their documents are updated).
    """
    ids = list(ids)
    existing = set()
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        found = SearchDocument.objects.filter(service_id__in=batch).values_list("service_id", flat=True)
        existing |= {str(service_id) for service_id in found}
    new = [i for i in ids if str(i) not in existing]
    done = 0
    for start in range(0, len(new), batch_size):
        done += _bulk_index(new[start : start + batch_size])
    changed = [i for i in ids if str(i) in existing]
    for start in range(0, len(changed), batch_size):
        done += index_service_ids(changed[start : start + batch_size])
    return done


def index_coalition(coalition_id) -> int:
    """Reindex a coalition's services, as after a change of its local words."""
    return index_service_ids(Service.objects.filter(coalition_id=coalition_id).values_list("pk", flat=True))


def _bulk_index(ids: list) -> int:
    """Index services that have no document yet, in one insert (for a rebuild)."""
    documents, words = [], set()
    with_words = set(LocalWord.objects.values_list("coalition_id", flat=True).distinct())
    local = {coalition_id: local_words_of(coalition_id) for coalition_id in with_words}
    for service in with_labels(list(Service.objects.select_related("organization").filter(pk__in=ids))):
        fields = document_fields(service, local.get(service.coalition_id, ()))
        documents.append(SearchDocument(service=service, coalition_id=service.coalition_id, **fields))
        words |= _words_of(fields)
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
    with connection.cursor() as cursor:
        # Fresh statistics, so the planner scans one coalition's documents instead of the index.
        cursor.execute("ANALYZE")
    return done
