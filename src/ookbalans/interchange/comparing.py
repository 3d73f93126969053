"""Whether a field of a file comes back the same from ookbalans, decided without sorted JSON texts."""

from __future__ import annotations

import orjson

from ookbalans.interchange import mapping
from ookbalans.interchange.problems import SOURCE


def same(original, mapped) -> bool:
    """Whether `mapping.canonical` of the two values is equal, ignoring where the file's objects came from.

    Walks both values once and stops at the first difference, instead of writing both as sorted
    JSON; an import compares every field of every object this way. Lists and objects that orjson
    writes as the same text are the same without the walk (the common case: a file exported by
    ookbalans); text with a `null` (also what orjson makes of NaN) is decided by the walk.
    """
    if isinstance(original, dict | list):
        try:
            text = orjson.dumps(original)
        except (TypeError, orjson.JSONEncodeError):  # an integer beyond 64 bits, say
            text = None
        if text is not None and b"null" not in text and text == dumped(mapped):
            return True
    return walked(original, mapped)


def dumped(value) -> bytes | None:
    try:
        return orjson.dumps(value)
    except (TypeError, orjson.JSONEncodeError):
        return None


def walked(original, mapped) -> bool:
    """`same`, by walking both values."""
    if isinstance(original, str) or original is None:
        return type(original) is type(mapped) and original == mapped
    if isinstance(original, dict):
        if not isinstance(mapped, dict):
            return False
        keys = [key for key in original if key != SOURCE]
        if len(keys) != len(mapped) or any(key not in mapped for key in keys):
            return False
        return all(walked(original[key], mapped[key]) for key in keys)
    if isinstance(original, list):
        return (
            isinstance(mapped, list)
            and len(original) == len(mapped)
            and all(walked(a, b) for a, b in zip(original, mapped, strict=True))
        )
    if isinstance(original, bool | int) and type(original) is type(mapped):
        return original == mapped
    # Floats (0.0 and -0.0), decimals, dates: as their JSON text compares them.
    return mapping.canonical(original) == mapping.canonical(mapped)
