"""Pure helpers: a model instance's tracked values as plain JSON values, and what changed between two."""

from __future__ import annotations

import contextlib
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models


def tracked_fields(model) -> list[models.Field]:
    """The concrete fields worth keeping: not the id, not the automatic timestamps, and of a
    translated field (django-modeltranslation) only its per-language columns."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    translated = {f.translated_field.name for f in fields if getattr(f, "translated_field", None)}
    return [
        f
        for f in fields
        if f.name not in translated
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]


def plain(value):
    """A value as JSON keeps it: empty as None, numbers without trailing zeros, the rest as text."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return value
    return str(value)


def field_value(field: models.Field, value):
    """The plain value of one field, read the same way from a form's instance and from the database."""
    if value is not None and not field.is_relation:
        with contextlib.suppress(ValidationError):
            value = field.to_python(value)
    return plain(value)


def snapshot(instance, fields) -> dict:
    """Field name → plain value of the instance (foreign keys as their id)."""
    return {f.name: field_value(f, getattr(instance, f.attname)) for f in fields}


def row_snapshot(row: dict, fields) -> dict:
    """The same from a `values()` row, keyed by column attribute names."""
    return {f.name: field_value(f, row.get(f.attname)) for f in fields}


def differences(old: dict, new: dict) -> dict:
    """Field name → [old, new] for each field whose value changed."""
    return {name: [old.get(name), value] for name, value in new.items() if old.get(name) != value}


def filled(new: dict) -> dict:
    """Field name → [None, value] for each field a new object has a value for (a "no" is no value)."""
    return {
        name: [None, value]
        for name, value in new.items()
        if value is not False and value not in (None, [], {})
    }
