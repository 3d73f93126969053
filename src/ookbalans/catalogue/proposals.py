"""Review before publishing: an organisation editor's change to a service, shown old → new.

A proposal holds the changed fields of the service (`values`) and what changes in its rows
(`parts`): the places it is given (service at a location), their opening hours and its costs, each
as rows added, changed (only the changed fields) and removed. A service has one pending proposal at
most: the editor's next change is added to it (`propose`). Approval applies everything through the
models' normal saves, so the audit trail, the search index, the finder and the API follow.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from ookbalans.catalogue import permissions
from ookbalans.catalogue.changes import services_changed
from ookbalans.catalogue.models import CostOption, Location, Proposal, Schedule, Service, ServiceAtLocation

# The kinds of rows a proposal may change, in the order they are applied (a new place before its hours).
PART_MODELS = {
    "cost_options": CostOption,
    "service_at_locations": ServiceAtLocation,
    "schedules": Schedule,
}
# The parent each kind of row hangs from: the service, or one of its places.
PARENT_FIELDS = {
    "cost_options": "service",
    "service_at_locations": "service",
    "schedules": "service_at_location",
}
PART_NAMES = {
    "cost_options": lambda: CostOption._meta.verbose_name,
    "service_at_locations": lambda: Location._meta.verbose_name,
    "schedules": lambda: Schedule._meta.verbose_name,
}


class ProposalConflict(Exception):
    """The catalogue changed since the proposal so that it no longer applies; the message says what."""


def changes_wait(user, coalition) -> bool:
    """Whether the user's changes in the coalition wait for a coordinator (organisation editors, if asked)."""
    if permissions.has_role(user, coalition.pk, permissions.EDIT_ROLES):
        return False
    return coalition.review_organisation_changes


def needs_review(user, service: Service) -> bool:
    """Whether the user's change to the service becomes a proposal instead of being published."""
    return service.organization_id in permissions.organisation_ids_for(user) and changes_wait(
        user, service.coalition
    )


def pending(service: Service) -> Proposal | None:
    """The service's proposal that waits for review, if any."""
    if service is None or service.pk is None:
        return None
    return Proposal.objects.filter(service=service, status=Proposal.Status.PENDING).first()


def as_json(value):
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def form_value(field, value):
    """A cleaned form value as JSON: scalars as themselves, relations as ids."""
    if field.many_to_many:
        return sorted(str(item.pk) for item in value)
    if field.is_relation:
        return None if value is None else str(value.pk)
    return as_json(value)


def model_fields(model, form, names) -> list:
    """The form's fields that are the model's own fields (not a form's helper like `save_anyway`)."""
    own = {
        field.name: field for field in model._meta.get_fields() if field.concrete and not field.primary_key
    }
    return [own[name] for name in names if name in own]


def proposed_values(form) -> dict:
    """The changed fields of a service form as JSON values: scalars as themselves, relations as ids."""
    return {
        field.name: form_value(field, form.cleaned_data[field.name])
        for field in model_fields(Service, form, form.changed_data)
    }


def published_value(service: Service, name: str):
    """A field's value as parents see it now, in the JSON form `proposed_values` gives."""
    field = Service._meta.get_field(name)
    if field.many_to_many:
        return sorted(str(pk) for pk in getattr(service, name).values_list("pk", flat=True))
    if field.is_relation:
        value = getattr(service, field.attname)
        return None if value is None else str(value)
    return as_json(getattr(service, field.attname))


def row_changes(formset) -> dict:
    """What an inline formset adds, changes and removes, as JSON (empty when nothing).

    A new row keeps all its fields and the id of its parent; a changed row only the changed fields.
    """
    model, parent = formset.model, formset.fk.name
    ops: dict = {"added": [], "changed": {}, "removed": []}
    for form in formset.forms:
        adding = form.instance._state.adding
        if formset.can_delete and formset._should_delete_form(form):
            if not adding:
                ops["removed"].append(str(form.instance.pk))
            continue
        if not form.has_changed():
            continue
        if adding:
            fields = model_fields(model, form, [name for name in form.fields if name != parent])
            row = {field.name: form_value(field, form.cleaned_data.get(field.name)) for field in fields}
            ops["added"].append(row | {parent: str(formset.instance.pk)})
        else:
            fields = model_fields(model, form, [name for name in form.changed_data if name != parent])
            if fields:
                ops["changed"][str(form.instance.pk)] = {
                    field.name: form_value(field, form.cleaned_data.get(field.name)) for field in fields
                }
    return {kind: rows for kind, rows in ops.items() if rows}


def kind_of(model) -> str:
    """The key of a kind of row in a proposal's parts: "cost_options", "service_at_locations", "schedules"."""
    return next(kind for kind, part_model in PART_MODELS.items() if part_model is model)


