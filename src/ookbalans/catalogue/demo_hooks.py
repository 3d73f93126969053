"""The hook through which other apps add their part of the demo once the catalogue's demo coalition is in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import AppConfig

DemoLoader = Callable[[], dict[str, int]]


@dataclass(frozen=True, order=True)
class Subscriber:
    """An app's demo loader: returns what it created per kind (empty on a second run)."""

    order: int
    name: str
    load: DemoLoader = field(compare=False)


_subscribers: dict[str, Subscriber] = {}


def subscribe(name: str, load: DemoLoader, *, order: int) -> None:
    """Run `load()` after the catalogue's demo; call from the app's `AppConfig.ready()`.

    Lower `order` runs first: give a loader an order above every loader whose data it reads.
    Subscribing the same name again replaces the earlier subscription.
    """
    _subscribers[name] = Subscriber(order, name, load)


def subscribers() -> list[Subscriber]:
    """The subscribers in the order they run (by order, then name)."""
    return sorted(_subscribers.values())


def load_subscribers() -> dict[str, int]:
    """Run every subscriber in order; what they created, summed per kind."""
    created: dict[str, int] = {}
    for subscriber in subscribers():
        for kind, count in subscriber.load().items():
            created[kind] = created.get(kind, 0) + count
    return created


class DemoAppConfig(AppConfig):
    """An app that adds to the demo: the `load_demo` of its `demo` module runs at `demo_order`.

    Subclass it through the module (`demo_hooks.DemoAppConfig`), so that Django finds only the app's
    own configuration in its apps.py.
    """

    default_auto_field = "django.db.models.BigAutoField"
    demo_order: int

    def ready(self):
        subscribe(self.name, import_module(f"{self.name}.demo").load_demo, order=self.demo_order)
