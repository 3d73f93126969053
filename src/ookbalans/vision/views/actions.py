"""Adding, changing and removing an action towards a goal."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ookbalans.vision.forms import ActionForm
from ookbalans.vision.models import Action
from ookbalans.vision.views.common import delete_view, edit_part, part_or_new, vision_or_404


@login_required
def action_edit(request, slug, version, pk=None):
    vision = vision_or_404(request, slug, version)
    initial = {}
    if pk is None and request.GET.get("doel", "").isdigit():
        initial["goal"] = int(request.GET["doel"])
    form = ActionForm(
        request.POST or None, instance=part_or_new(vision, Action, pk), vision=vision, initial=initial
    )
    return edit_part(request, vision, form, _("Action"), "vision:goals", "vision/action_form.html")


action_delete = delete_view(Action, gettext_lazy("Action"), "vision:goals")
