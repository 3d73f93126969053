"""Adding, changing and removing an action towards a goal; an action started from a gap-analysis finding."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ookbalans.vision.forms import ActionForm
from ookbalans.vision.models import Action
from ookbalans.vision.views.common import (
    can_edit,
    coalition_or_404,
    delete_view,
    edit_part,
    part_or_new,
    vision_or_404,
)

# What a link may fill in on a new action (the gap analysis's "make it an action" passes these).
PREFILLED = ("title", "description")


@login_required
def action_edit(request, slug, version, pk=None):
    vision = vision_or_404(request, slug, version)
    initial = {}
    if pk is None:
        if request.GET.get("doel", "").isdigit():
            initial["goal"] = int(request.GET["doel"])
        initial |= {name: request.GET[name][:2000] for name in PREFILLED if request.GET.get(name)}
        if request.GET.get("finding"):
            initial["gap_findings"] = [request.GET["finding"]]
    form = ActionForm(
        request.POST or None, instance=part_or_new(vision, Action, pk), vision=vision, initial=initial
    )
    return edit_part(request, vision, form, _("Action"), "vision:goals", "vision/action_form.html")


@login_required
def action_from_finding(request, slug):
    """The new-action form of the version still being written, with what the link prefills; else why not."""
    coalition = coalition_or_404(request, slug)
    latest = coalition.visions.order_by("-version").first()
    if latest is None:
        messages.info(request, _("Start the vision first; then a finding can become one of its actions."))
    elif latest.is_adopted:
        messages.info(
            request,
            _("The current version has been adopted. Start a new version to add an action to it."),
        )
    elif not can_edit(request, coalition):
        messages.info(request, _("You may read this vision but not change it."))
    else:
        query = {k: request.GET[k] for k in (*PREFILLED, "finding") if request.GET.get(k)}
        target = reverse("vision:action_create", args=[slug, latest.version])
        return redirect(f"{target}?{urlencode(query)}" if query else target)
    return redirect("vision:coalition", slug=slug)


action_delete = delete_view(Action, gettext_lazy("Action"), "vision:goals")
