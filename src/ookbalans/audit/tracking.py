"""Which models are tracked, and the signal receivers that turn their saves and deletes into entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from ookbalans.audit import context, values
from ookbalans.audit.recording import Action, record
from ookbalans.catalogue.models import Coalition

INACTIVE, ACTIVE = "inactive", "active"


@dataclass(frozen=True)
class Tracked:
    """A tracked model: how to find an object's coalition, and what to keep of it."""

    model: type[models.Model]
    coalition_of: Callable
    fields: tuple
    redacted: bool = False  # keep which fields changed, never their values
    status_field: str | None = None  # a change to "inactive" is a deactivation
    ended_field: str | None = None  # a time filled in here is a deactivation (a token's revocation)
    left_out: tuple = ()  # fields never kept (a token's hash)


_tracked: dict[type, Tracked] = {}


def track(
    model,
    coalition_of: Callable,
    *,
    redacted: bool = False,
    status_field: str | None = None,
    ended_field: str | None = None,
    left_out: tuple[str, ...] = (),
) -> None:
    """Record every create, change and delete of the model; `coalition_of(obj)` gives its coalition's id.

    `left_out` names fields never kept (a token's hash); `ended_field` a time whose filling ends the object.
    """
    fields = tuple(f for f in values.tracked_fields(model) if f.name not in left_out)
    _tracked[model] = Tracked(model, coalition_of, fields, redacted, status_field, ended_field, left_out)
    uid = f"audit-{model._meta.label_lower}"
    pre_save.connect(remember_old, sender=model, dispatch_uid=uid)
    post_save.connect(saved, sender=model, dispatch_uid=uid)
    pre_delete.connect(deleting, sender=model, dispatch_uid=uid)
    for field in model._meta.many_to_many:
        m2m_changed.connect(
            related_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}"
        )


def untrack(model) -> Tracked:
    """Stop recording the model (a benchmark's baseline); `track` again with the returned options."""
    uid = f"audit-{model._meta.label_lower}"
    for signal in (pre_save, post_save, pre_delete):
        signal.disconnect(sender=model, dispatch_uid=uid)
    for field in model._meta.many_to_many:
        m2m_changed.disconnect(sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}")
    return _tracked.pop(model)


def label(model) -> str:
    return model._meta.label_lower


def tracked_models() -> list[type[models.Model]]:
    return list(_tracked)


def model_for(object_type: str):
    return next((m for m in _tracked if label(m) == object_type), None)


def snapshot(instance) -> dict:
    """The tracked values of an object, to compare with later (`record_saved`)."""
    return values.snapshot(instance, _tracked[type(instance)].fields)


