"""The catalogue's signal for changes written in bulk, which send no model signals of their own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.dispatch import Signal

# Sent once after a bulk write (an import) with `service_ids`: the services that were created or
# changed, their links and parts included. Receivers (the search index) bring themselves up to date
# in bulk; the sender knows nothing of them.
catalogue_changed = Signal()


def services_changed(sender, service_ids: Iterable, prepared: Iterable = ()) -> None:
    """Tell every receiver that these services were written in bulk; nothing is sent for none.

    `prepared`: the answers to `services_coming` for these services, if the writer asked for them.
    """
    ids = list(service_ids)
    if ids:
        catalogue_changed.send(sender=sender, service_ids=ids, prepared=list(prepared))


# Sent before a bulk write creates services, possibly in another process than the write (a national
# import's worker), with `coalition_id` and `services`: the services to be created, by id, as plain
# values ({"fields": the model's field values as the writer gives them, "organisation": the name of
# its organisation, "terms": the ids of its framework terms by many-to-many field}). A receiver may
# answer with what it can work out ahead from them (picklable, e.g. the search documents); the writer
# hands every answer back with `catalogue_changed` as `prepared`, where the receiver uses its own.
services_coming = Signal()
# Sent (without arguments) before a process starts the worker processes that will send `services_coming`:
# receivers load what the workers then share with it (forked, copy on write) instead of each its own.
workers_starting = Signal()


def prepare_services(sender, coalition_id, services: dict) -> list:
    """The receivers' answers to `services_coming` for services about to be created (none for none)."""
    if not services:
        return []
    answers = services_coming.send(sender=sender, coalition_id=coalition_id, services=services)
    return [answer for _receiver, answer in answers if answer is not None]


# Sent once after a bulk write of one coalition's catalogue (an import), whatever it held (services,
# organisations, locations, contact points), with `coalition_id`: what is kept of its public pages
# is made afresh.
coalition_written = Signal()
# The coalition whose catalogue is being written in bulk, while it is.
_writing_in_bulk: ContextVar = ContextVar("catalogue_writing_in_bulk", default=None)


@contextmanager
def writing_in_bulk(sender, coalition_id) -> Iterator[None]:
    """Around a bulk write of one coalition's catalogue: `coalition_written` follows once at the end.

    Receivers of the row signals sent meanwhile (deletes of replaced parts) may leave their work to it.
    """
    token = _writing_in_bulk.set(coalition_id)
    try:
        yield
    finally:
        _writing_in_bulk.reset(token)
    coalition_written.send(sender=sender, coalition_id=coalition_id)


def written_in_bulk_now() -> bool:
    return _writing_in_bulk.get() is not None
