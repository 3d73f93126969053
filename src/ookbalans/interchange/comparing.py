"""Whether a field of a file comes back the same from ookbalans, decided without writing either as JSON."""

from __future__ import annotations

from ookbalans.interchange import mapping
from ookbalans.interchange.problems import SOURCE


def same(original, mapped) -> bool:
    """Whether `mapping.canonical` of the two values is equal, ignoring where the file's objects came from.

    Walks both values once and stops at the first difference, instead of writing both as sorted
    JSON; an import compares every field of every object this way.
    """
    if isinstance(original, str) or original is None:
        return type(original) is type(mapped) and original == mapped
    if isinstance(original, dict):
        if not isinstance(mapped, dict):
            return False
        keys = [key for key in original if key != SOURCE]
        if len(keys) != len(mapped) or any(key not in mapped for key in keys):
            return False
        return all(same(original[key], mapped[key]) for key in keys)
    if isinstance(original, list):
        return (
            isinstance(mapped, list)
            and len(original) == len(mapped)
            and all(same(a, b) for a, b in zip(original, mapped, strict=True))
        )
    if isinstance(original, bool | int) and type(original) is type(mapped):
        return original == mapped
    # Floats (0.0 and -0.0), decimals, dates: as their JSON text compares them.
    return mapping.canonical(original) == mapping.canonical(mapped)