def own_changes(model, form, exclude=()) -> dict:
    """The changed fields of one row's own form (a place's page), as the `changed` part of its kind."""
    fields = model_fields(model, form, [name for name in form.changed_data if name not in exclude])
    if not fields:
        return {}
    return {
        "changed": {str(form.instance.pk): {f.name: form_value(f, form.cleaned_data[f.name]) for f in fields}}
    }


def merged_parts(old: dict, new: dict) -> dict:
    """The parts of a pending proposal with a newer change added: the newer value of a field wins."""
    result = {}
    for kind in PART_MODELS:
        before, after = old.get(kind, {}), new.get(kind, {})
        changed = copy.deepcopy(before.get("changed", {}))
        for pk, row in after.get("changed", {}).items():
            changed[pk] = {**changed.get(pk, {}), **row}
        removed = [pk for pk in before.get("removed", []) if pk not in after.get("changed", {})]
        removed += [pk for pk in after.get("removed", []) if pk not in removed]
        ops = {
            "added": before.get("added", []) + after.get("added", []),
            "changed": {pk: row for pk, row in changed.items() if pk not in removed},
            "removed": removed,
        }
        ops = {name: rows for name, rows in ops.items() if rows}
        if ops:
            result[kind] = ops
    return result


def propose(user, service: Service, values: dict, parts: dict | None = None) -> tuple[Proposal | None, bool]:
    """Store the change as the service's pending proposal, or add it to the one already waiting.

    Returns the proposal (None when nothing is left to propose) and whether it was already waiting.
    A field set back to what parents see drops out of the proposal.
    """
    parts = parts or {}
    with transaction.atomic():
        # Lock the service first: two saves at one moment then take turns, and the second adds to
        # the proposal the first created instead of breaking the one-pending rule.
        list(Service.objects.select_for_update().filter(pk=service.pk).values_list("pk"))
        waiting = (
            Proposal.objects.select_for_update()
            .filter(service=service, status=Proposal.Status.PENDING)
            .first()
        )
        merged = {**(waiting.values if waiting else {}), **values}
        if waiting is not None:
            # Compared with the stored service: the admin's form has changed the object in memory.
            published = Service.objects.get(pk=service.pk)
            merged = {name: v for name, v in merged.items() if v != published_value(published, name)}
        all_parts = merged_parts(waiting.parts if waiting else {}, parts)
        if waiting is None:
            if not merged and not all_parts:
                return None, False
            proposal = Proposal.objects.create(
                coalition_id=service.coalition_id,
                service=service,
                values=merged,
                parts=all_parts,
                proposed_by=user,
            )
            return proposal, False
        if merged == waiting.values and all_parts == waiting.parts:
            return waiting, True
        waiting.values, waiting.parts, waiting.updated_at = merged, all_parts, timezone.now()
        waiting.save()
        return waiting, True


def initial_values(proposal: Proposal) -> dict:
    """The proposed field values as a service form's initial data, so the editor goes on from them."""
    initial = {}
    for name, raw in proposal.values.items():
        field = Service._meta.get_field(name)
        if field.many_to_many or field.is_relation:
            initial[name] = raw
        else:
            try:
                initial[name] = field.to_python(raw)
            except ValidationError:
                initial[name] = raw
    return initial


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def changes(proposal: Proposal) -> list[Change]:
    """Per proposed field and row its label, what parents see now, and the proposed one, as text."""
    return field_changes(proposal) + part_changes(proposal)


def field_changes(proposal: Proposal) -> list[Change]:
    service = proposal.service
    result = []
    for name, raw in proposal.values.items():
        field = Service._meta.get_field(name)
        if field.many_to_many:
            old = shown(list(getattr(service, name).all()))
            new = shown(list(field.related_model.objects.filter(pk__in=raw)))
        elif field.is_relation:
            old = shown(getattr(service, name))
            new = shown(field.related_model.objects.filter(pk=raw).first() if raw else None)
        else:
            old = shown(getattr(service, field.attname), field)
            new = shown(field.to_python(raw), field)
        result.append(Change(str(field.verbose_name), old, new))
    return result


def part_changes(proposal: Proposal) -> list[Change]:
    """Per added, changed and removed place, opening hours and cost: old → new as parents read them."""
    result = []
    with translation.override("nl"):
        for kind, model in PART_MODELS.items():
            ops = proposal.parts.get(kind, {})
            name = PART_NAMES[kind]()
            existing = rows_of(model, [*ops.get("changed", {}), *ops.get("removed", [])])
            for row in ops.get("added", []):
                label = gettext("%(part)s (added)") % {"part": name}
                result.append(Change(label, "—", described(built(model, row), proposal)))
            for pk, row in ops.get("changed", {}).items():
                if pk in existing:
                    label = gettext("%(part)s (changed)") % {"part": name}
                    old = existing[pk]
                    result.append(
                        Change(label, described(old, proposal), described(built(model, row, old), proposal))
                    )
            for pk in ops.get("removed", []):
                if pk in existing:
                    label = gettext("%(part)s (removed)") % {"part": name}
                    result.append(Change(label, described(existing[pk], proposal), "—"))
    return result


