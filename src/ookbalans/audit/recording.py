"""Writing entries: one per object change, import or export, with the actor of the current scope."""

from __future__ import annotations

from ookbalans.audit import context
from ookbalans.audit.models import Entry
from ookbalans.catalogue.models import Coalition

Action = Entry.Action


def coalition_name_of(coalition_id) -> str:
    """The coalition's name, read once per scope."""
    scope = context.current()
    names = scope.coalition_names if scope is not None else {}
    if coalition_id not in names:
        names[coalition_id] = (
            Coalition.objects.filter(pk=coalition_id).values_list("name", flat=True).first() or ""
        )
    return names[coalition_id]


def record(
    action: str,
    *,
    coalition_id,
    coalition_name: str = "",
    object_type: str = "",
    object_id="",
    object_repr: str = "",
    changes: dict | None = None,
    details: dict | None = None,
) -> Entry:
    """Write one entry now, in the caller's transaction, so that it goes or stays with the change."""
    user, name = context.actor()
    if coalition_id is not None and not coalition_name:
        coalition_name = coalition_name_of(coalition_id)
    entry = Entry.objects.create(
        coalition_id=coalition_id,
        coalition_name=coalition_name[:200],
        actor=user,
        actor_name=name[:200],
        action=action,
        object_type=object_type,
        object_id=str(object_id or ""),
        object_repr=object_repr[:200],
        changes=changes or {},
        details=details or {},
    )
    scope = context.current()
    if scope is not None and object_id:
        scope.entries[(object_type, str(object_id))] = entry
    return entry


def record_import(coalition, *, file_name: str, file_format: str, created: dict, updated: dict) -> Entry:
    """One entry for a whole import: the file, its format and how many objects of each kind it wrote."""
    return record(
        Action.IMPORTED,
        coalition_id=coalition.pk,
        coalition_name=coalition.name,
        object_repr=file_name,
        details={"file": file_name, "format": file_format, "created": created, "updated": updated},
    )


def record_export(coalition, *, file_format: str) -> Entry:
    """One entry for an export of the coalition's offering."""
    return record(
        Action.EXPORTED,
        coalition_id=coalition.pk,
        coalition_name=coalition.name,
        object_repr=file_format,
        details={"format": file_format},
    )