def remember_old(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or context.is_quiet() or instance._state.adding:
        instance._audit_old = None
        return
    fields = fields_of(sender, update_fields)
    row = sender._base_manager.filter(pk=instance.pk).values(*(f.attname for f in fields)).first()
    instance._audit_old = values.row_snapshot(row, fields) if row is not None else None


def saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or context.is_quiet():
        return
    old = getattr(instance, "_audit_old", None)
    instance._audit_old = None
    record_saved(instance, None if created else old, update_fields)


def record_saved(instance, old: dict | None, update_fields=None):
    """The entry for an object just saved, given its values before (None: new); None if nothing changed."""
    tracked = _tracked[type(instance)]
    new = values.snapshot(instance, fields_of(type(instance), update_fields))
    if old is None:
        action, changes = Action.CREATED, values.filled(new)
    else:
        changes = values.differences(old, new)
        if not changes:
            return None
        action = status_action(tracked, changes)
    return record(
        action,
        coalition_id=tracked.coalition_of(instance),
        object_type=label(type(instance)),
        object_id=instance.pk,
        object_repr=name_of(instance),
        changes=readable(tracked, instance, changes),
    )


def name_of(instance) -> str:
    """The object's own name (none for a redacted model: it may quote what was said); its kind and id
    if the name cannot be made (an unsaved value of the wrong type)."""
    if _tracked[type(instance)].redacted:
        return ""
    try:
        return str(instance)
    except (TypeError, ValueError, AttributeError, ObjectDoesNotExist):
        return f"{instance._meta.verbose_name} {instance.pk}"


def status_action(tracked: Tracked, changes: dict) -> str:
    ended_before, ended_now = changes.get(tracked.ended_field, (None, None))
    if ended_before is None and ended_now is not None:
        return Action.DEACTIVATED
    old, new = changes.get(tracked.status_field, (None, None))
    if new == INACTIVE and old != INACTIVE:
        return Action.DEACTIVATED
    if old == INACTIVE and new == ACTIVE:
        return Action.ACTIVATED
    return Action.CHANGED


def readable(tracked: Tracked, instance, changes: dict) -> dict:
    """Related objects named instead of their ids; values left out of a redacted model."""
    if tracked.redacted:
        return dict.fromkeys(changes)
    for name, (old, new) in changes.items():
        field = instance._meta.get_field(name)
        if field.is_relation:
            names = {
                str(obj.pk): str(obj)
                for obj in field.related_model._base_manager.filter(
                    pk__in=[v for v in (old, new) if v is not None]
                )
            }
            changes[name] = [names.get(str(old), old), names.get(str(new), new)]
    return changes


def fields_of(model, update_fields) -> tuple:
    fields = _tracked[model].fields
    if update_fields is None:
        return fields
    return tuple(f for f in fields if f.name in update_fields or f.attname in update_fields)


def deleted_itself(instance, origin) -> bool:
    """Whether the delete was asked for this object (or its model's query), not cascaded from another."""
    if origin is None:
        return True
    if isinstance(origin, models.Model):
        return type(origin) is type(instance) and origin.pk == instance.pk
    return getattr(origin, "model", None) is type(instance)


def deleting(sender, instance, origin=None, **kwargs):
    if context.is_quiet() or not deleted_itself(instance, origin):
        return
    tracked = _tracked[sender]
    if isinstance(instance, Coalition):
        # The coalition itself goes: the entry keeps its name, not a reference to the deleted row.
        coalition_id, coalition_name = None, instance.name
    else:
        coalition_id, coalition_name = tracked.coalition_of(instance), ""
    record(
        Action.DELETED,
        coalition_id=coalition_id,
        coalition_name=coalition_name,
        object_type=label(sender),
        object_id=instance.pk,
        object_repr=name_of(instance),
        changes={} if tracked.redacted else values.filled(values.snapshot(instance, tracked.fields)),
    )


def related_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Terms, languages or municipalities added or removed: joined to the object's entry of this scope."""
    if reverse or context.is_quiet() or action not in ("post_add", "post_remove", "pre_clear"):
        return
    tracked = _tracked.get(type(instance))
    field = next((f for f in instance._meta.many_to_many if f.remote_field.through is sender), None)
    if tracked is None or field is None:
        return
    if action == "pre_clear":
        pk_set = set(getattr(instance, field.name).values_list("pk", flat=True))
    if not pk_set:
        return
    kind = "added" if action == "post_add" else "removed"
    names = sorted(str(obj) for obj in model._base_manager.filter(pk__in=pk_set))
    scope = context.current()
    entry = scope.entries.get((label(type(instance)), str(instance.pk))) if scope is not None else None
    if entry is None:
        record(
            Action.CHANGED,
            coalition_id=tracked.coalition_of(instance),
            object_type=label(type(instance)),
            object_id=instance.pk,
            object_repr=name_of(instance),
            changes={field.name: {kind: names}},
        )
        return
    change = entry.changes.get(field.name)
    if not isinstance(change, dict):
        change = entry.changes[field.name] = {}
    change.setdefault(kind, []).extend(names)
    entry.save(update_fields=["changes"])
