"""How an entry reads in the admin: kinds of objects, fields and values in the interface language."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from ookbalans.audit.tracking import model_for, tracked_models


def object_types() -> list[tuple[str, str]]:
    """(object type, its name) of every tracked model, sorted by name."""
    types = [(m._meta.label_lower, str(m._meta.verbose_name)) for m in tracked_models()]
    return sorted(types, key=lambda pair: pair[1])


def object_type_name(object_type: str) -> str:
    model = model_for(object_type)
    return str(model._meta.verbose_name) if model is not None else object_type


def field_name(object_type: str, name: str) -> str:
    model = model_for(object_type)
    try:
        return str(model._meta.get_field(name).verbose_name) if model is not None else name
    except FieldDoesNotExist:
        return name


def value_text(object_type: str, name: str, value) -> str:
    """One stored value as a reader expects it: a choice's label, yes or no, or the text itself."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(value_text(object_type, name, v) for v in value)
    model = model_for(object_type)
    try:
        choices = dict(model._meta.get_field(name).flatchoices) if model is not None else {}
    except (FieldDoesNotExist, AttributeError):
        choices = {}
    return str(choices.get(value, value))


def counted(counts: dict) -> str:
    """An import's counts per kind ("services", "cost_options") as "3 diensten, 1 kosten": the kinds
    are the plural model names the interchange reports, named here by the models' plural names."""
    parts = []
    for kind, count in counts.items():
        model = model_for("catalogue." + kind[:-1].replace("_", ""))
        parts.append(f"{count} {model._meta.verbose_name_plural if model is not None else kind}")
    return ", ".join(parts)


def change_rows(entry) -> list[tuple[str, str, str]]:
    """(field, before, after) for each field of an entry; values of a redacted model are not kept."""
    rows = []
    for name, change in entry.changes.items():
        label = field_name(entry.object_type, name)
        if change is None:
            rows.append((label, _("changed (value not kept)"), ""))
        elif isinstance(change, dict):
            removed, added = change.get("removed", []), change.get("added", [])
            rows.append((label, ", ".join(removed) or "—", ", ".join(added) or "—"))
        else:
            old, new = change
            rows.append(
                (label, value_text(entry.object_type, name, old), value_text(entry.object_type, name, new))
            )
    return rows
