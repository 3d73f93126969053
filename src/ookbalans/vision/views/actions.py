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

# What a link may suggest for a new action (the gap analysis's "make it an action" passes these).
SUGGESTED = ("title", "description", "finding")


@login_required
def action_edit(request, slug, version, pk=None):
    vision = vision_or_404(request, slug, version)
    initial = {}
    if pk is None and request.GET.get("doel", "").isdigit():
        initial["goal"] = int(request.GET["doel"])
    if pk is None:
        # A link from elsewhere (such as a finding of the gap analysis) may suggest a title and text.
        initial.update(suggested_values(request.GET))
    form = ActionForm(
        request.POST or None, instance=part_or_new(vision, Action, pk), vision=vision, initial=initial
    )
    return edit_part(request, vision, form, _("Action"), "vision:goals", "vision/action_form.html")


def suggested_values(query) -> dict:
    """Initial values a link may pass in its query: title, description and a finding's key, trimmed."""
    values = {}
    title = " ".join(query.get("title", "").split())[:300]
    if title:
        values["title"] = title
    description = query.get("description", "").strip()[:2000]
    if description:
        values["description"] = description
    finding = query.get("finding", "").strip()
    if finding:
        values["gap_findings"] = [finding]
    return values


@login_required
def action_from_finding(request, slug):
    """The new-action form of the version still being written, with what the link suggests; else why not."""
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
        query = {key: request.GET[key] for key in SUGGESTED if request.GET.get(key)}
        target = reverse("vision:action_create", args=[slug, latest.version])
        return redirect(f"{target}?{urlencode(query)}" if query else target)
    return redirect("vision:coalition", slug=slug)


action_delete = delete_view(Action, gettext_lazy("Action"), "vision:goals")
