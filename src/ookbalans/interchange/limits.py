"""The bounds of one import (unpacked bytes, compression ratio, nesting, services, rows), from settings."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.conf import settings

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one import file may hold. The defaults come from the settings (docs/operations.md)."""

    # The bytes all entries of a zip (datapackage or workbook) or a JSON file may hold, unpacked.
    unpacked_bytes: int = 200 * MB
    # Unpacked size over packed size of one zip entry; real CSV and sheet XML stay far below it.
    ratio: int = 100
    # Nesting of JSON arrays and objects; an HSDS document needs fewer than 12 levels.
    depth: int = 64
    # Services in one file, and rows in one sheet of a workbook or one table of a datapackage.
    services: int = 50_000
    rows: int = 200_000
    # The bytes of a JSON file, measured before it is parsed: parsed, JSON takes about three times its
    # size in memory, and every object of it is held until the import ends.
    json_bytes: int = 50 * MB

    @classmethod
    def from_settings(cls, **overrides) -> Limits:
        limits = cls(
            unpacked_bytes=settings.OOKBALANS_IMPORT_MAX_UNPACKED_BYTES,
            services=settings.OOKBALANS_IMPORT_MAX_SERVICES,
            rows=settings.OOKBALANS_IMPORT_MAX_ROWS,
            json_bytes=getattr(settings, "OOKBALANS_IMPORT_MAX_JSON_BYTES", cls.json_bytes),
        )
        return replace(limits, **{key: value for key, value in overrides.items() if value is not None})


def in_megabytes(size: int) -> str:
    """A size for people: '200 MB'."""
    return f"{size / MB:,.0f} MB" if size >= MB else f"{size / 1024:,.0f} kB"


def deeper_than(value, depth: int) -> bool:
    """Whether JSON data nests arrays and objects more than `depth` levels, found without recursion."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        if level > depth:
            return True
        stack.extend((child, level + 1) for child in item if isinstance(child, dict | list))
    return False
