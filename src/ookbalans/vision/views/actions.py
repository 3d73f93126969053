"""Adding, changing and removing an action towards a goal."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ookbalans.vision.forms import ActionForm
from ookbalans.vision.models import Action
from ookbalans.vision.views.common import delete_part, edit_part, vision_or_404


@login_required
def action_edit(request, slug, version, pk=None):
    vision = vision_or_404(request, slug, version)
    action = get_object_or_404(Action, vision=vision, pk=pk) if pk else Action(vision=vision)
    initial = {}
    if pk is None and request.GET.get("doel", "").isdigit():
        initial["goal"] = int(request.GET["doel"])
    form = ActionForm(request.POST or None, instance=action, vision=vision, initial=initial)
    return edit_part(
        request,
        vision,
        form,
        _("Action"),
        reverse("vision:goals", args=[slug, version]),
        "vision/action_form.html",
    )


@login_required
@require_POST
def action_delete(request, slug, version, pk):
    vision = vision_or_404(request, slug, version)
    action = get_object_or_404(Action, vision=vision, pk=pk)
    return delete_part(request, vision, action, _("Action"), reverse("vision:goals", args=[slug, version]))
