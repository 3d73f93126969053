"""Keeping the search index in step with the catalogue: one document per service, and the vocabulary."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from ookbalans.catalogue.copying import copy_rows, copying
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


@dataclass(frozen=True)
class Texts:
    """What a service's document is made of, as plain values: of a service (`texts_of`) or of its plan."""

    # The Dutch name first, then its translations in the order of TRANSLATED_LANGUAGES; the same for
    # the short descriptions.
    names: list[str]
    short_descriptions: list[str]
    organisation: str
    description: str
    # The framework terms of each set of LABEL_SETS, in the order `labels_of` gives them.
    labels: dict[str, list[Term]]


def texts_of(service: Service) -> Texts:
    """A service's texts and labels as its document needs them."""
    return Texts(
        names=[service.name_nl or service.name]
        + [getattr(service, f"name_{code}", "") or "" for code in TRANSLATED_LANGUAGES],
        short_descriptions=[service.short_description_nl or service.short_description]
        + [getattr(service, f"short_description_{code}", "") or "" for code in TRANSLATED_LANGUAGES],
        organisation=service.organization.name,
        description=service.description or "",
        labels={name: labels_of(service, name) for name in LABEL_SETS},
    )


def document_fields(service: Service, local_words: tuple[tuple[str, str], ...] = ()) -> dict:
    """What a service is found by: name (and translations), descriptions, organisation, labels, concepts."""
    return fields_of(texts_of(service), local_words)


def fields_of(texts: Texts, local_words: tuple[tuple[str, str], ...] = ()) -> dict:
    """A document's fields from plain values (no database): `document_fields` of a service that has them."""
    labels = [
        term.label for name in ("pyramid_levels", "phases", "target_groups") for term in texts.labels[name]
    ]
    found_in = {
        "title": " ".join(filter(None, texts.names)),
        "body": " ".join(filter(None, [*texts.short_descriptions, texts.organisation])),
        "labels": " ".join(labels),
        "description": texts.description,
    }
    if set(found_in) != set(FIELD_WEIGHTS):  # every weighted field is indexed, nothing else
        raise ValueError(
            f"indexed fields {sorted(found_in)} differ from the weighted {sorted(FIELD_WEIGHTS)}"
        )
    concepts = index_with_local_words(local_words)
    phases = sorted(term.code for term in texts.labels["phases"])
    return {
        **{name: indexed_text(text) for name, text in found_in.items()},
        "concepts": {
            "fields": {
                name: list(found) for name, text in found_in.items() if (found := concepts_in(text, concepts))
            },
            "phases": phases,
            # The factors the service is classified with: a need whose concept points at one of them
            # meets it a little, also when the text never names the need.
            "classified": sorted(term.code for term in texts.labels["factors"]),
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


@dataclass
class Prepared:
    """Documents worked out ahead of a bulk write, from the plain values of the services it creates."""

    coalition_id: object
    # The documents' fields by service id (text).
    fields: dict[str, dict]


def prepare(coalition_id, services: dict) -> Prepared:
    """The documents of services about to be created (`catalogue.changes.services_coming`), as `fields_of`.

    A service whose values do not say all its document needs (no Dutch name or short description,
    an unknown term) is left out: it is indexed from the database after the write, as without this.
    """
    terms = Term.objects.in_bulk()
    local = local_words_of(coalition_id)
    fields = {}
    for service_id, service in services.items():
        texts = plain_texts(service, terms)
        if texts is not None:
            fields[str(service_id)] = fields_of(texts, local)
    return Prepared(coalition_id, fields)


def plain_texts(service: dict, terms: dict) -> Texts | None:
    """A new service's `Texts` from its plain values; None if they do not hold everything."""
    values = service["fields"]
    name, short = values.get("name_nl"), values.get("short_description_nl")
    if not name or not short or any(i not in terms for ids in service["terms"].values() for i in ids):
        return None
    return Texts(
        names=[name] + [values.get(f"name_{code}") or "" for code in TRANSLATED_LANGUAGES],
        short_descriptions=[short]
        + [values.get(f"short_description_{code}") or "" for code in TRANSLATED_LANGUAGES],
        organisation=service["organisation"],
        description=values.get("description") or "",
        labels={
            name: sorted(
                (terms[i] for i in service["terms"].get(name, ())),
                key=lambda term: (term.taxonomy, term.position, term.pk),
            )
            for name in LABEL_SETS
        },
    )


def index_in_bulk(ids: Iterable, batch_size: int = 2000, prepared: Prepared | None = None) -> int:
    """Index many services at once, as after an import: new documents in one insert per batch.

    Services that have a document already are indexed again one by one (their documents are updated).
    New services `prepared` has documents for are written with those, without loading them.
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
        done += _bulk_index(new[start : start + batch_size], prepared)
    changed = [i for i in ids if str(i) in existing]
    for start in range(0, len(changed), batch_size):
        done += index_service_ids(changed[start : start + batch_size])
    return done


def index_coalition(coalition_id) -> int:
    """Reindex a coalition's services, as after a change of its local words."""
    return index_service_ids(Service.objects.filter(coalition_id=coalition_id).values_list("pk", flat=True))


def _bulk_index(ids: list, prepared: Prepared | None = None) -> int:
    """Index services that have no document yet, in one insert (for a rebuild, or with `prepared`)."""
    documents, words = [], set()
    ready = prepared.fields if prepared is not None else {}
    for service_id in ids:
        fields = ready.get(str(service_id))
        if fields is not None:
            documents.append(
                SearchDocument(service_id=service_id, coalition_id=prepared.coalition_id, **fields)
            )
            words |= _words_of(fields)
    ids, local = [service_id for service_id in ids if str(service_id) not in ready], {}
    if ids:
        with_words = set(LocalWord.objects.values_list("coalition_id", flat=True).distinct())
        local = {coalition_id: local_words_of(coalition_id) for coalition_id in with_words}
    for service in with_labels(list(Service.objects.select_related("organization").filter(pk__in=ids))):
        fields = document_fields(service, local.get(service.coalition_id, ()))
        documents.append(SearchDocument(service=service, coalition_id=service.coalition_id, **fields))
        words |= _words_of(fields)
    documents = insert_documents(documents)
    add_words(words)
    backends.current().write(documents)
    return len(documents)


# The columns a new document is written with, besides its id.
DOCUMENT_COLUMNS = ("service_id", "coalition_id", "title", "body", "labels", "description", "concepts")


def insert_documents(documents: list[SearchDocument]) -> list[SearchDocument]:
    """New documents, with their ids: on PostgreSQL through one COPY (no statement of parameters)."""
    if not copying() or not documents:
        return SearchDocument.objects.bulk_create(documents)
    copy_rows(
        SearchDocument._meta.db_table,
        list(DOCUMENT_COLUMNS),
        (
            (*(getattr(document, column) for column in DOCUMENT_COLUMNS[:-1]), json.dumps(document.concepts))
            for document in documents
        ),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT service_id, id FROM search_searchdocument WHERE service_id = ANY(%s::uuid[])",
            [[str(document.service_id) for document in documents]],
        )
        ids = {str(service_id): pk for service_id, pk in cursor.fetchall()}
    for document in documents:
        document.pk = ids[str(document.service_id)]
        document._state.adding = False
    return documents


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
