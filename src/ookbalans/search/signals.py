"""Keep the search index in step with the catalogue; the catalogue itself knows nothing of search."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from ookbalans.catalogue.changes import catalogue_changed, services_coming, workers_starting
from ookbalans.catalogue.models import Organisation, Service
from ookbalans.search import backends, indexing
from ookbalans.search.concepts import shared_index
from ookbalans.search.models import LocalWord, SearchDocument

# The ids of services waiting to be indexed while indexing is deferred; None when it is not.
_deferred: ContextVar[set | None] = ContextVar("search_deferred_service_ids", default=None)


@contextmanager
def deferred_indexing() -> Iterator[None]:
    """Index each changed service once, when the block ends, instead of after every save and relabel.

    For bulk loads (the demo, reference catalogues): a service saved and then given three label sets
    is indexed once rather than four times. The resulting index is the same.
    """
    if _deferred.get() is not None:  # already deferred by an enclosing block
        yield
        return
    pending: set = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    indexing.index_service_ids(pending)


def index_now_or_later(ids: Iterable) -> None:
    pending = _deferred.get()
    if pending is None:
        indexing.index_service_ids(ids)
    else:
        pending.update(ids)


@receiver(catalogue_changed, dispatch_uid="search_index_bulk_changes")
def index_bulk_changes(sender, service_ids, prepared=(), **kwargs):
    """Services written in bulk (an import) are indexed together, once, at the end of the write.

    With the documents `prepare_documents` worked out ahead of the write, where it did.
    """
    pending = _deferred.get()
    if pending is None:
        ahead = next((answer for answer in prepared if isinstance(answer, indexing.Prepared)), None)
        indexing.index_in_bulk(service_ids, prepared=ahead)
    else:
        pending.update(service_ids)


@receiver(services_coming, dispatch_uid="search_prepare_documents")
def prepare_documents(sender, coalition_id, services, **kwargs):
    """The documents of services a bulk write will create, worked out ahead (e.g. in an import's worker)."""
    return indexing.prepare(coalition_id, services)


@receiver(workers_starting, dispatch_uid="search_lexicons_for_workers")
def load_lexicons(sender, **kwargs):
    """The concept finder's lexicons, loaded once for the workers that will prepare documents."""
    shared_index()


@receiver(post_save, sender=Service, dispatch_uid="search_index_service")
def index_saved_service(sender, instance: Service, raw=False, **kwargs):
    if not raw:
        index_now_or_later([instance.pk])


@receiver(post_save, sender=Organisation, dispatch_uid="search_index_organisation")
def index_services_of_organisation(sender, instance: Organisation, created=False, raw=False, **kwargs):
    if not raw and not created:
        index_now_or_later(instance.services.values_list("pk", flat=True))


def index_after_labels_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:
        # A term gained or lost services: pk_set holds the services (None after a clear).
        if pk_set:
            index_now_or_later(pk_set)
    else:
        index_now_or_later([instance.pk])


for relation in (Service.pyramid_levels, Service.phases, Service.target_groups, Service.factors):
    m2m_changed.connect(
        index_after_labels_changed, sender=relation.through, dispatch_uid=f"search_{relation.field.name}"
    )


@receiver(post_delete, sender=SearchDocument, dispatch_uid="search_delete_document")
def forget_document(sender, instance: SearchDocument, **kwargs):
    backends.current().delete([instance.pk])


@receiver(post_save, sender=LocalWord, dispatch_uid="search_local_word_saved")
@receiver(post_delete, sender=LocalWord, dispatch_uid="search_local_word_deleted")
def reindex_after_local_word(sender, instance: LocalWord, raw=False, **kwargs):
    """The coalition's services are indexed again, so texts that use the word get its concept."""
    if not raw:
        indexing.index_coalition(instance.coalition_id)
