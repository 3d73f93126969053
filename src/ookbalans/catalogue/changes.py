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


def services_changed(sender, service_ids: Iterable) -> None:
    """Tell every receiver that these services were written in bulk; nothing is sent for none."""
    ids = list(service_ids)
    if ids:
        catalogue_changed.send(sender=sender, service_ids=ids)


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
