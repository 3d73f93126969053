"""Shared by the vision pages: access checks, the page context and the generic edit and delete of a part."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

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


def part_or_new(vision: Vision, model, pk):
    """The goal, action or voice `pk` of this vision (404 when it is another's), or a new one without pk."""
    return get_object_or_404(model, vision=vision, pk=pk) if pk else model(vision=vision)


def page_of(vision: Vision, page: str) -> str:
    """The address of one of this vision's pages, by its URL name (such as "vision:goals")."""
    return reverse(page, args=[vision.coalition.slug, vision.version])


def edit_part(request, vision, form, kind: str, back_to: str, template: str):
    """Save a goal, action or voice with a log line in the same transaction, or show the form again.

    `back_to` is the URL name of the vision page to return to once saved.
    """
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
            return redirect(page_of(vision, back_to))
    return render(request, template, context(request, vision, form=form, kind=kind))


def delete_part(request, vision, obj, kind: str, back_to: str):
    """Remove a goal, action or voice with a log line, then return to the vision page `back_to`."""
    writable(request, vision)
    with transaction.atomic():
        obj.delete()
        workflow.log(
            vision, request.user, _("%(kind)s removed: “%(name)s”.") % {"kind": kind, "name": str(obj)}
        )
    messages.success(request, _("Removed."))
    return redirect(page_of(vision, back_to))


def delete_view(model, kind, back_to: str):
    """The view that removes one goal, action or voice (`kind` names it, lazily translated)."""

    @login_required
    @require_POST
    def delete(request, slug, version, pk):
        vision = vision_or_404(request, slug, version)
        return delete_part(request, vision, part_or_new(vision, model, pk), str(kind), back_to)

    return delete
