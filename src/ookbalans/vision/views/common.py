"""Shared by the vision pages: access checks, the page context and the generic edit and delete of a part."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ookbalans.catalogue.permissions import EDIT_ROLES, coalitions_for, has_role
from ookbalans.framework import codes
from ookbalans.vision import workflow
from ookbalans.vision.forms import describe_changes
from ookbalans.vision.models import Vision

SECTIONS = [term.code for term in codes.VISION_SECTIONS.terms]


def coalition_or_404(request, slug):
    """The coalition, when the user holds any role in it; others get a 404, never a hint it exists."""
    return get_object_or_404(coalitions_for(request.user), slug=slug)


def vision_or_404(request, slug, version):
    coalition = coalition_or_404(request, slug)
    return get_object_or_404(
        Vision.objects.select_related("coalition", "edition"), coalition=coalition, version=version
    )


def can_edit(request, coalition) -> bool:
    return has_role(request.user, coalition.id, EDIT_ROLES)


def writable(request, vision: Vision) -> None:
    """Refuse a change by a viewer, or to an adopted version; checked on every request that writes."""
    if not can_edit(request, vision.coalition):
        raise PermissionDenied(_("You may read this vision but not change it."))
    if vision.is_adopted:
        raise PermissionDenied(_("This version has been adopted and can no longer be changed."))


def context(request, vision: Vision, **extra) -> dict:
    return {
        "vision": vision,
        "coalition": vision.coalition,
        "may_edit": can_edit(request, vision.coalition) and not vision.is_adopted,
        "sections": workflow.progress(vision),
        **extra,
    }


def edit_part(request, vision, form, kind: str, redirect_to: str, template: str):
    """Save a goal, action or voice with a log line in the same transaction, or show the form again."""
    if request.method == "POST":
        writable(request, vision)
        if form.is_valid():
            adding = form.instance._state.adding
            with transaction.atomic():
                obj = form.save()
                if adding:
                    summary = _("%(kind)s added: “%(name)s”.") % {"kind": kind, "name": str(obj)}
                    workflow.log(vision, request.user, summary)
                elif form.changed_data:
                    summary = _("%(kind)s changed: “%(name)s”.") % {"kind": kind, "name": str(obj)}
                    workflow.log(vision, request.user, summary, describe_changes(form))
            messages.success(request, _("Saved."))
            return redirect(redirect_to)
    return render(request, template, context(request, vision, form=form, kind=kind))


def delete_part(request, vision, obj, kind: str, redirect_to: str):
    writable(request, vision)
    with transaction.atomic():
        obj.delete()
        workflow.log(
            vision, request.user, _("%(kind)s removed: “%(name)s”.") % {"kind": kind, "name": str(obj)}
        )
    messages.success(request, _("Removed."))
    return redirect(redirect_to)