def rows_of(model, ids) -> dict:
    if not ids:
        return {}
    return {str(obj.pk): obj for obj in model.objects.filter(pk__in=ids)}


def built(model, row: dict, base=None):
    """An unsaved row with the given values over `base` (a copy), to show or to save."""
    obj = copy.copy(base) if base is not None else model()
    for name, raw in row.items():
        field = model._meta.get_field(name)
        if field.is_relation:
            setattr(obj, field.attname, field.target_field.to_python(raw) if raw else None)
        else:
            setattr(obj, field.attname, field.to_python(raw))
    return obj


def described(obj, proposal: Proposal) -> str:
    """One row as the coordinator reads it: a cost with its explanation, a place, a place's hours."""
    if isinstance(obj, CostOption):
        return f"{obj} ({obj.option})" if obj.option else str(obj)
    if isinstance(obj, ServiceAtLocation):
        place = str(Location.objects.filter(pk=obj.location_id).first() or "—")
        return f"{place}: {obj.description}" if obj.description else place
    place = ServiceAtLocation.objects.filter(pk=obj.service_at_location_id).select_related("location").first()
    where = str(place.location) if place is not None else gettext("a new place")
    return f"{where}: {obj}"


def shown(value, field=None) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


@transaction.atomic
def approve(proposal: Proposal, reviewer) -> Service:
    """Apply the proposal through the models' normal saves (audit, search index, finder and API follow).

    Raises ProposalConflict, changing nothing, when a row no longer fits (a place given twice).
    """
    service = proposal.service
    for name, raw in proposal.values.items():
        field = Service._meta.get_field(name)
        if field.many_to_many:
            # Before the save, so the index written on saving sees the new terms.
            getattr(service, name).set(raw)
        elif field.is_relation:
            setattr(service, field.attname, field.target_field.to_python(raw) if raw else None)
        else:
            setattr(service, field.attname, field.to_python(raw))
    apply_parts(service, proposal.parts)
    service.save()
    # The places, hours and costs changed too: every receiver (the search index) brings itself up to date.
    services_changed(Service, [service.pk])
    close(proposal, reviewer, Proposal.Status.APPROVED)
    return service


def apply_parts(service: Service, parts: dict) -> None:
    """Remove, change and add the proposed rows, one by one (each an entry of the audit trail)."""
    with translation.override("nl"):  # a place's note as the editor wrote it in the Dutch admin
        for kind, model in PART_MODELS.items():
            ops = parts.get(kind, {})
            own = owned_rows(service, kind)
            for obj in own.filter(pk__in=ops.get("removed", [])):
                obj.delete()
            for obj in own.filter(pk__in=list(ops.get("changed", {}))):
                saved(built(model, ops["changed"][str(obj.pk)], obj))
            for row in ops.get("added", []):
                obj = built(model, row)
                parent = PARENT_FIELDS[kind]
                if parent == "service":
                    obj.service = service
                elif not ServiceAtLocation.objects.filter(pk=row.get(parent), service=service).exists():
                    continue  # the place was removed meanwhile: its hours go with it
                saved(obj)


def owned_rows(service: Service, kind: str):
    model = PART_MODELS[kind]
    if kind == "schedules":
        return model.objects.filter(service_at_location__service=service)
    return model.objects.filter(service=service)


def saved(obj) -> None:
    try:
        obj.full_clean(validate_unique=True)
        with transaction.atomic():
            obj.save()
    except (ValidationError, IntegrityError) as problem:
        messages = getattr(problem, "messages", None) or [str(problem)]
        raise ProposalConflict(
            gettext("%(row)s: %(problem)s") % {"row": obj._meta.verbose_name, "problem": " ".join(messages)}
        ) from problem


def send_back(proposal: Proposal, reviewer, comment: str) -> None:
    proposal.comment = comment
    close(proposal, reviewer, Proposal.Status.SENT_BACK)


def close(proposal: Proposal, reviewer, status) -> None:
    proposal.status = status
    proposal.reviewed_by = reviewer
    proposal.reviewed_at = timezone.now()
    proposal.save()


def summary(proposal: Proposal) -> str:
    """The proposal's changes in one line, for the editor who adds to it: "naam; kosten (toegevoegd)"."""
    return "; ".join(change.label for change in changes(proposal))
