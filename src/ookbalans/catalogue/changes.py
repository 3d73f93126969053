"""The catalogue's signal for changes written in bulk, which send no model signals of their own."""

from __future__ import annotations

from collections.abc import Iterable

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
