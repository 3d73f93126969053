"""Related sets prefetched into plain lists, and reading them back: what the HSDS mapping reads."""

from __future__ import annotations


def loaded(name: str) -> str:
    """The attribute a related set is prefetched into as a list: `Prefetch(name, to_attr=loaded(name))`."""
    return f"{name}_loaded"


def related(obj, name: str) -> list:
    """The related objects `name` of `obj`: the list prefetched by `loaded(name)`, else from its manager.

    Django makes a related manager and a queryset for every `obj.name.all()`, which costs more than
    mapping the objects; a page of 50 services has some 700 such sets.
    """
    found = getattr(obj, loaded(name), None)
    return found if found is not None else list(getattr(obj, name).all())
