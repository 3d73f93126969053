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


action_delete = delete_view(Action, gettext_lazy("Action"), "vision:goals")
