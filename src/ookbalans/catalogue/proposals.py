"""Review before publishing: an organisation editor's change to a service, shown old → new."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from ookbalans.catalogue import permissions
from ookbalans.catalogue.models import Proposal, Service


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


def proposed_values(form) -> dict:
    """The changed fields of a service form as JSON values: scalars as themselves, relations as ids."""
    values = {}
    for name in form.changed_data:
        field = Service._meta.get_field(name)
        value = form.cleaned_data[name]
        if field.many_to_many:
            values[name] = sorted(str(item.pk) for item in value)
        elif field.is_relation:
            values[name] = None if value is None else str(value.pk)
        else:
            values[name] = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    return values


def propose(user, service: Service, values: dict) -> Proposal:
    return Proposal.objects.create(
        coalition_id=service.coalition_id, service=service, values=values, proposed_by=user
    )


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def changes(proposal: Proposal) -> list[Change]:
    """Per proposed field its label, the value parents see now, and the proposed one, as text."""
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
    """Apply the proposed values through the service's normal save (audit, search index, API follow)."""
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
    service.save()
    close(proposal, reviewer, Proposal.Status.APPROVED)
    return service


def send_back(proposal: Proposal, reviewer, comment: str) -> None:
    proposal.comment = comment
    close(proposal, reviewer, Proposal.Status.SENT_BACK)


def close(proposal: Proposal, reviewer, status) -> None:
    proposal.status = status
    proposal.reviewed_by = reviewer
    proposal.reviewed_at = timezone.now()
    proposal.save()
